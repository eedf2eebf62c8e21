package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// child is a process the suite started in a process group of its own, so a kill -9 of the
// group takes its children (OpenTofu, the provider) with it, as a CI runner's cancel does.
// Its output is kept line by line with the time each line arrived.
type child struct {
	cmd     *exec.Cmd
	mu      sync.Mutex
	lines   []timedLine
	readers sync.WaitGroup
	exited  chan struct{}
	code    int
	end     time.Time
	err     error
}

// timedLine is one line of a child's output and when the suite read it.
type timedLine struct {
	at     time.Time
	stderr bool
	text   string
}

// startChild runs argv in dir with env, in a new process group.
func startChild(dir string, env []string, argv ...string) (*child, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir, cmd.Env = dir, env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, exited: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", strings.Join(argv, " "), err)
	}
	c.readers.Add(2)
	go c.read(stdout, false)
	go c.read(stderr, true)
	go func() {
		// Wait only after the pipes are drained: Wait closes them.
		c.readers.Wait()
		err := cmd.Wait()
		c.mu.Lock()
		c.end = time.Now()
		c.err = err
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee):
			c.code = ee.ExitCode()
		case err != nil:
			c.code = -1
		}
		c.mu.Unlock()
		close(c.exited)
	}()
	return c, nil
}

func (c *child) read(r io.Reader, stderr bool) {
	defer c.readers.Done()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		c.mu.Lock()
		c.lines = append(c.lines, timedLine{at: time.Now(), stderr: stderr, text: sc.Text()})
		c.mu.Unlock()
	}
}

// pid is the child's pid, which is also its process group's id.
func (c *child) pid() int { return c.cmd.Process.Pid }

// killGroup sends SIGKILL to the child's whole process group.
func (c *child) killGroup() error {
	return syscall.Kill(-c.pid(), syscall.SIGKILL)
}

// killTree kill -9s the child and every process descending from it, and returns their
// pids. A process group is not enough for cx: terraform-exec starts OpenTofu in a group of
// its own (Setpgid), so killing cx's group would leave OpenTofu and the provider running,
// where a CI runner's cancel kills the whole tree. The tree is stopped first (SIGSTOP), so
// nothing forks between listing and killing.
func (c *child) killTree() ([]int, error) {
	stopped := map[int]bool{}
	for {
		found := false
		for _, pid := range append([]int{c.pid()}, descendants(c.pid())...) {
			if !stopped[pid] {
				stopped[pid], found = true, true
				syscall.Kill(pid, syscall.SIGSTOP) //nolint:errcheck // it may have exited already
			}
		}
		if !found {
			break
		}
	}
	var pids []int
	for pid := range stopped {
		pids = append(pids, pid)
		syscall.Kill(pid, syscall.SIGKILL) //nolint:errcheck // it may have exited already
	}
	return pids, nil
}

// descendants lists the processes below pid, from the parent pids in /proc.
func descendants(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	children := map[int][]int{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid, ok := parentOf(p); ok {
			children[ppid] = append(children[ppid], p)
		}
	}
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, ch := range children[p] {
			out = append(out, ch)
			queue = append(queue, ch)
		}
	}
	return out
}

// parentOf reads a process's parent pid from /proc/<pid>/stat; the fields after the
// parenthesized command name (which may hold spaces) are the state and the parent pid.
func parentOf(pid int) (int, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	fields := strings.Fields(s[i+1:])
	if len(fields) < 2 {
		return 0, false
	}
	ppid, err := strconv.Atoi(fields[1])
	return ppid, err == nil
}

// running reports whether pid is a live process; a zombie (exited, not yet reaped) is gone.
func running(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// wait waits for the child to exit (and its output to end) and returns its exit code.
func (c *child) wait(ctx context.Context) (int, error) {
	select {
	case <-c.exited:
	case <-ctx.Done():
		c.killGroup() //nolint:errcheck // bounding a hung child
		<-c.exited
		return -1, fmt.Errorf("%s: %w", strings.Join(c.cmd.Args, " "), ctx.Err())
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.code, nil
}

// output returns everything the child printed, stdout and stderr interleaved as read.
func (c *child) output() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for _, l := range c.lines {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	return b.String()
}

// stdout returns what the child printed on stdout.
func (c *child) stdout() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for _, l := range c.lines {
		if !l.stderr {
			b.WriteString(l.text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// linesContaining returns the child's lines holding s, with their times.
func (c *child) linesContaining(s string) []timedLine {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []timedLine
	for _, l := range c.lines {
		if strings.Contains(l.text, s) {
			out = append(out, l)
		}
	}
	return out
}

// tailLines returns the last n lines of s, for error messages.
func tailLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
