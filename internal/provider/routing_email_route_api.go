package provider

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// emailRoute is the API's InboundRoute, as far as the resource maps it.
type emailRoute struct {
	ID                   string                     `json:"id,omitempty"`
	Pattern              string                     `json:"pattern"`
	FromName             string                     `json:"fromName"`
	FromEmail            *string                    `json:"fromEmail,omitempty"`
	Queue                *platform.DomainEntityRef  `json:"queue,omitempty"`
	Priority             *int64                     `json:"priority,omitempty"`
	Skills               []platform.DomainEntityRef `json:"skills,omitempty"`
	Language             *platform.DomainEntityRef  `json:"language,omitempty"`
	Flow                 *platform.DomainEntityRef  `json:"flow,omitempty"`
	SpamFlow             *platform.DomainEntityRef  `json:"spamFlow,omitempty"`
	ReplyEmailAddress    *emailRouteReply           `json:"replyEmailAddress,omitempty"`
	AutoBcc              []emailRouteAddress        `json:"autoBcc,omitempty"`
	HistoryInclusion     *string                    `json:"historyInclusion,omitempty"`
	AllowMultipleActions *bool                      `json:"allowMultipleActions,omitempty"`
}

// emailRouteReply is the API's QueueEmailAddress: the domain and route replies go out from.
type emailRouteReply struct {
	Domain *platform.DomainEntityRef `json:"domain,omitempty"`
	Route  *platform.DomainEntityRef `json:"route,omitempty"`
}

type emailRouteAddress struct {
	Email *string `json:"email,omitempty"`
	Name  *string `json:"name,omitempty"`
}

// emailRouteAPI is the API seam for the routes of one email domain.
func emailRouteAPI(c *platform.Client, domainID string) entityAPI[emailRoute] {
	return entityAPI[emailRoute]{
		client:        c,
		path:          kinds.Genesys().Named(kinds.EmailRoute).API.CollectionOf(domainID),
		name:          func(r *emailRoute) string { return r.Pattern },
		deleteTimeout: 30 * time.Second,
	}
}

// createEmailRoute adds a route to its domain; a route that replies from itself gets its
// reply address by a second write, once it has an id to name. A create whose answer was lost
// is found by its pattern, unique in the domain.
func createEmailRoute(ctx context.Context, c *platform.Client, domainID string, body emailRoute, selfReply *emailRouteReply) (*emailRoute, error) {
	api := emailRouteAPI(c, domainID)
	created, err := api.create(ctx, body.Pattern, body)
	if err != nil || selfReply == nil {
		return created, err
	}
	selfReply.Route = &platform.DomainEntityRef{ID: ptr(created.ID)}
	body.ReplyEmailAddress = selfReply
	out, err := api.update(ctx, http.MethodPut, created.ID, body)
	if err != nil {
		return nil, fmt.Errorf("email route %s was created, but replying from itself could not be set: %w", created.ID, err)
	}
	return out, nil
}
