package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// A Drafts kind (kinds.API.Drafts) is written as a draft and used as numbered versions, so
// the resource publishes the draft after every create and update (as the official provider
// does) and reads the latest published version: its "version" is what deployments refer to.
// A reference to such an object that names no version is sent with the latest one.

// publish makes the draft of the object with id its next version and returns that version.
func (r *kindResource) publish(ctx context.Context, id string) (*apiObject, error) {
	var out apiObject
	if err := r.client.Do(ctx, http.MethodPost, r.kind.API.PublishPath(url.PathEscape(id)), nil, nil, &out); err != nil {
		return nil, fmt.Errorf("publish the draft of %s %s: %w", r.kind.Noun, id, err)
	}
	return &out, nil
}

// readLatest reads the latest published version of the object with id (its draft when it
// was never published); nil when the object does not exist.
func (r *kindResource) readLatest(ctx context.Context, id string) (*apiObject, error) {
	version, err := latestVersion(ctx, r.client, r.kind, id)
	if err != nil || version == "" {
		return nil, err
	}
	var out apiObject
	if err := r.client.Do(ctx, http.MethodGet, r.kind.API.VersionPath(url.PathEscape(id), version), nil, nil, &out); err != nil {
		if platform.IsNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	return &out, nil
}

// latestVersion is the highest version number the object with id has, kinds.DraftVersion
// when it has none, "" when the object does not exist.
func latestVersion(ctx context.Context, c *platform.Client, k *kinds.Kind, id string) (string, error) {
	var listing struct {
		Entities []struct {
			Version string `json:"version"`
		} `json:"entities"`
	}
	if err := c.Do(ctx, http.MethodGet, k.API.VersionsPath(url.PathEscape(id)), nil, nil, &listing); err != nil {
		if platform.IsNotFound(err) {
			return "", nil
		}
		return "", fmt.Errorf("list the versions of %s %s: %w", k.Noun, id, err)
	}
	latest, highest := kinds.DraftVersion, 0
	for _, v := range listing.Entities {
		if n, err := strconv.Atoi(v.Version); err == nil && n > highest {
			latest, highest = v.Version, n
		}
	}
	return latest, nil
}

// fillVersions gives every reference the body holds to an object of a Drafts kind without a
// version that object's latest version, as the official provider does for a deployment
// whose configuration names none.
func (r *kindResource) fillVersions(ctx context.Context, body apiObject) error {
	for _, f := range r.kind.Fields {
		if f.Type != kinds.Object {
			continue
		}
		ref, _ := kinds.Get(body, f.JSON).(map[string]any)
		for _, n := range f.Nested {
			target := kinds.Genesys().Named(n.Ref)
			if ref == nil || target == nil || !target.API.Drafts {
				continue
			}
			id, _ := ref[n.JSON].(string)
			if version, named := ref["version"].(string); id == "" || (named && version != "") {
				continue
			}
			version, err := latestVersion(ctx, r.client, target, id)
			if err != nil {
				return err
			}
			if version == "" {
				return fmt.Errorf("the %s %s does not exist", target.Noun, id)
			}
			ref["version"] = version
		}
	}
	return nil
}
