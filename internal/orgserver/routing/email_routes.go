package routing

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Email routes (/api/v2/routing/email/domains/{domainName}/routes): how inbound email to an
// address pattern of a domain is routed (to a queue with skills, language and priority, or to
// a flow) and how replies are sent. A route is a child of its domain, which the path names by
// its id (the domain name). As the API does, a route is refused without its pattern and from
// name, with a history inclusion it does not know, with a pattern another route of the domain
// has, or with a reference to a queue, skill, language, flow, domain or route that does not
// exist. Routes go with their domain.

// KindEmailRoute holds one route's JSON (InboundRoute); ID = the route's id, Parent = the
// domain's id, Name = its pattern.
const KindEmailRoute store.Kind = kinds.EmailRoute

// kindEmailDomain is where the generic entity keeps email domains.
const kindEmailDomain store.Kind = kinds.EmailDomain

// historyInclusions are the values an InboundRoute's historyInclusion takes.
var historyInclusions = []string{"Include", "Exclude", "Optional"}

// inboundRoute is the API's InboundRoute as the local org reads and stores it.
type inboundRoute struct {
	ID                   string                     `json:"id,omitempty"`
	Name                 string                     `json:"name,omitempty"`
	Pattern              *string                    `json:"pattern,omitempty"`
	Queue                *platform.DomainEntityRef  `json:"queue,omitempty"`
	Priority             *int                       `json:"priority,omitempty"`
	Skills               []platform.DomainEntityRef `json:"skills,omitempty"`
	Language             *platform.DomainEntityRef  `json:"language,omitempty"`
	FromName             *string                    `json:"fromName,omitempty"`
	FromEmail            *string                    `json:"fromEmail,omitempty"`
	Flow                 *platform.DomainEntityRef  `json:"flow,omitempty"`
	ReplyEmailAddress    *replyEmailAddress         `json:"replyEmailAddress,omitempty"`
	AutoBcc              []emailAddress             `json:"autoBcc,omitempty"`
	SpamFlow             *platform.DomainEntityRef  `json:"spamFlow,omitempty"`
	HistoryInclusion     *string                    `json:"historyInclusion,omitempty"`
	AllowMultipleActions *bool                      `json:"allowMultipleActions,omitempty"`
	SelfURI              string                     `json:"selfUri,omitempty"`
}

// replyEmailAddress is the API's QueueEmailAddress: the domain and route replies are sent from.
type replyEmailAddress struct {
	Domain *platform.DomainEntityRef `json:"domain,omitempty"`
	Route  *platform.DomainEntityRef `json:"route,omitempty"`
}

type emailAddress struct {
	Email *string `json:"email,omitempty"`
	Name  *string `json:"name,omitempty"`
}

func (s *api) emailRouteRoutes() {
	s.KindRoutes(kinds.EmailRoute, host.KindHandlers{List: s.listEmailRoutes, Create: s.createEmailRoute,
		Get: s.getEmailRoute, Update: s.putEmailRoute, Delete: s.deleteEmailRoute})
}

// emailDomainOf is the live domain a route path names, or 404.
func (s *api) emailDomainOf(r *http.Request) (*store.Object, error) {
	return s.LookupParent(r, kindEmailDomain, r.PathValue("parentId"))
}

func (s *api) listEmailRoutes(w http.ResponseWriter, r *http.Request) error {
	d, err := s.emailDomainOf(r)
	if err != nil {
		return err
	}
	p, err := apihttp.ParsePage(r, kinds.Genesys().Named(kinds.EmailRoute).API.PageSize())
	if err != nil {
		return err
	}
	pattern := r.URL.Query().Get("pattern")
	items := [][]byte{}
	for _, o := range s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, KindEmailRoute, d.ID) {
		if pattern == "" || strings.EqualFold(o.Name, pattern) {
			items = append(items, o.Data)
		}
	}
	return apihttp.WritePage(w, r, p, items)
}

func (s *api) getEmailRoute(w http.ResponseWriter, r *http.Request) error {
	d, err := s.emailDomainOf(r)
	if err != nil {
		return err
	}
	o, err := host.ChildOf(s.ReaderOf(r), KindEmailRoute, d.ID, r.PathValue("id"))
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, o.Data)
}

func (s *api) createEmailRoute(w http.ResponseWriter, r *http.Request) error {
	return s.writeEmailRoute(w, r, "")
}

func (s *api) putEmailRoute(w http.ResponseWriter, r *http.Request) error {
	return s.writeEmailRoute(w, r, r.PathValue("id"))
}

// writeEmailRoute creates (id "") or replaces the route with id in the path's domain.
func (s *api) writeEmailRoute(w http.ResponseWriter, r *http.Request, id string) error {
	d, err := s.emailDomainOf(r)
	if err != nil {
		return err
	}
	var in inboundRoute
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		action := "Create"
		var old []byte
		if id == "" {
			id = uuid.NewString()
		} else {
			o, err := host.ChildOf(tx.Get, KindEmailRoute, d.ID, id)
			if err != nil {
				return nil, err
			}
			action, old = "Update", o.Data
		}
		route, err := checkEmailRoute(tx, d.ID, id, in)
		if err != nil {
			return nil, err
		}
		route.ID, route.SelfURI = id, kinds.Genesys().Named(kinds.EmailRoute).API.CollectionOf(d.ID)+"/"+id
		return host.PutChildAudited(tx, p, KindEmailRoute, d.ID, route,
			audit.Event{Service: "Routing", EntityType: "InboundRoute", Action: action, ID: id, Name: *route.Pattern, Old: old})
	})
}

