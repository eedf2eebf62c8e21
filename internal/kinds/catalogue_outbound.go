package kinds

// Catalogue names of the outbound kinds added for breadth.
const (
	CallableTimeSet = "outbound.callabletimeset"
)

// outboundAreaKinds are the outbound dialing kinds beyond contact lists (catalogue.go):
// callable time sets.
func outboundAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: CallableTimeSet, Resource: "genesyscloud_outbound_callabletimeset", DataSource: "genesyscloud_outbound_callabletimeset",
			Noun:  "callable time set",
			API:   API{Collection: "/api/v2/outbound/callabletimesets", NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "CallableTimeSet", Audit: Audit{"Outbound", "CallableTimeSet"}, Permission: "outbound:callableTimeSet",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"callable_time_set_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the CallableTimeSet."},
				{Attr: "callable_times", JSON: "callableTimes", Type: Block, Unordered: true, Mode: Optional,
					Description: "The list of CallableTimes for which it is OK to place outbound calls.",
					Nested: []Field{
						{Attr: "time_slots", JSON: "timeSlots", Type: Block, Unordered: true, Mode: Required, MinItems: 1,
							Description: "The time intervals for which it is acceptable to place outbound calls.",
							Nested: []Field{
								{Attr: "day", JSON: "day", Type: Int, Mode: Required,
									Description: "The day of the interval. Valid values: [1-7], representing Monday through Sunday."},
								{Attr: "start_time", JSON: "startTime", Type: String, Mode: Required,
									Description: "The start time of the interval as an ISO-8601 string, i.e. HH:mm:ss."},
								{Attr: "stop_time", JSON: "stopTime", Type: String, Mode: Required,
									Description: "The end time of the interval as an ISO-8601 string, i.e. HH:mm:ss."},
							}},
						{Attr: "time_zone_id", JSON: "timeZoneId", Type: String, Mode: Required,
							Description: "The time zone for the time slots; for example, Africa/Abidjan."},
						{Attr: "name", JSON: "name", Type: String, Mode: Optional, Description: "The name of the callable time."},
					}},
			},
		},
	}
}
