package backport

import (
	"encoding/json"

	"github.com/cxascode/cxascode/internal/kinds"
)

// How an unmanaged object's API JSON becomes the attributes of a resource block. A regular
// kind (one with catalogue Fields) is mapped from its fields; an irregular kind has a
// hand-written hook, registered by catalogue name in adoptionHooks. Attributes the provider
// computes when left out (division, defaults) are not written: the import takes the org's
// values for them.

// attribute is one attribute of a generated resource block, in the order written.
type attribute struct {
	name  string
	value any // string, bool, float64 or []any of ids
	// block, when not nil, makes this a nested block holding these attributes.
	block []attribute
	// ref, when set, is the kind whose ids value holds: they are written as references.
	ref *kinds.Kind
}

// mapper says where an object of a kind is read and which attributes to write for it.
type mapper struct {
	kind  *kinds.Kind
	attrs func(obj map[string]any) []attribute
}

// mapperFor returns how to adopt an object of a resource type; ok is false for types not
// mapped yet.
func mapperFor(typ string) (mapper, bool) {
	k := kinds.Genesys().ByResource(typ)
	if k == nil {
		return mapper{}, false
	}
	if hook, ok := adoptionHooks()[k.Name]; ok {
		return mapper{kind: k, attrs: hook}, true
	}
	if k.Regular() {
		return mapper{kind: k, attrs: func(obj map[string]any) []attribute { return fieldAttributes(k.Fields, k.FieldView(obj)) }}, true
	}
	return mapper{}, false
}

// fieldAttributes maps obj onto a regular kind's fields: strings, bools, numbers, lists and
// maps read at the field's JSON path, nested blocks from its Nested fields, ids of other kinds as
// references. Computed and optional-computed fields are left to the import, and so are
// values equal to the field's default.
func fieldAttributes(fields []kinds.Field, obj map[string]any) []attribute {
	var out []attribute
	for i := range fields {
		f := &fields[i]
		if f.Mode == kinds.Computed || f.Mode == kinds.OptionalComputed {
			continue
		}
		v := kinds.Get(obj, f.JSON)
		if v == nil || isDefault(f, v) {
			continue
		}
		var ref *kinds.Kind
		if f.Ref != "" {
			ref = kinds.Genesys().Named(f.Ref)
		}
		switch f.Type {
		case kinds.String:
			if s, ok := v.(string); ok && s != "" {
				out = append(out, attribute{name: f.Attr, value: s, ref: ref})
			} else if f.Format == kinds.JSONText {
				// JSON text is configured as a string; the API answers it decoded.
				if b, err := json.Marshal(v); err == nil {
					out = append(out, attribute{name: f.Attr, value: string(b)})
				}
			}
		case kinds.Bool:
			if b, ok := v.(bool); ok {
				out = append(out, attribute{name: f.Attr, value: b})
			}
		case kinds.Int, kinds.Float:
			if n, ok := v.(float64); ok {
				out = append(out, attribute{name: f.Attr, value: n})
			}
		case kinds.StringList, kinds.StringSet:
			if list, ok := v.([]any); ok && len(list) > 0 {
				out = append(out, attribute{name: f.Attr, value: list, ref: ref})
			}
		case kinds.StringMap:
			if m, ok := v.(map[string]any); ok && len(m) > 0 {
				out = append(out, attribute{name: f.Attr, value: m})
			}
		case kinds.Block, kinds.Object:
			for _, m := range f.BlockObjects(v) {
				// An element whose attributes are all left out is still a block.
				block := append([]attribute{}, fieldAttributes(f.Nested, m)...)
				out = append(out, attribute{name: f.Attr, block: block})
			}
		}
	}
	return out
}

// isDefault reports whether v, as decoded JSON, equals the field's default.
func isDefault(f *kinds.Field, v any) bool {
	switch d := f.Default.(type) {
	case nil:
		return false
	case int64:
		n, ok := v.(float64)
		return ok && n == float64(d)
	case int:
		n, ok := v.(float64)
		return ok && n == float64(d)
	default:
		return v == f.Default
	}
}

// adoptionHooks are the hand-written mappers of kinds whose official schema does not follow
// the API model field by field, by catalogue name.
func adoptionHooks() map[string]func(obj map[string]any) []attribute {
	return map[string]func(obj map[string]any) []attribute{
		kinds.Queue:        queueAttributes,
		kinds.DataTableRow: dataTableRowAttributes, // adopt_datatable_rows.go
		kinds.UserPrompt:   userPromptAttributes,   // adopt_user_prompts.go
		kinds.EmailRoute:   emailRouteAttributes,   // adopt_email_routes.go
		kinds.Group: func(obj map[string]any) []attribute {
			return join(described(obj), str(obj, "type", "type"), str(obj, "visibility", "visibility"))
		},
		kinds.User: func(obj map[string]any) []attribute {
			return join(str(obj, "email", "email"), str(obj, "name", "name"), str(obj, "department", "department"), str(obj, "title", "title"))
		},
	}
}

// queueAttributes maps a queue: its flags and, as blocks, its media settings.
func queueAttributes(obj map[string]any) []attribute {
	out := join(described(obj), flag(obj, "autoAnswerOnly", "auto_answer_only"), flag(obj, "enableTranscription", "enable_transcription"),
		flag(obj, "enableManualAssignment", "enable_manual_assignment"), flag(obj, "suppressInQueueCallRecording", "suppress_in_queue_call_recording"))
	// Media settings are blocks: left out, the import would plan to remove them.
	media, _ := obj["mediaSettings"].(map[string]any)
	for _, kind := range []string{"call", "callback", "chat", "email", "message"} {
		m, ok := media[kind].(map[string]any)
		if !ok {
			continue
		}
		sl, _ := m["serviceLevel"].(map[string]any)
		block := join(num(m, "alertingTimeoutSeconds", "alerting_timeout_sec"), flag(m, "enableAutoAnswer", "enable_auto_answer"),
			num(sl, "durationMs", "service_level_duration_ms"), num(sl, "percentage", "service_level_percentage"))
		if kind == "callback" {
			block = append(block, flag(m, "enableAutoDialAndEnd", "enable_auto_dial_and_end")...)
		}
		out = append(out, attribute{name: "media_settings_" + kind, block: block})
	}
	return out
}

// The hooks' building blocks: each reads one API field and returns the attribute to write,
// or nothing when the field is absent or empty.

func str(obj map[string]any, api, attr string) []attribute {
	if s, ok := obj[api].(string); ok && s != "" {
		return []attribute{{name: attr, value: s}}
	}
	return nil
}

func flag(obj map[string]any, api, attr string) []attribute {
	if b, ok := obj[api].(bool); ok {
		return []attribute{{name: attr, value: b}}
	}
	return nil
}

func num(obj map[string]any, api, attr string) []attribute {
	if n, ok := obj[api].(float64); ok {
		return []attribute{{name: attr, value: n}}
	}
	return nil
}

func join(parts ...[]attribute) []attribute {
	var out []attribute
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func described(obj map[string]any) []attribute {
	return join(str(obj, "name", "name"), str(obj, "description", "description"))
}
