package orgserver

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// A drafted kind (a web messaging configuration) is created as a draft, written at the
// draft's path, published into numbered versions, listed by its latest version and deleted
// with its versions; references to it name a version that must exist.
func TestDraftKindsPublishVersions(t *testing.T) {
	_, c := parallelDevOrg(t)
	for _, k := range draftKinds() {
		t.Run(k.Name, func(t *testing.T) {
			c := *c
			c.t = t
			created := c.must(200, "POST", k.API.Collection, c.minimalKindBody(k, "Drafted A"))
			id := created["id"].(string)
			if created["version"] != kinds.DraftVersion {
				t.Errorf("created version = %v, want the draft", created["version"])
			}
			if got := c.must(200, "GET", k.API.DraftPath(id), nil); !jsonEqual(got, created) {
				t.Errorf("draft = %v, want the created %v", got, created)
			}
			c.wantError(404, "not.found", "GET", k.API.VersionPath(id, "1"), nil)

			first := c.must(200, "POST", k.API.PublishPath(id), nil)
			if first["version"] != "1" || first["name"] != "Drafted A" {
				t.Errorf("first published = %v", first)
			}
			edit := c.minimalKindBody(k, "Drafted A renamed")
			if got := c.must(200, k.API.Update, k.API.DraftPath(id), edit); got["version"] != kinds.DraftVersion || got["name"] != "Drafted A renamed" {
				t.Errorf("draft after the edit = %v", got)
			}
			// Until it is published again, the latest version is the first one.
			if got := c.must(200, "GET", k.API.VersionPath(id, "1"), nil); got["name"] != "Drafted A" {
				t.Errorf("version 1 after a draft edit = %v", got)
			}
			second := c.must(200, "POST", k.API.PublishPath(id), nil)
			if second["version"] != "2" || second["name"] != "Drafted A renamed" {
				t.Errorf("second published = %v", second)
			}
			var versions []string
			for _, e := range c.must(200, "GET", k.API.VersionsPath(id), nil)["entities"].([]any) {
				versions = append(versions, e.(map[string]any)["version"].(string))
			}
			if strings.Join(versions, ",") != "DRAFT,1,2" {
				t.Errorf("versions = %v, want the draft, 1 and 2", versions)
			}
			if got := c.must(200, "GET", k.API.VersionPath(id, "draft"), nil); got["version"] != kinds.DraftVersion {
				t.Errorf("version draft = %v", got)
			}

			// The collection lists each object's latest version; only published ones on request.
			c.must(200, "POST", k.API.Collection, c.minimalKindBody(k, "Drafted B"))
			latest := map[string]any{}
			for _, e := range c.must(200, "GET", k.API.Collection, nil)["entities"].([]any) {
				latest[e.(map[string]any)["name"].(string)] = e.(map[string]any)["version"]
			}
			if latest["Drafted A renamed"] != "2" || latest["Drafted B"] != kinds.DraftVersion {
				t.Errorf("listed versions = %v", latest)
			}
			if l := c.must(200, "GET", k.API.Collection+q("showOnlyPublished", "true"), nil); len(l["entities"].([]any)) != 1 {
				t.Errorf("published only = %v", l["entities"])
			}

			// A name is required, as the model says; the draft of a missing object is 404.
			noName := c.minimalKindBody(k, "x")
			delete(noName, "name")
			c.wantError(400, "bad.request", "POST", k.API.Collection, noName)
			c.wantError(404, "not.found", "POST", k.API.PublishPath("nope"), nil)

			c.must(204, "DELETE", k.API.Item(id), nil)
			c.wantError(404, "not.found", "GET", k.API.DraftPath(id), nil)
			c.wantError(404, "not.found", "GET", k.API.VersionsPath(id), nil)
		})
	}
}

// A web deployment names a configuration version that exists; the configuration it uses
// cannot be deleted under it.
func TestWebDeploymentNamesAPublishedVersion(t *testing.T) {
	_, c := parallelDevOrg(t)
	config := kinds.Genesys().Named(kinds.WebConfiguration)
	deployments := kinds.Genesys().Named(kinds.WebDeployment).API.Collection
	made := c.must(200, "POST", config.API.Collection, map[string]any{"name": "Support site", "languages": []string{"en-us"}, "defaultLanguage": "en-us"})
	id := made["id"].(string)
	c.must(200, "POST", config.API.PublishPath(id), nil)
	deployment := func(version string) map[string]any {
		return map[string]any{"name": "Support site", "configuration": map[string]any{"id": id, "version": version}}
	}

	m := c.wantError(400, "bad.request", "POST", deployments, deployment("7"))
	if msg := m["message"].(string); !strings.Contains(msg, "configuration.version") || !strings.Contains(msg, "[7]") {
		t.Errorf("unknown version refused with %q, want it named", msg)
	}
	m = c.wantError(400, "bad.request", "POST", deployments, map[string]any{"name": "x", "configuration": map[string]any{"id": "nope", "version": "1"}})
	if !strings.Contains(m["message"].(string), "configuration.id") {
		t.Errorf("unknown configuration refused with %q", m["message"])
	}
	bad := deployment("1")
	bad["status"] = "Sleeping"
	if m := c.wantError(400, "invalid.value", "POST", deployments, bad); !strings.Contains(m["message"].(string), "status") {
		t.Errorf("bad status refused with %q", m["message"])
	}
	c.wantError(400, "bad.request", "POST", deployments, map[string]any{"name": "x"})
	everywhere := deployment("1")
	everywhere["allowAllDomains"], everywhere["allowedDomains"] = true, []string{"support.example.com"}
	if m := c.wantError(400, "bad.request", "POST", deployments, everywhere); !strings.Contains(m["message"].(string), "[allowedDomains]") {
		t.Errorf("domains listed while all are allowed refused with %q", m["message"])
	}

	got := c.must(200, "POST", deployments, deployment("1"))
	if kinds.Get(got, "configuration.name") != "Support site" || got["status"] != "Active" {
		t.Errorf("deployment = %v, want it active and its configuration named", got)
	}
	c.wantError(409, "general.conflict", "DELETE", config.API.Item(id), nil)
	c.must(204, "DELETE", deployments+"/"+got["id"].(string), nil)
	c.must(204, "DELETE", config.API.Item(id), nil)
}
