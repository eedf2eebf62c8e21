package console

import (
	"net/http"
	"strconv"
	"strings"
)

// The faults panel shows and sets the org server's fault injection through its admin surface
// (/admin/faults). Faults hold for every org of the server, so setting them takes the
// server's admin key, typed by the person: the admin surface checks it, not the console.

// faults mirrors the admin surface's fault settings.
type faults struct {
	LatencyMs           int     `json:"latencyMs,omitempty"`
	ErrorRate           float64 `json:"errorRate,omitempty"`
	Burst429            int     `json:"burst429,omitempty"`
	RetryAfterSeconds   int     `json:"retryAfterSeconds,omitempty"`
	LagMs               int     `json:"lagMs,omitempty"`
	LostAfterCommitRate float64 `json:"lostAfterCommitRate,omitempty"`
}

type faultsData struct {
	Faults faults
	Error  string
	Saved  bool
}

func (c *Console) currentFaults(r *http.Request) (faults, error) {
	var f faults
	ans, err := c.api.asAdmin(r, c.api.adminKey, http.MethodGet, "/admin/faults", nil)
	if err != nil {
		return f, err
	}
	if err := errorOf(ans); err != nil {
		return f, err
	}
	return f, ans.decode(&f)
}

func (c *Console) faultsPage(w http.ResponseWriter, r *http.Request, s *session) {
	f, err := c.currentFaults(r)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	c.render(w, r, http.StatusOK, "faults", s, faultsData{Faults: f, Saved: r.URL.Query().Get("saved") != ""})
}

// setFaults replaces the fault settings with the form's (empty fields are no fault).
func (c *Console) setFaults(w http.ResponseWriter, r *http.Request, s *session) {
	num := func(name string) float64 {
		v, _ := strconv.ParseFloat(strings.TrimSpace(r.PostFormValue(name)), 64)
		return v
	}
	f := faults{LatencyMs: int(num("latencyMs")), ErrorRate: num("errorRate"), Burst429: int(num("burst429")),
		RetryAfterSeconds: int(num("retryAfterSeconds")), LagMs: int(num("lagMs")), LostAfterCommitRate: num("lostAfterCommitRate")}
	ans, err := c.api.asAdmin(r, r.PostFormValue("admin_key"), http.MethodPut, "/admin/faults", f)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	if e := ans.asError(); e != nil {
		c.render(w, r, e.Status, "faults", s, faultsData{Faults: f, Error: e.Message})
		return
	}
	http.Redirect(w, r, Prefix+"/faults?saved=1", http.StatusSeeOther)
}
