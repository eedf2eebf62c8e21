// Package responsemanagement is the local org's response management API group for what the
// generic entity cannot serve: response assets, the files (images, documents) canned
// responses show, which are made by uploading the file to a presigned URL. Libraries and
// responses themselves are regular catalogue kinds.
package responsemanagement

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// api is the response management group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the response management routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.KindRoutes(kinds.ResponseAsset, host.KindHandlers{Create: s.registerResponseAssetUpload, Get: s.getResponseAsset, Update: s.putResponseAsset, Delete: s.deleteResponseAsset})
	s.responseAssetRoutes() // responseassets.go
}
