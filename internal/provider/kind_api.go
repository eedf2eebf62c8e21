package provider

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// apiObject is one object of a regular kind as the API's JSON decodes: the generic resource
// reads and writes it through the catalogue's field paths (kinds.Get, kinds.Set) instead of a
// typed platform model.
type apiObject = map[string]any

// kindDeleteTimeout bounds the wait for a regular kind's delete to be visible, as for the
// hand-written kinds.
const kindDeleteTimeout = 30 * time.Second

// kindDetachTimeout bounds the retries of a delete the org refuses until objects detach
// (kinds.API.DeleteWaitsForDetach).
const kindDetachTimeout = 2 * time.Minute

// kindAPI is the API seam for a regular kind: the same entityAPI the hand-written resources
// use, configured from the catalogue entry, so bulk reads, lost-create recovery and delete
// waits behave the same for every kind.
func kindAPI(c *platform.Client, k *kinds.Kind) entityAPI[apiObject] {
	// A nameless kind may still have a field that tells objects apart (kinds.Kind.FoundBy).
	nameField := k.IdentifyingField()
	api := entityAPI[apiObject]{
		client: c,
		path:   k.API.Collection,
		name: func(o *apiObject) string {
			if nameField == nil {
				return ""
			}
			s, _ := kinds.Get(*o, nameField.JSON).(string)
			return s
		},
		deleteTimeout: kindDeleteTimeout,
		query:         k.API.Query,
	}
	// A kind that soft-deletes answers GET with state "deleted"; any other kind's object in
	// that state is gone all the same (the real API keeps some briefly), so every kind checks.
	api.softDeleted = func(o *apiObject) bool { return (*o)["state"] == "deleted" }
	if k.API.Drafts {
		// The draft is what is read and written; the published versions are read apart
		// (kind_drafts.go).
		api.item = k.API.DraftPath
	}
	if k.API.ItemPath != "" {
		// The object lives under another object's path (a flow's log level under the flow):
		// it is read, changed and deleted there. The id comes escaped.
		at := func(id string) string { return strings.Replace(k.API.ItemPath, "{id}", id, 1) }
		api.item, api.removeAt = at, at
	}
	if k.API.DeleteWaitsForReferrers {
		api.retryDelete = platform.IsConflict
	}
	if k.API.DeleteWaitsForDetach {
		// Real orgs refuse to delete a division until the objects just moved out of it have
		// detached, which takes longer than a delete otherwise waits.
		api.retryDelete = func(err error) bool {
			var ae *platform.APIError
			return errors.As(err, &ae) && ae.Status == http.StatusBadRequest
		}
		api.deleteTimeout = kindDetachTimeout
	}
	if k.API.ReadQuery != "" {
		// Literals written by hand as well, kept parseable by TestKindQueriesParse.
		if q, err := url.ParseQuery(k.API.ReadQuery); err == nil {
			api.readQuery = q
		}
	}
	if k.API.DeleteQuery != "" {
		// The catalogue's queries are literals written by hand; TestKindQueriesParse
		// keeps every one of them parseable, so there is no error to report here.
		q, err := url.ParseQuery(k.API.DeleteQuery)
		if err == nil {
			api.deleteQuery = q
		}
	}
	return api
}

// versionOf reads the numeric version the API reports for an object (0 when absent).
func versionOf(o *apiObject) int {
	switch v := (*o)["version"].(type) {
	case float64:
		return int(v)
	case int:
		return v
	}
	return 0
}

// objectID reads the id every Platform API object carries.
func objectID(o apiObject) string {
	id, _ := o["id"].(string)
	return id
}

// typeSuffix is a type name without the provider's prefix ("genesyscloud_routing_skill" →
// "_routing_skill"): the framework adds the prefix itself.
func typeSuffix(typeName string) string {
	return strings.TrimPrefix(typeName, "genesyscloud")
}
