package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// webDeploymentsAccCases are the acceptance rows of the web messaging kinds
// (kinds/catalogue_webdeployments.go); see kindAccCase.
var webDeploymentsAccCases = map[string]kindAccCase{
	"genesyscloud_webdeployments_configuration": {
		// Languages and the messenger's basics at first (published as version 1); the update
		// (the draft written and published as version 2) adds a description, co-browse, a
		// position, journey events and a support center.
		create: `resource "genesyscloud_webdeployments_configuration" "it" {
  name             = "Support messenger"
  languages        = ["en-us"]
  default_language = "en-us"
  messenger {
    enabled = true
    launcher_button {
      visibility = "On"
    }
  }
}`,
		update: `resource "genesyscloud_webdeployments_configuration" "it" {
  name             = "Support messenger"
  description      = "Shown on support.example.com"
  languages        = ["en-us", "es"]
  default_language = "es"
  messenger {
    enabled = true
    launcher_button {
      visibility = "OnDemand"
    }
  }
  cobrowse {
    enabled        = true
    mask_selectors = ["#card-number"]
  }
  position {
    alignment  = "Left"
    side_space = 10
  }
  journey_events {
    pageview_config = "Once"
    click_event {
      selector   = "#buy"
      event_name = "buy_clicked"
    }
    tracking_settings {
      ip_filters {
        ip_address = "10.0.0.0/8"
        name       = "Office"
      }
    }
  }
  support_center {
    enabled          = true
    feedback_enabled = true
    enabled_categories {
      category_id = "billing"
      image_uri   = "https://support.example.com/billing.png"
    }
    label_filter {
      label_ids = ["faq"]
    }
    screens {
      type = "Home"
      module_settings {
        type    = "Search"
        enabled = true
        detailed_category_module_template {
          active          = true
          sidebar_enabled = false
        }
      }
    }
    style_setting {
      hero_style_setting {
        background_color = "#ffffff"
        text_color       = "#000000"
        image_uri        = "https://support.example.com/hero.png"
      }
    }
  }
}`,
		createChecks: map[string]string{"version": "1", "status": "Active", "languages.#": "1", "description": absent,
			"messenger.0.launcher_button.0.visibility": "On"},
		updateChecks: map[string]string{"version": "2", "languages.#": "2", "default_language": "es",
			"description": "Shown on support.example.com", "cobrowse.0.mask_selectors.0": "#card-number",
			"position.0.side_space": "10", "messenger.0.launcher_button.0.visibility": "OnDemand",
			"journey_events.0.enabled": "true", "journey_events.0.tracking_settings.0.ip_filters.0.name": "Office",
			"support_center.0.enabled_categories.0.image_uri":                                                  "https://support.example.com/billing.png",
			"support_center.0.label_filter.0.label_ids.0":                                                      "faq",
			"support_center.0.screens.0.module_settings.0.detailed_category_module_template.0.sidebar_enabled": "false"},
		driftPath: "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_webdeployments_deployment": {
		// One domain and the configuration's first version; the update describes it, allows
		// a second domain and follows the configuration to its second version.
		create: webConfigurationFor("Support site") + `resource "genesyscloud_webdeployments_deployment" "it" {
  name            = "Support site"
  allowed_domains = ["support.example.com"]
  configuration {
    id      = genesyscloud_webdeployments_configuration.site.id
    version = genesyscloud_webdeployments_configuration.site.version
  }
}`,
		update: webConfigurationFor("Support and help sites") + `resource "genesyscloud_webdeployments_deployment" "it" {
  name            = "Support site"
  description     = "Support and help center"
  allowed_domains = ["support.example.com", "help.example.com"]
  configuration {
    id      = genesyscloud_webdeployments_configuration.site.id
    version = genesyscloud_webdeployments_configuration.site.version
  }
}`,
		createChecks: map[string]string{"allowed_domains.#": "1", "allow_all_domains": "false", "configuration.0.version": "1",
			"description": absent, "status": "Active"},
		updateChecks: map[string]string{"allowed_domains.#": "2", "configuration.0.version": "2",
			"description": "Support and help center"},
		driftPath: "description", driftValue: "Edited in the UI",
	},
}

// webConfigurationFor is the configuration a deployment row uses, described as given (a new
// description publishes a new version).
func webConfigurationFor(description string) string {
	return fmt.Sprintf(`resource "genesyscloud_webdeployments_configuration" "site" {
  name             = "Site messenger"
  description      = %q
  languages        = ["en-us"]
  default_language = "en-us"
}
`, description)
}

// editInOrg sends body to an object of k as a console would; a drafted kind's edit is
// published, as the console's "publish" does.
func (o *accOrg) editInOrg(k *kinds.Kind, id string, body any) {
	o.do(k.API.Update, k.API.ReadPath(id), body, nil)
	if k.API.Drafts {
		o.do(http.MethodPost, k.API.PublishPath(id), nil, nil)
	}
}

// checkDraftsDestroyed is the CheckDestroy of a drafted kind: the draft of every resource
// of the kind left in state is gone.
func (o *accOrg) checkDraftsDestroyed(k *kinds.Kind) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != k.Resource {
				continue
			}
			if err := o.expectGone(k.API.DraftPath(rs.Primary.ID)); err != nil {
				return err
			}
		}
		return nil
	}
}

