package orgserver

import "github.com/cxascode/cxascode/internal/kinds"

// minimalKindBody is minimalBody for a kind's create, with the references its create model
// requires (a work type's default workbin) made first: a required reference must name an
// object that exists, which no value made up from the model alone does.
func (c *rawClient) minimalKindBody(k *kinds.Kind, name string) map[string]any {
	c.t.Helper()
	model := k.RequestModel("POST")
	body := minimalBody(model, name)
	for _, f := range k.Fields {
		mf := kinds.FieldOf(model, kinds.TopLevel(f.RequestJSON()))
		if f.Ref == "" || mf == nil || !mf.Required {
			continue
		}
		ref := kinds.Genesys().Named(f.Ref)
		made := c.must(200, "POST", ref.API.Collection, c.minimalKindBody(ref, name+" "+ref.Noun))
		kinds.Set(body, f.RequestJSON(), made["id"])
	}
	return body
}
