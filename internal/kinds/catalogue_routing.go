package kinds

// Catalogue names of the routing area's kinds added for breadth.
const (
	SMSAddress = "routing.smsaddress"
)

// routingAreaKinds are routing kinds beyond the first ones in catalogue.go: messaging
// addresses and domains.
func routingAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: SMSAddress, Resource: "genesyscloud_routing_sms_address", DataSource: "genesyscloud_routing_sms_address",
			Noun: "SMS address", Names: SharedName,
			// No update method: every change provisions a new address.
			API:   API{Collection: "/api/v2/routing/sms/addresses"},
			Model: "SmsAddress", CreateModel: "SmsAddressProvision",
			Audit: Audit{"Routing", "SmsAddress"}, Permission: "sms:phoneNumber",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"sms_address_id"},
			Fields: []Field{
				// Optional in the official schema; the API's provision model requires it, so
				// leaving it out is the API's 400, as with the official provider.
				{Attr: "name", JSON: "name", Type: String, Mode: Optional, Description: "Name associated with this address."},
				{Attr: "street", JSON: "street", Type: String, Mode: Required, Description: "The number and street address where this address is located."},
				{Attr: "city", JSON: "city", Type: String, Mode: Required, Description: "The city in which this address is in."},
				{Attr: "region", JSON: "region", Type: String, Mode: Required, Description: "The state or region this address is in."},
				{Attr: "postal_code", JSON: "postalCode", Type: String, Mode: Required, Description: "The postal code this address is in."},
				{Attr: "country_code", JSON: "countryCode", Type: String, Mode: Required,
					Description: "The ISO 3166-1 alpha-2 country code of the country this address is in."},
				{Attr: "auto_correct_address", JSON: "autoCorrectAddress", Type: Bool, Mode: Optional, WriteOnly: true,
					Description: "Whether the provider of the number may correct the address to a valid one."},
			},
		},
	}
}
