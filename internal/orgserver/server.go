// Package orgserver is a local Genesys Cloud org: a Platform API v2 server for the
// objects cxascode covers, hosting several orgs in one process, with SQLite persistence,
// an audit log, rate limits and fault injection. Use NewTestServer in Go tests and
// New + Handler for a standalone server (`cx org serve`).
package orgserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/architect"
	"github.com/cxascode/cxascode/internal/orgserver/audits"
	"github.com/cxascode/cxascode/internal/orgserver/authorization"
	"github.com/cxascode/cxascode/internal/orgserver/conversations"
	"github.com/cxascode/cxascode/internal/orgserver/directory"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/integrations"
	"github.com/cxascode/cxascode/internal/orgserver/outbound"
	"github.com/cxascode/cxascode/internal/orgserver/responsemanagement"
	"github.com/cxascode/cxascode/internal/orgserver/routing"
	"github.com/cxascode/cxascode/internal/orgserver/scripts"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/orgserver/telephony"
	"github.com/google/uuid"
)

// Config configures a Server. The zero value is an in-memory server without limits.
type Config struct {
	// DataDir holds the SQLite database; "" keeps everything in memory.
	DataDir string
	// RateLimitPerMinute is the per-token request budget per fixed one-minute window, as on
	// real orgs (300 there); 0 disables it. Limited answers carry the inin-ratelimit-* headers.
	RateLimitPerMinute int
	// RateLimitWindow shortens the rate-limit window for tests and benchmarks that cannot
	// wait minutes (RateLimitPerMinute is then the budget per window); 0 means one minute.
	RateLimitWindow time.Duration
	// TokenRateLimitPerMinute is the token endpoint's own budget: logins per OAuth client per
	// fixed window (RateLimitWindow, one minute by default), separate from the API budget of
	// the tokens it issues, as on real orgs; 0 disables it. Over budget /oauth/token answers
	// 400 invalid_request "rate limit exceeded; …", the answer clients retry.
	TokenRateLimitPerMinute int
	// TokenTTL is the access-token lifetime; 0 means 24h as on real orgs.
	TokenTTL time.Duration
	// Logger receives one line per request at debug level and errors at error level.
	Logger *slog.Logger
}

// Server is a local org server. It is an http.Handler.
type Server struct {
	cfg   Config
	store *store.Store
	// entities serves every regular catalogue kind no handler here serves by hand.
	entities *entity.Set
	// host is what the API groups stand on (host.Host): routes, store, write skeleton.
	host *host.Host
	mux  *http.ServeMux
	// itemSubtrees hold the routes under item prefixes such as /api/v2/flows/{id}/, keyed
	// by the pattern the server's mux hands them requests with (item_routes.go).
	itemSubtrees map[string]*http.ServeMux
	tokenKey     []byte
	adminKey     string
	log          *slog.Logger
	metrics      *metrics
	faults       *faultInjector
	limiter      *rateLimiter
	// tokenLimiter counts logins per OAuth client at /oauth/token.
	tokenLimiter *rateLimiter
	// presignTTL is how long presigned flow upload and download URLs work; tests shorten it.
	presignTTL time.Duration
	// apiPatterns are the /api/v2 route patterns in the order registered, so that tests can
	// hold every route to a rule (every body a route takes reaches a fuzz target).
	apiPatterns []string
	// encodeBuffers are reused for encoding list pages (response_buffers.go).
	encodeBuffers encodeBuffers
}

// handlerFunc is an API handler; a returned error becomes the API error body.
type handlerFunc = host.Handler

