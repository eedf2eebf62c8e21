package drift

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// Kind says how an object differs from the workspace.
type Kind string

// The kinds of finding.
const (
	// KindManaged is an object a project manages whose live attributes differ from its state.
	KindManaged Kind = "managed"
	// KindUnmanaged is an object of a covered type in the org that no project declares.
	KindUnmanaged Kind = "unmanaged"
)

// Report is the outcome of one drift run over one environment.
type Report struct {
	Workspace string    `json:"workspace,omitempty"`
	Env       string    `json:"env"`
	Generated time.Time `json:"generated"`
	// Projects are the projects whose managed drift was checked, sorted; a project with no
	// finding and no error is in sync.
	Projects []string  `json:"projects"`
	Findings []Finding `json:"findings"`
	// Checked are the managed objects whose drift was checked (from each project's state),
	// drifted or not; JUnit lists one case for each.
	Checked []Object `json:"checked,omitempty"`
	// UnmanagedChecked is set when the org was searched for unmanaged objects.
	UnmanagedChecked bool `json:"unmanagedChecked"`
	// Errors are the parts that could not be checked (a project's plan, a type's listing);
	// any error makes the run fail (exit code 1) even when findings exist.
	Errors []RunError `json:"errors,omitempty"`
}

// Finding is one object that differs from the workspace.
type Finding struct {
	Kind Kind `json:"kind"`
	// Project owns the object (managed drift); "" for unmanaged objects.
	Project string `json:"project,omitempty"`
	// Address is the resource address in the project (managed drift).
	Address string `json:"address,omitempty"`
	Type    string `json:"type"`
	Name    string `json:"name"`
	ID      string `json:"id,omitempty"`
	// Deleted is set when a managed object no longer exists in the org.
	Deleted     bool         `json:"deleted,omitempty"`
	Attributes  []AttrChange `json:"attributes,omitempty"`
	Attribution *Attribution `json:"attribution,omitempty"`
}

// AttrChange is one attribute whose live value differs: Old is what the state (the code,
// once applied) holds, New is what the org holds now. Values are JSON.
type AttrChange struct {
	Path string `json:"path"`
	Old  any    `json:"old"`
	New  any    `json:"new"`
}

// Attribution is the latest audited change of an object.
type Attribution struct {
	// Who is the user's name or, for OAuth clients, the client's name (its id when unnamed).
	Who    string    `json:"who"`
	Client string    `json:"client,omitempty"` // OAuth client id
	When   time.Time `json:"when"`
	Action string    `json:"action"`
	// BreakGlass is set when the change was recorded as a declared break-glass change.
	BreakGlass bool     `json:"breakGlass,omitempty"`
	Reason     string   `json:"reason,omitempty"`
	Properties []string `json:"properties,omitempty"`
}

// Object is a managed object: a resource instance in a project's state.
type Object struct {
	Project string `json:"project"`
	Address string `json:"address"`
	Type    string `json:"type"`
	Name    string `json:"name,omitempty"`
	ID      string `json:"id,omitempty"`
}

// RunError is a part of the run that failed.
type RunError struct {
	Project string `json:"project,omitempty"`
	Type    string `json:"type,omitempty"`
	Error   string `json:"error"`
}

// Exit codes, following `tofu plan -detailed-exitcode`.
const (
	ExitInSync = 0
	ExitError  = 1
	ExitDrift  = 2
)

// ExitCode is 1 when any part failed, 2 when there are findings, 0 when in sync.
func (r *Report) ExitCode() int {
	switch {
	case r == nil || len(r.Errors) > 0:
		return ExitError
	case len(r.Findings) > 0:
		return ExitDrift
	}
	return ExitInSync
}

// Sort orders findings by kind (managed first), project, type, name and address, and each
// finding's attributes by path, so every renderer and Watch see a stable order.
func (r *Report) Sort() {
	sort.Strings(r.Projects)
	sort.Slice(r.Checked, func(i, j int) bool {
		return r.Checked[i].Project+"\x00"+r.Checked[i].Address < r.Checked[j].Project+"\x00"+r.Checked[j].Address
	})
	for i := range r.Findings {
		a := r.Findings[i].Attributes
		sort.Slice(a, func(x, y int) bool { return a[x].Path < a[y].Path })
	}
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Kind != b.Kind {
			return a.Kind == KindManaged
		}
		if a.Project != b.Project {
			return a.Project < b.Project
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if !strings.EqualFold(a.Name, b.Name) {
			return strings.ToLower(a.Name) < strings.ToLower(b.Name)
		}
		return a.Address < b.Address
	})
	sort.SliceStable(r.Errors, func(i, j int) bool {
		return r.Errors[i].Project+"\x00"+r.Errors[i].Type < r.Errors[j].Project+"\x00"+r.Errors[j].Type
	})
}

