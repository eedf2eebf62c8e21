package orgserver

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/platform"
)

// Every catalogue kind needs someone to serve it: a hand-written handler or the generic
// entity (a regular kind). A kind with neither would answer 404 to every layer above.
func TestEveryCatalogueKindIsServed(t *testing.T) {
	hand := handWrittenKinds()
	for _, k := range kinds.Genesys().All() {
		if !k.Served() {
			continue // known by name only (Archy references), served by no layer yet
		}
		if _, ok := hand[k.Name]; !ok && !k.Regular() {
			t.Errorf("%s: neither hand-written nor regular; give it Fields or a handler", k.Name)
		}
	}
	for name := range hand {
		if kinds.Genesys().Named(name) == nil {
			t.Errorf("hand-written kind %q is not in the catalogue", name)
		}
	}
	if len(genericKinds()) == 0 {
		t.Fatal("no kind is served generically")
	}
}

// minimalBody is the smallest valid body of a model: its required fields with plain values.
// Strings that are names take name; the rest the first enum value or "x".
func minimalBody(model, name string) map[string]any {
	body := map[string]any{}
	for _, f := range kinds.ModelOf(model) {
		if !f.Required {
			continue
		}
		body[f.Name] = minimalValue(f, name)
		if f.Type == "string" && modelFieldFormat(model, f.Name) == kinds.LocalDateTime {
			body[f.Name] = "2024-01-01T08:00:00.000" // a schedule's start and end
		}
		// The catalogue may know a required string's values where the model does not (a
		// trunk base's trunkType).
		if catalogue := modelField(model, f.Name); f.Type == "string" && len(f.Enum) == 0 && catalogue != nil && len(catalogue.Enum) > 0 {
			body[f.Name] = catalogue.Enum[0]
		}
	}
	if kinds.FieldOf(model, "name") != nil {
		body["name"] = name
	}
	if k := chosenIDKind(model); k != nil {
		// The create model has no name; the object is named as the request says all the same.
		// Only a kind that may be a subdomain chooses domain names (an email domain); another
		// (a grammar language's code) gets the name's label, so that the two never share ids.
		id := domainOf(name)
		if k.API.SubdomainFlag == "" {
			id = strings.TrimSuffix(id, ".example.com")
		}
		body[k.API.ChosenID], body["name"] = id, name
	}
	return body
}

// chosenIDKind is the kind whose create model this is when the client chooses its ids
// (kinds.API.ChosenID); nil for any other model.
func chosenIDKind(model string) *kinds.Kind {
	for _, k := range kinds.Genesys().Where((*kinds.Kind).Regular) {
		if k.API.ChosenID != "" && k.RequestModel(http.MethodPost) == model {
			return k
		}
	}
	return nil
}

// domainOf is a domain name made of an object's name, for kinds whose id is one: names that
// differ only in case or spacing give the same domain, as they would give the same name.
func domainOf(name string) string {
	label := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r - 'A' + 'a'
		}
		return '-'
	}, name)
	label = strings.Trim(label, "-")
	if len(label) > 63 {
		label = label[:63]
	}
	if label == "" {
		label = "x"
	}
	return label + ".example.com"
}

// modelFieldFormat is the catalogue's format of a top-level field of a model that some
// regular kind reads or writes (FreeText when none says otherwise).
func modelFieldFormat(model, field string) kinds.Format {
	if f := modelField(model, field); f != nil {
		return f.Format
	}
	return kinds.FreeText
}

// modelField is the catalogue's field of a regular kind that reads or writes a top-level
// field of a model, or nil.
func modelField(model, field string) *kinds.Field {
	for _, k := range kinds.Genesys().Where((*kinds.Kind).Regular) {
		if k.Model != model && k.RequestModel("POST") != model && k.RequestModel(k.API.Update) != model {
			continue
		}
		for i := range k.Fields {
			if k.Fields[i].JSON == field {
				return &k.Fields[i]
			}
		}
	}
	return nil
}

func minimalValue(f kinds.ModelField, name string) any {
	switch {
	case f.Type == "string" && len(f.Enum) > 0:
		return f.Enum[0]
	case f.Type == "string":
		return "x"
	case f.Type == "number" || f.Type == "integer":
		return 1
	case f.Type == "boolean":
		return false
	case strings.HasPrefix(f.Type, "Array<"):
		return []any{}
	case kinds.IsModel(f.Type):
		// A nested object's name (a required reference's) is not the object's: the tests
		// that give the name bad values look for the refusal of the top-level one.
		return minimalBody(f.Type, "x")
	}
	return map[string]any{}
}

