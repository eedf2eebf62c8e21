package platform

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"sync"
)

// Listings are whole listings of collections, each under its path and the query it was
// listed with, recorded by one process and handed to another: cx export lists the org once
// for its inventory and hands those listings to the provider for the one plan that imports
// the same objects, so the provider does not list them again. Safe for concurrent use.
type Listings struct {
	mu      sync.Mutex
	entries map[string][]json.RawMessage // by ListingKey
}

// NewListings returns an empty set of listings.
func NewListings() *Listings { return &Listings{entries: map[string][]json.RawMessage{}} }

// ListingKey names one way of listing a collection: its path and the query sent with it
// (paging aside).
func ListingKey(path string, query url.Values) string {
	if q := query.Encode(); q != "" {
		return path + "?" + q
	}
	return path
}

// Add records every entry of the collection at path as listed with query.
func (l *Listings) Add(path string, query url.Values, entries []json.RawMessage) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries[ListingKey(path, query)] = entries
}

// Get returns the listing under key (ListingKey), ok false when there is none (yet).
func (l *Listings) Get(key string) (entries []json.RawMessage, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	entries, ok = l.entries[key]
	return entries, ok
}

// Each calls f with every listing, by its key.
func (l *Listings) Each(f func(key string, entries []json.RawMessage)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for key, entries := range l.entries {
		f(key, entries)
	}
}

// Len is the number of listings.
func (l *Listings) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.entries)
}

// WriteFile writes the listings to name, readable by the owner only: they hold the org's
// objects.
func (l *Listings) WriteFile(name string) error {
	l.mu.Lock()
	data, err := json.Marshal(l.entries)
	l.mu.Unlock()
	if err != nil {
		return fmt.Errorf("encode listings: %w", err)
	}
	if err := os.WriteFile(name, data, 0o600); err != nil {
		return fmt.Errorf("write listings: %w", err)
	}
	return nil
}

// ReadListingsFile reads listings written by WriteFile.
func ReadListingsFile(name string) (*Listings, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read listings: %w", err)
	}
	l := NewListings()
	if err := json.Unmarshal(data, &l.entries); err != nil {
		return nil, fmt.Errorf("read listings %s: %w", name, err)
	}
	return l, nil
}
