package console

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// session is the signed-in client, as the org's GET /api/v2/tokens/me describes its token.
type session struct {
	Token      string
	CSRF       string
	OrgID      string
	OrgName    string
	ClientID   string
	ClientName string
	// ReadOnly is what the token's scope says; the console shows it but never relies on it:
	// the API refuses the writes.
	ReadOnly bool
}

// tokenMe is the part of GET /api/v2/tokens/me the console reads.
type tokenMe struct {
	Organization struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"organization"`
	OAuthClient struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"OAuthClient"`
	AuthorizedScope []string `json:"authorizedScope"`
}

// session reads the browser's token and asks the org who it is; nil when there is no token or
// the org no longer takes it (expired, the client deleted).
func (c *Console) session(r *http.Request) (*session, error) {
	ck, err := r.Cookie(tokenCookie)
	if err != nil || ck.Value == "" {
		return nil, nil
	}
	return c.sessionFor(r, ck.Value)
}

func (c *Console) sessionFor(r *http.Request, token string) (*session, error) {
	ans, err := c.api.asClient(r, token, http.MethodGet, "/api/v2/tokens/me", nil)
	if err != nil {
		return nil, err
	}
	if ans.status == http.StatusUnauthorized {
		return nil, nil
	}
	if e := ans.asError(); e != nil {
		return nil, e
	}
	var me tokenMe
	if err := ans.decode(&me); err != nil {
		return nil, err
	}
	s := &session{Token: token, CSRF: c.csrfFor(token), OrgID: me.Organization.ID, OrgName: me.Organization.Name,
		ClientID: me.OAuthClient.ID, ClientName: me.OAuthClient.Name}
	// Read-only when every scope is (an admin's scope holds audits:readonly too).
	s.ReadOnly = len(me.AuthorizedScope) > 0
	for _, sc := range me.AuthorizedScope {
		s.ReadOnly = s.ReadOnly && strings.HasSuffix(sc, ":readonly")
	}
	return s, nil
}

// orgNames lists the orgs the server holds, for the sign-in page's picker.
func (c *Console) orgNames(r *http.Request) []string {
	ans, err := c.api.asAdmin(r, c.api.adminKey, http.MethodGet, "/admin/orgs", nil)
	if err != nil || !ans.ok() {
		return nil
	}
	var out struct {
		Orgs []struct {
			Name string `json:"name"`
		} `json:"orgs"`
	}
	if ans.decode(&out) != nil {
		return nil
	}
	names := make([]string, 0, len(out.Orgs))
	for _, o := range out.Orgs {
		names = append(names, o.Name)
	}
	return names
}

type signInData struct {
	Orgs     []string
	Org      string
	ClientID string
	Next     string
	Error    string
}

func (c *Console) signInPage(w http.ResponseWriter, r *http.Request) {
	c.render(w, r, http.StatusOK, "signin", nil, signInData{Orgs: c.orgNames(r), Org: r.URL.Query().Get("org"), Next: r.URL.Query().Get("next")})
}

// signIn takes a client id and secret through the client credentials grant — or the org
// server's admin key, for a token of the org's console admin client (POST
// /admin/orgs/{org}/tokens) — and keeps the token in the session cookie. The org picked must be the client's own: a client id names
// one org, and signing in to another by mistake would show and change the wrong one.
func (c *Console) signIn(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		c.fail(w, r, nil, &apiError{Status: http.StatusBadRequest, Code: "bad.request", Message: "unreadable form"})
		return
	}
	data := signInData{Orgs: c.orgNames(r), Org: r.PostFormValue("org"), ClientID: strings.TrimSpace(r.PostFormValue("client_id")), Next: r.PostFormValue("next")}
	again := func(status int, msg string) {
		data.Error = msg
		c.render(w, r, status, "signin", nil, data)
	}
	var token string
	if key := r.PostFormValue("admin_key"); key != "" {
		// The server's admin key: the person acts as the org's console admin client.
		if data.Org == "" {
			again(http.StatusBadRequest, "Pick the org to sign in to with the admin key.")
			return
		}
		ans, err := c.api.asAdmin(r, key, http.MethodPost, "/admin/orgs/"+url.PathEscape(data.Org)+"/tokens", nil)
		if err != nil {
			c.fail(w, r, nil, err)
			return
		}
		var out struct {
			AccessToken string `json:"access_token"`
		}
		switch {
		case ans.status == http.StatusUnauthorized:
			again(http.StatusUnauthorized, "The org server refused this admin key.")
			return
		case !ans.ok() || ans.decode(&out) != nil || out.AccessToken == "":
			again(http.StatusBadGateway, "The org server gave no token for the org "+data.Org+" (status "+strconv.Itoa(ans.status)+").")
			return
		}
		token = out.AccessToken
	} else {
		tok, refused, err := c.api.token(r, data.ClientID, r.PostFormValue("client_secret"))
		if err != nil {
			c.fail(w, r, nil, err)
			return
		}
		if refused != nil {
			again(http.StatusUnauthorized, "The org refused these credentials: "+refused.Message+".")
			return
		}
		token = tok
	}
	s, err := c.sessionFor(r, token)
	if err != nil || s == nil {
		again(http.StatusUnauthorized, "The org did not accept the token it issued; try again.")
		return
	}
	if data.Org != "" && data.Org != s.OrgName {
		again(http.StatusUnauthorized, "This client belongs to the org "+s.OrgName+", not "+data.Org+"; pick "+s.OrgName+" or use a client of "+data.Org+".")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: token, Path: Prefix, HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.Redirect(w, r, safeNext(data.Next), http.StatusSeeOther)
}

func (c *Console) signOut(w http.ResponseWriter, r *http.Request, _ *session) {
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: "", Path: Prefix, MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, Prefix+"/signin", http.StatusSeeOther)
}
