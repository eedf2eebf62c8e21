package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// openTestStore opens a store on dir ("" keeps it in memory), failing the test when it
// cannot.
func openTestStore(t *testing.T, dir string) *Store {
	t.Helper()
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// createTestOrg creates the org o1 ("dev") in st holding objs, failing the test when it cannot.
func createTestOrg(t *testing.T, st *Store, objs ...*Object) {
	t.Helper()
	err := st.Update(context.Background(), "", func(tx *Tx) error {
		tx.CreateOrg(OrgInfo{ID: "o1", Name: "dev"})
		for _, o := range objs {
			tx.Put(o)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A transaction is all or nothing, sees its own writes, and what it committed is there
// again after the data directory is reopened.
func TestUpdateIsAtomicAndPersists(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	ctx := context.Background()
	if err := st.Update(ctx, "", func(tx *Tx) error {
		tx.CreateOrg(OrgInfo{ID: "o1", Name: "dev"})
		tx.Put(&Object{Kind: "routing.skill", ID: "s1", Name: "Billing", Data: []byte(`{"id":"s1"}`)})
		if tx.Get("routing.skill", "s1") == nil {
			t.Error("a transaction does not see its own write")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	refused := errors.New("refused")
	err := st.Update(ctx, "o1", func(tx *Tx) error {
		tx.Put(&Object{Kind: "routing.skill", ID: "s2", Name: "Sales", Data: []byte(`{"id":"s2"}`)})
		tx.AppendAudit([]byte(`{"id":"a1"}`))
		return refused
	})
	if !errors.Is(err, refused) {
		t.Fatalf("Update = %v, want the function's error", err)
	}
	if st.Get("o1", "routing.skill", "s2") != nil || len(st.AuditLog("o1")) != 0 {
		t.Error("a failed transaction left a write behind")
	}
	if err := st.Update(ctx, "nope", func(*Tx) error { return nil }); !errors.Is(err, ErrNoOrg) {
		t.Errorf("Update of an unknown org = %v, want ErrNoOrg", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	again := openTestStore(t, dir)
	defer again.Close()
	if o := again.Get("o1", "routing.skill", "s1"); o == nil || o.Name != "Billing" {
		t.Errorf("after reopening, skill = %+v", o)
	}
}

// Two stores on one data directory would overwrite each other; the second refuses.
func TestDataDirectoryIsLocked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	defer st.Close()
	if second, err := Open(dir); err == nil {
		second.Close()
		t.Fatal("a second store opened the same data directory")
	} else if !strings.Contains(err.Error(), "in use") {
		t.Errorf("second open = %v, want it to say the directory is in use", err)
	}
}
