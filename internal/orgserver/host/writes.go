package host

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// A write handler decodes its body and then runs one transaction in the caller's org:
// look up, check, store, record. These helpers are that skeleton, so that a handler holds
// only its own rules and the rules themselves take (tx, principal, …), not a request.

// CommitJSON runs fn as one transaction in the caller's org and answers 200 with the JSON
// fn returns (the stored entity).
func (h *Host) CommitJSON(w http.ResponseWriter, r *http.Request, fn func(tx *store.Tx, p apihttp.Principal) ([]byte, error)) error {
	out, err := commit(h, r, fn)
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, out)
}

// CommitValue is CommitJSON for a write whose answer is not the stored entity (a user's
// roles, the codes a queue gained): it answers 200 with fn's value encoded as JSON.
func CommitValue[T any](h *Host, w http.ResponseWriter, r *http.Request, fn func(tx *store.Tx, p apihttp.Principal) (T, error)) error {
	out, err := commit(h, r, fn)
	if err != nil {
		return err
	}
	return apihttp.OK(w, out)
}

// commit runs fn as one transaction in the caller's org and returns what fn returns.
func commit[T any](h *Host, r *http.Request, fn func(tx *store.Tx, p apihttp.Principal) (T, error)) (T, error) {
	p := apihttp.CallerOf(r)
	var out T
	err := h.Store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		var err error
		out, err = fn(tx, p)
		return err
	})
	return out, err
}

// CommitNamed is the skeleton of a create or rename: it decodes the body into in, takes the
// name it carries (name reads it from in; trimmed and required, as DecodeNamed) and runs fn
// with it as CommitJSON does.
func (h *Host) CommitNamed(w http.ResponseWriter, r *http.Request, in any, name func() *string,
	fn func(tx *store.Tx, p apihttp.Principal, name string) ([]byte, error)) error {
	n, err := DecodeNamed(r, in, name)
	if err != nil {
		return err
	}
	return h.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) { return fn(tx, p, n) })
}

// CommitStored is the skeleton of a change to the object of kind in the path ({id}): one
// transaction that loads it (404 when absent) decoded into the API model T and answers the
// JSON fn returns, as CommitJSON does.
func CommitStored[T any](h *Host, w http.ResponseWriter, r *http.Request, kind store.Kind,
	fn func(tx *store.Tx, p apihttp.Principal, o *store.Object, v T) ([]byte, error)) error {
	return h.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, v, err := LoadStored[T](tx, kind, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		return fn(tx, p, o, v)
	})
}

// CommitNoContent runs fn as one transaction in the caller's org and answers 204.
func (h *Host) CommitNoContent(w http.ResponseWriter, r *http.Request, fn func(tx *store.Tx, p apihttp.Principal) error) error {
	_, err := commit(h, r, func(tx *store.Tx, p apihttp.Principal) (struct{}, error) { return struct{}{}, fn(tx, p) })
	if err != nil {
		return err
	}
	return NoContent(w)
}

// ServeStored answers GET …/{id} with the stored JSON of one object of kind, as the API
// returns it.
func (h *Host) ServeStored(w http.ResponseWriter, r *http.Request, kind store.Kind) error {
	o, err := h.Lookup(r, kind, r.PathValue("id"))
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, o.Data)
}

// LoadStored looks up an object inside a transaction (404 when absent) and decodes its
// stored JSON into the API model T.
func LoadStored[T any](tx *store.Tx, kind store.Kind, id string) (*store.Object, T, error) {
	return decodeFound[T](entity.Lookup(tx, kind, id))
}

// FindStored reads the object of kind with id and decodes its stored JSON into the API model
// T; when there is none the object is nil and so is the error, for a caller whose answer to
// a missing object is its own (nothing to do, an unknown reference).
func FindStored[T any](get ObjectGetter, kind store.Kind, id string) (*store.Object, T, error) {
	var v T
	o := get(kind, id)
	if o == nil {
		return nil, v, nil
	}
	if err := DecodeObject(o, &v); err != nil {
		return nil, v, err
	}
	return o, v, nil
}

// PutAudited stores v as the top-level object ev names (ev.ID, ev.Name) and records ev
// with the stored JSON as the new state; it returns that JSON.
func PutAudited(tx *store.Tx, p apihttp.Principal, kind store.Kind, v any, ev audit.Event) ([]byte, error) {
	return PutChildAudited(tx, p, kind, "", v, ev)
}

