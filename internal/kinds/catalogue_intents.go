package kinds

// Catalogue names of the customer intent kinds.
const (
	IntentCategory = "intents.category"
)

// intentsAreaKinds are the kinds of the customer intent taxonomy.
func intentsAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: IntentCategory, Resource: "genesyscloud_intents_categories", DataSource: "genesyscloud_intents_categories",
			Noun: "intent category",
			// The list's queryValue is a search, not an exact name filter, so none is named.
			API:   API{Collection: "/api/v2/intents/categories", Update: "PATCH"},
			Model: "IntentsCategory", UpdateModel: "IntentsCategoryPatch",
			Audit: Audit{"ExternalContacts", "IntentCategory"}, Permission: "externalContacts:customerIntentTaxonomy",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"category_id", "intent_category_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the intent category."},
				{Attr: "description", JSON: "description", Type: String, Mode: Required, Description: "Description of the intent category."},
			},
		},
	}
}
