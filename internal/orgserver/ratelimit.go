package orgserver

import (
	"sync"
	"time"
)

// rateLimiter gives each access token a bucket of perMinute requests, refilled at
// perMinute per minute: bursts up to the budget are fine, a sustained rate above it is not.
type rateLimiter struct {
	perMinute int
	mu        sync.Mutex
	buckets   map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(perMinute int) *rateLimiter {
	return &rateLimiter{perMinute: perMinute, buckets: map[string]*bucket{}}
}

// allow takes one request from key's bucket; when it is empty it says how long until one is back.
func (l *rateLimiter) allow(key string) (time.Duration, bool) {
	if l.perMinute <= 0 {
		return 0, true
	}
	now := time.Now()
	rate := float64(l.perMinute) / 60 // per second
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: float64(l.perMinute), last: now}
		l.buckets[key] = b
	}
	b.tokens = min(float64(l.perMinute), b.tokens+now.Sub(b.last).Seconds()*rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return 0, true
	}
	return time.Duration((1 - b.tokens) / rate * float64(time.Second)), false
}
