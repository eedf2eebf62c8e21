// Package console is the local org's browser console, mounted by the org at /console: sign in
// with a client of an org, browse every kind the catalogue serves, edit objects like an
// admin, read the audit log, follow a call through the flows and set the org's faults.
//
// Pages are rendered on the server with html/template; the stylesheet is embedded, so the
// console needs no network and no build step. Every read and write goes through the org's own
// HTTP handler with the signed-in client's token (api.go), so the API's authentication,
// permission checks and audit log apply to the console exactly as to an SDK.
package console

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
)

// Prefix is the path the org mounts the console at.
const Prefix = "/console"

// tokenCookie holds the signed-in client's access token: HttpOnly (no script reads it) and
// SameSite=Strict (no other site's page sends it).
const tokenCookie = "cx_console_token"

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Options configure a Console.
type Options struct {
	// API is the org's handler serving /oauth/token, /api/v2/... and /admin/...: the console
	// calls it in process for everything it shows and changes.
	API http.Handler
	// AdminKey is the org's admin key. The console uses it only to list the orgs at sign-in,
	// run simulated calls and show the faults; setting faults needs the key typed by the person.
	AdminKey string
	// FlowYAML returns the published YAML of the flow named name in the org with id orgID, so
	// the simulator view can show the lines a call passed; nil shows positions only.
	FlowYAML func(orgID, name string) (string, bool)
}

// Console is the console's http.Handler.
type Console struct {
	api      orgAPI
	flowYAML func(orgID, name string) (string, bool)
	pages    map[string]*template.Template
	mux      *http.ServeMux
	// csrfKey signs the per-session CSRF tokens; it lives as long as the console.
	csrfKey []byte
}

// New builds the console.
func New(o Options) (*Console, error) {
	if o.API == nil {
		return nil, fmt.Errorf("console: no API handler")
	}
	c := &Console{api: orgAPI{handler: o.API, adminKey: o.AdminKey}, flowYAML: o.FlowYAML, mux: http.NewServeMux(), csrfKey: make([]byte, 32)}
	if _, err := rand.Read(c.csrfKey); err != nil {
		return nil, fmt.Errorf("console: CSRF key: %w", err)
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	c.pages = pages
	c.routes()
	return c, nil
}

func (c *Console) routes() {
	static, _ := fs.Sub(staticFiles, "static") // the directory is embedded, so Sub cannot fail
	c.mux.Handle("GET "+Prefix+"/static/", http.StripPrefix(Prefix+"/static/", http.FileServerFS(static)))
	c.mux.HandleFunc("GET "+Prefix+"/{$}", c.home)
	c.mux.HandleFunc("GET "+Prefix+"/signin", c.signInPage)
	c.mux.HandleFunc("POST "+Prefix+"/signin", c.signIn)
	c.mux.HandleFunc("POST "+Prefix+"/signout", c.signedIn(c.signOut))
	c.mux.HandleFunc("GET "+Prefix+"/kinds", c.signedIn(c.kindsPage))
	c.mux.HandleFunc("GET "+Prefix+"/kinds/{kind}", c.signedIn(c.listPage))
	c.mux.HandleFunc("GET "+Prefix+"/kinds/{kind}/new", c.signedIn(c.newPage))
	c.mux.HandleFunc("POST "+Prefix+"/kinds/{kind}", c.signedIn(c.create))
	c.mux.HandleFunc("GET "+Prefix+"/object/{kind}/{id...}", c.signedIn(c.objectPage))
	c.mux.HandleFunc("POST "+Prefix+"/edit/{kind}/{id...}", c.signedIn(c.edit))
	c.mux.HandleFunc("POST "+Prefix+"/delete/{kind}/{id...}", c.signedIn(c.remove))
	c.mux.HandleFunc("GET "+Prefix+"/audit", c.signedIn(c.auditPage))
	c.mux.HandleFunc("GET "+Prefix+"/simulate", c.signedIn(c.simulatePage))
	c.mux.HandleFunc("GET "+Prefix+"/faults", c.signedIn(c.faultsPage))
	c.mux.HandleFunc("POST "+Prefix+"/faults", c.signedIn(c.setFaults))
}

// ServeHTTP serves the console's pages.
func (c *Console) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// The pages embed nothing from elsewhere and no other site may frame them.
	h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	if r.URL.Path == Prefix {
		http.Redirect(w, r, Prefix+"/", http.StatusFound)
		return
	}
	c.mux.ServeHTTP(w, r)
}

func (c *Console) home(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, Prefix+"/kinds", http.StatusFound)
}

// csrfFor is the CSRF token of a session: an HMAC of its access token, so that it changes
// with every sign-in and needs no server-side store.
func (c *Console) csrfFor(token string) string {
	m := hmac.New(sha256.New, c.csrfKey)
	m.Write([]byte(token))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// signedIn wraps a page that needs a session: without one it sends the browser to sign in;
// on a POST it checks the form's CSRF token against the session's before anything runs.
func (c *Console) signedIn(h func(http.ResponseWriter, *http.Request, *session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s, err := c.session(r)
		if err != nil {
			c.fail(w, r, nil, err)
			return
		}
		if s == nil {
			if r.Method != http.MethodGet {
				c.fail(w, r, nil, &apiError{Status: http.StatusUnauthorized, Code: "authentication.required", Message: "Sign in first."})
				return
			}
			http.Redirect(w, r, Prefix+"/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusFound)
			return
		}
		if r.Method == http.MethodPost {
			if err := r.ParseForm(); err != nil {
				c.fail(w, r, s, &apiError{Status: http.StatusBadRequest, Code: "bad.request", Message: "unreadable form"})
				return
			}
			if subtle.ConstantTimeCompare([]byte(r.PostFormValue("csrf")), []byte(s.CSRF)) != 1 {
				c.fail(w, r, s, &apiError{Status: http.StatusForbidden, Code: "csrf.mismatch",
					Message: "The form's CSRF token does not match this session; reload the page and try again."})
				return
			}
		}
		h(w, r, s)
	}
}

// safeNext keeps a post-sign-in redirect inside the console.
func safeNext(next string) string {
	if !strings.HasPrefix(next, Prefix+"/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return Prefix + "/kinds"
	}
	return next
}
