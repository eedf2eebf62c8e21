package backport

import "github.com/cxascode/cxascode/internal/kinds"

// flowLogLevelAttributes maps a flow's log level setting (FlowSettingsResponse, whose id is
// the flow's): the flow as a reference and the level.
func flowLogLevelAttributes(obj map[string]any) []attribute {
	id, _ := obj["id"].(string)
	level, _ := kinds.Get(obj, "logLevelCharacteristics.level").(string)
	if id == "" || level == "" {
		return nil
	}
	return []attribute{
		{name: "flow_id", value: id, ref: kinds.Genesys().Named(kinds.Flow)},
		{name: "flow_log_level", value: level},
	}
}
