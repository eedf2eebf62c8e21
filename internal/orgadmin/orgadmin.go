// Package orgadmin calls the local org's admin surface (/admin/...): the operations Genesys
// Cloud has no API for — cloning an org for a speculative plan, simulating a call — that cx
// uses against a local org it started. The surface wants the org's admin key in a header.
package orgadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// KeyHeader carries the admin key (the local org checks it on every /admin request).
const KeyHeader = "X-Cx-Admin-Key"

// defaultTimeout bounds a call when the Client has no HTTP client of its own.
const defaultTimeout = 30 * time.Second

// Client reaches one local org's admin surface.
type Client struct {
	// URL is the local org's base URL, Key its admin key.
	URL, Key string
	// HTTP sends the requests (nil: a client with a 30 s timeout).
	HTTP *http.Client
}

// Error is a non-2xx answer: the status and the message of the org's error body, if any.
type Error struct {
	Method, Path string
	Status       int
	// Message is the error body's message; Body the raw answer (for bodies that are no error JSON).
	Message string
	Body    []byte
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s %s answered %d: %s", e.Method, e.Path, e.Status, e.Message)
}

// Do sends method path with body as JSON (nil: none) and decodes a 2xx answer into out
// (nil: ignored). A non-2xx answer is an *Error.
func (c Client) Do(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.URL+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(KeyHeader, c.Key)
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: defaultTimeout}
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		var apiErr struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(raw, &apiErr) // a body that is no error JSON leaves the status to say it
		return &Error{Method: method, Path: path, Status: resp.StatusCode, Message: apiErr.Message, Body: raw}
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(raw, out)
}
