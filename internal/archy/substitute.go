package archy

import (
	"bytes"
	"unicode/utf8"
)

// Unresolved is a `{{key}}` placeholder that Substitute found no value for.
type Unresolved struct {
	Key string
	Pos Pos
}

// Substitute replaces every `{{key}}` placeholder in data with vals[key], as genesyscloud_flow's
// `substitutions` (and Archy's options file) do before a flow is published. Spaces inside the
// braces are allowed (`{{ key }}`). Values are inserted as they are, without YAML quoting, and
// are not scanned again, so a value holding `{{x}}` stays literal. Placeholders without a
// value are left in place and returned with their line and column (1-based, in characters, in
// data); Pos.File is empty for the caller to fill in. A placeholder stays on one line and
// its key holds no braces or quotes.
func Substitute(data []byte, vals map[string]string) ([]byte, []Unresolved) {
	var out bytes.Buffer
	var unresolved []Unresolved
	out.Grow(len(data))
	line, lineStart := 1, 0
	done := 0 // data[:done] has been copied to out
	for i := 0; i < len(data); {
		if data[i] == '\n' {
			line++
			lineStart = i + 1
			i++
			continue
		}
		if data[i] != '{' || i+1 >= len(data) || data[i+1] != '{' {
			i++
			continue
		}
		end, key, ok := placeholderAt(data, i)
		if !ok {
			i++
			continue
		}
		if v, found := vals[key]; found {
			out.Write(data[done:i])
			out.WriteString(v)
			done = end
		} else {
			col := utf8.RuneCount(data[lineStart:i]) + 1
			unresolved = append(unresolved, Unresolved{Key: key, Pos: Pos{Line: line, Column: col}})
		}
		i = end
	}
	if done == 0 {
		// Nothing replaced: hand back a copy so that callers may change either slice.
		return bytes.Clone(data), unresolved
	}
	out.Write(data[done:])
	return out.Bytes(), unresolved
}

// placeholderAt reads the placeholder starting at data[i] ("{{"), returning the index after
// its closing "}}" and its trimmed key. ok is false when data[i:] does not start one.
func placeholderAt(data []byte, i int) (end int, key string, ok bool) {
	for j := i + 2; j+1 < len(data); j++ {
		switch data[j] {
		case '\n', '\r', '{', '"', '\'':
			return 0, "", false
		case '}':
			if data[j+1] != '}' {
				return 0, "", false
			}
			k := string(bytes.TrimSpace(data[i+2 : j]))
			if k == "" {
				return 0, "", false
			}
			return j + 2, k, true
		}
	}
	return 0, "", false
}