// New opens the store in cfg.DataDir and builds the server. Call Close when done.
func New(cfg Config) (*Server, error) {
	st, err := store.Open(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, store: st, entities: entity.NewSet(handWrittenKinds(), entityHooks()), mux: http.NewServeMux(),
		itemSubtrees: newItemSubtrees(), log: cfg.Logger, presignTTL: host.DefaultPresignTTL}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if err := s.initKeys(); err != nil {
		st.Close()
		return nil, err
	}
	s.host = host.New(st, s.entities, hostSurface{s}, authorization.DropSubjectGrants, s.log)
	s.metrics = newMetrics()
	s.faults = newFaultInjector()
	s.limiter = newWindowLimiter(cfg.RateLimitPerMinute, cfg.RateLimitWindow)
	s.tokenLimiter = newWindowLimiter(cfg.TokenRateLimitPerMinute, cfg.RateLimitWindow)
	if err := s.routes(); err != nil {
		st.Close()
		return nil, err
	}
	return s, nil
}

func (s *Server) initKeys() error {
	key, admin := s.store.Meta("token_key"), s.store.Meta("admin_key")
	if key == "" || admin == "" {
		key, admin = randomHex(32), randomHex(16)
		if err := s.store.Update(context.Background(), "", func(tx *store.Tx) error {
			tx.SetMeta("token_key", key)
			tx.SetMeta("admin_key", admin)
			return nil
		}); err != nil {
			return fmt.Errorf("store server keys: %w", err)
		}
	}
	s.tokenKey, s.adminKey = []byte(key), admin
	return nil
}

// Close releases the store.
func (s *Server) Close() error { return s.store.Close() }

// Store exposes the server's store (for seeding and tests in this module).
func (s *Server) Store() *store.Store { return s.store }

// AdminKey is the secret that the admin surface (/admin/...) requires in X-Cx-Admin-Key.
func (s *Server) AdminKey() string { return s.adminKey }

// SetFaults replaces the active fault settings.
func (s *Server) SetFaults(f Faults) { s.faults.set(f) }

// route registers an /api/v2 handler. perm is the permission the call needs
// (domain:entity:action, or host.AnyCaller); the caller must hold it in at least one division
// and sees and changes only objects of the divisions it holds it in (permissions.go).
// Any action other than "view" is a write (for the lost-response fault).
func (s *Server) route(pattern, perm string, h handlerFunc) {
	s.apiPatterns = append(s.apiPatterns, pattern)
	write := perm != host.AnyCaller && !strings.HasSuffix(perm, ":view")
	s.muxFor(pattern).HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		p, aerr := s.authenticate(r)
		if aerr != nil {
			apihttp.WriteError(w, r, aerr)
			return
		}
		// The budget belongs to the verified token, not to the header's spelling of it
		// ("bearer" vs "Bearer", extra spaces), which a caller could vary to dodge it.
		wait, ok, budget := s.limiter.take(p.ClientID + "|" + p.Token)
		if s.limiter.enabled() {
			// Real orgs say where the token stands on every answer, so clients can pace
			// themselves instead of learning the limit from 429s.
			h := w.Header()
			h.Set("inin-ratelimit-count", strconv.Itoa(budget.count))
			h.Set("inin-ratelimit-allowed", strconv.Itoa(budget.allowed))
			h.Set("inin-ratelimit-reset", strconv.Itoa(budget.resetSeconds))
		}
		if !ok {
			secs := int(math.Ceil(wait.Seconds()))
			apihttp.WriteError(w, r, &apihttp.Error{Status: http.StatusTooManyRequests, Code: "too.many.requests.retry.after",
				Message: fmt.Sprintf("Rate limit exceeded the maximum. Retry the request in [%d] seconds", secs), RetryAfter: secs})
			return
		}
		access, err := s.authorize(p, perm)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p.Access = access
		ctx := apihttp.WithPrincipal(r.Context(), p)
		if access.Restricted {
			// Every object the handler's transaction writes is checked against the caller's
			// divisions on commit (permissions.go), whichever handler wrote it.
			ctx = store.WithChangeCheck(ctx, host.DivisionChangeCheck(access))
		}
		r = r.WithContext(ctx)
		if write && s.faults.loseResponse() {
			// The write commits, but the caller never learns it: the case retries must survive.
			rec := &bufferedWriter{header: http.Header{}}
			if err := h(rec, r); err != nil {
				s.fail(w, r, err)
				return
			}
			apihttp.WriteError(w, r, &apihttp.Error{Status: http.StatusServiceUnavailable, Code: "service.unavailable", Message: "The service is currently unavailable (injected fault: response lost after commit)."})
			return
		}
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// fail answers a handler's error. Failures of the server itself (anything but an
// *apihttp.Error) are logged with the correlation id, since their text stays out of the body.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if ae := (*apihttp.Error)(nil); !errors.As(err, &ae) {
		s.log.Error("handler failed", "route", r.Pattern, "correlationId", w.Header().Get(apihttp.CorrelationHeader), "err", err)
	}
	apihttp.WriteError(w, r, err)
}