// PutChildAudited is PutAudited for an object owned by parent (e.g. an action of an integration).
func PutChildAudited(tx *store.Tx, p apihttp.Principal, kind store.Kind, parent string, v any, ev audit.Event) ([]byte, error) {
	out, err := entity.Put(tx, kind, ev.ID, parent, ev.Name, v)
	if err != nil {
		return nil, err
	}
	ev.New = out
	audit.Record(tx, p, ev)
	return out, nil
}

// DeleteAudited hard-deletes a top-level object and records its removal.
func DeleteAudited(tx *store.Tx, p apihttp.Principal, o *store.Object, service, entityType string) {
	tx.Delete(o.Kind, o.ID)
	audit.Record(tx, p, audit.Event{Service: service, EntityType: entityType, Action: "Delete", ID: o.ID, Name: o.Name, Old: o.Data})
}

// DeleteStored is DELETE of the object of kind the path's {id} names (404 when absent),
// hard-deleted in one transaction: with (nil: nothing more) refuses the delete with an
// error or removes what goes along with the object, then the object goes and its removal
// is recorded as service's entityType.
func (h *Host) DeleteStored(w http.ResponseWriter, r *http.Request, kind store.Kind, service, entityType string,
	with func(tx *store.Tx, o *store.Object) error) error {
	return h.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, err := entity.Lookup(tx, kind, r.PathValue("id"))
		if err != nil {
			return err
		}
		if with != nil {
			if err := with(tx, o); err != nil {
				return err
			}
		}
		DeleteAudited(tx, p, o, service, entityType)
		return nil
	})
}

// PutAuditedIfChanged is PutAudited for kinds without a version (divisions, roles): a
// write that changes nothing is stored but not audited.
func PutAuditedIfChanged(tx *store.Tx, p apihttp.Principal, kind store.Kind, v any, ev audit.Event) ([]byte, error) {
	out, err := entity.Put(tx, kind, ev.ID, "", ev.Name, v)
	if err != nil || string(out) == string(ev.Old) {
		return out, err
	}
	ev.New = out
	audit.Record(tx, p, ev)
	return out, nil
}

// CheckUniqueName refuses a name that another object of kind holds (case ignored);
// selfID is the object being renamed, "" on create. noun names the kind in the message.
func CheckUniqueName(tx *store.Tx, kind store.Kind, noun, name, selfID string) error {
	if other := tx.FindByName(kind, "", name); other != nil && other.ID != selfID {
		return apihttp.Conflict("A %s named [%s] exists already (id %s).", noun, name, other.ID)
	}
	return nil
}

// Record appends one AuditLogMessage for ev, attributed to the caller of r.
func Record(tx *store.Tx, r *http.Request, ev audit.Event) {
	audit.Record(tx, apihttp.CallerOf(r), ev)
}

// Stored is the handler of GET …/{id} for a kind whose stored JSON is the API's answer.
func (h *Host) Stored(kind store.Kind) Handler {
	return func(w http.ResponseWriter, r *http.Request) error { return h.ServeStored(w, r, kind) }
}

// DataOf is the stored JSON of o, or nil when there is no o: an audit event's old state
// when a write may create or replace.
func DataOf(o *store.Object) []byte {
	if o == nil {
		return nil
	}
	return o.Data
}

// LoadVersioned is LoadStored for an update whose body must carry the stored version
// (want, from the request; version reads it from the stored model): 409 when they differ.
func LoadVersioned[T any](tx *store.Tx, kind store.Kind, id string, want *int, version func(T) *int) (*store.Object, T, error) {
	o, v, err := LoadStored[T](tx, kind, id)
	if err != nil {
		return nil, v, err
	}
	if err := entity.CheckVersion(want, Deref(version(v))); err != nil {
		return nil, v, err
	}
	return o, v, nil
}

// DeleteEntity is DELETE of the generic entity k's object in the path ({id}): the entity's
// delete, then also (nil: nothing) for what goes with the object in the same transaction
// (a data table's rows, an OAuth client's credential and grants), then the audit record.
func (h *Host) DeleteEntity(w http.ResponseWriter, r *http.Request, k *kinds.Kind, also func(tx *store.Tx, id string)) error {
	return h.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		ev, err := h.Entities.Delete(tx, k, PathObjectID(r, k))
		if err != nil {
			return err
		}
		if also != nil {
			also(tx, ev.ID)
		}
		audit.Record(tx, p, ev)
		return nil
	})
}
