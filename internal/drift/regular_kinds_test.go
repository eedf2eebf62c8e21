package drift

import (
	"context"
	"net/http"
	"path"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// Every regular kind of the catalogue is found when made by hand and attributed to whoever
// made it, with no line of drift code naming it: a new regular kind is covered here by its
// catalogue entry alone.
func TestRegularKindsUnmanagedAndAttributed(t *testing.T) {
	t.Parallel()
	regular := kinds.Genesys().Where(func(k *kinds.Kind) bool { return k.Regular() })
	if len(regular) == 0 {
		t.Fatal("the catalogue has no regular kind")
	}
	o := newTestOrg(t)
	ctx := context.Background()
	for _, k := range regular {
		t.Run(k.Name, func(t *testing.T) {
			if !k.Unmanaged || !k.Served() {
				t.Skipf("%s is not searched for unmanaged objects", k.Name)
			}
			if k.PathIDField() != nil {
				// Made under another object and named after it (a flow's log level, after the
				// flow): flow_loglevels_test.go makes the flow and covers it.
				t.Skipf("%s is made under another object's path", k.Name)
			}
			name := handMadeDesignation(k)
			var made map[string]any
			body := minimalBody(t, k, name, o.makeReferenced)
			coll, parent := collectionFor(k, body)
			if err := o.console.Do(ctx, http.MethodPost, coll, nil, body, &made); err != nil {
				t.Fatalf("create %s by hand: %v", k.Noun, err)
			}
			id := k.OwnID(made)
			if id == "" {
				t.Fatalf("create %s answered no id: %v", k.Noun, made)
			}
			if parent != "" {
				id = kinds.ChildID(parent, id) // as drift names a child object
			}
			found, errs := FindUnmanaged(ctx, UnmanagedOptions{Client: o.deploy, Types: []string{k.Resource}})
			if len(errs) > 0 {
				t.Fatalf("errors listing %s: %+v", k.Resource, errs)
			}
			var hand []Finding
			for _, f := range found {
				if f.ID == id {
					hand = append(hand, f)
				}
			}
			if len(hand) != 1 || hand[0].Type != k.Resource || hand[0].Name != name {
				t.Fatalf("unmanaged %s findings for %s: %+v (all: %+v)", k.Noun, id, hand, found)
			}
			a := &Attributor{Client: o.deploy, Days: 1}
			if errs := a.Attribute(ctx, hand); len(errs) > 0 {
				t.Fatalf("attribution errors: %+v", errs)
			}
			if got := hand[0].Attribution; got == nil || got.Who != "console" || got.Action != "Create" || got.When.IsZero() {
				t.Errorf("attribution of the hand-made %s: %+v, want console's create with a time", k.Noun, got)
			}
		})
	}
}

// handMadeDesignation is what a hand-made object of k is to be found under: its name, the
// domain name a client chose as its id (an email domain), or the value that tells a nameless
// kind's objects apart (kinds.Kind.FoundBy): a pool's first number — an E.164 number, or an
// extension — or a presence definition's label.
func handMadeDesignation(k *kinds.Kind) string {
	switch {
	case k.API.ChosenID != "":
		return "hand-made.example.com"
	case k.FoundBy == "" || k.IdentifyingField().Type == kinds.StringMap:
		return "Hand made " + k.Noun
	case k.IdentifyingField().Format == kinds.E164:
		return "+13175550190"
	}
	return "4190"
}

// minimalBody is the smallest create request of a regular kind: its required top-level
// fields and the name attribute (or the FoundBy attribute of a nameless kind), set to name.
// A nameless kind's other required strings (a pool's last number) are set to name as well: a
// range of one. A required reference is to an object makeRef makes
// first (a schedule group needs an open schedule).
func minimalBody(t *testing.T, k *kinds.Kind, name string, makeRef func(t *testing.T, ref *kinds.Kind) string) map[string]any {
	t.Helper()
	body := map[string]any{}
	for _, f := range k.Fields {
		// The name is sent even where the official schema makes it optional (an SMS
		// address): the API requires it, and the finding is matched by it.
		// A field the API requires where the official schema does not (a callable time set's
		// callable times, a response set's responses) is sent empty; a top-level scalar (a
		// campaign's caller name) is sent with a minimal value.
		modelRequired := false
		if mf := kinds.FieldOf(k.RequestModel(http.MethodPost), kinds.TopLevel(f.RequestJSON())); mf != nil {
			modelRequired = mf.Required
		}
		scalar := (f.Type == kinds.String || f.Type == kinds.Bool || f.Type == kinds.Int || f.Type == kinds.Float) &&
			kinds.TopLevel(f.RequestJSON()) == f.RequestJSON()
		if f.Mode != kinds.Required && f.Attr != k.LookupKey() && !(modelRequired && (f.IsBlock() || scalar)) {
			continue
		}
		var v any
		always, isAlways := any(nil), false
		if k.Shape != nil {
			always, isAlways = k.Shape.Always[f.JSON]
		}
		switch {
		case isAlways:
			v = always
		case f.Type == kinds.Block && f.Mode != kinds.Required:
			v = []any{}
		case f.Type == kinds.Object && f.Mode != kinds.Required:
			v = map[string]any{}
		case f.Type == kinds.Block && len(f.Nested) > 0 && !f.Keyed():
			// A required block list (a response's texts) holds one block of its required
			// plain attributes.
			v = []any{minimalBlock(t, k, f, makeRef)}
		case f.Type == kinds.Object && len(f.Nested) > 0:
			// So does a required single block (a trigger's target).
			v = minimalBlock(t, k, f, makeRef)
		case f.Ref == kinds.Division:
			// Every org has its home division; required divisions (a team's) go there.
			v = makeRef(t, kinds.Genesys().Named(kinds.Division))
		case f.Ref != "":
			ref := kinds.Genesys().Named(f.Ref)
			if ref == nil || !ref.Regular() {
				t.Fatalf("%s.%s is a required reference to %s, which minimalBody cannot make", k.Resource, f.Attr, f.Ref)
			}
			id := makeRef(t, ref)
			if f.Type == kinds.StringList || f.Type == kinds.StringSet {
				v = []any{id}
			} else {
				v = id
			}
		case f.Type == kinds.StringMap:
			// A required map (a presence definition's labels) holds one entry.
			v = map[string]any{"en_US": name}
		case f.Attr == k.LookupKey(), f.RequestJSON() == k.API.ChosenID, f.Attr == k.FoundBy,
			k.FoundBy != "" && f.Type == kinds.String && len(f.Enum) == 0:
			v = name
		case f.Type == kinds.StringList || f.Type == kinds.StringSet:
			// A required list of plain values (a contact list's column names) holds one.
			v = []any{"x"}
			if len(f.Enum) > 0 {
				v = []any{f.Enum[0]}
			}
		case len(f.Enum) > 0:
			v = f.Enum[0]
		case f.Format == kinds.LocalDateTime:
			v = "2021-08-04T08:00:00.000000"
		case f.Type == kinds.String:
			v = "x"
		case f.Type == kinds.Bool:
			v = false
		case f.Type == kinds.Int, f.Type == kinds.Float:
			v = 1
		default:
			t.Fatalf("%s.%s: no minimal value for a required field of type %d", k.Resource, f.Attr, f.Type)
		}
		kinds.Set(body, f.RequestJSON(), v)
	}
	// A nested object the API requires whose attributes are all optional (a workitem
	// schema's jsonSchema document) is sent empty, as the provider does.
	for _, f := range k.Fields {
		top := kinds.TopLevel(f.RequestJSON())
		if mf := kinds.FieldOf(k.RequestModel(http.MethodPost), top); mf != nil && mf.Required && body[top] == nil && kinds.IsModel(mf.Type) {
			body[top] = map[string]any{}
		}
	}
	return k.APIRequest(body)
}

// minimalBlock is one block of a required block (list or single), holding its required
// strings, flags, numbers and references (made with makeRef; a reference to a drafted object
// names the version makeRef published).
func minimalBlock(t *testing.T, k *kinds.Kind, block kinds.Field, makeRef func(t *testing.T, ref *kinds.Kind) string) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, f := range block.Nested {
		if f.Mode != kinds.Required {
			continue
		}
		switch {
		case f.Ref != "" && f.Type == kinds.String:
			ref := kinds.Genesys().Named(f.Ref)
			kinds.Set(out, f.JSON, makeRef(t, ref))
			if ref.API.Drafts {
				kinds.Set(out, "version", "1")
			}
		case len(f.Enum) > 0:
			kinds.Set(out, f.JSON, f.Enum[0])
		case f.Type == kinds.String:
			kinds.Set(out, f.JSON, "x")
		case f.Type == kinds.Bool:
			kinds.Set(out, f.JSON, false)
		case f.Type == kinds.Int, f.Type == kinds.Float:
			kinds.Set(out, f.JSON, 1)
		default:
			t.Fatalf("%s.%s.%s: no minimal value for a required field of type %d", k.Resource, block.Attr, f.Attr, f.Type)
		}
	}
	return out
}

