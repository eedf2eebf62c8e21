package platform

import (
	"context"
	"net/url"
	"strings"
)

// Audits (contract §3.9). The audit query stays in the client because it is about every
// kind of object at once: drift attribution and the demo both read it.

// QueryAuditsRealtime runs a realtime audit query (last 14 days) and returns one page of
// results; set in.PageNumber/PageSize to page. expand may name "user".
func (c *Client) QueryAuditsRealtime(ctx context.Context, in AuditRealtimeQueryRequest, expand ...string) (*AuditRealtimeQueryResultsResponse, error) {
	var q url.Values
	if len(expand) > 0 {
		q = url.Values{"expand": {strings.Join(expand, ",")}}
	}
	out := new(AuditRealtimeQueryResultsResponse)
	// A query only reads, so it is retried like a GET.
	if err := c.PostRepeatable(ctx, "/api/v2/audits/query/realtime", q, in, out); err != nil {
		return nil, err
	}
	return out, nil
}
