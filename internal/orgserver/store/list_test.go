package store

import (
	"context"
	"slices"
	"testing"
)

// List keeps each kind's sorted objects between commits; every commit that writes a kind
// (create, rename, delete, a child under a parent) must show in the next List, and the
// caller's slice must not alias the kept one.
func TestListFollowsEveryCommit(t *testing.T) {
	t.Parallel()
	st := openTestStore(t, "")
	defer st.Close()
	ctx := context.Background()
	update := func(fn func(tx *Tx)) {
		t.Helper()
		if err := st.Update(ctx, "o1", func(tx *Tx) error { fn(tx); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	names := func(kind Kind, parent string) []string {
		var out []string
		for _, o := range st.List("o1", kind, parent) {
			out = append(out, o.Name)
		}
		return out
	}
	want := func(kind Kind, parent string, w ...string) {
		t.Helper()
		if got := names(kind, parent); !slices.Equal(got, w) {
			t.Errorf("List(%s, %q) = %q, want %q", kind, parent, got, w)
		}
	}
	createTestOrg(t, st)
	update(func(tx *Tx) {
		tx.Put(&Object{Kind: "k", ID: "2", Name: "beta", Data: []byte(`{}`)})
		tx.Put(&Object{Kind: "k", ID: "1", Name: "Alpha", Data: []byte(`{}`)})
	})
	want("k", "", "Alpha", "beta")
	update(func(tx *Tx) { tx.Put(&Object{Kind: "k", ID: "1", Name: "gamma", Data: []byte(`{}`)}) })
	want("k", "", "beta", "gamma")
	update(func(tx *Tx) { tx.Put(&Object{Kind: "k", ID: "3", Name: "BETA", Data: []byte(`{}`)}) })
	want("k", "", "beta", "BETA", "gamma") // equal names ignoring case: by id
	update(func(tx *Tx) { tx.Delete("k", "2") })
	want("k", "", "BETA", "gamma")
	update(func(tx *Tx) { tx.Put(&Object{Kind: "k", ID: "c1", Parent: "3", Name: "child", Data: []byte(`{}`)}) })
	want("k", "", "BETA", "gamma")
	want("k", "3", "child")
	want("k", "*", "BETA", "child", "gamma")
	want("other", "")

	got := st.List("o1", "k", "*")
	got[0] = nil
	want("k", "*", "BETA", "child", "gamma")
}
