package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userDataSource finds a user by email or, failing that, by exact name (email wins when
// both are given, as in the official provider).
type userDataSource struct{ dataSourceBase }

type userDataModel struct {
	ID    types.String `tfsdk:"id"`
	Email types.String `tfsdk:"email"`
	Name  types.String `tfsdk:"name"`
}

var _ datasource.DataSourceWithConfigValidators = (*userDataSource)(nil)

func newUserDataSource() datasource.DataSource {
	return &userDataSource{dataSourceBase{typeSuffix: "_user"}}
}

func (d *userDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Looks up a user by email or name.",
		Attributes: map[string]schema.Attribute{
			"id":    schema.StringAttribute{Computed: true, Description: "The user's GUID."},
			"email": schema.StringAttribute{Optional: true, Computed: true, Description: "The user's email (case-insensitive)."},
			"name":  schema.StringAttribute{Optional: true, Computed: true, Description: "The user's exact name."},
		},
	}
}

func (d *userDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.AtLeastOneOf(path.MatchRoot("email"), path.MatchRoot("name"))}
}

// find searches by email, else by name; nil when nothing matches.
func (d *userDataSource) find(ctx context.Context, email, name string) (*platform.User, error) {
	if email != "" {
		return findUserByEmail(ctx, d.client, email)
	}
	users, err := searchUsersExactly(ctx, d.client, "name", name)
	if err != nil {
		return nil, err
	}
	for i := range users {
		if u := &users[i]; deref(u.Name) == name && deref(u.State) != "deleted" {
			return u, nil
		}
	}
	return nil, nil
}

func (d *userDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readLookup(ctx, req, resp, lookup[userDataModel, *platform.User]{
		find: func(ctx context.Context, m *userDataModel) (*platform.User, bool, error) {
			u, err := d.find(ctx, strings.TrimSpace(m.Email.ValueString()), m.Name.ValueString())
			return u, u != nil, err
		},
		describe: func(m *userDataModel) string { return "the user with " + m.searchedBy() },
		notFound: func(m *userDataModel, diags *diag.Diagnostics) {
			by := m.searchedBy()
			diags.AddError("No user with "+by,
				fmt.Sprintf("No user has this %s (waited %s for it to appear). Check the spelling and the org the provider is configured for.", strings.Fields(by)[0], lookupWait(lookupTimeout)))
		},
		found: func(m *userDataModel, u *platform.User, _ *diag.Diagnostics) {
			m.ID = types.StringValue(deref(u.ID))
			// What was written stays as written (an email may differ in case).
			if m.Email.IsNull() {
				m.Email = types.StringValue(deref(u.Email))
			}
			if m.Name.IsNull() {
				m.Name = types.StringValue(deref(u.Name))
			}
		},
	})
}

// searchedBy says what the user is looked up by: the email when given, else the name.
func (m *userDataModel) searchedBy() string {
	if email := strings.TrimSpace(m.Email.ValueString()); email != "" {
		return fmt.Sprintf("email %q", email)
	}
	return fmt.Sprintf("name %q", m.Name.ValueString())
}
