package integrations

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// Config schemas of the built-in integration types: the JSON Schema documents an
// integration's configuration properties and advanced settings follow. Each type names
// them in configPropertiesSchemaUri and configAdvancedSchemaUri; the official provider
// reads them while it writes an integration's config.
func (s *api) integrationConfigSchemaRoutes() {
	s.Route("GET /api/v2/integrations/types/{typeId}/configschemas/{configType}", "integrations:integration:view", s.getIntegrationConfigSchema)
}

// jsonSchemaDocument is the API model JsonSchemaDocument.
type jsonSchemaDocument struct {
	ID                   string         `json:"id"`
	Schema               string         `json:"$schema"`
	Title                string         `json:"title"`
	Description          string         `json:"description"`
	Type                 string         `json:"type"`
	Required             []string       `json:"required"`
	Properties           map[string]any `json:"properties"`
	AdditionalProperties bool           `json:"additionalProperties"`
}

// integrationConfigTypes are the values of the path's {configType}.
func integrationConfigTypes() []string { return []string{"properties", "advanced"} }

// integrationConfigSchema is the schema of one type's properties or advanced settings. The
// data-action types take no properties; a client application needs the URL it embeds.
// Advanced settings are free-form for every type.
func integrationConfigSchema(typeID, configType string) jsonSchemaDocument {
	doc := jsonSchemaDocument{ID: typeID + "/" + configType, Schema: "http://json-schema.org/draft-04/schema#", Type: "object",
		Required: []string{}, Properties: map[string]any{}}
	if configType == "advanced" {
		doc.Title, doc.Description, doc.AdditionalProperties = "Advanced", "Advanced settings, free-form.", true
		return doc
	}
	doc.Title, doc.Description = "Properties", "The integration's configuration properties."
	if typeID == "embedded-client-app" {
		doc.Required = []string{"url"}
		doc.Properties = map[string]any{
			"url":             map[string]any{"type": "string", "title": "Application URL", "format": "uri"},
			"displayType":     map[string]any{"type": "string", "title": "Application Type", "enum": []string{"standalone", "widget"}},
			"sandbox":         map[string]any{"type": "string", "title": "Iframe Sandbox Options"},
			"featureCategory": map[string]any{"type": "string", "title": "Iframe Feature/Permissions Policy"},
			"groups":          map[string]any{"type": "array", "title": "Group Filtering", "items": map[string]any{"type": "string"}},
		}
	}
	return doc
}

func (s *api) getIntegrationConfigSchema(w http.ResponseWriter, r *http.Request) error {
	typeID := r.PathValue("typeId")
	if _, ok := integrationType(typeID); !ok {
		return apihttp.NotFound()
	}
	configType := r.PathValue("configType")
	if err := host.CheckEnum("configType", &configType, integrationConfigTypes()...); err != nil {
		return err
	}
	return apihttp.OK(w, integrationConfigSchema(typeID, configType))
}
