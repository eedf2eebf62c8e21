package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
)

const skillsPath = "/api/v2/routing/skills"

// orgServer is `cx org serve` on a data directory, run as a child process.
type orgServer struct {
	cx, dataDir string
	proc        *child
	url         string
}

// start runs the server on a free loopback port without a rate limit (the scenario measures
// durability, not pacing) and waits for its startup JSON.
func (o *orgServer) start(ctx context.Context) error {
	p, err := startChild(".", os.Environ(), o.cx, "org", "serve", "--addr", "127.0.0.1:0", "--data", o.dataDir,
		"--rate-limit", "off", "--json", "--log-level", "warn")
	if err != nil {
		return err
	}
	o.proc = p
	deadline := time.Now().Add(30 * time.Second)
	for {
		var info struct {
			URL string `json:"url"`
		}
		if json.Unmarshal([]byte(p.stdout()), &info) == nil && info.URL != "" {
			o.url = info.URL
			return nil
		}
		select {
		case <-p.exited:
			return fmt.Errorf("cx org serve exited:\n%s", tailLines(p.output(), 10))
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			p.killGroup() //nolint:errcheck // it failed to start
			return fmt.Errorf("cx org serve printed no startup JSON within 30s:\n%s", tailLines(p.output(), 10))
		}
	}
}

// writeLog is what the writers saw.
type writeLog struct {
	mu        sync.Mutex
	acked     map[string]string // name → id of every create the org acknowledged (2xx with an id)
	uncertain int               // creates whose response was lost (sent, then the connection broke)
	refused   int               // creates the dead org refused to connect (never sent)
	foundLost int               // of those, found by name after the restart: committed, answer lost
	recreated int               // of those, not found and created again
	problems  []string          // answers the scenario did not expect
}

func (l *writeLog) ackCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.acked)
}

func (l *writeLog) problem(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.problems = append(l.problems, fmt.Sprintf(format, args...))
}

