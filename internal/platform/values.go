package platform

// Attach keeps v on the client under key (a comparable value, typically an unexported type of
// the caller's package). Layers built on one client, such as the provider's bulk-read cache,
// keep their per-client state here instead of in package-level maps keyed by client.
func (c *Client) Attach(key, v any) { c.values.Store(key, v) }

// Attached returns what Attach stored under key, or nil.
func (c *Client) Attached(key any) any {
	v, _ := c.values.Load(key)
	return v
}

// AttachOnce stores v under key unless something is stored there already, and returns what
// is stored: concurrent callers with the same key all get the one value (a lock they share).
func (c *Client) AttachOnce(key, v any) any {
	stored, _ := c.values.LoadOrStore(key, v)
	return stored
}
