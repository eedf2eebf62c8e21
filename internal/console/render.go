package console

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
)

// pageNames are the page templates, each rendered inside templates/layout.html.
var pageNames = []string{"signin", "kinds", "list", "object", "new", "audit", "simulate", "faults", "error"}

// page is what every page template gets: the session (nil before sign-in) and its own data.
type page struct {
	Title   string
	Prefix  string
	Session *session
	Data    any
}

func parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"query": func(kv ...string) string {
			v := url.Values{}
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i+1] != "" {
					v.Set(kv[i], kv[i+1])
				}
			}
			return v.Encode()
		},
		"pathEscape": url.PathEscape,
		"add":        func(a, b int) int { return a + b },
	}
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("console: parse page %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// render writes a page; a template failure becomes a plain 500, since the page is half-made.
func (c *Console) render(w http.ResponseWriter, r *http.Request, status int, name string, s *session, data any) {
	var buf bytes.Buffer
	title := strings.ToUpper(name[:1]) + name[1:]
	if err := c.pages[name].Execute(&buf, page{Title: title, Prefix: Prefix, Session: s, Data: data}); err != nil {
		slog.Default().Error("console: render", "page", name, "err", err)
		http.Error(w, "console: the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorData is the error page's data.
type errorData struct {
	Status  int
	Code    string
	Message string
	Context string
	Back    string
}

// fail shows an error page with the status the org answered (403 for a write the client may
// not make), so that a browser and a test see the API's refusal as it was.
func (c *Console) fail(w http.ResponseWriter, r *http.Request, s *session, err error) {
	d := errorData{Status: http.StatusInternalServerError, Message: err.Error(), Back: r.Referer()}
	var ae *apiError
	if errors.As(err, &ae) {
		d = errorData{Status: ae.Status, Code: ae.Code, Message: ae.Message, Context: ae.ContextID, Back: r.Referer()}
	}
	if d.Status < 400 {
		d.Status = http.StatusBadGateway
	}
	c.render(w, r, d.Status, "error", s, d)
}