// Summary is one line: counts and what the exit code means.
func (r *Report) Summary() string {
	managed, unmanaged := 0, 0
	for _, f := range r.Findings {
		if f.Kind == KindManaged {
			managed++
		} else {
			unmanaged++
		}
	}
	switch r.ExitCode() {
	case ExitInSync:
		return fmt.Sprintf("%s is in sync with the workspace (%d projects checked).", r.Env, len(r.Projects))
	case ExitDrift:
		return fmt.Sprintf("%s has drifted: %d managed, %d unmanaged.", r.Env, managed, unmanaged)
	}
	return fmt.Sprintf("%s could not be fully checked: %d errors (%d managed, %d unmanaged findings so far).",
		r.Env, len(r.Errors), managed, unmanaged)
}

// WriteTable prints the human table: one row per changed attribute (one per object for
// unmanaged or deleted objects), then errors and the summary.
func (r *Report) WriteTable(w io.Writer) error {
	if len(r.Findings) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "KIND\tPROJECT\tOBJECT\tATTRIBUTE\tOLD → NEW\tWHO\tWHEN")
		for _, f := range r.Findings {
			who, when := attributionCells(f.Attribution)
			object := f.objectLabel()
			project := f.Project
			if project == "" {
				project = "-"
			}
			if len(f.Attributes) == 0 {
				what := "not declared by any project"
				if f.Deleted {
					what = "deleted from the org"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t-\t%s\t%s\t%s\n", f.Kind, project, object, what, who, when)
				continue
			}
			for i, a := range f.Attributes {
				if i > 0 {
					object, who, when = "", "", ""
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s → %s\t%s\t%s\n", f.Kind, project, object, a.Path,
					valueText(a.Old, 40), valueText(a.New, 40), who, when)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	for _, e := range r.Errors {
		fmt.Fprintf(w, "error: %s\n", e.label())
	}
	_, err := fmt.Fprintln(w, r.Summary())
	return err
}

// WriteJSON prints the report as indented JSON; field names are stable for tools.
func (r *Report) WriteJSON(w io.Writer) error {
	out := *r
	if out.Findings == nil {
		out.Findings = []Finding{} // tools read "findings": [] more easily than null
	}
	if out.Projects == nil {
		out.Projects = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteMarkdown prints the report for a pull-request comment or an issue: a summary line
// and a table of findings with who changed what and when.
func (r *Report) WriteMarkdown(w io.Writer) error {
	fmt.Fprintf(w, "### Drift in `%s`\n\n%s\n", r.Env, r.Summary())
	if len(r.Findings) > 0 {
		fmt.Fprint(w, "\n| Kind | Project | Object | Attribute | Old | New | Who | When |\n")
		fmt.Fprint(w, "|---|---|---|---|---|---|---|---|\n")
		for _, f := range r.Findings {
			who, when := attributionCells(f.Attribution)
			if f.Attribution != nil && f.Attribution.BreakGlass {
				who = f.Attribution.Who + " (break-glass"
				if f.Attribution.Reason != "" {
					who += ": " + f.Attribution.Reason
				}
				who += ")"
			}
			row := func(attr, old, new string) {
				fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", f.Kind, mdCell(f.Project),
					mdCell(f.objectLabel()), mdCell(attr), old, new, mdCell(who), mdCell(when))
			}
			switch {
			case f.Deleted:
				row("", "", "*deleted*")
			case len(f.Attributes) == 0:
				row("", "", "*not in code*")
			}
			for _, a := range f.Attributes {
				row(a.Path, mdCode(valueText(a.Old, 60)), mdCode(valueText(a.New, 60)))
			}
		}
	}
	if len(r.Errors) > 0 {
		fmt.Fprint(w, "\n**Not checked:**\n\n")
		for _, e := range r.Errors {
			fmt.Fprintf(w, "- %s\n", mdCell(e.label()))
		}
	}
	return nil
}

// junitSuites is the JUnit XML document: one suite per project plus one for unmanaged objects.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Body    string `xml:",chardata"`
}

// unmanagedSuite names the JUnit suite holding unmanaged objects.
const unmanagedSuite = "unmanaged"

// WriteJUnit prints JUnit XML for CI test reports: one suite per project and one for
// unmanaged objects, one case per object (every checked managed object and every unmanaged
// one), failing when the object drifted. A project that could not be checked gets an error
// case; one without objects a passing "in sync" case, so every project shows up.
func (r *Report) WriteJUnit(w io.Writer) error {
	doc := junitSuites{Name: "drift " + r.Env}
	suites := map[string]*junitSuite{}
	var order []string
	suite := func(name string) *junitSuite {
		if s, ok := suites[name]; ok {
			return s
		}
		suites[name] = &junitSuite{Name: name}
		order = append(order, name)
		return suites[name]
	}
	for _, p := range r.Projects {
		suite(p)
	}
	failed := map[string]bool{} // project + address of managed findings
	for _, f := range r.Findings {
		name := f.Project
		if f.Kind == KindUnmanaged {
			name = unmanagedSuite
		} else {
			failed[f.Project+"\x00"+f.Address] = true
		}
		s := suite(name)
		s.Cases = append(s.Cases, junitCase{Name: f.objectLabel(), ClassName: name,
			Failure: &junitMessage{Message: f.headline(), Type: string(f.Kind) + " drift", Body: f.detail()}})
	}
	for _, o := range r.Checked {
		if failed[o.Project+"\x00"+o.Address] {
			continue
		}
		s := suite(o.Project)
		s.Cases = append(s.Cases, junitCase{Name: o.Address, ClassName: o.Project})
	}
	for _, e := range r.Errors {
		name := e.Project
		if name == "" {
			name = unmanagedSuite
		}
		what := "plan"
		if e.Type != "" {
			what = "list " + e.Type
		}
		s := suite(name)
		s.Cases = append(s.Cases, junitCase{Name: what, ClassName: name, Error: &junitMessage{Message: e.Error}})
	}
	for _, p := range r.Projects {
		if s := suites[p]; len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "in sync", ClassName: p})
		}
	}
	if _, ok := suites[unmanagedSuite]; !ok && r.UnmanagedChecked {
		suite(unmanagedSuite).Cases = []junitCase{{Name: "no unmanaged objects", ClassName: unmanagedSuite}}
	}
	for _, name := range order {
		s := suites[name]
		for _, c := range s.Cases {
			s.Tests++
			if c.Failure != nil {
				s.Failures++
			}
			if c.Error != nil {
				s.Errors++
			}
		}
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Suites = append(doc.Suites, *s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Formats Write accepts.
const (
	FormatTable    = "table"
	FormatJSON     = "json"
	FormatMarkdown = "markdown"
	FormatJUnit    = "junit"
)

// Write renders the report in one of the formats above.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "", FormatTable:
		return r.WriteTable(w)
	case FormatJSON:
		return r.WriteJSON(w)
	case FormatMarkdown, "md":
		return r.WriteMarkdown(w)
	case FormatJUnit:
		return r.WriteJUnit(w)
	}
	return fmt.Errorf("unknown format %q: use table, json, markdown or junit", format)
}

