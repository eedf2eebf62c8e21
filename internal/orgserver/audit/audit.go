// Package audit writes the local org's audit log: one AuditLogMessage per change, in the
// same store transaction as the change, attributed to the principal that made it. Domain
// rules call Record with a principal, never a request, so tests can call them directly.
package audit

import (
	"encoding/json"
	"net"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Event describes one write for the audit log. Old and New are the entity's JSON
// before and after (nil for create / delete); the changed properties are derived from them.
type Event struct {
	Service    string // e.g. "Routing", "Directory", "PeoplePermissions"
	EntityType string // e.g. "Queue", "User"
	Action     string // e.g. "Create", "Update", "Delete", "MemberAdd"
	ID, Name   string
	Old, New   []byte
	// Changes, when set, replaces the computed property changes (e.g. member lists).
	Changes []platform.PropertyChange
}

// Record appends one AuditLogMessage for ev, attributed to p (client, remote address,
// transaction id and the caller's audit labels).
func Record(tx *store.Tx, p apihttp.Principal, ev Event) {
	changes := ev.Changes
	if changes == nil {
		changes = propertyChanges(ev.Old, ev.New)
	}
	msg := platform.AuditLogMessage{
		ID:               ptr(uuid.NewString()),
		UserHomeOrgID:    ptr(tx.OrgID()),
		Client:           &platform.AddressableEntityRef{ID: ptr(p.ClientID), SelfURI: ptr("/api/v2/oauth/clients/" + p.ClientID)},
		ServiceName:      ptr(ev.Service),
		Level:            ptr("USER"),
		EventDate:        ptr(apihttp.FormatTime(tx.Now())),
		Action:           ptr(ev.Action),
		Entity:           &platform.DomainEntityRef{ID: ptr(ev.ID), Name: ptr(ev.Name)},
		EntityType:       ptr(ev.EntityType),
		Status:           ptr("SUCCESS"),
		Application:      ptr("cx-local-org"),
		PropertyChanges:  changes,
		Context:          map[string]string{"clientName": p.ClientName},
		InitiatingAction: &platform.InitiatingAction{TransactionID: ptr(transactionID(p.Origin))},
	}
	if host, _, err := net.SplitHostPort(p.Origin.RemoteAddr); err == nil {
		msg.RemoteIp = []string{host}
	}
	for _, kv := range strings.Split(p.Origin.AuditContext, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" || reservedAuditContextKey(k) {
			continue
		}
		msg.Context[k] = strings.TrimSpace(v)
	}
	b, _ := json.Marshal(msg)
	tx.AppendAudit(b)
}

// reservedAuditContextKey reports the context keys the server sets itself: a caller's
// labels must not pass for who made the change. Case is ignored so that no look-alike
// key ("ClientName") sits beside the real one.
func reservedAuditContextKey(k string) bool {
	return strings.EqualFold(k, "clientName")
}

// transactionID is the caller's correlation id, or a fresh one when it sent none.
func transactionID(o apihttp.CallOrigin) string {
	if o.TransactionID != "" {
		return o.TransactionID
	}
	return uuid.NewString()
}

// propertyChanges flattens two JSON documents (objects nest with ".", arrays are compared
// whole) and lists what differs, values as strings, as the real audit log reports them.
func propertyChanges(oldDoc, newDoc []byte) []platform.PropertyChange {
	om, nm := map[string]string{}, map[string]string{}
	flatten("", decodeAny(oldDoc), om)
	flatten("", decodeAny(newDoc), nm)
	keys := map[string]bool{}
	for k := range om {
		keys[k] = true
	}
	for k := range nm {
		keys[k] = true
	}
	var out []platform.PropertyChange
	for k := range keys {
		if skipAuditProperty(k) {
			continue
		}
		ov, oldOK := om[k]
		nv, newOK := nm[k]
		if oldOK && newOK && ov == nv {
			continue
		}
		pc := platform.PropertyChange{Property: ptr(k), OldValues: []string{}, NewValues: []string{}}
		if oldOK {
			pc.OldValues = []string{ov}
		}
		if newOK {
			pc.NewValues = []string{nv}
		}
		out = append(out, pc)
	}
	sort.Slice(out, func(i, j int) bool { return *out[i].Property < *out[j].Property })
	return out
}

func skipAuditProperty(k string) bool {
	switch k {
	case "dateModified", "version", "selfUri", "modifiedBy", "dateCreated", "createdBy":
		return true
	}
	return false
}

func decodeAny(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	return v
}

func flatten(prefix string, v any, out map[string]string) {
	switch t := v.(type) {
	case nil:
		return
	case map[string]any:
		for k, x := range t {
			key := k
			if prefix != "" {
				key = prefix + "." + k
			}
			flatten(key, x, out)
		}
	case string:
		out[prefix] = t
	default:
		b, _ := json.Marshal(t)
		out[prefix] = string(b)
	}
}

// ptr is the address of a copy of v, for the audit model's optional fields.
func ptr[T any](v T) *T { return &v }
