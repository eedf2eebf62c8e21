// Package conversations is the local org's conversations API group where it is irregular: the
// org's default messaging setting. Messaging settings and supported content profiles
// themselves are regular kinds served by the generic entity.
package conversations

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// api is the conversations group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the conversations routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	// The official provider reads the org's default setting to tell it apart from the
	// others. The local org serves no way to set one (PUT …/default), so there is none: the
	// answer is the 404 a real org gives before a default is chosen.
	s.Route("GET /api/v2/conversations/messaging/settings/default", "messaging:setting:view", s.defaultMessagingSetting)
}

func (s *api) defaultMessagingSetting(w http.ResponseWriter, r *http.Request) error {
	return apihttp.NotFound()
}
