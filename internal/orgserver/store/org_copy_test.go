package store

import (
	"context"
	"testing"
)

// A copied org holds the source's objects under the same ids after a reopen, and a deleted
// org is gone from memory and from the data directory, clients included.
func TestCopyAndDeleteOrgPersist(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	createTestOrg(t, st, &Object{Kind: "routing.skill", ID: "s1", Name: "Billing", Data: []byte(`{"id":"s1"}`)})
	ctx := context.Background()
	if err := st.Update(ctx, "", func(tx *Tx) error {
		tx.CreateOrg(OrgInfo{ID: "o2", Name: "dev-copy"})
		tx.PutClient(ClientInfo{ID: "c2", OrgID: "o2", Name: "deploy", Role: RoleAdmin})
		return tx.CopyObjectsFrom("o1")
	}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st = openTestStore(t, dir)
	if o := st.Get("o2", "routing.skill", "s1"); o == nil || o.Name != "Billing" {
		t.Fatalf("the copy's skill after a reopen: %+v", o)
	}
	if err := st.DeleteOrg(ctx, "o2"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st = openTestStore(t, dir)
	defer st.Close()
	if _, ok := st.Org("o2"); ok {
		t.Error("the deleted org is back after a reopen")
	}
	if _, ok := st.Client("c2"); ok {
		t.Error("the deleted org's client is back after a reopen")
	}
	if st.Get("o1", "routing.skill", "s1") == nil {
		t.Error("deleting the copy took the source's skill")
	}
}
