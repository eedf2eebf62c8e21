package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Older configurations (public blueprints among them) write users' phone numbers without
// the E.164 "+", e.g. "3175550123" or "317-555-0123"; the official provider reads such a
// number as North American. A number that can only mean one E.164 number is accepted with a
// warning saying what to write, sent to the API in E.164, and kept in state as written (so
// the plan stays empty); anything else is refused as before.

// normalizePhone returns the E.164 form of s: s itself when it is E.164 already (exact is
// true), the +1 form of an unambiguous North American number (10 digits not starting with
// 0 or 1, or 11 starting with 1, separators allowed), else ok is false.
func normalizePhone(s string) (e164Number string, exact, ok bool) {
	if e164.MatchString(s) {
		return s, true, true
	}
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case strings.ContainsRune(" -.()", r):
		default:
			return "", false, false
		}
	}
	d := digits.String()
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	if len(d) != 10 || d[0] == '0' || d[0] == '1' {
		return "", false, false
	}
	return "+1" + d, false, true
}

// phoneNumberValidator accepts E.164 numbers, and unambiguous North American numbers with a
// warning naming the E.164 form to write.
type phoneNumberValidator struct{}

func (phoneNumberValidator) Description(context.Context) string {
	return "an E.164 number such as +13175550123 (a 10-digit North American number is accepted with a warning)"
}

func (v phoneNumberValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (phoneNumberValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	norm, exact, ok := normalizePhone(s)
	switch {
	case !ok:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid phone number",
			fmt.Sprintf("%q must be an E.164 number such as +13175550123.", s))
	case !exact:
		resp.Diagnostics.AddAttributeWarning(req.Path, "Phone number is not in E.164 form",
			fmt.Sprintf("%q is read as the North American number %s (as the official provider reads it) and sent in that form. Write it as %q.", s, norm, norm))
	}
}

// phoneForAPI is the number to send for a configured one.
func phoneForAPI(s string) string {
	if norm, _, ok := normalizePhone(s); ok {
		return norm
	}
	return s
}

// phoneAsWritten returns how the configuration wrote the number the API returned: the prior
// text when it means the same E.164 number, else the API's.
func phoneAsWritten(api string, prior []string) string {
	for _, p := range prior {
		if norm, _, ok := normalizePhone(p); ok && norm == api {
			return p
		}
	}
	return api
}

// configuredExtensionPool is the extension_pool_id configured for the phone (the prior
// element with the same number, extension, media type and type), else null. The API keeps no
// pool with a user's contact, so what the configuration wrote is all there is to read back.
func configuredExtensionPool(phone phoneNumberModel, prior []phoneNumberModel) types.String {
	for _, p := range prior {
		if p.Number.Equal(phone.Number) && p.Extension.Equal(phone.Extension) &&
			p.MediaType.Equal(phone.MediaType) && p.Type.Equal(phone.Type) {
			return p.ExtensionPoolID
		}
	}
	return types.StringNull()
}