// orgKill sends s.writes skill creates from s.writers goroutines, kill -9s the org once
// s.killAt of them are acknowledged, restarts it on the same data directory, finishes the
// creates (looking up by name first any create whose answer was lost) and checks the org.
func orgKill(ctx context.Context, g *goals, cx, dataDir string, s settings) error {
	srv := &orgServer{cx: cx, dataDir: dataDir}
	if err := srv.start(ctx); err != nil {
		return err
	}
	defer func() { srv.proc.killGroup() }() //nolint:errcheck // whichever server runs last
	creds, err := orgserver.ReadCredentials(filepath.Join(dataDir, orgserver.CredentialsFileName))
	if err != nil {
		return err
	}
	var deploy orgserver.Credential
	for _, c := range creds.Clients {
		if c.Org == "dev" && c.Name == "deploy" {
			deploy = c
		}
	}
	api := newAPIClient(srv.url, deploy.ClientID, deploy.ClientSecret)
	if err := api.login(ctx); err != nil {
		return err
	}

	log := &writeLog{acked: map[string]string{}}
	killAt := max(1, int(float64(s.writes)*s.killAt))
	killNow, restarted := make(chan struct{}), make(chan struct{})
	var killOnce sync.Once
	next := make(chan int, s.writes)
	for i := range s.writes {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range s.writers {
		wg.Go(func() {
			for i := range next {
				name := fmt.Sprintf("Reliability Skill %03d", i)
				createSurvivingKill(ctx, api, log, name, restarted)
				if log.ackCount() >= killAt {
					killOnce.Do(func() { close(killNow) })
				}
			}
		})
	}

	select {
	case <-killNow:
	case <-ctx.Done():
		return ctx.Err()
	}
	ackedAtKill := log.ackCount()
	if err := srv.proc.killGroup(); err != nil {
		return fmt.Errorf("kill -9 the org: %w", err)
	}
	killedAt := time.Now()
	if _, err := srv.proc.wait(ctx); err != nil {
		return err
	}
	if err := srv.start(ctx); err != nil {
		return fmt.Errorf("restart on the same data directory: %w", err)
	}
	restartTook := time.Since(killedAt)
	api.setBaseURL(srv.url)
	close(restarted)
	wg.Wait()

	fmt.Printf("  %d creates from %d goroutines; kill -9 after %d acknowledged; restarted in %s\n",
		s.writes, s.writers, ackedAtKill, restartTook.Round(time.Millisecond))
	fmt.Printf("  creates refused while the org was down: %d; sent but unanswered: %d; after the restart %d were found by name (committed, answer lost) and %d created again\n",
		log.refused, log.uncertain, log.foundLost, log.recreated)
	for _, p := range log.problems {
		fmt.Printf("  unexpected: %s\n", p)
	}

	live, err := api.listAll(ctx, skillsPath)
	if err != nil {
		return err
	}
	byName := map[string][]string{}
	byID := map[string]string{}
	for _, o := range live {
		byName[o.Name] = append(byName[o.Name], o.ID)
		byID[o.ID] = o.Name
	}
	lost, duplicates, missing := 0, 0, 0
	for name, id := range log.acked {
		if byID[id] != name {
			lost++
		}
	}
	for _, ids := range byName {
		duplicates += len(ids) - 1
	}
	for i := range s.writes {
		if len(byName[fmt.Sprintf("Reliability Skill %03d", i)]) == 0 {
			missing++
		}
	}
	fmt.Printf("  after the run: %d acknowledged creates, %d skills listed\n", len(log.acked), len(live))
	if ackedAtKill >= s.writes {
		return errors.New("every create was acknowledged before the kill: the kill came too late to measure anything")
	}
	g.check("org kill: acknowledged creates lost = 0", lost == 0, fmt.Sprintf("%d of %d", lost, len(log.acked)))
	g.check("org kill: names created twice = 0", duplicates == 0, fmt.Sprint(duplicates))
	g.check("org kill: names missing after finishing = 0", missing == 0, fmt.Sprintf("%d of %d", missing, s.writes))
	g.check("org kill: unexpected answers = 0", len(log.problems) == 0, fmt.Sprint(len(log.problems)))
	return nil
}

// createSurvivingKill creates one skill. A create whose answer is lost (the org died) waits
// for the restart, then looks the name up before creating again, as the provider does: found
// means the first attempt committed.
func createSurvivingKill(ctx context.Context, api *apiClient, log *writeLog, name string, restarted <-chan struct{}) {
	lost := false
	for attempt := 0; attempt < 5 && ctx.Err() == nil; attempt++ {
		if lost {
			select {
			case <-restarted:
			case <-ctx.Done():
				return
			}
			id, err := findSkill(ctx, api, name)
			if err != nil {
				log.problem("look up %q after a lost create: %v", name, err)
				return
			}
			if id != "" {
				log.mu.Lock()
				log.foundLost++
				log.mu.Unlock()
				return
			}
			log.mu.Lock()
			log.recreated++
			log.mu.Unlock()
		}
		var created namedObject
		err := api.do(ctx, http.MethodPost, skillsPath, nil, map[string]string{"name": name}, &created)
		var se *statusError
		switch {
		case err == nil && created.ID != "":
			log.mu.Lock()
			log.acked[name] = created.ID
			log.mu.Unlock()
			return
		case err == nil:
			log.problem("create %q: 2xx without an id", name)
			return
		case !errors.As(err, &se):
			if !lost {
				log.mu.Lock()
				if errors.Is(err, syscall.ECONNREFUSED) {
					log.refused++
				} else {
					log.uncertain++
				}
				log.mu.Unlock()
			}
			lost = true
		default:
			log.problem("create %q: %v", name, err)
			return
		}
	}
}

// findSkill returns the id of the live skill named exactly name, or "".
func findSkill(ctx context.Context, api *apiClient, name string) (string, error) {
	var page struct {
		Entities []namedObject `json:"entities"`
	}
	err := api.retryRateLimited(ctx, func() error {
		return api.do(ctx, http.MethodGet, skillsPath, url.Values{"name": {name}, "pageSize": {"100"}}, nil, &page)
	})
	if err != nil {
		return "", err
	}
	for _, o := range page.Entities {
		if o.Name == name && o.State != "deleted" {
			return o.ID, nil
		}
	}
	return "", nil
}
