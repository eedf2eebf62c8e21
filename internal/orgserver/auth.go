package orgserver

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/authorization"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// hashSecret is how client secrets are stored: never in plaintext.
func hashSecret(salt, secret string) string {
	h := sha256.Sum256([]byte(salt + "\x00" + secret))
	return hex.EncodeToString(h[:])
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b)
}

// Tokens are stateless (org, client, expiry, HMAC with a key kept in the data dir), so they
// survive a restart of the server on the same data, as tokens of a real org survive its deploys.
// Each token carries a random nonce: two logins of one client in the same second get two
// tokens (and so two rate budgets), as on a real org.
func (s *Server) issueToken(c store.ClientInfo, ttl time.Duration) string {
	exp := time.Now().Add(ttl).Unix()
	payload := base64.RawURLEncoding.EncodeToString([]byte(c.OrgID + "|" + c.ID + "|" + strconv.FormatInt(exp, 10) + "|" + randomHex(8)))
	return payload + "." + s.sign(payload)
}

func (s *Server) sign(payload string) string {
	m := hmac.New(sha256.New, s.tokenKey)
	m.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (s *Server) verifyToken(tok string) (apihttp.Principal, *apihttp.Error) {
	bad := &apihttp.Error{Status: http.StatusUnauthorized, Code: "bad.credentials", Message: "Invalid login credentials."}
	payload, sig, ok := strings.Cut(tok, ".")
	if !ok || subtle.ConstantTimeCompare([]byte(s.sign(payload)), []byte(sig)) != 1 {
		return apihttp.Principal{}, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return apihttp.Principal{}, bad
	}
	// Tokens issued before nonces were added have three parts; they stay valid until they expire.
	parts := strings.Split(string(raw), "|")
	if len(parts) != 3 && len(parts) != 4 {
		return apihttp.Principal{}, bad
	}
	exp, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil {
		return apihttp.Principal{}, bad
	}
	if time.Now().Unix() >= exp {
		return apihttp.Principal{}, &apihttp.Error{Status: http.StatusUnauthorized, Code: "credentials.expired", Message: "The supplied credentials are expired and cannot be used."}
	}
	c, ok := s.store.Client(parts[1])
	if !ok || c.OrgID != parts[0] {
		return apihttp.Principal{}, bad
	}
	return apihttp.Principal{OrgID: c.OrgID, ClientID: c.ID, ClientName: c.Name, Role: c.Role, Token: tok}, nil
}

// authenticate reads the bearer token of an /api/v2 request.
func (s *Server) authenticate(r *http.Request) (apihttp.Principal, *apihttp.Error) {
	h := r.Header.Get("Authorization")
	scheme, tok, _ := strings.Cut(h, " ")
	if h == "" || !strings.EqualFold(scheme, "bearer") || strings.TrimSpace(tok) == "" {
		return apihttp.Principal{}, &apihttp.Error{Status: http.StatusUnauthorized, Code: "authentication.required", Message: "No authentication bearer token specified in authorization header."}
	}
	return s.verifyToken(strings.TrimSpace(tok))
}

type oauthError struct {
	Error            string `json:"error"`
	Description      string `json:"description"`
	ErrorDescription string `json:"error_description"`
}

// handleToken is POST /oauth/token (client-credentials grant). The body is parsed as a
// form whatever its Content-Type, since the JS SDK sends none.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	oauthFail := func(status int, code, desc string) {
		apihttp.WriteJSON(w, status, oauthError{Error: code, Description: desc, ErrorDescription: desc})
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		oauthFail(http.StatusBadRequest, "invalid_request", "unreadable body")
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		oauthFail(http.StatusBadRequest, "invalid_request", "body is not form-encoded")
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = form.Get("client_id"), form.Get("client_secret")
	}
	if s.tokenRateLimited(w, r, id) {
		return
	}
	if gt := form.Get("grant_type"); gt != "client_credentials" {
		oauthFail(http.StatusBadRequest, "unsupported_grant_type", fmt.Sprintf("grant_type %q is not supported; use client_credentials", gt))
		return
	}
	c, found := s.store.Client(id)
	if id == "" || !found || subtle.ConstantTimeCompare([]byte(hashSecret(c.Salt, secret)), []byte(c.SecretHash)) != 1 ||
		!authorization.OAuthClientMayIssue(s.store, c) { // authorization/oauth_clients.go
		oauthFail(http.StatusUnauthorized, "invalid_client", "client authentication failed")
		return
	}
	ttl := s.cfg.TokenTTL
	if ttl <= 0 {
		ttl = 24 * time.Hour
	}
	apihttp.WriteJSON(w, http.StatusOK, map[string]any{
		"access_token": s.issueToken(c, ttl),
		"token_type":   "bearer",
		"expires_in":   int(ttl / time.Second),
	})
}

// handleTokenMe is GET /api/v2/tokens/me.
func (s *Server) handleTokenMe(w http.ResponseWriter, r *http.Request) error {
	p := apihttp.PrincipalOf(r.Context())
	org, _ := s.store.Org(p.OrgID)
	orgRef := map[string]string{"id": org.ID, "name": org.Name, "selfUri": "/api/v2/organizations/" + org.ID}
	scope := []string{"routing", "users", "groups", "authorization", "organization", "audits:readonly", "architect", "integrations", "telephony"}
	if p.Role == store.RoleReadOnly {
		scope = []string{"routing:readonly", "users:readonly", "groups:readonly", "authorization:readonly", "organization:readonly", "audits:readonly", "architect:readonly", "integrations:readonly", "telephony:readonly"}
	}
	return apihttp.OK(w, map[string]any{
		"organization":     orgRef,
		"homeOrganization": orgRef,
		"authorizedScope":  scope,
		"OAuthClient": map[string]any{
			"id": p.ClientID, "name": p.ClientName, "authorizedGrantType": "CLIENT-CREDENTIALS",
			"scope": scope, "selfUri": "/api/v2/oauth/clients/" + p.ClientID,
		},
	})
}
