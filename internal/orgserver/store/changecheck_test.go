package store

import (
	"context"
	"errors"
	"testing"
)

// A change check in the context sees every change of the transaction with the object as
// committed before it, and its refusal rolls the whole transaction back.
func TestChangeCheckVetsEveryChange(t *testing.T) {
	t.Parallel()
	st := openTestStore(t, "")
	createTestOrg(t, st, &Object{Kind: "k", ID: "keep", Data: []byte(`"v1"`)}, &Object{Kind: "k", ID: "gone", Data: []byte(`"v1"`)})
	type seen struct{ before, after string }
	var changes []seen
	text := func(o *Object) string {
		if o == nil {
			return "-"
		}
		return o.ID + "=" + string(o.Data)
	}
	refused := errors.New("refused")
	check := func(before, after *Object) error {
		changes = append(changes, seen{text(before), text(after)})
		if after != nil && after.ID == "new" {
			return refused
		}
		return nil
	}
	err := st.Update(WithChangeCheck(context.Background(), check), "o1", func(tx *Tx) error {
		tx.Put(&Object{Kind: "k", ID: "keep", Data: []byte(`"v2"`)})
		tx.Delete("k", "gone")
		tx.Put(&Object{Kind: "k", ID: "new", Data: []byte(`"v1"`)})
		return nil
	})
	if !errors.Is(err, refused) {
		t.Fatalf("Update = %v, want the check's refusal", err)
	}
	want := []seen{{`gone="v1"`, "-"}, {`keep="v1"`, `keep="v2"`}, {"-", `new="v1"`}}
	if len(changes) != len(want) {
		t.Fatalf("checked %v, want %v", changes, want)
	}
	for i := range want {
		if changes[i] != want[i] {
			t.Errorf("change %d = %v, want %v", i, changes[i], want[i])
		}
	}
	if string(st.Get("o1", "k", "keep").Data) != `"v1"` || st.Get("o1", "k", "gone") == nil || st.Get("o1", "k", "new") != nil {
		t.Error("a refused transaction left a change behind")
	}
}
