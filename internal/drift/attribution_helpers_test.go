package drift

import (
	"context"
	"testing"
)

// wantMadeByConsole attributes the one finding from the audit log and checks that the
// console client created it; what names the object in the failure.
func (o *testOrg) wantMadeByConsole(t *testing.T, found []Finding, what string) {
	t.Helper()
	a := &Attributor{Client: o.deploy, Days: 1}
	if errs := a.Attribute(context.Background(), found); len(errs) > 0 {
		t.Fatalf("attribution errors: %+v", errs)
	}
	if got := found[0].Attribution; got == nil || got.Who != "console" || got.Action != "Create" {
		t.Errorf("attribution of %s: %+v, want console's create", what, got)
	}
}
