package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A flow's log level: how much of the flow's executions the org logs. It is a setting of
// the flow (/api/v2/flows/{flowId}/instances/settings/loglevels) that is made (POST),
// changed (PUT) and removed (DELETE) like an object; its id is the flow's, which is also the
// import id, as in the official provider.

// flowSettings is the API model FlowSettingsResponse, as far as the resource reads it.
type flowSettings struct {
	ID                      string `json:"id"`
	Name                    string `json:"name,omitempty"`
	LogLevelCharacteristics struct {
		Level string `json:"level"`
	} `json:"logLevelCharacteristics"`
}

// flowLogLevelRequest is the API model FlowLogLevelRequest.
type flowLogLevelRequest struct {
	LogLevelCharacteristics struct {
		Level string `json:"level"`
	} `json:"logLevelCharacteristics"`
}

type flowLogLevelModel struct {
	ID           types.String `tfsdk:"id"`
	FlowID       types.String `tfsdk:"flow_id"`
	FlowLogLevel types.String `tfsdk:"flow_log_level"`
}

type flowLogLevelResource struct {
	crudResource[flowLogLevelModel, flowSettings]
}

// flowLogLevelPath is the setting of one flow.
func flowLogLevelPath(flowID string) string {
	return kinds.Genesys().Named(kinds.FlowLogLevel).API.Item(flowID)
}

func newFlowLogLevelResource() resource.Resource {
	return &flowLogLevelResource{crudResource[flowLogLevelModel, flowSettings]{
		resourceBase: resourceBase{typeSuffix: "_flow_loglevel"}, what: "flow log level", errorAttr: "flow_log_level",
		id:    func(m *flowLogLevelModel) string { return m.ID.ValueString() },
		label: func(m *flowLogLevelModel) string { return "of flow " + m.FlowID.ValueString() },
		create: func(ctx context.Context, c *platform.Client, plan *flowLogLevelModel, _ *diag.Diagnostics) (*flowSettings, error) {
			// Setting a level is a set-like write: repeating it after a lost answer is
			// refused (409), never duplicated, so it is found again by reading the setting.
			return writeFlowLogLevel(ctx, c, http.MethodPost, plan)
		},
		update: func(ctx context.Context, c *platform.Client, plan *flowLogLevelModel, _ *diag.Diagnostics) (*flowSettings, error) {
			return writeFlowLogLevel(ctx, c, http.MethodPut, plan)
		},
		read: func(ctx context.Context, c *platform.Client, id string) (*flowSettings, error) {
			var out flowSettings
			if err := c.Do(ctx, http.MethodGet, flowLogLevelPath(id), nil, nil, &out); err != nil {
				if platform.IsNotFound(err) {
					return nil, nil
				}
				return nil, err
			}
			return &out, nil
		},
		remove: func(ctx context.Context, c *platform.Client, state *flowLogLevelModel) error {
			err := c.Do(ctx, http.MethodDelete, flowLogLevelPath(state.ID.ValueString()), nil, nil, nil)
			if platform.IsNotFound(err) {
				return nil // the setting, or the flow, is gone already
			}
			return err
		},
		fromAPI: func(m *flowLogLevelModel, s *flowSettings) {
			m.ID = types.StringValue(s.ID)
			m.FlowID = types.StringValue(s.ID)
			m.FlowLogLevel = types.StringValue(s.LogLevelCharacteristics.Level)
		},
	}}
}

// writeFlowLogLevel sends the planned level with method. A POST whose answer was lost is
// found by reading the flow's setting back.
func writeFlowLogLevel(ctx context.Context, c *platform.Client, method string, plan *flowLogLevelModel) (*flowSettings, error) {
	var in flowLogLevelRequest
	in.LogLevelCharacteristics.Level = plan.FlowLogLevel.ValueString()
	path := flowLogLevelPath(plan.FlowID.ValueString())
	var out flowSettings
	if method == http.MethodPost {
		err := c.CreateUnique(ctx, path, in, &out, func(ctx context.Context) (bool, error) {
			err := c.Do(ctx, http.MethodGet, path, nil, nil, &out)
			if platform.IsNotFound(err) {
				return false, nil
			}
			return err == nil, err
		})
		if err != nil {
			return nil, fmt.Errorf("set the log level: %w", err)
		}
		return &out, nil
	}
	if err := c.Do(ctx, method, path, nil, in, &out); err != nil {
		return nil, fmt.Errorf("change the log level: %w", err)
	}
	return &out, nil
}

func (r *flowLogLevelResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud flow log level: how much of a flow's executions the org logs. " +
			"Its id, and import id, is the flow's.",
		Attributes: map[string]schema.Attribute{
			"id":      idAttribute(),
			"flow_id": requiredReplacing("The flow whose log level this is. Changing it moves the setting to the other flow."),
			"flow_log_level": schema.StringAttribute{Required: true,
				Description: "The log level: Disabled, Base, Notes, VerboseNotes or All."},
		},
	}
}
