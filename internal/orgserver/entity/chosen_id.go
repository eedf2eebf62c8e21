package entity

import (
	"regexp"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/google/uuid"
)

// domainLabel is one label of a domain name as DNS allows it: letters, digits and inner
// hyphens, at most 63 characters.
var domainLabel = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

// newID is the id a create gives its object: a fresh one, or for a kind whose client
// chooses it (kinds.API.ChosenID) the one the body holds, under the org's mail domain when
// the body's subdomain flag is set. The chosen id is the object's name too unless the body
// names it; a live object holding the id already (under the same parent, for a child kind)
// is a conflict. Only a kind with a subdomain flag chooses domain names.
func (s *Set) newID(tx *store.Tx, k *kinds.Kind, parent string, body map[string]any) (string, error) {
	field := k.API.ChosenID
	if field == "" {
		return uuid.NewString(), nil
	}
	id, _ := body[field].(string)
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" {
		return "", apihttp.Required(field)
	}
	subdomain, _ := body[k.API.SubdomainFlag].(bool)
	if k.API.SubdomainFlag != "" {
		if err := checkDomainName(field, id, subdomain); err != nil {
			return "", err
		}
	}
	if subdomain && k.API.SubdomainFlag != "" {
		id += "." + kinds.OrgMailDomain
	}
	if o := tx.Get(s.StoreKind(k.Name), itemID(k, id, parent)); o != nil && !IsDeleted(o.Data) {
		return "", apihttp.Conflict("A %s with the id [%s] exists already.", k.Noun, id)
	}
	body[field] = id // as the object keeps it (a language code in lower case)
	// The model's name is the domain unless the request names the object otherwise.
	if name, _ := body["name"].(string); strings.TrimSpace(name) == "" {
		body["name"] = id
	}
	return id, nil
}

// checkDomainName refuses a chosen id that is not a domain name: a subdomain is one label
// (the org adds its own domain), any other domain at least two.
func checkDomainName(field, id string, subdomain bool) error {
	labels := strings.Split(id, ".")
	switch {
	case subdomain && len(labels) != 1:
		return apihttp.BadRequest("The field [%s] must be a single label when the domain is a subdomain of %s, not [%s].", field, kinds.OrgMailDomain, id)
	case !subdomain && len(labels) < 2:
		return apihttp.BadRequest("The field [%s] must be a domain name such as example.com, not [%s].", field, id)
	}
	for _, l := range labels {
		if !domainLabel.MatchString(l) {
			return apihttp.BadRequest("The field [%s] must be a domain name of letters, digits and hyphens, not [%s].", field, id)
		}
	}
	return nil
}
