package platform

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"
)

func rateHeaders(count, allowed, reset int) http.Header {
	h := http.Header{}
	h.Set(headerRateCount, strconv.Itoa(count))
	h.Set(headerRateAllowed, strconv.Itoa(allowed))
	h.Set(headerRateReset, strconv.Itoa(reset))
	return h
}

// The window budget follows the org: nothing until it speaks; then it spends all but 1% of
// the window, waits for the window's end, trusts the org's higher count, and starts over
// when the org says a new window opened.
func TestWindowBudgetFollowsTheOrg(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := newWindowBudget()
	b.now = func() time.Time { return now }
	ctx := context.Background()

	if paced, _ := b.reserve(ctx); paced {
		t.Fatal("paced before the org sent any rate-limit header")
	}
	b.observe(http.Header{}) // an answer without headers changes nothing
	if paced, _ := b.reserve(ctx); paced {
		t.Fatal("paced after an answer without headers")
	}

	b.observe(rateHeaders(1, 100, 60))
	for i := range 98 { // 99 spendable of 100, one counted already
		if paced, err := b.reserve(ctx); !paced || err != nil {
			t.Fatalf("reserve %d: paced %v err %v", i, paced, err)
		}
	}
	// Spent: the next reserve would wait for the window's end; a cancelled context shows it waits.
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := b.reserve(short); err == nil {
		t.Fatal("reserve past the window's budget did not wait")
	}

	// The org counts more than we sent (another caller on the token): its count wins.
	b.observe(rateHeaders(99, 100, 30))
	if b.used != 99 {
		t.Errorf("used %d after the org said 99", b.used)
	}
	// Past the window's end the budget is whole again.
	now = now.Add(31 * time.Second)
	if paced, err := b.reserve(ctx); !paced || err != nil || b.used != 1 {
		t.Fatalf("after the window: paced %v err %v used %d", paced, err, b.used)
	}
	// A 429 stops everyone until Retry-After has passed.
	b.exhaust(5 * time.Second)
	short2, cancel2 := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel2()
	if _, err := b.reserve(short2); err == nil {
		t.Fatal("reserve right after a 429 did not wait")
	}
}
