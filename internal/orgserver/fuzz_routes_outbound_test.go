package orgserver

// outboundListDataWriteSeeds are the bodies per write route of the outbound lists' data
// (outbound_list_data.go): most take no body, or one the local org does not read; a DNC
// list's numbers are an array of E.164 numbers.
func outboundListDataWriteSeeds() map[string][]string {
	return map[string][]string{
		"POST /api/v2/outbound/contactlists/{id}/clear":           {``, `{}`},
		"POST /api/v2/outbound/contactlists/{id}/contacts/search": {`{"pageSize":25}`, `{}`, `[]`},
		"POST /api/v2/outbound/contactlists/{id}/export":          {`{"contactIds":[]}`, ``},
		"POST /api/v2/outbound/dnclists/{id}/phonenumbers":        {`["+13175550100"]`, `["555"]`, `[]`, `{}`},
		"POST /api/v2/outbound/dnclists/{id}/export":              {``, `{}`},
	}
}
