package compat

// scriptEntries covers genesyscloud_script and its data source, written by hand because a
// script is uploaded as a file to the org's upload service.
func scriptEntries() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_script", Attributes: []Attribute{
			idAttr(),
			sup("filepath", "string", "required; the script export uploaded; a change uploads it again"),
			sup("script_name", "string", "required; must be unused when the script is made; changes in place"),
			sup("division_id", "string", "the home division when not set; changes in place"),
			sup("file_content_hash", "string", "defaults to the file's SHA-256; a new content uploads the file again"),
			sup("substitutions", "map(string)", "fills `{{key}}` placeholders before the upload"),
		}},
		{Kind: DataSource, Name: "genesyscloud_script", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required; finds the default scripts every org has too"),
		}},
	}
}
