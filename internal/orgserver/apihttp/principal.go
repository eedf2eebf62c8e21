package apihttp

import (
	"context"
	"net/http"
	"time"
)

// CorrelationHeader carries the id of one request; every answer has it and errors quote it.
const CorrelationHeader = "ININ-Correlation-Id"

// AuditContextHeader lets a caller attach labels to the audit records of its writes
// ("key=value; key=value"), e.g. cx's break-glass reason.
const AuditContextHeader = "X-Cx-Audit-Context"

// Principal is who is calling: an OAuth client of one org.
type Principal struct {
	OrgID      string
	ClientID   string
	ClientName string
	Role       string
	// Access is the caller's hold on the permission of the route it called.
	Access Access
	// Token is the verified access token the call carried.
	Token string
	// Origin is where the call came from, as the audit log reports it.
	Origin CallOrigin
}

// CallOrigin is what the audit log reports about a call besides who made it.
type CallOrigin struct {
	// RemoteAddr is the caller's host:port.
	RemoteAddr string
	// TransactionID is the caller's TF-Correlation-Id; "" gives each record a fresh id.
	TransactionID string
	// AuditContext is the caller's X-Cx-Audit-Context header (labels for its records).
	AuditContext string
}

// CallerOf is the Principal of an /api/v2 request with the request's origin, the form the
// domain code and the audit recorder take.
func CallerOf(r *http.Request) Principal {
	p := PrincipalOf(r.Context())
	p.Origin = CallOrigin{RemoteAddr: r.RemoteAddr, TransactionID: r.Header.Get("TF-Correlation-Id"), AuditContext: r.Header.Get(AuditContextHeader)}
	return p
}

type principalKey struct{}

// PrincipalOf is the verified caller the route wrapper put in ctx (zero when none).
func PrincipalOf(ctx context.Context) Principal {
	p, _ := ctx.Value(principalKey{}).(Principal)
	return p
}

// WithPrincipal is ctx carrying the verified caller, as the route wrapper hands it to handlers.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FormatTime is the API's date-time format: UTC with milliseconds and a literal Z.
func FormatTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }
