package orgserver

import (
	"sync"
	"time"
)

// rateLimiter gives each access token a bucket of perMinute requests, refilled at
// perMinute per minute: bursts up to the budget are fine, a sustained rate above it is not.
type rateLimiter struct {
	perMinute int
	now       func() time.Time // time.Now; tests move it
	mu        sync.Mutex
	buckets   map[string]*bucket
	calls     int // since the last sweep
}

type bucket struct {
	tokens float64
	last   time.Time
}

// sweepEvery is how many calls pass between sweeps of idle buckets: often enough that
// the map stays near the number of tokens in use, rarely enough to cost nothing per call.
const sweepEvery = 1024

// bucketIdle is how long a bucket must go unused to be dropped: a minute refills any
// bucket, so a dropped bucket and the new one its key would get are the same.
const bucketIdle = time.Minute

func newRateLimiter(perMinute int) *rateLimiter {
	return &rateLimiter{perMinute: perMinute, now: time.Now, buckets: map[string]*bucket{}}
}

// allow takes one request from key's bucket; when it is empty it says how long until one is back.
func (l *rateLimiter) allow(key string) (time.Duration, bool) {
	if l.perMinute <= 0 {
		return 0, true
	}
	now := l.now()
	rate := float64(l.perMinute) / 60 // per second
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.calls++; l.calls >= sweepEvery {
		l.calls = 0
		l.sweep(now)
	}
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

// sweep drops the buckets idle for bucketIdle; without it every token ever seen (a
// client logging in for each call, or expired tokens) would stay in memory for good.
func (l *rateLimiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if now.Sub(b.last) >= bucketIdle {
			delete(l.buckets, k)
		}
	}
}

// size is the number of buckets held (for tests).
func (l *rateLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}
