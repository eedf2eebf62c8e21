package host

import (
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// SortDescending reads sortOrder, which the Architect, telephony and integration listings
// document as asc, ASC or ascending.
func SortDescending(r *http.Request) (bool, error) {
	switch v := strings.ToLower(r.URL.Query().Get("sortOrder")); v {
	case "", "asc", "ascending":
		return false, nil
	case "desc", "descending":
		return true, nil
	}
	return false, apihttp.InvalidValue("sortOrder", r.URL.Query().Get("sortOrder"), []string{"asc", "desc"})
}

// Sorting reads sortBy (one of allowed, or "" for the endpoint's default) and sortOrder.
func Sorting(r *http.Request, allowed ...string) (sortBy string, desc bool, err error) {
	if sortBy, err = EnumParam(r, "sortBy", allowed...); err != nil {
		return "", false, err
	}
	desc, err = SortDescending(r)
	return sortBy, desc, err
}
