package audit

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Record needs a transaction and a principal, not a request: who made the change, from
// where, with which labels, and what changed land in one message.
func TestRecordTakesAPrincipal(t *testing.T) {
	t.Parallel()
	st, err := store.Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.Update(ctx, "", func(tx *store.Tx) error {
		tx.CreateOrg(store.OrgInfo{ID: "org-1", Name: "dev"})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	p := apihttp.Principal{OrgID: "org-1", ClientID: "c-1", ClientName: "deploy", Origin: apihttp.CallOrigin{
		RemoteAddr: "192.0.2.7:5555", TransactionID: "tf-1", AuditContext: "reason=INC-1; clientName=forged"}}
	if err := st.Update(ctx, "org-1", func(tx *store.Tx) error {
		Record(tx, p, Event{Service: "Routing", EntityType: "Queue", Action: "Update", ID: "q-1", Name: "Sales",
			Old: []byte(`{"name":"Sales","description":"a"}`), New: []byte(`{"name":"Sales","description":"b"}`)})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	log := st.AuditLog("org-1")
	if len(log) != 1 {
		t.Fatalf("audit log has %d messages, want 1", len(log))
	}
	var msg platform.AuditLogMessage
	if err := json.Unmarshal(log[0], &msg); err != nil {
		t.Fatal(err)
	}
	if *msg.Client.ID != "c-1" || *msg.InitiatingAction.TransactionID != "tf-1" || len(msg.RemoteIp) != 1 || msg.RemoteIp[0] != "192.0.2.7" {
		t.Errorf("who and where = client %s, transaction %s, remote %v", *msg.Client.ID, *msg.InitiatingAction.TransactionID, msg.RemoteIp)
	}
	if msg.Context["clientName"] != "deploy" || msg.Context["reason"] != "INC-1" {
		t.Errorf("context = %v, want the caller's label and the real client name", msg.Context)
	}
	if len(msg.PropertyChanges) != 1 || *msg.PropertyChanges[0].Property != "description" {
		t.Errorf("property changes = %+v, want only description", msg.PropertyChanges)
	}
}
