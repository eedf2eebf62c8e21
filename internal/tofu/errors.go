package tofu

import "strings"

// errorLines are the lines of an OpenTofu error without the box drawing around its
// diagnostics, trimmed, empty ones dropped.
func errorLines(err error) []string {
	var out []string
	for _, line := range strings.Split(err.Error(), "\n") {
		if line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "│╷╵")); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// SummarizeError keeps the lines of an OpenTofu error a person acts on ("Error: …" and the
// detail under it, at most six lines), for one line of a summary; the whole output is in
// the project's log.
func SummarizeError(err error) string {
	var keep []string
	for _, line := range errorLines(err) {
		if !strings.HasPrefix(line, "exit status") {
			keep = append(keep, line)
		}
	}
	for i, l := range keep {
		if strings.HasPrefix(l, "Error: ") {
			keep = keep[i:]
			break
		}
	}
	if len(keep) > 6 {
		keep = append(keep[:6], "…")
	}
	return strings.Join(keep, " ")
}

// FirstError keeps OpenTofu's first "Error: …" line and the one after it (the whole error
// when it has none).
func FirstError(err error) string {
	lines := errorLines(err)
	for i, l := range lines {
		if strings.HasPrefix(l, "Error: ") {
			if i+1 < len(lines) {
				return l + ": " + lines[i+1]
			}
			return l
		}
	}
	return strings.TrimSpace(err.Error())
}
