package platform

import (
	"sync"
	"testing"
)

// Callers attaching under one key at the same time all get the value stored first.
func TestAttachOnceSharesOneValue(t *testing.T) {
	c, err := New(Config{BaseURL: "http://127.0.0.1:1", AccessToken: "unused"})
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ id string }
	const callers = 8
	got := make([]any, callers)
	var wg sync.WaitGroup
	for i := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = c.AttachOnce(key{"q1"}, &sync.Mutex{})
		}()
	}
	wg.Wait()
	for i := 1; i < callers; i++ {
		if got[i] != got[0] {
			t.Fatalf("caller %d got another value than caller 0", i)
		}
	}
	if c.AttachOnce(key{"q2"}, "other") != "other" || c.Attached(key{"q1"}) != got[0] {
		t.Error("another key shares the value, or Attached does not see it")
	}
}
