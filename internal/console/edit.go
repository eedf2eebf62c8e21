package console

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
)

// Writes go through the kind's own API methods (kinds.Kind.API) with the signed-in client's
// token: the org checks the client's permission and records the change in its audit log as
// that client, exactly as for a write from an SDK. The console hides nothing it relies on: a
// read-only client sees the forms and the org answers 403.

// edit changes an object's name and description by the kind's update method. A PUT sends the
// object back whole as read, with its version, so the org refuses a stale edit (409); a PATCH
// sends the two fields and the version.
func (c *Console) edit(w http.ResponseWriter, r *http.Request, s *session) {
	k, ok := c.servedKind(w, r, s)
	if !ok {
		return
	}
	id := r.PathValue("id")
	if k.API.Update == "" {
		c.fail(w, r, s, &apiError{Status: http.StatusMethodNotAllowed, Code: "not.allowed", Message: "The API has no update for a " + k.Noun + "."})
		return
	}
	obj, err := c.readObject(r, s, k, id)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	body := obj
	if k.API.Update == http.MethodPatch {
		body = map[string]any{}
		if v, ok := obj["version"]; ok {
			body["version"] = v
		}
	}
	if v := r.PostForm["version"]; len(v) == 1 && v[0] != versionOf(obj) {
		c.fail(w, r, s, &apiError{Status: http.StatusConflict, Code: "version.mismatch",
			Message: "The " + k.Noun + " changed since the page was loaded (version " + v[0] + ", now " + versionOf(obj) + "); reload it and edit again."})
		return
	}
	if name := strings.TrimSpace(r.PostFormValue("name")); name != "" {
		body["name"] = name
	}
	if _, sent := r.PostForm["description"]; sent {
		body["description"] = r.PostFormValue("description")
	}
	ans, err := c.api.asClient(r, s.Token, k.API.Update, k.API.ReadPath(id), body)
	if err == nil {
		err = errorOf(ans)
	}
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	http.Redirect(w, r, objectURL(k, id), http.StatusSeeOther)
}

// objectURL is the console page of one object.
func objectURL(k *kinds.Kind, id string) string {
	return Prefix + "/object/" + k.Name + "/" + url.PathEscape(id)
}

type newData struct {
	Kind *kinds.Kind
	JSON string
}

func (c *Console) newPage(w http.ResponseWriter, r *http.Request, s *session) {
	k, ok := c.servedKind(w, r, s)
	if !ok {
		return
	}
	c.render(w, r, http.StatusOK, "new", s, newData{Kind: k, JSON: "{\n  \"name\": \"\"\n}"})
}

// create posts the JSON the person wrote to the kind's create path: the org validates it
// against the kind's create model, as it would an SDK's request.
func (c *Console) create(w http.ResponseWriter, r *http.Request, s *session) {
	k, ok := c.servedKind(w, r, s)
	if !ok {
		return
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(r.PostFormValue("json")), &body); err != nil {
		c.fail(w, r, s, &apiError{Status: http.StatusBadRequest, Code: "bad.request", Message: "The body is not a JSON object: " + err.Error()})
		return
	}
	ans, err := c.api.asClient(r, s.Token, http.MethodPost, k.API.CreateAt(), body)
	if err == nil {
		err = errorOf(ans)
	}
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	var made map[string]any
	if err := ans.decode(&made); err != nil {
		c.fail(w, r, s, err)
		return
	}
	http.Redirect(w, r, objectURL(k, k.OwnID(made)), http.StatusSeeOther)
}

// remove deletes an object with the kind's DELETE (and its query, e.g. forceDelete=true).
func (c *Console) remove(w http.ResponseWriter, r *http.Request, s *session) {
	k, ok := c.servedKind(w, r, s)
	if !ok {
		return
	}
	path := k.API.Item(r.PathValue("id"))
	if k.API.DeleteQuery != "" {
		path += "?" + k.API.DeleteQuery
	}
	ans, err := c.api.asClient(r, s.Token, http.MethodDelete, path, nil)
	if err == nil {
		err = errorOf(ans)
	}
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	http.Redirect(w, r, Prefix+"/kinds/"+k.Name, http.StatusSeeOther)
}
