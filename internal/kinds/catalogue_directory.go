package kinds

// Catalogue names of the directory area's kinds added for breadth.
const (
	Location = "directory.location"
	Team     = "directory.team"
)

// directoryAreaKinds are directory kinds beyond users and groups: locations and teams.
func directoryAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: Team, Resource: "genesyscloud_team", DataSource: "genesyscloud_team", Noun: "team",
			Sharing: People,
			API:     API{Collection: "/api/v2/teams", Paging: Cursor, NameFilter: "name", Update: "PATCH"},
			Model:   "Team", Audit: Audit{"Directory", "Team"}, Permission: "groups:team",
			Unmanaged: true, IDAttributes: []string{"team_id"}, DependsOn: []string{Division, User},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Team name."},
				{Attr: "division_id", JSON: "division.id", Type: String, Mode: Required, Ref: Division,
					Description: "The division to which this entity belongs."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Team information."},
				{Attr: "member_ids", JSON: "members", Type: StringSet, Mode: OptionalComputed, Ref: User, Members: true,
					Description: "Specifies the members. No modifications are done if not set."},
			},
		},
		{
			Name: Location, Resource: "genesyscloud_location", DataSource: "genesyscloud_location", Noun: "location",
			Sharing: People,
			// Locations change by PATCH, and the update model requires the current version.
			API: API{Collection: "/api/v2/locations", Update: "PATCH", Version: IntVersion,
				Search: "/api/v2/locations/search"},
			Model: "LocationDefinition", CreateModel: "LocationCreateDefinition", UpdateModel: "LocationUpdateDefinition",
			Audit: Audit{"Directory", "Location"}, Permission: "directory:location",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"location_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Location name."},
				{Attr: "address", JSON: "address", Type: Object, Mode: Optional,
					Description: "Location address. This cannot be changed while an emergency number is assigned.",
					Nested: []Field{
						{Attr: "city", JSON: "city", Type: String, Mode: Required, Description: "Location city."},
						{Attr: "country", JSON: "country", Type: String, Mode: Required, Description: "Country abbreviation."},
						{Attr: "street1", JSON: "street1", Type: String, Mode: Required, Description: "Street address 1."},
						{Attr: "zip_code", JSON: "zipcode", Type: String, Mode: Required, Description: "Location zip code."},
						{Attr: "state", JSON: "state", Type: String, Mode: Optional, Description: "Location state. Required for US addresses."},
						{Attr: "street2", JSON: "street2", Type: String, Mode: Optional, Description: "Street address 2."},
					}},
				{Attr: "emergency_number", JSON: "emergencyNumber", Type: Object, Mode: Optional,
					Description: "Emergency phone number for this location.",
					Nested: []Field{
						{Attr: "number", JSON: "number", Type: String, Mode: Required, Format: E164,
							Description: "Emergency phone number. Must be in an E.164 number format."},
						{Attr: "type", JSON: "type", Type: String, Mode: Optional, Default: "default", Enum: []string{"default", "elin"},
							Description: "Type of emergency number (default | elin)."},
					}},
				{Attr: "notes", JSON: "notes", Type: String, Mode: Optional, Description: "Notes for this location."},
				{Attr: "path", JSON: "path", Type: StringList, Mode: Optional, Ref: Location,
					Description: "A list of ancestor location IDs. This can be used to create sublocations."},
			},
		},
	}
}
