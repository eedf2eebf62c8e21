package kinds

// Catalogue names of the presence kinds.
const (
	PresenceDefinition = "presence.definition"
)

// presenceAreaKinds are the kinds of the presence API: the organization's presence
// definitions (every org has one per system presence; custom ones are declared).
func presenceAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: PresenceDefinition, Resource: "genesyscloud_organization_presence_definition",
			Sharing: People,
			Noun:    "presence definition", Names: NoName,
			// Without a name of its own, a definition goes by its label (in its first language).
			FoundBy: "language_labels", Unmanaged: true,
			// The listing is unpaged, filtered by "deactivated" (the local org's hand-written
			// list serves it), and has no name to search by.
			API:   API{Collection: "/api/v2/presence/definitions", Paging: Unpaged, Update: "PUT"},
			Model: "OrganizationPresenceDefinition",
			Audit: Audit{"Presence", "OrganizationPresenceDefinition"}, Permission: "presence:presenceDefinition",
			// The system definitions every org has are no project's to declare.
			Builtin: func(o map[string]any) bool { return o["type"] == "System" },
			Fields: []Field{
				{Attr: "language_labels", JSON: "languageLabels", Type: StringMap, Mode: Required,
					Description: "The label used for the presence in each language, by language code (en_US, de, …)."},
				{Attr: "system_presence", JSON: "systemPresence", Type: String, Mode: Required, ForceNew: true,
					Description: "The system presence this presence is a kind of (Available, Away, Busy, …). Once the presence definition is created, this cannot be changed."},
				{Attr: "deactivated", JSON: "deactivated", Type: Bool, Mode: Optional, Default: false,
					Description: "Whether the presence definition is deactivated; an active one (false) is offered to users."},
				{Attr: "division_id", JSON: "divisionId", Type: String, Mode: OptionalComputed, Ref: Division,
					Description: "The division the presence definition belongs to."},
			},
		},
	}
}
