package provider

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// addAPIError adds err as an error diagnostic. OpenTofu prefixes it with the resource address
// and the configuration line; the detail carries the API call, status, code, message and
// correlation id (what Genesys support asks for). A 409 or 400 that names a field is
// attached to attr when attr is given, so the user sees which attribute to change.
func addAPIError(diags *diag.Diagnostics, attr *path.Path, summary string, err error) {
	detail := apiErrorDetail(err)
	var ae *platform.APIError
	if attr != nil && errors.As(err, &ae) && (ae.Status == http.StatusConflict || ae.Status == http.StatusBadRequest) {
		diags.AddAttributeError(*attr, summary, detail)
		return
	}
	diags.AddError(summary, detail)
}

// apiErrorDetail renders an error for a person: API errors field by field, with a hint.
func apiErrorDetail(err error) string {
	var ae *platform.APIError
	if !errors.As(err, &ae) {
		return err.Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "API call:       %s %s\n", ae.Method, ae.Path)
	fmt.Fprintf(&b, "status:         %d\n", ae.Status)
	if ae.Code != "" {
		fmt.Fprintf(&b, "code:           %s\n", ae.Code)
	}
	fmt.Fprintf(&b, "message:        %s\n", ae.Message)
	if ae.CorrelationID != "" {
		fmt.Fprintf(&b, "correlation id: %s\n", ae.CorrelationID)
	}
	if outer := err.Error(); outer != ae.Error() {
		// Context added around the API error (e.g. "gave up after 30s: ...").
		fmt.Fprintf(&b, "while:          %s\n", strings.TrimSuffix(outer, ": "+ae.Error()))
	}
	switch ae.Status {
	case http.StatusUnauthorized:
		b.WriteString("Check the provider's OAuth client (oauthclient_id/oauthclient_secret) and its region or gateway.")
	case http.StatusForbidden:
		b.WriteString("The OAuth client lacks a permission for this call; grant it a role that has it.")
	case http.StatusConflict:
		b.WriteString("Another object conflicts with this one (often: the name is taken). Rename it, or import the existing object.")
	}
	return strings.TrimRight(b.String(), "\n")
}

// clientHolder gives resources and data sources the client that the provider configured.
type clientHolder struct {
	client *platform.Client
}

// configureFrom takes the provider data; nil data (validation before configuration) is fine.
func (h *clientHolder) configureFrom(data any, diags *diag.Diagnostics) {
	if data == nil {
		return
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("got %T; this is a bug in the provider", data))
		return
	}
	h.client = pd.client
}
