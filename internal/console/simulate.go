package console

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
)

// The simulator view asks the org's own call simulator (POST /admin/orgs/{org}/simulate, the
// engine `cx test` drives) to route a call, and shows its path with the flows' YAML lines the
// call passed highlighted. The form is a GET: a simulation changes nothing, and its address
// can be shared.

type simulateData struct {
	Number, At, Zone, DTMF string
	Result                 *archy.Result
	Flows                  []flowListing
	Error                  string
}

// flowListing is one flow's YAML, line by line, with the lines the call passed marked.
type flowListing struct {
	Name  string
	Lines []yamlLine
}

type yamlLine struct {
	N    int
	Text string
	Hit  bool
}

// simulateLayout is the datetime-local input's layout.
const simulateLayout = "2006-01-02T15:04"

func (c *Console) simulatePage(w http.ResponseWriter, r *http.Request, s *session) {
	q := r.URL.Query()
	d := simulateData{Number: strings.TrimSpace(q.Get("number")), At: q.Get("at"), Zone: strings.TrimSpace(q.Get("zone")), DTMF: q.Get("dtmf")}
	if d.Zone == "" {
		d.Zone = "UTC"
	}
	if d.Number == "" {
		c.render(w, r, http.StatusOK, "simulate", s, d)
		return
	}
	at, err := callTime(d.At, d.Zone)
	if err != nil {
		d.Error = err.Error()
		c.render(w, r, http.StatusBadRequest, "simulate", s, d)
		return
	}
	body := map[string]any{"dnis": d.Number, "time": at.Format(time.RFC3339), "dtmf": dtmfKeys(d.DTMF)}
	ans, err := c.api.asAdmin(r, c.api.adminKey, http.MethodPost, "/admin/orgs/"+url.PathEscape(s.OrgID)+"/simulate", body)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	if e := ans.asError(); e != nil {
		d.Error = e.Message
		c.render(w, r, e.Status, "simulate", s, d)
		return
	}
	var res archy.Result
	if err := ans.decode(&res); err != nil {
		c.fail(w, r, s, err)
		return
	}
	d.Result = &res
	d.Flows = c.flowListings(s.OrgID, &res)
	c.render(w, r, http.StatusOK, "simulate", s, d)
}

// callTime reads the form's local date-time in zone ("" is now).
func callTime(at, zone string) (time.Time, error) {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("unknown time zone %q; use an IANA name such as America/New_York", zone)
	}
	if at == "" {
		return time.Now().In(loc), nil
	}
	for _, layout := range []string{simulateLayout, simulateLayout + ":05"} {
		if t, err := time.ParseInLocation(layout, at, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("the date and time %q is not of the form 2026-03-10T10:00", at)
}

// dtmfKeys splits "1, 2" into the keys pressed at each menu play; an empty entry is a play
// with no key ("7," presses 7, then nothing).
func dtmfKeys(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	keys := strings.Split(s, ",")
	for i := range keys {
		keys[i] = strings.TrimSpace(keys[i])
	}
	return keys
}

// flowListings are the YAML of every flow the call entered, with the steps' lines marked.
func (c *Console) flowListings(orgID string, res *archy.Result) []flowListing {
	if c.flowYAML == nil {
		return nil
	}
	hits := map[string]map[int]bool{}
	for _, st := range append(res.Steps, res.Final) {
		if st.Pos.File == "" || st.Pos.Line == 0 {
			continue
		}
		if hits[st.Pos.File] == nil {
			hits[st.Pos.File] = map[int]bool{}
		}
		hits[st.Pos.File][st.Pos.Line] = true
	}
	var out []flowListing
	for _, name := range res.FlowsEntered {
		src, ok := c.flowYAML(orgID, name)
		if !ok {
			continue
		}
		fl := flowListing{Name: name}
		// The simulator cites a flow's positions by its name, as the org parses it.
		hit := hits[name+".yaml"]
		for i, line := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
			fl.Lines = append(fl.Lines, yamlLine{N: i + 1, Text: line, Hit: hit[i+1]})
		}
		out = append(out, fl)
	}
	return out
}
