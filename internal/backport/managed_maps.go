package backport

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
)

// Drift reports a change inside a map attribute (a presence definition's language_labels) by
// the entry's path, "language_labels.en_US": backport rewrites that one entry of the map as
// the code writes it, keeping the others.

// isMapAttr reports whether a schema attribute is a map (of strings or other plain values).
func isMapAttr(a *tfprotov6.SchemaAttribute) bool {
	return a != nil && a.Type != nil && a.Type.Is(tftypes.Map{})
}

// setMapEntry sets (or, for a nil value, removes) the entry key of the map attribute name.
// It returns why it could not ("" when it did).
func (w *blockWriter) setMapEntry(ctx context.Context, body *hclwrite.Body, name, key string, value any) (string, error) {
	entries := map[string]any{}
	if existing := body.GetAttribute(name); existing != nil {
		v, ok := literalValue(existing)
		if !rewritable(existing) || !ok || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
			expr := strings.TrimSpace(string(existing.Expr().BuildTokens(nil).Bytes()))
			return fmt.Sprintf("written as %s: set its entry %s by hand", expr, key), nil
		}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			if ev.IsNull() || !ev.Type().Equals(cty.String) {
				return fmt.Sprintf("an entry other than %s is not a string: set it by hand", key), nil
			}
			entries[k.AsString()] = ev.AsString()
		}
	}
	if value == nil {
		delete(entries, key)
	} else {
		entries[key] = value
	}
	toks, err := w.tokens(ctx, name, entries)
	if err != nil {
		return "", err
	}
	body.SetAttributeRaw(name, toks)
	return "", nil
}
