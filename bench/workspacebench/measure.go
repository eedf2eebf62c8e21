package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/bench/report"
)

// watchMemory samples, every 100 ms until the returned function is called, the resident
// memory of this process and all its descendants (OpenTofu and the provider plugins it
// starts), and returns the highest sum seen.
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
		for {
			total := treeRSS(os.Getpid())
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

// treeRSS sums the resident set of root and its descendants from /proc (0 where /proc is
// missing: the figure is then not printed meaningfully, and says so by being 0).
func treeRSS(root int) int64 {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	parent := map[int]int{}
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'.
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(s[i+1:])
		pid, _ := strconv.Atoi(strings.Fields(s)[0])
		if len(fields) > 1 {
			ppid, _ := strconv.Atoi(fields[1])
			parent[pid] = ppid
		}
	}
	inTree := func(pid int) bool {
		for range 64 {
			if pid == root {
				return true
			}
			p, ok := parent[pid]
			if !ok || p == 0 {
				return false
			}
			pid = p
		}
		return false
	}
	var total int64
	for pid := range parent {
		if inTree(pid) {
			total += rssOf(pid)
		}
	}
	return total
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
