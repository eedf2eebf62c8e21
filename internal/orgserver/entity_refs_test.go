package orgserver

import (
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
)

// minimalKindBody is minimalBody for a kind's create, with the references its create model
// requires (a work type's default workbin) made first: a required reference must name an
// object that exists, which no value made up from the model alone does.
func (c *rawClient) minimalKindBody(k *kinds.Kind, name string) map[string]any {
	c.t.Helper()
	model := k.RequestModel("POST")
	body := minimalBody(model, name)
	for _, f := range requiredRefFields(k) {
		ref := kinds.Genesys().Named(f.Ref)
		made := c.must(200, "POST", ref.API.Collection, c.minimalKindBody(ref, name+" "+ref.Noun))
		kinds.Set(body, f.RequestJSON(), made["id"])
		if ref.API.Drafts {
			// A reference to a drafted object names one of its published versions.
			published := c.must(200, "POST", ref.API.PublishPath(made["id"].(string)), nil)
			kinds.Set(body, strings.TrimSuffix(f.RequestJSON(), "id")+"version", published["version"])
		}
		// The referenced object goes when the test does, so that a later test listing its
		// kind in the same org counts only its own objects; objects of k still referring to
		// it (the test may keep one) go first, since the org refuses to delete a referenced
		// object. Kinds listed only by query are never counted so.
		if ref.API.NoList || k.API.NoList {
			continue
		}
		id, t := made["id"].(string), c.t
		list := k.API.Collection + "?pageSize=100"
		if sc := k.API.Scope; sc != nil {
			if sc.Kind != ref.Name {
				continue // listed only within another object (responses by library)
			}
			list += "&" + sc.Param + "=" + id
		}
		t.Cleanup(func() {
			for _, e := range c.must(200, "GET", list, nil)["entities"].([]any) {
				if obj, _ := e.(map[string]any); kinds.Get(obj, f.JSON) == id {
					c.do("DELETE", k.API.Item(obj["id"].(string))+deleteQuery(k), nil)
				}
			}
			if resp := c.do("DELETE", ref.API.Item(id)+deleteQuery(ref), nil); resp.Status >= 300 && resp.Status != http.StatusNotFound {
				t.Errorf("delete referenced %s %s: status %d", ref.Noun, id, resp.Status)
			}
		})
	}
	return body
}

// requiredRefFields are the reference fields of k that its create model requires: top-level
// ones, and the id inside a required reference object (a deployment's configuration), as
// fields whose JSON is the whole path.
func requiredRefFields(k *kinds.Kind) []kinds.Field {
	model := k.RequestModel("POST")
	var out []kinds.Field
	for _, f := range k.Fields {
		mf := kinds.FieldOf(model, kinds.TopLevel(f.RequestJSON()))
		if mf == nil || !mf.Required {
			continue
		}
		if f.Ref != "" {
			out = append(out, f)
		}
		if f.Type != kinds.Object {
			continue
		}
		for _, n := range f.Nested {
			if n.Ref != "" && n.Mode == kinds.Required {
				n.JSON = f.JSON + "." + n.JSON
				out = append(out, n)
			}
		}
	}
	return out
}

// withRefsOf is body with the required references the object created holds (a reference
// object whole: a configuration's id and version), which no value made up from the model
// alone names.
func withRefsOf(k *kinds.Kind, body, created map[string]any) map[string]any {
	for _, f := range requiredRefFields(k) {
		at := f.JSON
		if enclosing, isNested := strings.CutSuffix(f.JSON, ".id"); isNested && kinds.Genesys().Named(f.Ref).API.Drafts {
			at = enclosing
		}
		kinds.Set(body, at, kinds.Get(created, at))
	}
	return body
}
