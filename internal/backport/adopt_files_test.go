package backport

import (
	"context"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
)

// A hand-made script or response asset is not adopted: its resource is made from a local file
// that an import cannot give back, so any block would plan a change after the import. Backport
// writes nothing for it and lists it as not backported, saying why, while adopting the rest.
func TestFileKindsAreNotAdopted(t *testing.T) {
	t.Parallel()
	ws := testWorkspace(t, map[string]string{"cx.hcl": prodCXHCL, "shared-content/main.tf": "\n"})
	b, err := newBuilder(context.Background(), Options{Workspace: ws, Env: "prod", Into: "shared-content",
		Report: &drift.Report{Env: "prod"}})
	if err != nil {
		t.Fatal(err)
	}
	const libraryID = "11111111-1111-1111-1111-111111111111"
	found := []drift.Finding{
		{Kind: drift.KindUnmanaged, Type: "genesyscloud_script", Name: "Hand made", ID: "22222222-2222-2222-2222-222222222222"},
		{Kind: drift.KindUnmanaged, Type: "genesyscloud_responsemanagement_responseasset", Name: "logo.png", ID: "33333333-3333-3333-3333-333333333333"},
		{Kind: drift.KindUnmanaged, Type: "genesyscloud_responsemanagement_library", Name: "Answers", ID: libraryID},
	}
	objs := map[string]map[string]any{libraryID: decodeObject(t, `{"id":"`+libraryID+`","name":"Answers"}`)}
	if err := b.adoptObjects(context.Background(), found, objs); err != nil {
		t.Fatal(err)
	}
	if len(b.res.Done) != 1 || len(b.res.Skipped) != 2 {
		t.Fatalf("done %+v\nskipped %+v", b.res.Done, b.res.Skipped)
	}
	for i, want := range []string{"filepath", "filename"} {
		s := b.res.Skipped[i]
		if !strings.Contains(s.Object, found[i].Type) || !strings.HasPrefix(s.What, "not adopted: ") ||
			!strings.Contains(s.What, want) || !strings.Contains(s.What, found[i].ID) {
			t.Errorf("skipped %+v, want %s not adopted for its %s, with its id", s, found[i].Type, want)
		}
	}
	changes, err := b.ed.changes()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range changes {
		if strings.Contains(string(c.New), "genesyscloud_script") || strings.Contains(string(c.New), "responseasset") {
			t.Errorf("%s holds a block for an object not adopted:\n%s", c.Path, c.New)
		}
	}
}
