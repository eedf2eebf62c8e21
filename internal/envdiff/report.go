package envdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Output formats of a report.
const (
	FormatMarkdown = "markdown"
	FormatJSON     = "json"
)

// Write prints the report as Markdown (for a pull request or an issue) or JSON.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case FormatMarkdown, "md", "":
		_, err := io.WriteString(w, r.markdown())
		return err
	}
	return fmt.Errorf("format %q: use markdown or json", format)
}

func (r *Report) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s compared with %s\n\n", r.A, r.B)
	if !r.Differs() {
		fmt.Fprintf(&b, "The orgs hold the same %d object(s).\n", r.Same)
		return b.String()
	}
	fmt.Fprintf(&b, "%d different, %d only in %s, %d only in %s, %d the same.\n",
		len(r.Changed), len(r.OnlyInA), r.A, len(r.OnlyInB), r.B, r.Same)
	for _, only := range []struct {
		env  string
		objs []Object
	}{{r.A, r.OnlyInA}, {r.B, r.OnlyInB}} {
		if len(only.objs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## Only in %s\n\n", only.env)
		for _, o := range only.objs {
			fmt.Fprintf(&b, "- `%s` %s\n", o.Type, cell(o.Name))
		}
	}
	if len(r.Changed) > 0 {
		fmt.Fprintf(&b, "\n## Different\n\n| object | attribute | %s | %s |\n|---|---|---|---|\n", cell(r.A), cell(r.B))
		for _, c := range r.Changed {
			for _, ch := range c.Changes {
				fmt.Fprintf(&b, "| `%s` %s | `%s` | %s | %s |\n", c.Type, cell(c.Name), ch.Path, value(ch.Old), value(ch.New))
			}
		}
	}
	return b.String()
}

// value shows an attribute's value in a table cell: JSON, "(none)" when absent.
func value(v any) string {
	if v == nil {
		return "(none)"
	}
	data, err := json.Marshal(v)
	if err != nil {
		return cell(fmt.Sprint(v))
	}
	return "`" + strings.ReplaceAll(string(data), "`", "'") + "`"
}

// cell escapes what would break a Markdown table row.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
