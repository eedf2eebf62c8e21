package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// stringCheck is a plan-time validator for a string attribute. check looks at a set, known
// value and returns the error's summary and detail, or an empty summary when the value is
// fine; null and unknown values are left to the API.
type stringCheck struct {
	description string
	check       func(value string) (summary, detail string)
}

var _ validator.String = stringCheck{}

func (c stringCheck) Description(context.Context) string { return c.description }

func (c stringCheck) MarkdownDescription(context.Context) string { return c.description }

func (c stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !isSet(req.ConfigValue) {
		return
	}
	if summary, detail := c.check(req.ConfigValue.ValueString()); summary != "" {
		resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
	}
}

// parseCheck is the stringCheck of a value that parse must accept: a value it refuses gets
// summary, and detail(value, err) says why and how to write it.
func parseCheck[T any](description, summary string, parse func(string) (T, error), detail func(value string, err error) string) stringCheck {
	return stringCheck{
		description: description,
		check: func(value string) (string, string) {
			if _, err := parse(value); err != nil {
				return summary, detail(value, err)
			}
			return "", ""
		},
	}
}
