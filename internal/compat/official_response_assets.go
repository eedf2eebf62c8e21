package compat

// responseAssetEntries covers genesyscloud_responsemanagement_responseasset and its data
// source, written by hand because an asset is made by uploading its file.
func responseAssetEntries() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_responsemanagement_responseasset", Attributes: []Attribute{
			idAttr(),
			sup("filename", "string", "required; the file uploaded; changing it replaces the asset"),
			sup("name", "string", "the file's own name when not set; changing it replaces the asset"),
			sup("division_id", "string", "the home division when not set; changes in place"),
			sup("file_content_hash", "string", "defaults to the file's SHA-256; a new content replaces the asset"),
			sup("content_location", "string", "as the org answers it"),
		}},
		{Kind: DataSource, Name: "genesyscloud_responsemanagement_responseasset", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required; found through the asset search"),
		}},
	}
}
