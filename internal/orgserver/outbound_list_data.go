package orgserver

import (
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/telephony"
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
func (s *Server) outboundListDataRoutes() {
	lists := kinds.Genesys().Named(kinds.ContactList).API.Collection
	s.route("POST "+lists+"/{id}/clear", "outbound:contact:delete", s.contactListClear)
	s.route("POST "+lists+"/{id}/contacts/search", "outbound:contact:view", s.contactListSearch)
	s.route("GET "+lists+"/{id}/importstatus", "outbound:contactList:view", s.outboundListImportStatus(kinds.ContactList))
	s.route("POST "+lists+"/{id}/export", "outbound:contact:view", s.outboundListExport(kinds.ContactList))
	s.route("GET "+lists+"/{id}/export", "outbound:contact:view", s.outboundListExportURI(kinds.ContactList))

	dnc := kinds.Genesys().Named(kinds.DNCList).API.Collection
	s.route("POST "+dnc+"/{id}/phonenumbers", "outbound:dnc:add", s.dncListAddNumbers)
	s.route("DELETE "+dnc+"/{id}/phonenumbers", "outbound:dnc:delete", s.dncListRemoveNumbers)
	s.route("GET "+dnc+"/{id}/importstatus", "outbound:dncList:view", s.outboundListImportStatus(kinds.DNCList))
	s.route("POST "+dnc+"/{id}/export", "outbound:dnc:view", s.outboundListExport(kinds.DNCList))
	s.route("GET "+dnc+"/{id}/export", "outbound:dnc:view", s.outboundListExportURI(kinds.DNCList))
}

// dncListAddNumbers takes numbers for a DNC list: an array of E.164 numbers, and an optional
// expirationDateTime. Each is checked as the API checks it; the local org keeps none.
func (s *Server) dncListAddNumbers(w http.ResponseWriter, r *http.Request) error {
	if err := s.outboundList(r, kinds.DNCList); err != nil {
		return err
	}
	var numbers []string
	if err := apihttp.DecodeBody(r, &numbers); err != nil {
		return err
	}
	if len(numbers) == 0 {
		return apihttp.BadRequest("The body must list at least one phone number.")
	}
	for i, n := range numbers {
		if _, ok := telephony.ParseE164(n); !ok {
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

// dncListRemoveNumbers empties a DNC list (expiredOnly: of its expired numbers only), which
// for a list whose numbers the local org does not keep is always done.
func (s *Server) dncListRemoveNumbers(w http.ResponseWriter, r *http.Request) error {
	if err := s.outboundList(r, kinds.DNCList); err != nil {
		return err
	}
	return host.NoContent(w)
}

// outboundList finds the list a data request is about: 404 when it does not exist (or the
// caller cannot see it), as the real API answers for an unknown list.
func (s *Server) outboundList(r *http.Request, kind string) error {
	_, err := s.host.Lookup(r, s.entities.StoreKind(kind), r.PathValue("id"))
	return err
}

func (s *Server) contactListClear(w http.ResponseWriter, r *http.Request) error {
	if err := s.outboundList(r, kinds.ContactList); err != nil {
		return err
	}
	return host.NoContent(w)
}

// contactListSearch answers the ContactListingResponse of a list without contacts.
func (s *Server) contactListSearch(w http.ResponseWriter, r *http.Request) error {
	if err := s.outboundList(r, kinds.ContactList); err != nil {
		return err
	}
	apihttp.WriteJSON(w, http.StatusOK, map[string]any{"entities": []any{}, "pageSize": 25, "pageNumber": 1,
		"total": 0, "pageCount": 0})
	return nil
}

// outboundListImportStatus answers the ImportStatus of a list nothing is being imported into.
func (s *Server) outboundListImportStatus(kind string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.outboundList(r, kind); err != nil {
			return err
		}
		apihttp.WriteJSON(w, http.StatusOK, map[string]any{"state": "FULFILLED", "totalRecords": 0,
			"completedRecords": 0, "percentComplete": 100})
		return nil
	}
}

// outboundListExport starts an export: the API answers a reference to the list whose
// export was requested.
func (s *Server) outboundListExport(kind string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.outboundList(r, kind); err != nil {
			return err
		}
		id := r.PathValue("id")
		apihttp.WriteJSON(w, http.StatusOK, platform.DomainEntityRef{ID: host.Ptr(id),
			SelfURI: host.Ptr(kinds.Genesys().Named(kind).API.Item(id))})
		return nil
	}
}

// outboundListExportURI is where an export would be downloaded: the local org keeps no rows,
// so there is never a file, and it says so as the API does for a list without an export.
func (s *Server) outboundListExportURI(kind string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.outboundList(r, kind); err != nil {
			return err
		}
		return &apihttp.Error{Status: http.StatusNotFound, Code: "not.found",
			Message: "There is no export of this list to download: the local org keeps no list data."}
	}
}
