package provider

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// What every data source that finds an object from its arguments (a name, a range, an
// email) shares: the wait for a real org to list a new object, and one Read around the
// lookup that reports a failed call and "nothing matched" the same way everywhere.

// lookupTimeout is how long a data source waits for an object to appear under its name:
// real orgs index new objects with a delay (the official provider waits 15 s as well).
const lookupTimeout = 15 * time.Second

// envLookupWait caps that wait (a Go duration, e.g. "0s"). cx sets it to 0s for a plan whose
// lookups may name objects that are only planned by a project it depends on (they will not
// appear however long the provider waits) and for a plan against a speculative copy of the
// local org (which lists an object as soon as it exists).
const envLookupWait = "CX_PROVIDER_LOOKUP_WAIT"

// lookupWait is how long a lookup that would wait timeout waits: envLookupWait when set to a
// shorter duration.
func lookupWait(timeout time.Duration) time.Duration {
	v := strings.TrimSpace(os.Getenv(envLookupWait))
	if v == "" {
		return timeout
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 || d >= timeout {
		return timeout
	}
	return d
}

// awaitMatch asks find until it finds something or timeout passes, since a real org lists a
// new object only after a delay. ok is false when nothing matched in time; err is set only
// when a call failed (or the wait was cancelled), not for "nothing yet".
func awaitMatch[T any](ctx context.Context, timeout time.Duration, find func(context.Context) (T, bool, error)) (found T, ok bool, err error) {
	errNone := errors.New("no match yet")
	err = poll(ctx, timeout, func(ctx context.Context) (bool, error) {
		obj, match, err := find(ctx)
		if err != nil {
			return false, permanent(err)
		}
		if !match {
			return false, errNone
		}
		found, ok = obj, true
		return true, nil
	})
	if ok || errors.Is(err, errNone) {
		return found, ok, nil
	}
	return found, false, err
}

// noMatchDetail explains a lookup that found nothing: the object's what (a noun, "DID pool")
// has no exact match for key ("name", "range") after waiting lookupWait(lookupTimeout).
func noMatchDetail(what, key string) string {
	return fmt.Sprintf("No %s has exactly this %s (waited %s for it to appear). Check the spelling and the org the provider is configured for.", what, key, lookupWait(lookupTimeout))
}

// lookup is what one data source's Read brings to readLookup. M is its Terraform model, T
// what find answers.
type lookup[M any, T any] struct {
	// timeout bounds the wait for a match (0: lookupTimeout).
	timeout time.Duration
	// find looks for what m's arguments describe; ok is false when nothing matches (yet).
	find func(ctx context.Context, m *M) (found T, ok bool, err error)
	// describe names what was looked for in messages, e.g. `data action "Get order"`.
	describe func(m *M) string
	// notFound reports that nothing matched within the wait.
	notFound func(m *M, diags *diag.Diagnostics)
	// found fills m from the match; a diagnostic it adds (several flows share the name)
	// keeps m out of state.
	found func(m *M, obj T, diags *diag.Diagnostics)
}

// readLookup is the Read of a lookup data source: the configuration in, the lookup (waiting
// for a match), the match out to state.
func readLookup[M any, T any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse, l lookup[M, T]) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, ok := runLookup(ctx, &m, &resp.Diagnostics, l); ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
	}
}

// runLookup waits for l to find what m describes and fills m from the match (l.found may be
// nil for a caller that writes state itself). ok is false when the lookup failed, nothing
// matched or found objected; diags says which.
func runLookup[M any, T any](ctx context.Context, m *M, diags *diag.Diagnostics, l lookup[M, T]) (obj T, ok bool) {
	timeout := l.timeout
	if timeout == 0 {
		timeout = lookupTimeout
	}
	obj, ok, err := awaitMatch(ctx, lookupWait(timeout), func(ctx context.Context) (T, bool, error) { return l.find(ctx, m) })
	if err != nil {
		addAPIError(diags, nil, "Could not look up "+l.describe(m), err)
		return obj, false
	}
	if !ok {
		l.notFound(m, diags)
		return obj, false
	}
	if l.found != nil {
		l.found(m, obj, diags)
	}
	return obj, !diags.HasError()
}
