package orgserver

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// A generic child kind the API lists only inside its parent (kinds.API.InParent: a grammar's
// languages, Grammar.languages) is answered there: every GET, listing and write answer of a
// parent holds its live children at that field, as the API's parent model does. The children
// stay stored on their own; the parent's stored JSON never holds them, so a write of the
// parent cannot change them.

// childKindsInParent are the generic kinds whose objects h's kind answers inside its own.
func (h entityHandler) childKindsInParent() []*kinds.Kind {
	var out []*kinds.Kind
	for _, k := range h.s.entities.Generic() {
		if k.API.Parent == h.kind.Name && k.API.InParent != "" {
			out = append(out, k)
		}
	}
	return out
}

// withChildrenInParent returns stored objects as answered (see answerWithChildren): copies,
// or objs themselves when the kind holds no children.
func (h entityHandler) withChildrenInParent(r *http.Request, objs []*store.Object) ([]*store.Object, error) {
	if len(h.childKindsInParent()) == 0 {
		return objs, nil
	}
	out := make([]*store.Object, len(objs))
	for i, o := range objs {
		data, err := h.answerWithChildren(r, o.Data, o.ID)
		if err != nil {
			return nil, err
		}
		answered := *o
		answered.Data = data
		out[i] = &answered
	}
	return out, nil
}

// answerWithChildren is an object's stored JSON as answered: holding its live children at each
// child kind's InParent field. id is the object's store id; "" for an object just created,
// which holds none yet.
func (h entityHandler) answerWithChildren(r *http.Request, data []byte, id string) ([]byte, error) {
	children := h.childKindsInParent()
	if len(children) == 0 {
		return data, nil
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("decode stored %s %s: %w", h.kind.Noun, id, err)
	}
	for _, ck := range children {
		held := []any{}
		if id != "" {
			for _, c := range h.s.host.ListVisibleIn(r, h.s.entities.StoreKind(ck.Name), id) {
				var child map[string]any
				if entity.IsDeleted(c.Data) || json.Unmarshal(c.Data, &child) != nil {
					continue
				}
				held = append(held, child)
			}
		}
		doc[ck.API.InParent] = held
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("encode %s %s with its %ss: %w", h.kind.Noun, id, children[0].Noun, err)
	}
	return out, nil
}
