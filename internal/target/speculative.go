package target

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/orgadmin"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// SpeculativeOrg is a throwaway copy of an environment's org: a plan of a project whose
// dependencies have unapplied changes runs against it once those changes are applied there,
// so the plan can show what the project will do instead of failing on objects that do not
// exist yet. Nothing of the environment's own org changes.
type SpeculativeOrg struct {
	// Name is the copy's org name in the local org.
	Name string
	// OrgEnv is the provider's environment for the copy.
	OrgEnv map[string]string
	// Discard deletes the copy.
	Discard func(ctx context.Context) error
}

// Speculation returns how to make a speculative org for the target's environment, or nil
// when cx cannot: only a local org can copy one of its orgs.
func (t *Target) Speculation() func(ctx context.Context) (*SpeculativeOrg, error) {
	if t.Local == nil || t.Local.AdminKey == "" {
		return nil
	}
	return func(ctx context.Context) (*SpeculativeOrg, error) { return t.Local.cloneOrg(ctx, t.Env.OrgName()) }
}

// adminTimeout bounds one call to the local org's admin surface.
const adminTimeout = 30 * time.Second

// speculativeInfix joins an org's name and a random suffix into its copy's name.
const speculativeInfix = "~speculative-"

// cloneOrg copies org into a new org of the local org, with a deploy client of its own.
// Copies of org left by a cx that was killed are deleted first: the caller holds the
// environment's lock, so no other run can be using them.
func (l *LocalOrg) cloneOrg(ctx context.Context, org string) (*SpeculativeOrg, error) {
	if err := l.deleteStaleCopies(ctx, org); err != nil {
		return nil, err
	}
	suffix := make([]byte, 4)
	if _, err := rand.Read(suffix); err != nil {
		return nil, err
	}
	name := org + speculativeInfix + hex.EncodeToString(suffix)
	body := map[string]any{"name": name, "clients": []orgserver.ClientSpec{{Name: DeployClient, Role: store.RoleAdmin}}}
	var out struct {
		Credentials []orgserver.Credential `json:"credentials"`
	}
	if err := l.admin(ctx, http.MethodPost, "/admin/orgs/"+url.PathEscape(org)+"/clone", body, &out); err != nil {
		return nil, fmt.Errorf("copy org %s of the local org for a speculative plan: %w", org, err)
	}
	if len(out.Credentials) != 1 {
		return nil, fmt.Errorf("copy org %s of the local org: the answer holds %d credentials, want 1", org, len(out.Credentials))
	}
	discard := func(ctx context.Context) error {
		if err := l.admin(ctx, http.MethodDelete, "/admin/orgs/"+url.PathEscape(name), nil, nil); err != nil {
			return fmt.Errorf("delete the speculative org %s of the local org: %w", name, err)
		}
		return nil
	}
	cred := out.Credentials[0]
	orgEnv, err := OrgEnv(l.URL, cred.ClientID, cred.ClientSecret)
	if err != nil {
		return nil, errors.Join(err, discard(ctx))
	}
	return &SpeculativeOrg{Name: name, OrgEnv: orgEnv, Discard: discard}, nil
}

func (l *LocalOrg) deleteStaleCopies(ctx context.Context, org string) error {
	var list struct {
		Orgs []struct {
			Name string `json:"name"`
		} `json:"orgs"`
	}
	if err := l.admin(ctx, http.MethodGet, "/admin/orgs", nil, &list); err != nil {
		return fmt.Errorf("list the local org's orgs: %w", err)
	}
	for _, o := range list.Orgs {
		if strings.HasPrefix(o.Name, org+speculativeInfix) {
			if err := l.admin(ctx, http.MethodDelete, "/admin/orgs/"+url.PathEscape(o.Name), nil, nil); err != nil {
				return fmt.Errorf("delete the stale speculative org %s: %w", o.Name, err)
			}
		}
	}
	return nil
}

// admin calls the local org's admin surface with a JSON body (nil: none) and decodes the
// answer into out (nil: ignored).
func (l *LocalOrg) admin(ctx context.Context, method, path string, body, out any) error {
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	return orgadmin.Client{URL: l.URL, Key: l.AdminKey, HTTP: http.DefaultClient}.Do(ctx, method, path, body, out)
}