// TestGenericEntityConformance walks every kind the generic entity serves through the
// whole API surface, from the catalogue alone: whatever kind is added next is checked too.
func TestGenericEntityConformance(t *testing.T) {
	ts, c := parallelDevOrg(t)
	ro := newRawClient(t, ts, "dev", "readonly")
	orgID := ts.Credential(t, "dev", "deploy").OrgID
	home := c.must(200, "GET", "/api/v2/authorization/divisions/home", nil)["id"]
	for _, k := range genericKinds() {
		t.Run(k.Name, func(t *testing.T) {
			c, ro := *c, *ro
			c.t, ro.t = t, t
			k := c.underParent(k)
			coll := k.API.Collection
			create := func(name string) map[string]any {
				return c.must(200, "POST", coll, c.minimalKindBody(k, name))
			}

			// Read-only clients are refused every write, naming the catalogue's permission.
			m := ro.wantError(403, "missing.permissions", "POST", coll, minimalBody(k.RequestModel("POST"), "Refused"))
			if perm := k.PermissionFor("POST"); !strings.Contains(m["message"].(string), perm) {
				t.Errorf("403 message %q does not name %s", m["message"], perm)
			}

			a1, a2, b := create("Conf A1"), create("Conf A2"), create("Conf B")
			id := a1["id"].(string)
			checkStoredShape(t, k, a1, home)
			if got := c.must(200, "GET", k.API.Item(id), nil); !jsonEqual(got, a1) {
				t.Errorf("GET = %v, want the created %v", got, a1)
			}
			ro.must(200, "GET", k.API.Item(id), nil)
			if k.Names == kinds.UniqueName {
				c.wantError(409, "general.conflict", "POST", coll, minimalBody(k.RequestModel("POST"), "CONF a1"))
			}

			// Cursor paging over the three (a kind whose list pages by cursor) and the name filter.
			if !k.API.NoList && k.API.Paging == kinds.Cursor {
				checkCursorListing(t, &c, coll, k.API.NameFilter)
			}
			// Page-number paging over the three, the id filter and the name filter.
			// A listing that requires a scope (responses by library) is checked in digital_test.go.
			if !k.API.NoList && k.API.Paging != kinds.Cursor && k.API.Scope == nil {
				l := c.must(200, "GET", coll+q("pageSize", "2"), nil)
				if l["total"].(float64) != 3 || l["pageCount"].(float64) != 2 || len(l["entities"].([]any)) != 2 ||
					l["nextUri"] == nil || l["firstUri"] == nil {
					t.Errorf("page 1 = %v", l)
				}
				if l := c.must(200, "GET", coll+q("pageSize", "2", "pageNumber", "2"), nil); len(l["entities"].([]any)) != 1 || l["nextUri"] != nil {
					t.Errorf("page 2 = %v", l)
				}
				c.wantError(400, "bad.request", "GET", coll+q("pageSize", fmt.Sprint(k.API.PageSize()+1)), nil)
				if l := c.must(200, "GET", coll+q("id", id, "id", b["id"].(string)), nil); l["total"].(float64) != 2 {
					t.Errorf("id filter total = %v", l["total"])
				}
				if f := k.API.NameFilter; f != "" {
					if l := c.must(200, "GET", coll+q(f, "conf b"), nil); l["total"].(float64) != 1 {
						t.Errorf("name filter %q total = %v", "conf b", l["total"])
					}
					if l := c.must(200, "GET", coll+q(f, "Conf A*"), nil); l["total"].(float64) != 2 {
						t.Errorf("name filter %q total = %v", "Conf A*", l["total"])
					}
				}
			}

			// Updates: the current version wins, a stale one is refused.
			if k.API.Update != "" {
				upd := withRefsOf(k, minimalBody(k.RequestModel(k.API.Update), "Conf A1 renamed"), a1)
				if k.API.Version == kinds.IntVersion {
					upd["version"] = 1
					c.must(200, k.API.Update, k.API.Item(id), upd)
					m := c.wantError(409, "general.conflict", k.API.Update, k.API.Item(id), upd)
					if !strings.Contains(m["message"].(string), "[1]") {
						t.Errorf("stale version message = %v", m["message"])
					}
					delete(upd, "version")
					c.wantError(400, "bad.request", k.API.Update, k.API.Item(id), upd)
					upd["version"] = 2
				}
				got := c.must(200, k.API.Update, k.API.Item(id), upd)
				if k.API.UpdateAnswersOperation {
					// The answer is the finished operation; the object shows the change.
					if got["complete"] != true || got["actionName"] != "UPDATE" || got["actionStatus"] != "SUCCESS" {
						t.Errorf("update answered %v, want a complete UPDATE operation", got)
					}
					got = c.must(200, "GET", k.API.Item(id), nil)
				}
				// An update model without a name cannot rename (a skill's PATCH only moves it
				// between divisions): the object keeps its name.
				wantName := "Conf A1 renamed"
				if kinds.FieldOf(k.RequestModel(k.API.Update), "name") == nil {
					wantName = "Conf A1"
				}
				var want any = wantName
				if kinds.FieldOf(k.Model, "name") == nil {
					want = nil // the object has no name at all (a grammar language)
				}
				if got["name"] != want || got["id"] != id {
					t.Errorf("updated = %v", got)
				}
				if k.API.Version == kinds.IntVersion && got["version"].(float64) != 3 {
					t.Errorf("version after two updates = %v, want 3", got["version"])
				}
			}

			// A kind the API cannot delete answers DELETE as any unserved method: 405, naming
			// what the path takes; the object stays.
			if k.API.NoDelete {
				m := c.wantError(405, "method.not.allowed", "DELETE", k.API.Item(id), nil)
				if !strings.Contains(m["message"].(string), "GET") {
					t.Errorf("405 message %q does not name GET", m["message"])
				}
				c.must(200, "GET", k.API.Item(id), nil)
			} else {
				checkGenericDelete(t, &c, k, id, a1, a2)
			}

			// The audit log names the catalogue's service and entity for each write.
			actions := map[string]bool{}
			for _, raw := range ts.Store().AuditLog(orgID) {
				var a platform.AuditLogMessage
				if json.Unmarshal(raw, &a) != nil || a.Entity == nil || host.Deref(a.Entity.ID) != id {
					continue
				}
				if host.Deref(a.ServiceName) != k.Audit.Service || host.Deref(a.EntityType) != k.Audit.Entity {
					t.Errorf("audit record %s/%s, want %s/%s", host.Deref(a.ServiceName), host.Deref(a.EntityType), k.Audit.Service, k.Audit.Entity)
				}
				actions[host.Deref(a.Action)] = true
			}
			want := []string{"Create"}
			if !k.API.NoDelete {
				want = append(want, "Delete")
			}
			if k.API.Update != "" {
				want = append(want, "Update")
			}
			for _, a := range want {
				if !actions[a] {
					t.Errorf("no %s audit record for %s (have %v)", a, id, actions)
				}
			}
		})
	}
}

