package backport

import (
	"fmt"
	"strings"
)

// op is one step of a line diff: a line of both sides, only of a (delete) or only of b.
type op struct {
	kind byte // '=', '-', '+'
	a, b int  // line indices (a for '=' and '-', b for '=' and '+')
}

// diffLines is a longest-common-subsequence diff of two line lists. Files backport touches
// are small (a project's .tf files, one flow), so the quadratic table is fine.
func diffLines(a, b []string) []op {
	n, m := len(a), len(b)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []op
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			out = append(out, op{'=', i, j})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, op{'-', i, j})
			i++
		default:
			out = append(out, op{'+', i, j})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, op{'-', i, j})
	}
	for ; j < m; j++ {
		out = append(out, op{'+', i, j})
	}
	return out
}

// splitLines splits text into lines without their newline; a final newline adds no line.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// unifiedDiff renders one file's change as a git-style unified diff with 3 lines of context.
func unifiedDiff(path string, old, new []byte, created bool) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	ops := diffLines(a, b)
	var s strings.Builder
	fmt.Fprintf(&s, "diff --git a/%s b/%s\n", path, path)
	if created {
		s.WriteString("new file mode 100644\n--- /dev/null\n")
	} else {
		fmt.Fprintf(&s, "--- a/%s\n", path)
	}
	fmt.Fprintf(&s, "+++ b/%s\n", path)
	const context = 3
	for k := 0; k < len(ops); {
		if ops[k].kind == '=' {
			k++
			continue
		}
		// A hunk: from context lines before this change to context lines after the last
		// change that is at most 2*context lines further.
		start := max(k-context, 0)
		end := k
		for end < len(ops) {
			if ops[end].kind != '=' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == '=' {
				run++
			}
			if run == len(ops) || run-end > 2*context {
				end = min(end+context, len(ops))
				break
			}
			end = run
		}
		var body strings.Builder
		aStart, bStart, aLen, bLen := -1, -1, 0, 0
		for _, o := range ops[start:end] {
			switch o.kind {
			case '=':
				body.WriteString(" " + a[o.a] + "\n")
				aLen++
				bLen++
			case '-':
				body.WriteString("-" + a[o.a] + "\n")
				aLen++
			case '+':
				body.WriteString("+" + b[o.b] + "\n")
				bLen++
			}
			if aStart < 0 {
				aStart, bStart = o.a, o.b
			}
		}
		fmt.Fprintf(&s, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
		s.WriteString(body.String())
		k = end
	}
	return s.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
