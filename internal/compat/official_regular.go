package compat

import (
	"fmt"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
)

// regularKindResources covers the kinds the provider serves with its generic resource: the
// catalogue's field mapping is the schema, so the entries are read from it rather than
// written again (attribute names and types there follow the official schemas).
func regularKindResources() []Entry {
	var out []Entry
	for _, k := range regularKinds() {
		attrs := []Attribute{idAttr()}
		attrs = append(attrs, fieldAttributes("", k.Fields)...)
		for _, u := range k.NotYet {
			attrs = append(attrs, notYet(u.Attr, u.Type, u.Why))
		}
		out = append(out, Entry{Kind: Resource, Name: k.Resource, Attributes: attrs})
	}
	return out
}

// regularKindDataSources are the generic by-name data sources of the same kinds. A nameless
// kind's data source is hand-written and listed with the hand-written entries.
func regularKindDataSources() []Entry {
	var out []Entry
	for _, k := range regularKinds() {
		if k.DataSource != "" && k.Names != kinds.NoName {
			e := nameLookupEntry(k.DataSource, k.Noun)
			for _, p := range k.LookupBy {
				e.Attributes = append(e.Attributes, sup(p.Attr, "string", "required; "+p.Description))
			}
			for _, attr := range k.LookupOutputs {
				e.Attributes = append(e.Attributes, sup(attr, "string", "computed; the "+k.Noun+"'s, as its resource has it"))
			}
			out = append(out, e)
		}
	}
	return out
}

// regularKinds are the served catalogue kinds that have a field mapping.
func regularKinds() []*kinds.Kind {
	return kinds.Genesys().Where(func(k *kinds.Kind) bool { return k.Regular() && k.Served() && k.Resource != "" })
}

// fieldAttributes lists fields (and nested block fields as "block.attr") as attributes.
func fieldAttributes(prefix string, fs []kinds.Field) []Attribute {
	var out []Attribute
	for _, f := range fs {
		out = append(out, sup(prefix+f.Attr, fieldType(f), fieldNotes(f)...))
		if f.IsBlock() {
			out = append(out, fieldAttributes(prefix+f.Attr+".", f.Nested)...)
		}
	}
	return out
}

func fieldType(f kinds.Field) string {
	switch f.Type {
	case kinds.Bool:
		return "bool"
	case kinds.Int:
		return "int"
	case kinds.Float:
		return "float"
	case kinds.StringList:
		return "list(string)"
	case kinds.StringSet:
		return "set(string)"
	case kinds.StringMap:
		return "map(string)"
	case kinds.Block, kinds.Object:
		shape := "block list"
		if f.Unordered {
			shape = "block set"
		}
		if f.Type == kinds.Object {
			shape += ", max 1"
		}
		return shape
	}
	return "string"
}

func fieldNotes(f kinds.Field) []string {
	var notes []string
	switch f.Mode {
	case kinds.Required:
		notes = append(notes, "required")
	case kinds.OptionalComputed:
		notes = append(notes, "optional+computed")
	case kinds.Computed:
		notes = append(notes, "computed")
	}
	if f.Default != nil {
		notes = append(notes, fmt.Sprintf("default %v", f.Default))
	}
	if f.MaxLength > 0 {
		notes = append(notes, fmt.Sprintf("at most %d characters", f.MaxLength))
	}
	if len(f.Enum) > 0 {
		notes = append(notes, "one of "+strings.Join(f.Enum, ", "))
	}
	switch f.Format {
	case kinds.LocalDateTime:
		notes = append(notes, "local ISO-8601 without time zone")
	case kinds.RRule:
		notes = append(notes, "iCal RRULE")
	case kinds.E164:
		notes = append(notes, "E.164")
	case kinds.JSONText:
		notes = append(notes, "JSON text")
	}
	if f.MaxAddsPerWrite > 0 {
		notes = append(notes, fmt.Sprintf("more than %d new values are written in chunks", f.MaxAddsPerWrite))
	}
	if f.MinItems > 0 {
		notes = append(notes, fmt.Sprintf("at least %d", f.MinItems))
	}
	if f.NotBefore != "" {
		notes = append(notes, "not before "+f.NotBefore)
	}
	if f.ForceNew {
		notes = append(notes, "changing it replaces the object")
	}
	if f.WriteOnly {
		notes = append(notes, "sent, never read back: kept as configured")
	}
	return notes
}

// nameLookupEntry is the entry of an official by-name data source: name in, id out.
func nameLookupEntry(name, what string) Entry {
	return Entry{Kind: DataSource, Name: name, Attributes: []Attribute{
		idAttr(),
		sup("name", "string", "required; exact name of the "+what),
	}}
}
