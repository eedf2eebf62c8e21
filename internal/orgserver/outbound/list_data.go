package outbound

import (
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/platform"
)

// The data of outbound lists: the contacts of a contact list and the numbers of a DNC list.
// The lists themselves are regular kinds (the generic entity serves them); their rows reach a
// real org as a CSV through the upload service, outside the Platform API, or as additions the
// API never answers back, so the local org holds no list data. It still answers every call
// the official provider makes about it, as an org whose lists are empty would: an import that
// is finished with nothing in it, a search that finds nothing, a clear that has nothing to
// clear, an export with nothing to download; numbers added to a DNC list are checked and
// accepted.
func (s *api) listDataRoutes() {
	lists := kinds.Genesys().Named(kinds.ContactList).API.Collection
	s.Route("POST "+lists+"/{id}/clear", "outbound:contact:delete", s.onList(kinds.ContactList, answerNoContent))
	s.Route("POST "+lists+"/{id}/contacts/search", "outbound:contact:view", s.onList(kinds.ContactList, answerNoContacts))
	s.importExportRoutes(kinds.ContactList, "outbound:contactList:view", "outbound:contact:view")

	dnc := kinds.Genesys().Named(kinds.DNCList).API.Collection
	s.Route("POST "+dnc+"/{id}/phonenumbers", "outbound:dnc:add", s.onList(kinds.DNCList, checkDNCNumbers))
	// Removing numbers (expiredOnly: the expired ones) from a list whose numbers the local
	// org does not keep is always done.
	s.Route("DELETE "+dnc+"/{id}/phonenumbers", "outbound:dnc:delete", s.onList(kinds.DNCList, answerNoContent))
	s.importExportRoutes(kinds.DNCList, "outbound:dncList:view", "outbound:dnc:view")
}

// importExportRoutes are the routes every outbound list has for its data: the status of
// an import (under the permission to view the list) and an export (to view its data).
func (s *api) importExportRoutes(kind, listViewPerm, dataViewPerm string) {
	item := kinds.Genesys().Named(kind).API.Collection + "/{id}"
	s.Route("GET "+item+"/importstatus", listViewPerm, s.onList(kind, answerNothingImported))
	s.Route("POST "+item+"/export", dataViewPerm, s.onList(kind, answerExportOf(kind)))
	s.Route("GET "+item+"/export", dataViewPerm, s.onList(kind, answerNoExport))
}

// onList answers a data request about the list of kind in the path: 404 when it does not
// exist (or the caller cannot see it), as the real API answers for an unknown list, else
// as answer says.
func (s *api) onList(kind string, answer host.Handler) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if _, err := s.Lookup(r, s.Entities.StoreKind(kind), r.PathValue("id")); err != nil {
			return err
		}
		return answer(w, r)
	}
}

func answerNoContent(w http.ResponseWriter, _ *http.Request) error { return host.NoContent(w) }

// answerNoContacts is the ContactListingResponse of a list without contacts.
func answerNoContacts(w http.ResponseWriter, _ *http.Request) error {
	return apihttp.OK(w, map[string]any{"entities": []any{}, "pageSize": 25, "pageNumber": 1,
		"total": 0, "pageCount": 0})
}

// answerNothingImported is the ImportStatus of a list nothing is being imported into.
func answerNothingImported(w http.ResponseWriter, _ *http.Request) error {
	return apihttp.OK(w, map[string]any{"state": "FULFILLED", "totalRecords": 0,
		"completedRecords": 0, "percentComplete": 100})
}

// answerExportOf starts an export: the API answers a reference to the list whose export was
// requested.
func answerExportOf(kind string) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id := r.PathValue("id")
		return apihttp.OK(w, platform.DomainEntityRef{ID: host.Ptr(id),
			SelfURI: host.Ptr(kinds.Genesys().Named(kind).API.Item(id))})
	}
}

// answerNoExport is where an export would be downloaded: the local org keeps no rows, so
// there is never a file, and it says so as the API does for a list without an export.
func answerNoExport(http.ResponseWriter, *http.Request) error {
	return &apihttp.Error{Status: http.StatusNotFound, Code: "not.found",
		Message: "There is no export of this list to download: the local org keeps no list data."}
}

// checkDNCNumbers takes numbers for a DNC list: an array of E.164 numbers, and an optional
// expirationDateTime. Each is checked as the API checks it; the local org keeps none.
func checkDNCNumbers(w http.ResponseWriter, r *http.Request) error {
	var numbers []string
	if err := apihttp.DecodeBody(r, &numbers); err != nil {
		return err
	}
	if len(numbers) == 0 {
		return apihttp.BadRequest("The body must list at least one phone number.")
	}
	for i, n := range numbers {
		if _, ok := host.ParseE164(n); !ok {
			return apihttp.BadRequest("The field [phoneNumbers[%d]] must be a phone number in E.164 format, not [%s].", i, n)
		}
	}
	if exp := r.URL.Query().Get("expirationDateTime"); exp != "" && !isZonedDateTime(exp) {
		return apihttp.BadRequest("The parameter [expirationDateTime] must be an ISO-8601 date-time with a zone, not [%s].", exp)
	}
	return host.NoContent(w)
}

// isZonedDateTime reports whether s is an ISO-8601 date-time with a zone, with or without
// seconds (the official provider documents "yyyy-MM-ddTHH:mmZ").
func isZonedDateTime(s string) bool {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
