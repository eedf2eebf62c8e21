package orgserver

// outboundListDataWriteSeeds are the bodies per write route of the outbound lists' data
// (outbound_list_data.go): the routes take no body, or one the local org does not read.
func outboundListDataWriteSeeds() map[string][]string {
	return map[string][]string{
		"POST /api/v2/outbound/contactlists/{id}/clear":           {``, `{}`},
		"POST /api/v2/outbound/contactlists/{id}/contacts/search": {`{"pageSize":25}`, `{}`, `[]`},
		"POST /api/v2/outbound/contactlists/{id}/export":          {`{"contactIds":[]}`, ``},
	}
}
