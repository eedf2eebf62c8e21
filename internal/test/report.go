package test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// Result is the outcome of one test.
type Result struct {
	Test   *Test  `json:"test"`
	Status string `json:"status"`
	// Failures say what did not hold, one expectation each; Err why the test could not run.
	Failures []string `json:"failures,omitempty"`
	Err      string   `json:"error,omitempty"`
	// Expected is what the test expects; Path the call's actual path (call tests) and
	// DivergedAt the flow file:line where the call ended.
	Expected   string        `json:"expected"`
	Path       []PathStep    `json:"path,omitempty"`
	DivergedAt string        `json:"divergedAt,omitempty"`
	Duration   time.Duration `json:"durationNs"`
}

// Report is a test run over one environment.
type Report struct {
	Env      string        `json:"env"`
	Results  []Result      `json:"results"`
	Duration time.Duration `json:"durationNs"`
}

// Counts are the number of results by status.
func (r *Report) Counts() (pass, fail, errored int) {
	for _, res := range r.Results {
		switch res.Status {
		case StatusPass:
			pass++
		case StatusFail:
			fail++
		default:
			errored++
		}
	}
	return pass, fail, errored
}

// Passed reports whether every test passed, and there was at least one: a run that tested
// nothing proves nothing.
func (r *Report) Passed() bool {
	pass, _, _ := r.Counts()
	return len(r.Results) > 0 && pass == len(r.Results)
}

// Summary is the report's one-line outcome.
func (r *Report) Summary() string {
	pass, fail, errored := r.Counts()
	s := fmt.Sprintf("%d tests on %s: %d passed, %d failed, %d could not run, in %.1fs", len(r.Results), r.Env, pass, fail, errored, r.Duration.Seconds())
	if len(r.Results) == 0 {
		s += " — no tests found: write them in <project>/" + Dir + "/*" + FileSuffix
	}
	return s
}

// WriteText writes each result, the failures with the expected and actual path, and the
// summary.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, res := range r.Results {
		t := res.Test
		fmt.Fprintf(&b, "%-5s %s %s %q (%s)\n", strings.ToUpper(res.Status), t.Project, t.Kind, t.Name, t.Pos)
		if res.Status == StatusPass {
			continue
		}
		writeDetails(&b, res, "      ")
	}
	fmt.Fprintln(&b, r.Summary())
	_, err := io.WriteString(w, b.String())
	return err
}

// writeDetails writes why a result did not pass: its failures or error, the expected path
// and, for a call, the actual one.
func writeDetails(b *strings.Builder, res Result, indent string) {
	if res.Err != "" {
		fmt.Fprintf(b, "%serror: %s\n", indent, res.Err)
	}
	for _, f := range res.Failures {
		fmt.Fprintf(b, "%s%s\n", indent, f)
	}
	fmt.Fprintf(b, "%sexpected: %s\n", indent, res.Expected)
	if len(res.Path) > 0 {
		fmt.Fprintf(b, "%sactual path:\n", indent)
		for i, st := range res.Path {
			fmt.Fprintf(b, "%s  %2d. %s\n", indent, i+1, st)
		}
	}
	if res.DivergedAt != "" {
		fmt.Fprintf(b, "%sthe call ended at %s\n", indent, res.DivergedAt)
	}
}

// WriteJSON writes the report as one JSON document.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// JUnit is the JUnit XML CI systems read: one test suite per project.
type JUnit struct {
	XMLName  xml.Name         `xml:"testsuites"`
	Name     string           `xml:"name,attr"`
	Tests    int              `xml:"tests,attr"`
	Failures int              `xml:"failures,attr"`
	Errors   int              `xml:"errors,attr"`
	Time     string           `xml:"time,attr"`
	Suites   []JUnitTestSuite `xml:"testsuite"`
}

// JUnitTestSuite is one project's tests.
type JUnitTestSuite struct {
	Name     string          `xml:"name,attr"`
	Tests    int             `xml:"tests,attr"`
	Failures int             `xml:"failures,attr"`
	Errors   int             `xml:"errors,attr"`
	Cases    []JUnitTestCase `xml:"testcase"`
}

// JUnitTestCase is one test; Failure or Error is set when it did not pass.
type JUnitTestCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr"`
	Line      int           `xml:"line,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *JUnitProblem `xml:"failure"`
	Error     *JUnitProblem `xml:"error"`
}

// JUnitProblem is why a test case did not pass: Message its first line, Text all of it.
type JUnitProblem struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// JUnit converts the report.
func (r *Report) JUnit() JUnit {
	out := JUnit{Name: "cx test --env " + r.Env, Time: seconds(r.Duration)}
	index := map[string]int{}
	for _, res := range r.Results {
		t := res.Test
		i, ok := index[t.Project]
		if !ok {
			i = len(out.Suites)
			index[t.Project] = i
			out.Suites = append(out.Suites, JUnitTestSuite{Name: t.Project})
		}
		s := &out.Suites[i]
		tc := JUnitTestCase{Name: t.Name, Classname: t.Project + "." + t.Kind, File: t.Pos.File, Line: t.Pos.Line, Time: seconds(res.Duration)}
		if res.Status != StatusPass {
			var b strings.Builder
			fmt.Fprintf(&b, "%s: %s %q\n", t.Pos, t.Kind, t.Name)
			writeDetails(&b, res, "")
			p := &JUnitProblem{Message: cmpOr(res.Err, firstOf(res.Failures)), Text: b.String()}
			if res.Status == StatusFail {
				tc.Failure = p
				s.Failures++
				out.Failures++
			} else {
				tc.Error = p
				s.Errors++
				out.Errors++
			}
		}
		s.Tests++
		out.Tests++
		s.Cases = append(s.Cases, tc)
	}
	return out
}

// WriteJUnit writes the report as JUnit XML.
func (r *Report) WriteJUnit(w io.Writer) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(r.JUnit()); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// WriteMarkdown writes the report for a pull-request comment or a job summary.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### cx test --env %s\n\n%s\n\n", r.Env, r.Summary())
	if len(r.Results) > 0 {
		b.WriteString("| | project | test | where |\n|---|---|---|---|\n")
		for _, res := range r.Results {
			mark := map[string]string{StatusPass: "✅", StatusFail: "❌"}[res.Status]
			fmt.Fprintf(&b, "| %s | %s | %s %s | `%s` |\n", cmpOr(mark, "⚠️"), res.Test.Project, res.Test.Kind, mdEscape(res.Test.Name), res.Test.Pos)
		}
	}
	for _, res := range r.Results {
		if res.Status == StatusPass {
			continue
		}
		var d strings.Builder
		writeDetails(&d, res, "")
		fmt.Fprintf(&b, "\n<details><summary>%s: %s</summary>\n\n```\n%s```\n</details>\n", res.Status, mdEscape(res.Test.Name), d.String())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;").Replace(s)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

func firstOf(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}
