package compat

// userPromptEntries covers genesyscloud_architect_user_prompt and its data source, written
// by hand because a prompt's resources are written one language at a time.
func userPromptEntries() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_architect_user_prompt", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required; a letter, then letters, digits and underscores; changing it replaces the prompt"),
			sup("description", "string"),
			sup("resources", "set(object)", "one per language; block or attribute syntax"),
			sup("resources.language", "string"),
			sup("resources.text", "string"),
			sup("resources.tts_string", "string"),
			notYet("resources.filename", "string", "audio upload is not served by the local org or sent by the provider yet"),
			notYet("resources.file_content_hash", "string", "comes with audio upload"),
		}},
		{Kind: DataSource, Name: "genesyscloud_architect_user_prompt", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required"),
		}},
	}
}