// ServeHTTP adds the correlation id, faults and metrics around the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	cid := uuid.NewString()
	w.Header().Set(apihttp.CorrelationHeader, cid)
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK, buffers: &s.encodeBuffers}
	api := strings.HasPrefix(r.URL.Path, "/api/v2/") || r.URL.Path == "/oauth/token"
	if api {
		if err := s.faults.before(r.Context()); err != nil {
			apihttp.WriteError(sw, r, err)
			s.metrics.observe("fault", r.Method, sw.status, time.Since(start))
			return
		}
	}
	s.mux.ServeHTTP(sw, r)
	sw.releaseBuffer()
	route := r.Pattern
	if route == "" {
		route = "unmatched"
	}
	s.metrics.observe(route, r.Method, sw.status, time.Since(start))
	s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "correlationId", cid, "duration", time.Since(start))
}

type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
	// buffers lends the request an encoding buffer; lent is the one it holds.
	buffers *encodeBuffers
	lent    *[]byte
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// bufferedWriter swallows a response (for the "lost after commit" fault).
type bufferedWriter struct {
	header http.Header
	buf    bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header         { return b.header }
func (b *bufferedWriter) Write(p []byte) (int, error) { return b.buf.Write(p) }
func (b *bufferedWriter) WriteHeader(int)             {}

func (s *Server) routes() error {
	s.mux.HandleFunc("POST /oauth/token", s.handleToken)
	s.mux.HandleFunc("/oauth/token", tokenWrongMethod) // unmatched.go
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		apihttp.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.mux.Handle("GET /metrics", s.metrics.handler())
	s.adminRoutes()
	s.mux.HandleFunc(apiCatchAllPattern, s.apiCatchAll) // unmatched.go: 401, 405 or 404
	s.itemSubtreeRoutes()                               // item_routes.go: /api/v2/flows/{id}/…

	s.route("GET /api/v2/tokens/me", host.AnyCaller, s.handleTokenMe)
	// The irregular API groups, one package per area, each standing on the host (host/).
	for _, register := range []func(*host.Host){
		authorization.Register,      // divisions and the objects in them, roles, subjects and grants, the permission catalog, OAuth clients
		routing.Register,            // queues, skill groups, a user's routing skills, languages and utilization
		directory.Register,          // users, groups, voicemail policies, profile skills, presence definitions
		architect.Register,          // flows, their versions, jobs, exports, log levels, dependency tracking, data tables, prompts
		integrations.Register,       // integrations, config schemas, data actions
		audits.Register,             // the audit log's realtime query and service mapping
		telephony.Register,          // DID pools and the numbers in them, extension pools
		outbound.Register,           // the data of contact lists and DNC lists
		conversations.Register,      // the org's default messaging setting
		responsemanagement.Register, // response assets (uploaded files)
		scripts.Register,            // scripts (uploaded files), their publication and export
	} {
		register(s.host)
	}
	s.organizationRoutes() // organization.go: the caller's org itself
	s.entityRoutes()       // entity_routes.go: every regular catalogue kind without a handler above
	s.mux.HandleFunc("GET /{$}", consoleRedirect)
	return s.mountConsole() // console_mount.go: the browser console at /console
}
