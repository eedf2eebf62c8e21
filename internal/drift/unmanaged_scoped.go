package drift

import (
	"context"
	"fmt"
	"net/url"

	"github.com/cxascode/cxascode/internal/kinds"
)

// listScoped lists a kind whose listing requires a scope (kinds.API.Scope: responses are
// listed library by library), scope object by scope object. An object in several scopes (a
// response shared by two libraries) is listed once.
func (l lister) listScoped(ctx context.Context, k *kinds.Kind) ([]listedObject, error) {
	sk := kinds.Genesys().Named(k.API.Scope.Kind)
	if sk == nil {
		return nil, fmt.Errorf("%s: scope kind %q is not in the catalogue", k.Name, k.API.Scope.Kind)
	}
	scopes, err := l.listKind(ctx, sk)
	if err != nil {
		return nil, fmt.Errorf("list the %ss holding %ss: %w", sk.Noun, k.Noun, err)
	}
	seen := map[string]bool{}
	var out []listedObject
	for _, s := range scopes {
		sid := sk.OwnID(s)
		if sid == "" || s["state"] == "deleted" {
			continue
		}
		objs, err := l.listCollection(ctx, k, k.API.Collection, url.Values{k.API.Scope.Param: {sid}})
		if err != nil {
			return nil, fmt.Errorf("list the %ss of %s %s: %w", k.Noun, sk.Noun, sid, err)
		}
		for _, o := range objs {
			if id := k.OwnID(o); !seen[id] {
				seen[id] = true
				out = append(out, o)
			}
		}
	}
	return out, nil
}
