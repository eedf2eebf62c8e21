package compat

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestCompatibility holds the hand-written table to the provider's live schema: every
// "supported" or "accepted-ignored" attribute exists with a compatible type, every attribute of
// our schema is official or a declared extension, every covered type has an entry, and
// docs/compatibility.md is what compatgen writes today.
func TestCompatibility(t *testing.T) {
	ours, err := ReadOurSchemas(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	entries := Official()

	covered := map[Kind]map[string]bool{}
	for _, e := range entries {
		if covered[e.Kind] == nil {
			covered[e.Kind] = map[string]bool{}
		}
		if covered[e.Kind][e.Name] {
			t.Errorf("%s %s: two entries", e.Kind, e.Name)
		}
		covered[e.Kind][e.Name] = true
		t.Run(string(e.Kind)+" "+e.Name, func(t *testing.T) {
			checkEntry(t, e, ours[e.Kind][e.Name])
		})
	}
	for kind, schemas := range ours {
		for name := range schemas {
			if !covered[kind][name] {
				t.Errorf("%s %s is in the provider but has no entry in internal/compat", kind, name)
			}
		}
	}

	want := Render(entries, ours)
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "compatibility.md"))
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("docs/compatibility.md is stale (%v); run: go run ./tools/compatgen", err)
	}
}

func checkEntry(t *testing.T, e Entry, ours map[string]OurAttribute) {
	if ours == nil {
		t.Fatalf("not in the provider's schema")
	}
	official := map[string]bool{}
	var review []string
	for _, a := range e.Attributes {
		if official[a.Path] {
			t.Errorf("%s listed twice", a.Path)
		}
		official[a.Path] = true
		switch a.Status {
		case Supported, AcceptedIgnored:
			o, ok := ours[a.Path]
			if !ok {
				t.Errorf("%s is marked %s but is not in our schema", a.Path, a.Status)
				continue
			}
			if !typeCompatible(a.Type, o.Type) {
				t.Errorf("%s: official type %q, ours %q", a.Path, a.Type, o.Type)
			}
			if a.Status == AcceptedIgnored && a.Notes == "" {
				t.Errorf("%s is accepted-ignored without a reason", a.Path)
			}
		case NotYet:
			if _, ok := ours[a.Path]; ok {
				review = append(review, a.Path)
			}
		default:
			t.Errorf("%s: unknown status %q", a.Path, a.Status)
		}
	}
	declared := map[string]bool{}
	for _, x := range e.Extensions {
		declared[x.Path] = true
		if official[x.Path] {
			t.Errorf("%s is both official and an extension", x.Path)
		}
		if _, ok := ours[x.Path]; !ok {
			t.Errorf("extension %s is not in our schema", x.Path)
		}
	}
	for _, p := range sortedPaths(ours) {
		if !official[p] && !declared[p] {
			t.Errorf("%s (%s) is in our schema but neither official nor a declared extension", p, ours[p].Type)
		}
	}
	// Not a failure: someone added an attribute the table still calls not-yet. The document
	// flags it until a person decides between supported and accepted-ignored.
	if len(review) > 0 {
		sort.Strings(review)
		t.Logf("marked not-yet but now in the schema (review their status): %s", strings.Join(review, ", "))
	}
}

// typeCompatible says whether a configuration written for the official type is accepted by
// ours: numbers are numbers, blocks may be blocks or collections of objects (attribute syntax).
func typeCompatible(official, ours string) bool {
	switch {
	case strings.HasPrefix(official, "block") || official == "set(object)":
		return strings.HasPrefix(ours, "block") || strings.HasSuffix(ours, "(object)") || ours == "object"
	case official == "int" || official == "float":
		return ours == "number"
	case official == "duration" || strings.HasPrefix(official, "string"):
		return ours == "string"
	}
	return official == ours
}

func TestTypeCompatible(t *testing.T) {
	for _, c := range []struct {
		official, ours string
		want           bool
	}{
		{"int", "number", true},
		{"float", "number", true},
		{"string (JSON)", "string", true},
		{"duration", "string", true},
		{"block list max1", "block list", true},
		{"block set", "set(object)", true},
		{"set(object)", "block set", true},
		{"set(string)", "set(string)", true},
		{"set(string)", "list(string)", false},
		{"bool", "string", false},
		{"block list", "string", false},
	} {
		if got := typeCompatible(c.official, c.ours); got != c.want {
			t.Errorf("typeCompatible(%q, %q) = %v, want %v", c.official, c.ours, got, c.want)
		}
	}
}
