package kinds

import "slices"

// Catalogue names of the content agents use beside conversations: the files responses
// show (response assets) and the scripts agents follow. Both are written by uploading a
// file, so both are hand-written in the local org and the provider.
const (
	ResponseAsset = "responsemanagement.responseasset"
	Script        = "scripter.script"
)

// DefaultScriptNames are the scripts every org has and nobody deletes: the ones Genesys
// Cloud shows for inbound, outbound and callback interactions when no other is chosen.
func DefaultScriptNames() []string {
	return []string{"Default Inbound Script", "Default Outbound Script", "Default Callback Script"}
}

// contentAreaKinds are the uploaded files agents work with.
func contentAreaKinds() []*Kind {
	return []*Kind{
		{
			// A response asset is made in two steps: POST …/uploads answers a presigned URL,
			// and the asset exists once the file is PUT there. The API has no GET listing;
			// assets are found (and drift lists them) through POST …/search.
			Name: ResponseAsset, Resource: "genesyscloud_responsemanagement_responseasset",
			DataSource: "genesyscloud_responsemanagement_responseasset", Noun: "response asset", Names: SharedName,
			API: API{Collection: "/api/v2/responsemanagement/responseassets", Update: "PUT", NoList: true,
				CreatePath: "/api/v2/responsemanagement/responseassets/uploads",
				Search:     "/api/v2/responsemanagement/responseassets/search"},
			Model: "ResponseAsset", CreateModel: "CreateResponseAssetRequest", UpdateModel: "ResponseAssetRequest",
			Audit: Audit{"ResponseManagement", "ResponseAsset"}, Permission: "responseAssets:asset",
			Unmanaged: true, IDAttributes: []string{"asset_ids"}, DependsOn: []string{Division},
			NotAdoptable: "its resource is made from a local file (filename), and an import leaves the file's hash " +
				"unknown, so the first plan after it changes the asset (file_content_hash); save the file, declare " +
				"the asset by hand and import it",
		},
		{
			// A script is uploaded as a file (multipart, to the upload service) and found by
			// its name afterwards; it has no PUT. Uploading again with scriptIdToReplace
			// changes it; publishing makes that version the one agents see.
			Name: Script, Resource: "genesyscloud_script", DataSource: "genesyscloud_script", Noun: "script", Names: SharedName,
			// A call flow's screen pop names the script its agent sees (screenPopScript).
			Archy: []string{"script"}, NameAttr: "script_name",
			API:   API{Collection: "/api/v2/scripts", NameFilter: "name", CreatePath: "/uploads/v2/scripter"},
			Model: "Script", Audit: Audit{"Scripter", "Script"}, Permission: "scripter:script",
			Unmanaged: true, IDAttributes: []string{"script_id", "*_script_id"}, DependsOn: []string{Division},
			NotAdoptable: "its resource is made from a local file (filepath), which an import cannot give back: even " +
				"with the org's export of the script as that file, the first plan after the import uploads it again; " +
				"export the script (POST /api/v2/scripts/{id}/export), declare it by hand and import it",
			Builtin: func(o map[string]any) bool {
				name, _ := o["name"].(string)
				return slices.Contains(DefaultScriptNames(), name)
			},
		},
	}
}