// checkGenericDelete deletes a1 and a2 (created with b, which stays): gone from GET (or
// marked deleted) and from the listing.
func checkGenericDelete(t *testing.T, c *rawClient, k *kinds.Kind, id string, a1, a2 map[string]any) {
	t.Helper()
	for _, o := range []map[string]any{a1, a2} {
		c.must(204, "DELETE", k.API.Item(o["id"].(string))+deleteQuery(k), nil)
	}
	if k.API.SoftDelete {
		if got := c.must(200, "GET", k.API.Item(id), nil); got["state"] != "deleted" {
			t.Errorf("soft-deleted = %v", got)
		}
	} else {
		c.wantError(404, "not.found", "GET", k.API.Item(id), nil)
	}
	c.wantError(404, "not.found", "DELETE", k.API.Item(id), nil)
	// A listing that requires a scope (responses by library) is checked in digital_test.go.
	if !k.API.NoList && k.API.Scope == nil {
		// A cursor listing has no total: its entities are counted.
		l := c.must(200, "GET", k.API.Collection, nil)
		if entities, _ := l["entities"].([]any); len(entities) != 1 {
			t.Errorf("listing after deletes = %v", l)
		}
		if total, hasTotal := l["total"]; hasTotal && total.(float64) != 1 {
			t.Errorf("listing total after deletes = %v", l)
		}
	}
}

// checkStoredShape checks what the server adds to every entity, as the model has it.
func checkStoredShape(t *testing.T, k *kinds.Kind, o map[string]any, home any) {
	t.Helper()
	has := func(f string) bool { return kinds.FieldOf(k.Model, f) != nil }
	for key := range o {
		if !has(key) {
			t.Errorf("answer holds %q, which model %s has not", key, k.Model)
		}
	}
	id, _ := o["id"].(string)
	// A kind whose client chooses ids (an email domain's domain name) keeps the chosen one.
	if k.API.ChosenID == "" && len(id) != 36 || k.API.SubdomainFlag != "" && !strings.Contains(id, ".") {
		t.Errorf("id = %v, want a uuid", o["id"])
	}
	if has("selfUri") && o["selfUri"] != k.API.Item(id) {
		t.Errorf("selfUri = %v", o["selfUri"])
	}
	if k.API.Version == kinds.IntVersion && o["version"] != float64(1) {
		t.Errorf("version = %v, want 1", o["version"])
	}
	if has("division") {
		d, _ := o["division"].(map[string]any)
		if d["id"] != home || d["name"] != "Home" || d["selfUri"] != entity.DivisionSelfURI(fmt.Sprint(home)) {
			t.Errorf("division = %v, want the home division", o["division"])
		}
	}
	if has("state") && o["state"] != "active" {
		t.Errorf("state = %v", o["state"])
	}
	for _, f := range []string{"dateCreated", "dateModified", "createdBy", "modifiedBy"} {
		if has(f) && o[f] == nil {
			t.Errorf("%s missing", f)
		}
	}
}

func deleteQuery(k *kinds.Kind) string {
	if k.API.DeleteQuery == "" {
		return ""
	}
	return "?" + k.API.DeleteQuery
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
