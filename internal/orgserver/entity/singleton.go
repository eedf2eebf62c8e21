package entity

import (
	"encoding/json"
	"fmt"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// SingletonData is the org's one object of a singleton kind: the stored one, or the kind's
// defaults while nobody has changed it (the org has always had its settings).
func SingletonData(o *store.Object, k *kinds.Kind) []byte {
	if o != nil {
		return o.Data
	}
	defaults := map[string]any{}
	if k.API.Defaults != "" {
		// The catalogue's test keeps every Defaults valid JSON.
		_ = json.Unmarshal([]byte(k.API.Defaults), &defaults)
	}
	if kinds.FieldOf(k.Model, "id") != nil {
		defaults["id"] = k.SingletonID()
	}
	b, _ := json.Marshal(defaults) // a map of decoded JSON always encodes
	return b
}

// The API has no id in a singleton's path (kinds.API.Singleton): the store keeps the org's one
// object under the kind's SingletonID.

// UpdateSingleton applies a PUT (replace) or PATCH (merge) to the org's one object of a
// singleton kind, with the same validation, references and stamps as any regular update.
// The first change stores the defaults first, so a PATCH merges over what GET answered.
func (s *Set) UpdateSingleton(tx *store.Tx, p apihttp.Principal, k *kinds.Kind, method string, body map[string]any) ([]byte, audit.Event, error) {
	kind := s.StoreKind(k.Name)
	if tx.Get(kind, k.SingletonID()) == nil {
		var defaults map[string]any
		if err := json.Unmarshal(SingletonData(nil, k), &defaults); err != nil {
			return nil, audit.Event{}, fmt.Errorf("defaults of %s: %w", k.Name, err)
		}
		doc := projectModel(k.Model, defaults)
		if _, err := Put(tx, kind, k.SingletonID(), "", "", doc); err != nil {
			return nil, audit.Event{}, err
		}
	}
	return s.Update(tx, p, k, k.SingletonID(), method, body)
}

// ResetSingleton forgets the changes to a singleton kind's object: GET answers the defaults
// again, as the API's DELETE of such settings reverts them to the system's.
func (s *Set) ResetSingleton(tx *store.Tx, k *kinds.Kind) audit.Event {
	kind := s.StoreKind(k.Name)
	ev := audit.Event{Service: k.Audit.Service, EntityType: k.Audit.Entity, Action: "Delete", ID: k.SingletonID()}
	if o := tx.Get(kind, k.SingletonID()); o != nil {
		ev.Old = o.Data
		tx.Delete(kind, k.SingletonID())
	}
	ev.New = SingletonData(nil, k)
	return ev
}
