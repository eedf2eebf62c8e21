package kinds

// Catalogue names of the content agents use beside conversations: the files responses
// show (response assets) and the scripts agents follow. Both are written by uploading a
// file, so both are hand-written in the local org and the provider.
const (
	ResponseAsset = "responsemanagement.responseasset"
)

// contentAreaKinds are the uploaded files agents work with.
func contentAreaKinds() []*Kind {
	return []*Kind{
		{
			// A response asset is made in two steps: POST …/uploads answers a presigned URL,
			// and the asset exists once the file is PUT there. The API has no GET listing;
			// assets are found through POST …/search.
			Name: ResponseAsset, Resource: "genesyscloud_responsemanagement_responseasset",
			DataSource: "genesyscloud_responsemanagement_responseasset", Noun: "response asset", Names: SharedName,
			API: API{Collection: "/api/v2/responsemanagement/responseassets", Update: "PUT", NoList: true,
				CreatePath: "/api/v2/responsemanagement/responseassets/uploads",
				Search:     "/api/v2/responsemanagement/responseassets/search"},
			Model: "ResponseAsset", CreateModel: "CreateResponseAssetRequest", UpdateModel: "ResponseAssetRequest",
			Audit: Audit{"ResponseManagement", "ResponseAsset"}, Permission: "responseAssets:asset",
			IDAttributes: []string{"asset_ids"}, DependsOn: []string{Division},
		},
	}
}
