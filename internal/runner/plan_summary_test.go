package runner

import "testing"

// TestPlanSummary reads the counts from OpenTofu's closing plan line in all its forms.
func TestPlanSummary(t *testing.T) {
	tests := []struct {
		name                 string
		out                  string
		add, change, destroy int
		ok                   bool
	}{
		{"plain", "  # genesyscloud_routing_queue.q will be created\n\nPlan: 1 to add, 0 to change, 0 to destroy.\n", 1, 0, 0, true},
		{"replace", "Plan: 2 to add, 3 to change, 2 to destroy.\n\nSaved the plan to: x.tfplan\n", 2, 3, 2, true},
		{"import and forget", "Plan: 1 to import, 0 to add, 1 to change, 0 to destroy, 4 to forget.\n", 0, 1, 0, true},
		{"destroy", "Plan: 0 to add, 0 to change, 12 to destroy.\r\n", 0, 0, 12, true},
		{"outputs only", "Changes to Outputs:\n  + id = \"x\"\n", 0, 0, 0, false},
		{"no changes", "No changes. Your infrastructure matches the configuration.\n", 0, 0, 0, false},
		{"in a description", "      + description = \"Plan: 9 to add, 9 to change, 9 to destroy.\"\nPlan: 1 to add, 0 to change, 0 to destroy.\n", 1, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			add, change, destroy, ok := planSummary(tt.out)
			if add != tt.add || change != tt.change || destroy != tt.destroy || ok != tt.ok {
				t.Errorf("planSummary = %d, %d, %d, %v; want %d, %d, %d, %v", add, change, destroy, ok, tt.add, tt.change, tt.destroy, tt.ok)
			}
		})
	}
}
