package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/cxascode/cxascode/bench/report"
)

// watchMemory samples, every 100 ms until the returned function is called, the resident
// memory of this process and all its descendants (OpenTofu and the provider plugins it
// starts), and returns the highest sum seen. The sampling is kept cheap, because it shares
// the cores with the runs it measures: a process's parent is read once, when its pid is
// first seen, and only the tree's own processes are read on each tick.
func watchMemory() func() int64 {
	var (
		mu   sync.Mutex
		peak int64
		stop = make(chan struct{})
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		tree := processTree{root: os.Getpid(), parent: map[int]int{}}
		for {
			total := tree.rss()
			mu.Lock()
			peak = max(peak, total)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// processTree finds root's descendants from /proc, remembering each pid's parent (0 where
// /proc is missing: the figure is then 0, and says so).
type processTree struct {
	root   int
	parent map[int]int
}

// rss sums the resident set of root and its descendants now.
func (t *processTree) rss() int64 {
	d, err := os.Open("/proc")
	if err != nil {
		return 0
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	live := make(map[int]bool, len(names))
	for _, name := range names {
		pid, err := strconv.Atoi(name)
		if err != nil {
			continue
		}
		live[pid] = true
		if _, seen := t.parent[pid]; !seen {
			t.parent[pid] = parentOf(pid)
		}
	}
	for pid := range t.parent {
		if !live[pid] {
			delete(t.parent, pid) // a pid reused later is read again
		}
	}
	var total int64
	for pid := range t.parent {
		if t.inTree(pid) {
			total += rssOf(pid)
		}
	}
	return total
}

func (t *processTree) inTree(pid int) bool {
	for range 64 {
		if pid == t.root {
			return true
		}
		p, ok := t.parent[pid]
		if !ok || p == 0 {
			return false
		}
		pid = p
	}
	return false
}

// parentOf reads a process's parent pid (0 when it is gone or unreadable). In
// /proc/<pid>/stat, comm may hold spaces, so the fields are read after the last ')'.
func parentOf(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	fields := strings.Fields(s[i+1:])
	if len(fields) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(fields[1])
	return ppid
}

func rssOf(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/statm", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

func goal(what string, met bool, got string) bool { return report.Goal(40, what, met, got) }

// cpuTimes is CPU time spent so far by this process (cx's runner and the local org, both
// in process) and by its waited-for descendants (OpenTofu, and the provider processes each
// OpenTofu waits for).
type cpuTimes struct{ self, children time.Duration }

func cpuNow() cpuTimes {
	var self, children syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	sum := func(r syscall.Rusage) time.Duration {
		return time.Duration(r.Utime.Nano() + r.Stime.Nano())
	}
	return cpuTimes{sum(self), sum(children)}
}

func (c cpuTimes) sub(o cpuTimes) string {
	self, children := c.self-o.self, c.children-o.children
	return fmt.Sprintf("%.1fs (OpenTofu and providers %.1fs, cx and the org %.1fs)", (self + children).Seconds(), children.Seconds(), self.Seconds())
}
