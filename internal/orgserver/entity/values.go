package entity

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // check IANA zones even on machines without a zoneinfo database

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/teambition/rrule-go"
)

// Rules over the values of catalogue fields: their formats (checked and written in the
// API's canonical form), sets without repeats, date-times in order, values that belong to
// one object only and values that must lie inside objects of another kind.

// localDateTimeRE is the LocalDateTime the API takes: no zone, optional fraction (the SDKs
// and the provider send up to six digits, e.g. 2021-08-04T08:00:00.000000).
var localDateTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?$`)

var e164RE = regexp.MustCompile(`^\+[1-9]\d{1,14}$`)

// normalizeValues checks every formatted value in doc and rewrites it as the API answers
// it (a date-time with milliseconds, a trimmed rule; a blank rule or zone is none), then
// drops repeats from sets and checks date-times that may not be earlier than another.
func normalizeValues(doc map[string]any, fields []kinds.Field) error {
	err := walkFieldSites(doc, fields, "", func(f *kinds.Field, path string, parent map[string]any, key string) error {
		if f.Format == kinds.FreeText {
			return nil
		}
		if list, ok := parent[key].([]any); ok {
			for i, el := range list {
				v, err := canonicalValue(f.Format, path, el)
				if err != nil {
					return err
				}
				list[i] = v
			}
			return nil
		}
		v, err := canonicalValue(f.Format, path, parent[key])
		if err != nil {
			return err
		}
		if v == nil {
			delete(parent, key)
		} else {
			parent[key] = v
		}
		return nil
	})
	if err != nil {
		return err
	}
	dropRepeats(doc, fields)
	if err := checkEitherOr(doc, fields); err != nil {
		return err
	}
	return checkOrder(doc, fields)
}

// checkEitherOr refuses a flag set true beside the non-empty list it is the alternative of
// (kinds.Field.EitherOr): a deployment that allows all domains lists none.
func checkEitherOr(doc map[string]any, fields []kinds.Field) error {
	for _, f := range fields {
		list := fieldByAttr(fields, f.EitherOr)
		if list == nil || kinds.Get(doc, f.JSON) != true {
			continue
		}
		if values, _ := kinds.Get(doc, list.JSON).([]any); len(values) > 0 {
			return apihttp.BadRequest("The field [%s] must be empty when [%s] is true.", list.JSON, f.JSON)
		}
	}
	return nil
}

// canonicalValue checks one string against a format and returns the API's spelling of it
// (nil: no value). Values of other JSON types are the model check's business.
func canonicalValue(format kinds.Format, path string, v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return v, nil
	}
	switch format {
	case kinds.LocalDateTime:
		s = strings.TrimSpace(s)
		if !localDateTimeRE.MatchString(s) {
			return nil, apihttp.BadRequest("The field [%s] must be a local date-time yyyy-MM-ddTHH:mm:ss.SSS without a zone, not [%s].", path, s)
		}
		t, err := time.Parse("2006-01-02T15:04:05.999999999", s)
		if err != nil {
			return nil, apihttp.BadRequest("The field [%s] is not a valid date-time: [%s].", path, s)
		}
		return t.Format("2006-01-02T15:04:05.000"), nil
	case kinds.RRule:
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, nil
		}
		if strings.ContainsAny(s, "\r\n") {
			return nil, apihttp.BadRequest("The field [%s] must be a single RRULE line, e.g. FREQ=WEEKLY;BYDAY=MO,TU.", path)
		}
		if _, err := rrule.StrToRRule(s); err != nil {
			return nil, apihttp.BadRequest("The field [%s] is not a valid iCal RRULE (%v): %s", path, err, s)
		}
		return s, nil
	case kinds.E164:
		if !e164RE.MatchString(s) {
			return nil, apihttp.BadRequest("The field [%s] holds [%s], which is not an E.164 number such as +13175550100.", path, s)
		}
	case kinds.TimeZone:
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, nil
		}
		// LoadLocation also takes "Local" (and ""), which are not IANA names.
		if _, err := time.LoadLocation(s); err != nil || s == "Local" {
			return nil, apihttp.BadRequest("The field [%s] must be an IANA time zone such as America/New_York, not [%s].", path, s)
		}
		return s, nil
	}
	return s, nil
}

// dropRepeats keeps the first of repeated values in every set field: a list of strings
// ("dnis"), or an array of references by one key ("openSchedules[].id").
func dropRepeats(doc map[string]any, fields []kinds.Field) {
	for i := range fields {
		f := &fields[i]
		if f.IsBlock() {
			for _, m := range f.BlockObjects(kinds.Get(doc, strings.TrimSuffix(f.JSON, "[]"))) {
				dropRepeats(m, f.Nested)
			}
			continue
		}
		if f.Type != kinds.StringSet {
			continue
		}
		steps := kinds.Steps(f.JSON)
		array, isArray := strings.CutSuffix(steps[0], "[]")
		list, ok := doc[array].([]any)
		if !ok || len(steps) > 2 || isArray != (len(steps) == 2) {
			continue
		}
		seen := map[string]bool{}
		doc[array] = slices.DeleteFunc(list, func(el any) bool {
			key := el
			if isArray {
				m, _ := el.(map[string]any)
				key = m[steps[1]]
			}
			s, isString := key.(string)
			if !isString {
				return false
			}
			repeat := seen[s]
			seen[s] = true
			return repeat
		})
	}
}

// checkOrder refuses a date-time earlier than the one its field may not precede. Both are
// canonical by now, of one fixed width, so text order is time order.
func checkOrder(doc map[string]any, fields []kinds.Field) error {
	for _, f := range fields {
		if f.NotBefore == "" {
			continue
		}
		earlier := fieldByAttr(fields, f.NotBefore)
		if earlier == nil {
			continue
		}
		later, _ := kinds.Get(doc, f.JSON).(string)
		first, _ := kinds.Get(doc, earlier.JSON).(string)
		if later != "" && first != "" && later < first {
			return apihttp.BadRequest("The field [%s] (%s) must not be before [%s] (%s).", f.JSON, later, earlier.JSON, first)
		}
	}
	return nil
}

func fieldByAttr(fields []kinds.Field, attr string) *kinds.Field {
	for i := range fields {
		if fields[i].Attr == attr {
			return &fields[i]
		}
	}
	return nil
}

// checkOwnedValues applies the fields' UniqueValue and Within rules to the object with id:
// no other live object of the kind holds one of its values, and each value lies inside an
// object of the Within kind.
func (s *Set) checkOwnedValues(tx *store.Tx, k *kinds.Kind, id string, doc map[string]any) error {
	return walkFields(doc, k.Fields, "", func(f *kinds.Field, path string, v any) error {
		if !f.UniqueValue && f.Within == "" {
			return nil
		}
		values := StringValues(v)
		if f.UniqueValue {
			if err := s.checkUnique(tx, k, f, path, id, values); err != nil {
				return err
			}
		}
		if f.Within == "" {
			return nil
		}
		contains := s.hooks.Contains[f.Within]
		within := kinds.Genesys().Named(f.Within)
		for _, value := range values {
			if contains == nil || within == nil || !contains(tx, value) {
				return apihttp.BadRequest("The value [%s] in [%s] is not inside any %s; create one covering it first.", value, path, nounOf(within, f.Within))
			}
		}
		return nil
	})
}

// checkUnique refuses values another live object of the kind holds in the same field.
func (s *Set) checkUnique(tx *store.Tx, k *kinds.Kind, f *kinds.Field, path, id string, values []string) error {
	if len(values) == 0 {
		return nil
	}
	for _, o := range tx.List(s.StoreKind(k.Name), "") {
		if o.ID == id || IsDeleted(o.Data) {
			continue
		}
		var other map[string]any
		if json.Unmarshal(o.Data, &other) != nil {
			continue
		}
		held := StringValues(kinds.Get(other, f.JSON))
		for _, value := range values {
			if slices.Contains(held, value) {
				return apihttp.Conflict("The value [%s] in [%s] belongs to the %s [%s] (id %s) already.", value, path, k.Noun, o.Name, o.ID)
			}
		}
	}
	return nil
}

// StringValues is a JSON value as strings: one string, or the strings of a list (other
// elements left out); nil for any other value.
func StringValues(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, el := range v {
			if s, ok := el.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func nounOf(k *kinds.Kind, name string) string {
	if k == nil {
		return name
	}
	return k.Noun
}
