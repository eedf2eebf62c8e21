package export

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/platform"
)

// Exporting the flows' YAML: Architect export jobs, a few flows per job, kept in the working
// directory as each job finishes so that an interrupted export does not export them again.

// flowsPerJob is how many flows one export job carries.
const flowsPerJob = 50

// PublishedFlows exports every listed flow's published version as YAML, by flow id: one
// export job per flowsPerJob flows (a job answers a zip of their files), two jobs at a time.
// Each file is matched to its flow by the name and type the YAML declares. hc downloads the
// files (nil: http.DefaultClient); progress is told how many flows are exported.
func PublishedFlows(ctx context.Context, c *platform.Client, hc *http.Client, listed []drift.Listed, progress io.Writer) (map[string][]byte, error) {
	n := 0
	for _, l := range listed {
		if l.Type == flowType && !l.Builtin {
			n++
		}
	}
	if n > 0 && progress != nil {
		fmt.Fprintf(progress, "Exporting %d flow(s)…\n", n)
	}
	return publishedFlows(ctx, c, hc, listed, nil, nil, nil)
}

// exportFlows is PublishedFlows for Run: the flows an interrupted run exported are read back
// from its working directory, the others exported and kept there as each job finishes.
func exportFlows(ctx context.Context, c *platform.Client, hc *http.Client, listed []drift.Listed, work *workDir, prog *progress) (map[string][]byte, error) {
	var ids []string
	for _, l := range listed {
		if l.Type == flowType && !l.Builtin {
			ids = append(ids, l.ID)
		}
	}
	have := work.loadFlows(ids)
	if len(have) > 0 {
		prog.resumed(fmt.Sprintf("%d of %d flow(s) exported", len(have), len(ids)))
	}
	if len(ids) > len(have) {
		prog.beginStep("flows", len(ids)-len(have), fmt.Sprintf("Exporting %d flow(s)…", len(ids)-len(have)))
	}
	return publishedFlows(ctx, c, hc, listed, have, work.saveFlow, prog.advance)
}

// publishedFlows exports the listed flows not in have (nil: all), calling save (nil: none)
// with each file and done with the number of flows of each finished job (nil: none).
func publishedFlows(ctx context.Context, c *platform.Client, hc *http.Client, listed []drift.Listed, have map[string][]byte,
	save func(id string, data []byte) error, done func(n int)) (map[string][]byte, error) {
	type key struct{ name, typ string }
	ids := map[key]string{}
	out := map[string][]byte{}
	var all, todo []string
	for _, l := range listed {
		if l.Type == flowType && !l.Builtin {
			typ, _ := l.Object["type"].(string)
			ids[key{strings.ToLower(l.Name), strings.ToUpper(typ)}] = l.ID
			all = append(all, l.ID)
			if data, ok := have[l.ID]; ok {
				out[l.ID] = data
			} else {
				todo = append(todo, l.ID)
			}
		}
	}
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		first error
		slots = make(chan struct{}, 2)
	)
	for start := 0; start < len(todo); start += flowsPerJob {
		batch := todo[start:min(start+flowsPerJob, len(todo))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			files, err := backport.ExportFlows(ctx, c, hc, batch)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = fmt.Errorf("export flows: %w", err)
				}
				return
			}
			for _, f := range files {
				flow, err := archy.Parse(f.Name, f.Data)
				if err != nil {
					if first == nil {
						first = fmt.Errorf("exported flow %s: %w", f.Name, err)
					}
					return
				}
				id, ok := ids[key{strings.ToLower(flow.Name), strings.ToUpper(archy.APIType(flow.Type))}]
				if !ok && len(batch) == 1 {
					id, ok = batch[0], true
				}
				if !ok {
					if first == nil {
						first = fmt.Errorf("exported flow %s names %s %q, which the org's flow list does not hold", f.Name, flow.Type, flow.Name)
					}
					return
				}
				out[id] = f.Data
				if save != nil {
					if err := save(id, f.Data); err != nil && first == nil {
						first = fmt.Errorf("keep exported flow %s: %w", f.Name, err)
					}
				}
			}
			if done != nil {
				done(len(batch))
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	for _, id := range all {
		if _, ok := out[id]; !ok {
			return nil, fmt.Errorf("the export jobs answered no YAML for flow %s", id)
		}
	}
	return out, nil
}
