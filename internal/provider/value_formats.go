package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/teambition/rrule-go"
)

// The string formats of the catalogue (kinds.Format): a plan-time check of each, and how the
// API's spelling of a value is matched with the configured one so that an equal value does
// not read as drift.

// scheduleTimeLayout is the official provider's local date-time format (no zone).
const scheduleTimeLayout = "2006-01-02T15:04:05.000000"

// localDateTimeText accepts what the official provider documents (six fraction digits) and
// the shorter forms the API itself returns, so an exported value can be pasted back.
var localDateTimeText = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$`)

// parseLocalDateTime reads a zone-less local date-time.
func parseLocalDateTime(s string) (time.Time, error) {
	if !localDateTimeText.MatchString(s) {
		return time.Time{}, fmt.Errorf("%q is not a local date-time like 2021-08-04T08:00:00.000000 (no time zone)", s)
	}
	t, err := time.Parse("2006-01-02T15:04:05.999999", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a valid date-time: %v", s, err)
	}
	return t, nil
}

// localDateTimeValidator checks a local date-time at plan time.
func localDateTimeValidator() validator.String {
	return parseCheck("must be a local date-time yyyy-MM-ddTHH:mm:ss.SSSSSS without a time zone", "Invalid local date-time", parseLocalDateTime,
		func(_ string, err error) string { return err.Error() + ". Use the form 2021-08-04T08:00:00.000000." })
}

// rruleValidator checks an iCal RRULE at plan time with the parser the org uses.
func rruleValidator() validator.String {
	return stringCheck{
		description: "must be an iCal RRULE such as FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
		check: func(value string) (string, string) {
			rule := strings.TrimSpace(value)
			if rule == "" {
				return "", ""
			}
			if strings.ContainsAny(rule, "\r\n") {
				return "Invalid RRULE", "The rule must be a single RRULE line, e.g. FREQ=WEEKLY;BYDAY=MO,TU."
			}
			if _, err := rrule.StrToRRule(rule); err != nil {
				return "Invalid RRULE", fmt.Sprintf("%q is not a valid iCal RRULE: %v. Example: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.", rule, err)
			}
			return "", ""
		},
	}
}

// formatValidators are the plan-time checks of a field's format.
func formatValidators(f kinds.Format) []validator.String {
	switch f {
	case kinds.LocalDateTime:
		return []validator.String{localDateTimeValidator()}
	case kinds.RRule:
		return []validator.String{rruleValidator()}
	case kinds.E164:
		return e164Validators()
	case kinds.JSONText:
		return []validator.String{jsonTextValidator()}
	}
	return nil
}

// isNoValue reports a planned string that its format reads as no value (a blank RRULE):
// it is not sent, as the API would store nothing either.
func isNoValue(f kinds.Field, v attr.Value) bool {
	s, ok := v.(types.String)
	return ok && f.Format == kinds.RRule && strings.TrimSpace(s.ValueString()) == ""
}

// formattedFromAPI maps a string with a format: when the API's value means what the prior
// value says, the prior spelling stays; otherwise the API's value is reported (a date-time
// in the official layout).
func formattedFromAPI(f kinds.Field, raw any, prior attr.Value) attr.Value {
	api, _ := raw.(string)
	priorText, priorSet := prior.(types.String)
	priorSet = priorSet && isSet(priorText)
	switch f.Format {
	case kinds.LocalDateTime:
		got, err := parseLocalDateTime(api)
		if err != nil {
			break
		}
		if priorSet {
			if want, err := parseLocalDateTime(priorText.ValueString()); err == nil && want.Equal(got) {
				return priorText
			}
		}
		return types.StringValue(got.Format(scheduleTimeLayout))
	case kinds.RRule:
		if priorSet && strings.TrimSpace(priorText.ValueString()) == api {
			return priorText // the org trims the rule; the configured text stays
		}
	case kinds.JSONText:
		return jsonTextFromAPI(f, raw, prior)
	}
	return scalarFromAPI(f, raw, prior)
}

// validateOrder checks, for every field that may not be earlier than another (NotBefore),
// that the configured date-times are in order.
func validateOrder(ctx context.Context, fields []kinds.Field, config tfsdk.Config, diags *diag.Diagnostics) {
	for _, f := range fields {
		if f.NotBefore == "" {
			continue
		}
		var later, earlier types.String
		diags.Append(config.GetAttribute(ctx, path.Root(f.Attr), &later)...)
		diags.Append(config.GetAttribute(ctx, path.Root(f.NotBefore), &earlier)...)
		if diags.HasError() || !isSet(later) || !isSet(earlier) {
			continue
		}
		end, err1 := parseLocalDateTime(later.ValueString())
		start, err2 := parseLocalDateTime(earlier.ValueString())
		if err1 == nil && err2 == nil && end.Before(start) {
			diags.AddAttributeError(path.Root(f.Attr), fmt.Sprintf("%s is before %s", f.Attr, f.NotBefore),
				fmt.Sprintf("%s (%s) is before %s (%s).", f.Attr, later.ValueString(), f.NotBefore, earlier.ValueString()))
		}
	}
}

// validateEitherOr checks that a configuration sets exactly one of a flag and the list it is
// the alternative of (kinds.Field.EitherOr), as the official provider does for a deployment's
// allow_all_domains and allowed_domains. Unknown values are checked at apply.
func validateEitherOr(ctx context.Context, fields []kinds.Field, config tfsdk.Config, diags *diag.Diagnostics) {
	for _, f := range fields {
		if f.EitherOr == "" {
			continue
		}
		var flag types.Bool
		var list types.List
		diags.Append(config.GetAttribute(ctx, path.Root(f.Attr), &flag)...)
		diags.Append(config.GetAttribute(ctx, path.Root(f.EitherOr), &list)...)
		if diags.HasError() || flag.IsUnknown() || list.IsUnknown() {
			continue
		}
		listed := !list.IsNull() && len(list.Elements()) > 0
		switch all := flag.ValueBool(); {
		case all && listed:
			diags.AddAttributeError(path.Root(f.EitherOr), fmt.Sprintf("%s is set while %s is true", f.EitherOr, f.Attr),
				fmt.Sprintf("Leave %s out when %s is true, or set %s to false.", f.EitherOr, f.Attr, f.Attr))
		case !all && !listed:
			diags.AddAttributeError(path.Root(f.Attr), fmt.Sprintf("neither %s nor %s is set", f.Attr, f.EitherOr),
				fmt.Sprintf("Set %s = true, or list the values in %s.", f.Attr, f.EitherOr))
		}
	}
}