// collectionFor is the collection a create of k with body posts to, and the parent's id for a
// child kind (kinds.API.Parent), whose body names its parent but whose path holds it: body
// loses the parent field.
func collectionFor(k *kinds.Kind, body map[string]any) (string, string) {
	f := k.ParentField()
	if f == nil {
		return k.API.Collection, ""
	}
	parent, _ := kinds.Get(body, f.JSON).(string)
	delete(body, kinds.TopLevel(f.RequestJSON()))
	return k.API.CollectionOf(parent), parent
}

// makeReferenced makes a minimal object of a regular kind that another kind's required
// field refers to, and returns its id.
func (o *testOrg) makeReferenced(t *testing.T, k *kinds.Kind) string {
	t.Helper()
	if k.Name == kinds.Division {
		var home map[string]any
		if err := o.console.Do(context.Background(), http.MethodGet, "/api/v2/authorization/divisions/home", nil, nil, &home); err != nil {
			t.Fatalf("read the home division: %v", err)
		}
		id, _ := home["id"].(string)
		return id
	}
	var made map[string]any
	// Named for the test, since names are unique and each test makes its own.
	body := minimalBody(t, k, "Referenced "+k.Noun+" for "+path.Base(t.Name()), o.makeReferenced)
	if err := o.console.Do(context.Background(), http.MethodPost, k.API.Collection, nil, body, &made); err != nil {
		t.Fatalf("create the %s another object refers to: %v", k.Noun, err)
	}
	id, _ := made["id"].(string)
	if k.API.Drafts {
		// What refers to a drafted object names one of its published versions: this is "1".
		if err := o.console.Do(context.Background(), http.MethodPost, k.API.PublishPath(id), nil, nil, nil); err != nil {
			t.Fatalf("publish the %s another object refers to: %v", k.Noun, err)
		}
	}
	return id
}
