package kinds

import (
	_ "embed" // the model list ships inside the binary
	"encoding/json"
	"strings"
	"sync"
)

// The model list is generated from reference/ (see tools/kindmodels); re-run when the
// catalogue names new models or the reference files change.
//go:generate go run ../../tools/kindmodels -models ../../reference/platform-api-models-all.json -enums ../../reference/platform-api-enums.json -out models_gen.json

//go:embed models_gen.json
var modelsJSON []byte

// ModelField is one field of a Platform API model.
type ModelField struct {
	Name string `json:"name"`
	// Type is the API's spelling: "string", "number", "boolean", "object", a model name,
	// "Array<X>" or a map "{ [key: string]: X; }".
	Type     string `json:"type"`
	Required bool   `json:"required,omitempty"`
	// Enum lists the values a string field takes, where the API documents them.
	Enum []string `json:"enum,omitempty"`
}

// ModelFile is the shape of models_gen.json.
type ModelFile struct {
	Generated string                  `json:"_generated"`
	Models    map[string][]ModelField `json:"models"`
}

// models parses the embedded list once; it never changes afterwards.
var models = sync.OnceValue(func() map[string][]ModelField {
	var f ModelFile
	if err := json.Unmarshal(modelsJSON, &f); err != nil {
		// The file is generated and embedded at build time; a test parses it.
		panic("kinds: models_gen.json: " + err.Error())
	}
	return f.Models
})

// ModelOf returns the fields of a Platform API model the catalogue reaches, or nil for a
// model outside it.
func ModelOf(name string) []ModelField { return models()[name] }

// IsModel reports whether a field type names a model of the list.
func IsModel(typ string) bool {
	_, ok := models()[typ]
	return ok
}

// FieldOf returns the named field of a model, or nil.
func FieldOf(model, field string) *ModelField {
	fs := ModelOf(model)
	for i := range fs {
		if fs[i].Name == field {
			return &fs[i]
		}
	}
	return nil
}

// ArrayElem returns X for a type "Array<X>".
func ArrayElem(typ string) (elem string, ok bool) {
	inner, ok := strings.CutPrefix(typ, "Array<")
	if !ok || !strings.HasSuffix(inner, ">") {
		return "", false
	}
	return strings.TrimSuffix(inner, ">"), true
}

// MapElem returns X for a map type "{ [key: string]: X; }".
func MapElem(typ string) (elem string, ok bool) {
	inner, ok := strings.CutPrefix(typ, "{ [key: string]: ")
	if !ok || !strings.HasSuffix(inner, "; }") {
		return "", false
	}
	return strings.TrimSuffix(inner, "; }"), true
}

// RequestModel is the model a create (POST) or update (PUT/PATCH) body follows.
func (k *Kind) RequestModel(method string) string {
	switch {
	case method == "POST" && k.CreateModel != "":
		return k.CreateModel
	case method != "POST" && k.UpdateModel != "":
		return k.UpdateModel
	}
	return k.Model
}