// checkEmailRoute applies the API's rules to a route written as id in domain: required fields,
// the history inclusion's values, a pattern unique in the domain, references that exist (named
// as the API answers them).
func checkEmailRoute(tx *store.Tx, domainID, id string, in inboundRoute) (inboundRoute, error) {
	if in.Pattern == nil || strings.TrimSpace(*in.Pattern) == "" {
		return in, apihttp.Required("pattern")
	}
	if in.FromName == nil || strings.TrimSpace(*in.FromName) == "" {
		return in, apihttp.Required("fromName")
	}
	if err := host.CheckEnum("historyInclusion", in.HistoryInclusion, historyInclusions...); err != nil {
		return in, err
	}
	for _, o := range tx.List(KindEmailRoute, domainID) {
		if o.ID != id && strings.EqualFold(o.Name, *in.Pattern) {
			return in, apihttp.Conflict("An email route with the pattern [%s] exists already in the domain [%s] (id %s).", *in.Pattern, domainID, o.ID)
		}
	}
	in.Name = *in.Pattern
	refs := []struct {
		field string
		kind  store.Kind
		ref   *platform.DomainEntityRef
	}{
		{"queue.id", host.KindQueue, in.Queue},
		{"language.id", host.KindLanguage, in.Language},
		{"flow.id", host.KindFlow, in.Flow},
		{"spamFlow.id", host.KindFlow, in.SpamFlow},
	}
	for i := range in.Skills {
		refs = append(refs, struct {
			field string
			kind  store.Kind
			ref   *platform.DomainEntityRef
		}{fmt.Sprintf("skills[%d].id", i), host.KindSkill, &in.Skills[i]})
	}
	if reply := in.ReplyEmailAddress; reply != nil {
		if reply.Domain != nil {
			refs = append(refs, struct {
				field string
				kind  store.Kind
				ref   *platform.DomainEntityRef
			}{"replyEmailAddress.domain.id", kindEmailDomain, reply.Domain})
		}
		if reply.Route != nil {
			if err := checkReplyRoute(tx, reply, id); err != nil {
				return in, err
			}
		}
	}
	for _, rf := range refs {
		if err := nameRef(tx, rf.field, rf.kind, rf.ref); err != nil {
			return in, err
		}
	}
	return in, nil
}

// checkReplyRoute checks that a reply address's route exists, in the reply's domain when one
// is named; a route may reply from itself (its own id, which exists once it is written).
func checkReplyRoute(tx *store.Tx, reply *replyEmailAddress, selfID string) error {
	rid := host.Deref(reply.Route.ID)
	if rid == "" {
		return apihttp.Required("replyEmailAddress.route.id")
	}
	if rid == selfID {
		return nil
	}
	o := tx.Get(KindEmailRoute, rid)
	if o == nil || (reply.Domain != nil && o.Parent != host.Deref(reply.Domain.ID)) {
		return apihttp.UnknownRef("replyEmailAddress.route.id", rid)
	}
	reply.Route.Name = host.Ptr(o.Name)
	return nil
}

// nameRef checks that a reference (when given) is to a live object of kind and fills in its
// name and path as the API answers references.
func nameRef(tx *store.Tx, field string, kind store.Kind, ref *platform.DomainEntityRef) error {
	if ref == nil {
		return nil
	}
	id := host.Deref(ref.ID)
	if id == "" {
		return apihttp.Required(field)
	}
	o := entity.Live(tx, kind, id)
	if o == nil {
		return apihttp.UnknownRef(field, id)
	}
	var doc struct {
		SelfURI string `json:"selfUri"`
	}
	_ = json.Unmarshal(o.Data, &doc)
	ref.Name = host.Ptr(o.Name)
	if doc.SelfURI != "" {
		ref.SelfURI = host.Ptr(doc.SelfURI)
	}
	return nil
}

func (s *api) deleteEmailRoute(w http.ResponseWriter, r *http.Request) error {
	d, err := s.emailDomainOf(r)
	if err != nil {
		return err
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, err := host.ChildOf(tx.Get, KindEmailRoute, d.ID, r.PathValue("id"))
		if err != nil {
			return err
		}
		host.DeleteAudited(tx, p, o, "Routing", "InboundRoute")
		return nil
	})
}

// DeleteEmailDomainRoutes removes a deleted domain's routes, which go with it (the generic
// entity's hook for a deleted email domain, entity.Hooks.Deleted).
func DeleteEmailDomainRoutes(tx *store.Tx, domainID string) {
	for _, o := range tx.List(KindEmailRoute, domainID) {
		tx.Delete(KindEmailRoute, o.ID)
	}
}
