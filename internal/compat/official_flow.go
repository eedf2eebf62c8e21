package compat

// flowEntries covers genesyscloud_flow and its data source (reference §2.10).
func flowEntries() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_flow", Attributes: []Attribute{
			idAttr(),
			sup("filepath", "string", "required; a local path (relative to the root module); http(s):// and s3:// files are not supported yet"),
			sup("file_content_hash", "string", "computed; sha256 of the file as written, before substitutions, as the official provider computes it; a value set by an older configuration is accepted with a warning when it is the file's hash"),
			sup("substitutions", "map(string)", "`{{key}}` placeholders; one without a value fails the plan with file:line:col"),
			sup("name", "string", "optional+computed; from the YAML (must match it when set); a new name replaces the flow instead of leaving the old one"),
			sup("type", "string", "optional+computed; from the YAML (API spelling, e.g. INBOUNDCALL)"),
			sup("update_trigger_hash", "string", "any change republishes"),
			sup("force_unlock", "bool", "default false; unlocks before publish and delete"),
		}, Extensions: []Extension{
			{Path: "published_content_hash", Notes: "sha256 of the canonical form of the published flow (refresh) or of the file after substitutions (plan): an edit made in the org shows as an update"},
			{Path: "published_version", Notes: "the published version, e.g. 2.0; a refresh exports the flow only when it changed"},
			{Path: "content_drift", Notes: "where the published flow first differs from the file, when a refresh found a version this configuration did not publish"},
		}},
		{Kind: DataSource, Name: "genesyscloud_flow", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required; compared ignoring case"),
			sup("type", "string", "optional; needed when flows of several types share the name"),
		}},
	}
}
