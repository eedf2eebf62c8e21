package kinds

// Catalogue names of the telephony area's kinds added for breadth.
const (
	ExtensionPool = "telephony.extensionpool"
)

// telephonyAreaKinds are telephony kinds beyond DID pools: extension pools.
func telephonyAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: ExtensionPool, Resource: "genesyscloud_telephony_providers_edges_extension_pool",
			DataSource: "genesyscloud_telephony_providers_edges_extension_pool", Noun: "extension pool", Names: NoName,
			Summary: "Genesys Cloud extension pool: a range of extensions that users' phones can be given.",
			// As a DID pool, a pool has no name of its own (the org names it after its first
			// number), so its first number tells pools apart. Its data source finds it by both
			// numbers and is hand-written, as is the local org's handler (ranges must not overlap).
			FoundBy: "start_number",
			API:     API{Collection: "/api/v2/telephony/providers/edges/extensionpools", Update: "PUT", Version: IntVersion},
			Model:   "ExtensionPool", Audit: Audit{"Telephony", "ExtensionPool"}, Permission: "telephony:extensionPool",
			IDAttributes: []string{"extension_pool_id"}, DependsOn: []string{Division},
			Fields: []Field{
				{Attr: "start_number", JSON: "startNumber", Type: String, Mode: Required, ForceNew: true,
					Description: "Starting phone number of the Extension Pool range."},
				{Attr: "end_number", JSON: "endNumber", Type: String, Mode: Required, ForceNew: true,
					Description: "Ending phone number of the Extension Pool range."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional,
					Description: "Extension Pool description."},
				divisionField("extension pool"),
			},
		},
	}
}
