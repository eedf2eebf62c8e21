package drift

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// Watch runs run now and then every interval until ctx ends, and writes the report (in
// format, see Report.Write) only when its findings or errors differ from the last run's:
// a scheduled job stays quiet while nothing changes. The first run is always written. It
// returns ctx's error when cancelled, or an error writing to out.
func Watch(ctx context.Context, interval time.Duration, run func() (*Report, error), out io.Writer, format string) error {
	if interval <= 0 {
		return fmt.Errorf("watch interval must be positive, not %s", interval)
	}
	last, first := "", true
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		rep, err := run()
		key := fingerprint(rep, err)
		show := func() error { return rep.Write(out, format) }
		if err != nil {
			show = func() error {
				_, werr := fmt.Fprintf(out, "%s drift check failed: %v\n", time.Now().UTC().Format(time.RFC3339), err)
				return werr
			}
		}
		if first || key != last {
			if werr := show(); werr != nil {
				return werr
			}
		}
		first, last = false, key
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// fingerprint is what must change for Watch to print: findings (with attribution, so a
// second change to a drifted object shows) and errors, not the report's timestamp.
func fingerprint(rep *Report, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	if rep == nil {
		return ""
	}
	b, _ := json.Marshal(struct {
		F []Finding
		E []RunError
	}{rep.Findings, rep.Errors})
	return string(b)
}