func (f Finding) objectLabel() string {
	if f.Address != "" {
		return f.Address
	}
	return fmt.Sprintf("%s %q", f.Type, f.Name)
}

func (f Finding) headline() string {
	switch {
	case f.Deleted:
		return f.objectLabel() + " was deleted outside the workspace"
	case f.Kind == KindUnmanaged:
		return fmt.Sprintf("%s %q is in the org but no project declares it", f.Type, f.Name)
	}
	paths := make([]string, len(f.Attributes))
	for i, a := range f.Attributes {
		paths[i] = a.Path
	}
	return f.objectLabel() + " changed outside the workspace: " + strings.Join(paths, ", ")
}

func (f Finding) detail() string {
	var b strings.Builder
	if f.ID != "" {
		fmt.Fprintf(&b, "id: %s\n", f.ID)
	}
	for _, a := range f.Attributes {
		fmt.Fprintf(&b, "%s: %s → %s\n", a.Path, valueText(a.Old, 0), valueText(a.New, 0))
	}
	if a := f.Attribution; a != nil {
		fmt.Fprintf(&b, "last change: %s by %s at %s", a.Action, a.Who, a.When.UTC().Format(time.RFC3339))
		if a.BreakGlass {
			fmt.Fprintf(&b, " (break-glass: %s)", a.Reason)
		}
		if len(a.Properties) > 0 {
			fmt.Fprintf(&b, ", properties %s", strings.Join(a.Properties, ", "))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (e RunError) label() string {
	switch {
	case e.Project != "":
		return "project " + e.Project + ": " + e.Error
	case e.Type != "":
		return "list " + e.Type + ": " + e.Error
	}
	return e.Error
}

func attributionCells(a *Attribution) (who, when string) {
	if a == nil {
		return "?", "?"
	}
	who = a.Who
	if a.BreakGlass {
		who += " [break-glass]"
	}
	return who, a.When.UTC().Format("2006-01-02 15:04Z")
}

// valueText is a value as a person reads it: strings bare, null as "null", the rest as
// compact JSON, cut to max runes (0: no limit).
func valueText(v any, max int) string {
	var s string
	switch t := v.(type) {
	case nil:
		s = "null"
	case string:
		s = t
	default:
		b, err := json.Marshal(t)
		if err != nil {
			s = fmt.Sprint(t)
		} else {
			s = string(b)
		}
	}
	s = strings.ReplaceAll(s, "\n", "⏎")
	if r := []rune(s); max > 0 && len(r) > max {
		s = string(r[:max-1]) + "…"
	}
	return s
}

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func mdCode(s string) string {
	return "`" + strings.NewReplacer("`", "'", "|", `\|`).Replace(s) + "`"
}
