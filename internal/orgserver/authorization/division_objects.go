package authorization

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// divisionObjectKinds maps the objectType of POST /authorization/divisions/{id}/objects/{objectType}
// to the stored kind whose "division" field moves.
// (A function, so that no caller can change the table.)
func divisionObjectKinds() map[string]store.Kind {
	return map[string]store.Kind{
		"QUEUE":      host.KindQueue,
		"USER":       host.KindUser,
		"SKILLGROUP": host.KindSkillGroup,
		"WRAPUPCODE": host.KindWrapupCode,
		"SCRIPT":     host.KindScript,
	}
}

func (s *api) divisionObjectRoutes() {
	s.Route("POST /api/v2/authorization/divisions/{id}/objects/{objectType}", "authorization:division:edit", s.moveToDivision)
}

// moveToDivision moves objects (ids in the body) into a division.
func (s *api) moveToDivision(w http.ResponseWriter, r *http.Request) error {
	objType := strings.ToUpper(r.PathValue("objectType"))
	kinds := divisionObjectKinds()
	kind, ok := kinds[objType]
	if !ok {
		allowed := make([]string, 0, len(kinds))
		for k := range kinds {
			allowed = append(allowed, k)
		}
		sort.Strings(allowed)
		return apihttp.InvalidValue("objectType", r.PathValue("objectType"), allowed)
	}
	var ids []string
	if err := apihttp.DecodeBody(r, &ids); err != nil {
		return err
	}
	if len(ids) == 0 {
		return apihttp.Required("body (list of object ids)")
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		div, err := entity.Lookup(tx, entity.KindDivision, r.PathValue("id"))
		if err != nil {
			return err
		}
		ref := platform.Division{ID: host.Ptr(div.ID), Name: host.Ptr(div.Name), SelfURI: host.Ptr(entity.DivisionSelfURI(div.ID))}
		for _, id := range ids {
			o := tx.Get(kind, id)
			if o == nil {
				return apihttp.UnknownRef("body", id)
			}
			var doc map[string]json.RawMessage
			if err := json.Unmarshal(o.Data, &doc); err != nil {
				return err
			}
			doc["division"], _ = json.Marshal(ref)
			if _, has := doc["version"]; has && kind == host.KindUser {
				var v int
				json.Unmarshal(doc["version"], &v) //nolint:errcheck // a bad version stays 0 and becomes 1
				doc["version"], _ = json.Marshal(v + 1)
			}
			out, err := json.Marshal(doc)
			if err != nil {
				return err
			}
			tx.Put(&store.Object{Kind: kind, ID: o.ID, Parent: o.Parent, Name: o.Name, Data: out})
			audit.Record(tx, p, audit.Event{Service: "PeoplePermissions", EntityType: objType, Action: "Move", ID: o.ID, Name: o.Name, Old: o.Data, New: out})
		}
		return nil
	})
}
