package orgserver

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"
)

// TestServer is a local org on a real loopback socket for tests.
type TestServer struct {
	*Server
	// URL is the base URL serving /oauth/token and /api/v2 (e.g. http://127.0.0.1:41234).
	URL string
	// Credentials of the seeded clients (DefaultOrgs unless options say otherwise).
	Credentials []Credential
}

// TestOption adjusts a test server.
type TestOption func(*testOptions)

type testOptions struct {
	cfg        Config
	orgs       []OrgSpec
	presignTTL time.Duration
}

// WithConfig sets the server configuration (DataDir "" = in memory).
func WithConfig(c Config) TestOption { return func(o *testOptions) { o.cfg = c } }

// withPresignTTL shortens the life of presigned flow URLs, so that tests can see them expire.
func withPresignTTL(d time.Duration) TestOption { return func(o *testOptions) { o.presignTTL = d } }

// WithOrgs replaces the default orgs.
func WithOrgs(orgs ...OrgSpec) TestOption { return func(o *testOptions) { o.orgs = orgs } }

// NewTestServer starts a server on 127.0.0.1 with the default orgs (dev, test, prod) and
// stops it when the test ends.
func NewTestServer(t testing.TB, opts ...TestOption) *TestServer {
	t.Helper()
	o := &testOptions{orgs: DefaultOrgs()}
	for _, f := range opts {
		f(o)
	}
	srv, err := New(o.cfg)
	if err != nil {
		t.Fatalf("orgserver: %v", err)
	}
	creds, err := srv.CreateOrgs(context.Background(), o.orgs)
	if err != nil {
		srv.Close()
		t.Fatalf("orgserver: %v", err)
	}
	if o.presignTTL > 0 {
		srv.presignTTL = o.presignTTL // before the server takes requests
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
	})
	return &TestServer{Server: srv, URL: hs.URL, Credentials: creds}
}

// Credential returns the credential of client name in org, failing the test if there is none.
func (ts *TestServer) Credential(t testing.TB, org, name string) Credential {
	t.Helper()
	for _, c := range ts.Credentials {
		if c.Org == org && c.Name == name {
			return c
		}
	}
	t.Fatalf("orgserver: no client %q in org %q", name, org)
	return Credential{}
}

// NewClient adds an OAuth client to org (see CreateClient), keeps its credential in
// ts.Credentials and returns it, failing the test on error. Tests use it for clients whose
// grants name divisions or roles they made through the API.
func (ts *TestServer) NewClient(t testing.TB, org string, spec ClientSpec) Credential {
	t.Helper()
	c, err := ts.CreateClient(context.Background(), org, spec)
	if err != nil {
		t.Fatalf("orgserver: %v", err)
	}
	ts.Credentials = append(ts.Credentials, c)
	return c
}
