package kinds

import (
	"net/url"
	"strings"
)

// The REST surface of a kind: its paths, paging, versions and listings.

// API is the kind's REST surface.
type API struct {
	// Collection is the list/create path, e.g. "/api/v2/routing/skills".
	Collection string
	// Paging is how Collection pages; MaxPageSize the largest pageSize it takes (0: 100).
	Paging      Paging
	MaxPageSize int
	// NameFilter is the list's query parameter that filters by name ("" none).
	NameFilter string
	// Update is the method that changes an object ("PUT", "PATCH"; "" when immutable).
	Update string
	// Version is how versions take part in updates.
	Version Versioning
	// SoftDelete: DELETE marks the object state "deleted"; GET still returns it, lists do not.
	SoftDelete bool
	// DeleteQuery is sent with DELETE, e.g. "forceDelete=true" ("" none).
	DeleteQuery string
	// DeleteWaitsForReferrers: DELETE answers 409 while another object still refers to this
	// one (a schedule listed by a schedule group); the refusal clears once the referrer is
	// deleted, so a delete in the same run retries it.
	DeleteWaitsForReferrers bool
	// DeleteWaitsForDetach: DELETE answers 400 for a while after the objects in the one being
	// deleted were moved out or deleted, until the org has detached them (a division), so a
	// delete retries it for longer than other deletes wait. The local org detaches at once.
	DeleteWaitsForDetach bool
	// BuiltinPath is the path answering the kind's one builtin object (a division's
	// "…/divisions/home"), which a resource adopts instead of creating (Field.Adopts); "" none.
	BuiltinPath string
	// NoList: the collection has no GET (objects are only reached by id).
	NoList bool
	// NoDelete: the API has no DELETE for the kind (flow outcomes). The local org serves
	// none; destroying the resource forgets the object, which stays in the org (as the
	// official provider does), and drift then finds it unmanaged.
	NoDelete bool
	// UpdateAnswersOperation: the update answers an Operation, not the object (a flow
	// outcome's PUT). The local org answers the same; the provider reads the object again
	// after writing it.
	UpdateAnswersOperation bool
	// Search is the path of the kind's search endpoint ("" none): it takes the directory
	// search request (query criteria over the model's fields, page number and size) by POST,
	// or base64-encoded in q64 by GET, and answers matching objects as results.
	Search string
	// DivisionByID names the request field that holds the division's id when the request
	// models carry the division as a bare id ("divisionId" of a skill's create and PATCH)
	// instead of a division object; "" when they carry the object.
	DivisionByID string
	// List is what the page-number listing takes beyond pageSize, pageNumber, id and the
	// name filter.
	List Listing
	// ReadQuery is sent with every read of one object, and with the listings that answer such
	// reads in bulk, when the API leaves out part of the object unless asked ("expand=schema":
	// a data table's columns). "" none.
	ReadQuery string
	// Parent is the catalogue Name of the kind whose objects hold this kind's collection (""
	// none): a data table's rows live under the table. Collection then holds ParentID where
	// the parent's id goes, listings go parent by parent, and the id the other layers use
	// (state, import, findings) is ChildID(parent id, own id).
	Parent string
	// InParent is the field of the parent's JSON that holds a child kind's objects (a
	// grammar's "languages"), for a child kind the API has no listing of (NoList): the org
	// answers them inside each parent, and drift reads them from the parents' listing. ""
	// when the parent's JSON does not hold them.
	InParent string
	// ItemPath is the path of one object, with "{id}" where its id goes, when it is not
	// Collection/{id}: a flow's log level lives under the flow
	// ("/api/v2/flows/{id}/instances/settings/loglevels") while the org lists all of them at
	// one collection. Such an object is made there as well (POST Item(id)), under the id its
	// field at IDKey holds (a log level's flow_id, see Kind.PathIDField); requests carry that
	// id in the path, never in the body. "" for Collection/{id}.
	ItemPath string
	// Singleton: the org has exactly one object of the kind, at Collection itself (routing
	// utilization, outbound settings). GET and the Update method act on that path; there is
	// no list, no create and no id in the path. DELETE on the path (unless NoDelete) puts
	// the org's defaults back. The provider creates by updating, imports under any id and
	// keeps the id it was given; drift never lists the kind for unmanaged objects.
	Singleton bool
	// Defaults is the JSON the org answers for a Singleton before anyone changed it, and
	// again after a DELETE ("" answers an empty object).
	Defaults string
	// Query is the path of the kind's list-by-query endpoint ("" none), for a kind listed by
	// POST instead of GET on its collection (task management's POST …/workbins/query, with
	// NoList set): the body holds filters ({name, type, operator, values}; none lists all),
	// pageSize and the cursor "after"; the answer holds entities and the next page's "after".
	Query string
	// ChosenID is the create request's field holding the id the client chooses (an email
	// domain's "id", its domain name) where the org would otherwise make one up ("" none). The
	// org keeps it as the object's id and name, and refuses a second live object with it (409).
	ChosenID string
	// SubdomainFlag names the create request's boolean field that, when true, makes the chosen
	// id one label under the org's own mail domain (OrgMailDomain), which the org appends: an
	// email domain created with subDomain ("" none).
	SubdomainFlag string
	// Drafts: objects are edited as a draft and used as numbered versions (a web messaging
	// configuration). The create answers the draft; GET and the Update method act on the
	// draft at DraftPath (its version is DraftVersion); POST PublishPath makes the draft the
	// next version ("1", "2", …) and answers it; GET VersionsPath lists the draft and every
	// version, and GET VersionPath reads one (DraftVersion: the draft). DELETE on Item(id)
	// removes the object with its versions. A reference to such an object carries the
	// version it means beside the id ({id, version}), and that version must exist. The
	// provider publishes after every create and update and reads the latest version.
	Drafts bool
	// Scope is the query parameter the listing requires, naming one object of another kind
	// whose objects it lists (responses are listed library by library, by libraryId); nil
	// when the listing needs none. Drift lists the kind scope by scope.
	Scope *ListScope
	// CreatePath is where a create is POSTed when not to Collection ("" Collection): a
	// response asset is made by POST …/responseassets/uploads, which answers the URL its
	// file goes to.
	CreatePath string
}