// checkDraftExists asserts, through the API, that the draft behind a resource exists.
func (o *accOrg) checkDraftExists(k *kinds.Kind, addr string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		return o.api.Do(context.Background(), http.MethodGet, k.API.DraftPath(idOf(s, addr)), nil, nil, nil)
	}
}

// The configuration's data source answers its latest version, which a deployment in another
// project refers to.
func TestAccWebConfigurationDataSourceVersion(t *testing.T) {
	o := newAccOrg(t)
	config := func(description string) string {
		return o.config(fmt.Sprintf(`resource "genesyscloud_webdeployments_configuration" "site" {
  name             = "Looked up messenger"
  description      = %q
  languages        = ["en-us"]
  default_language = "en-us"
}
data "genesyscloud_webdeployments_configuration" "found" {
  name       = "Looked up messenger"
  depends_on = [genesyscloud_webdeployments_configuration.site]
}
`, description))
	}
	found := "data.genesyscloud_webdeployments_configuration.found"
	site := "genesyscloud_webdeployments_configuration.site"
	o.test(o.checkDraftsDestroyed(kinds.Genesys().Named(kinds.WebConfiguration)),
		resource.TestStep{Config: config("First"), Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(found, "version", "1"), resource.TestCheckResourceAttrPair(found, "id", site, "id"))},
		resource.TestStep{Config: config("Second"), Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(site, "version", "2"), resource.TestCheckResourceAttr(found, "version", "2"))},
	)
}

// A deployment allows all domains or lists some, never both or neither: refused at plan time,
// before any call, as the official provider refuses it.
func TestAccWebDeploymentDomainsEitherOr(t *testing.T) {
	o := newAccOrg(t)
	deployment := func(domains string) string {
		return o.config(webConfigurationFor("Domains") + `resource "genesyscloud_webdeployments_deployment" "it" {
  name = "Domains"
` + domains + `
  configuration {
    id = genesyscloud_webdeployments_configuration.site.id
  }
}`)
	}
	o.test(nil,
		resource.TestStep{Config: deployment(`  allow_all_domains = true
  allowed_domains   = ["support.example.com"]`), PlanOnly: true, ExpectError: regexp.MustCompile(`allowed_domains is set while`)},
		resource.TestStep{Config: deployment(""), PlanOnly: true, ExpectError: regexp.MustCompile(`neither allow_all_domains nor`)},
		// A configuration named without a version gets its latest one.
		resource.TestStep{Config: deployment(`  allow_all_domains = true`),
			Check: resource.TestCheckResourceAttr("genesyscloud_webdeployments_deployment.it", "configuration.0.version", "1")},
	)
}