// CreateAt is the path a create is POSTed to.
func (a API) CreateAt() string {
	if a.CreatePath != "" {
		return a.CreatePath
	}
	return a.Collection
}

// ListScope is a listing's required query parameter: Param holds the id of one object of the
// catalogue kind Kind, and the listing answers the objects whose JSON holds that id at JSON
// (a response's "libraries[].id").
type ListScope struct {
	Param string
	Kind  string
	JSON  string
}

// ReadPath is where one object is read by id: a Drafts kind's draft (its object has no GET
// of its own), any other kind's Item(id).
func (a API) ReadPath(id string) string {
	if a.Drafts {
		return a.DraftPath(id)
	}
	return a.Item(id)
}

// DraftVersion is the version a Drafts kind's draft answers, and the version id that reads it.
const DraftVersion = "DRAFT"

// DraftPath is the path of a Drafts object's draft, with "{id}" where its id goes.
func (a API) DraftPath(id string) string { return a.Collection + "/" + id + "/versions/draft" }

// PublishPath is the path that publishes a Drafts object's draft.
func (a API) PublishPath(id string) string { return a.DraftPath(id) + "/publish" }

// VersionsPath is the listing of a Drafts object's versions; VersionPath one of them.
func (a API) VersionsPath(id string) string { return a.Collection + "/" + id + "/versions" }

// VersionPath is the path of one version of a Drafts object.
func (a API) VersionPath(id, version string) string { return a.VersionsPath(id) + "/" + version }

// OrgMailDomain is the domain an org's Genesys-hosted mail subdomains live under (see
// API.SubdomainFlag): the region's domain, which for the local org is the first region's.
const OrgMailDomain = "mypurecloud.com"

// Listable reports whether objects of the kind can be listed: by GET on the collection, by
// its query endpoint, by its search endpoint asked without criteria, or inside the objects
// of its parent kind (InParent).
func (a API) Listable() bool { return !a.NoList || a.Query != "" || a.Search != "" || a.InParent != "" }

// Listing is the query a page-number list endpoint takes beyond paging, id and name.
type Listing struct {
	// NamePrefix: a name filter without wildcards matches the names that start with it
	// (skills, languages), not only the whole name.
	NamePrefix bool
	// Ascending and Descending are the spellings sortOrder takes, compared ignoring case
	// (both empty: the list takes no sortOrder and keeps the name order).
	Ascending, Descending []string
	// SortByID: sortBy takes name (the default) or id.
	SortByID bool
	// SortByIDNeedsName: sortBy=id orders only a listing filtered by name (wrap-up codes,
	// whose API documents sortBy as ignored otherwise).
	SortByIDNeedsName bool
	// Filters are further query parameters that keep objects by their JSON.
	Filters []ListFilter
	// RepeatTotal: the answer repeats total as totalNumberOfEntities (Architect and
	// telephony listings).
	RepeatTotal bool
}

// ListFilter is a multi-valued query parameter that keeps the objects holding, at one of
// the JSON paths, one of the parameter's values: divisionId over "division.id", an IVR's
// dnis over "dnis", a schedule group's scheduleIds over its three schedule lists.
type ListFilter struct {
	Param string
	JSON  []string
}

// ParentID is the placeholder of the parent's id in a child collection's path.
const ParentID = "{parentId}"

// CollectionOf is the collection path under one parent (the Collection itself for a kind
// without a parent).
func (a API) CollectionOf(parentID string) string {
	return strings.Replace(a.Collection, ParentID, url.PathEscape(parentID), 1)
}

// Item is the path of one object; a Singleton's one object is the collection path itself.
// For a child kind, id is a ChildID: the object lives in its
// parent's collection, under its own id (escaped, since a row's own id is its key).
func (a API) Item(id string) string {
	if a.Singleton {
		return a.Collection
	}
	if a.ItemPath != "" {
		return strings.Replace(a.ItemPath, "{id}", url.PathEscape(id), 1)
	}
	if a.Parent != "" {
		if parent, own, ok := SplitChildID(id); ok {
			return a.CollectionOf(parent) + "/" + url.PathEscape(own)
		}
	}
	return a.Collection + "/" + id
}

// ChildID is the id of an object of a child kind as the other layers hold it: its parent's
// id and its own, as the official provider writes a data table row's id.
func ChildID(parentID, ownID string) string { return parentID + "/" + ownID }

// SplitChildID splits a ChildID at its first slash: parent ids are GUIDs, while an own id (a
// row's key) may hold slashes of its own. ok is false when either part is missing.
func SplitChildID(id string) (parentID, ownID string, ok bool) {
	parentID, ownID, ok = strings.Cut(id, "/")
	return parentID, ownID, ok && parentID != "" && ownID != ""
}

// PageSize is the largest page the list endpoint accepts.
func (a API) PageSize() int {
	if a.MaxPageSize > 0 {
		return a.MaxPageSize
	}
	return 100
}
