package console_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/cxascode/cxascode/internal/orgserver"
)

// The console's acceptance tests drive it in a real headless Chromium (Debian's chromium,
// which `make test` installs with scripts/install-chromium.sh when missing). One browser
// serves every test of TestConsoleInBrowser; each subtest works in a tab of its own.

// browserNames are the executables chromedp may start, Debian's first.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"}

// newBrowser starts one headless browser for the test and its subtests. Without a browser
// it skips, unless CI is set: there `make test` has installed one, so its absence is a fault.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium on PATH; scripts/install-chromium.sh installs it")
		}
		t.Skip("no Chromium on PATH; run scripts/install-chromium.sh (make test does)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.WindowSize(1280, 1000))
	if os.Geteuid() == 0 {
		// Chromium refuses to run its sandbox as root, the usual user of a CI container.
		opts = append(opts, chromedp.NoSandbox)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	if err := chromedp.Do(browser); err != nil {
		cancelBrowser()
		cancelAlloc()
		t.Fatalf("start %s: %v", path, err)
	}
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
	})
	return browser
}

// newTab opens a tab of the browser for one subtest, closed when it ends. Each tab has a
// browser context of its own: cookies ignore ports, so tabs on two local orgs of one host
// would otherwise share (and overwrite) the console's session cookie. The tab is opened here,
// before any wait: a tab's first action decides how long the tab lives.
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return tab
}

// stepTimeout bounds each batch of browser steps: a wait for an element that never comes
// fails the test instead of hanging it.
const stepTimeout = 20 * time.Second

// do runs browser steps, failing the test with what was being done.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	bounded, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(bounded, steps...); err != nil {
		// Say where the tab stands: the page usually tells why a wait never ended.
		look, cancelLook := context.WithTimeout(ctx, 5*time.Second)
		defer cancelLook()
		at, _ := chromedp.Run(look, chromedp.Location())
		text, _ := chromedp.Run(look, chromedp.Text(chromedp.CSS("body")))
		t.Fatalf("%s: %v\nthe tab is at %s:\n%s", what, err, at, text)
	}
}

// read runs a browser action that answers a string: an element's text or value.
func read(t *testing.T, ctx context.Context, a chromedp.Action[string]) string {
	t.Helper()
	bounded, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(bounded, a)
	if err != nil {
		t.Fatalf("read the page: %v", err)
	}
	return v
}

// signInActions sign in through the form as cred and wait for the kinds page.
func signInActions(base string, cred orgserver.Credential) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/console/"),
		chromedp.WaitVisible(chromedp.CSS("#signin")),
		chromedp.SetValue(chromedp.CSS("#org-picker"), cred.Org),
		chromedp.SetValue(chromedp.CSS("#client_id"), cred.ClientID),
		chromedp.SetValue(chromedp.CSS("#client_secret"), cred.ClientSecret),
		chromedp.Click(chromedp.CSS("#signin-submit")),
		chromedp.WaitVisible(chromedp.CSS("#kinds")),
	)
}

// openQueue browses from the kinds page to the queues, searches for name and opens it.
func openQueue(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Click(chromedp.CSS(`a[href$="/console/kinds/routing.queue"]`)),
		chromedp.WaitVisible(chromedp.CSS("#objects")),
		chromedp.SetValue(chromedp.CSS("#search-name"), name),
		chromedp.Submit(chromedp.CSS("#search-name")),
		chromedp.WaitVisible(`//table[@id="objects"]//a[text()="`+name+`"]`),
		chromedp.Click(`//table[@id="objects"]//a[text()="`+name+`"]`),
		chromedp.WaitVisible(chromedp.CSS("#edit")),
	)
}

// TestConsoleInBrowser is the console's acceptance in a real browser (issue 18).
func TestConsoleInBrowser(t *testing.T) {
	browser := newBrowser(t)

	// Not parallel: it sets the environment cx reads; the parallel subtests wait for it.
	t.Run("the example: a hand edit in the console, cx drift names the console, the simulator follows a call", func(t *testing.T) {
		exampleAcceptance(t, browser)
	})

	t.Run("a read-only client browses and the org refuses its write with 403", func(t *testing.T) {
		ctx := newTab(t, browser)
		t.Parallel()
		ts := orgserver.NewTestServer(t)
		newQueue(t, ts, "Browser Read Only")
		do(t, ctx, "sign in as readonly and open a queue",
			signInActions(ts.URL, ts.Credential(t, "dev", "readonly")), openQueue("Browser Read Only"))
		if who := read(t, ctx, chromedp.Text(chromedp.CSS("#who"))); !strings.Contains(who, "read-only") {
			t.Errorf("the header does not say read-only: %q", who)
		}
		// The form is there: the console hides nothing it relies on, so the write reaches
		// the org, whose permission check refuses it.
		queuePage := read(t, ctx, chromedp.Location())
		do(t, ctx, "submit the edit form",
			chromedp.SetValue(chromedp.CSS("#edit-description"), "changed by a read-only client"),
			chromedp.Submit(chromedp.CSS("#edit")),
			chromedp.WaitVisible(chromedp.CSS("#error-status")))
		if status := read(t, ctx, chromedp.Text(chromedp.CSS("#error-status"))); status != "403" {
			t.Errorf("the write answered %q, want 403 (%s)", status, read(t, ctx, chromedp.Text(chromedp.CSS("#error"))))
		}
		do(t, ctx, "read the queue again",
			chromedp.Navigate(queuePage), chromedp.WaitVisible(chromedp.CSS("#json")))
		if description := read(t, ctx, chromedp.Value(chromedp.CSS("#edit-description"))); description != "before" {
			t.Errorf("the queue's description is %q after a refused write, want %q", description, "before")
		}
	})

	t.Run("an admin edits a queue and sees the audit entry", func(t *testing.T) {
		ctx := newTab(t, browser)
		t.Parallel()
		ts := orgserver.NewTestServer(t)
		newQueue(t, ts, "Browser Edited")
		editQueueInBrowser(t, ctx, ts.URL, ts.Credential(t, "dev", "deploy"), "Browser Edited", "edited in a browser")
	})
}

// editQueueInBrowser signs in as cred, browses to the queue, changes its description and
// checks the change in the queue's history and in the audit view, made by cred's client.
func editQueueInBrowser(t *testing.T, ctx context.Context, base string, cred orgserver.Credential, queue, description string) {
	t.Helper()
	do(t, ctx, "sign in, browse to the queue and edit it",
		signInActions(base, cred),
		openQueue(queue),
		chromedp.SetValue(chromedp.CSS("#edit-description"), description),
		chromedp.Click(chromedp.CSS("#save")),
		// The page after the save: its history's newest row is the update of the description
		// (the create row names the description too, so the wait asks for both).
		chromedp.WaitVisible(`//table[@id="history"]//tr[td[contains(., "Update")] and td[contains(., "description")]]`))
	if history := read(t, ctx, chromedp.Text(chromedp.CSS("#history"))); !strings.Contains(history, cred.Name) || !strings.Contains(history, "Update") {
		t.Errorf("the queue's history lacks the update by %s:\n%s", cred.Name, history)
	}
	do(t, ctx, "filter the audit log by kind and client",
		chromedp.Click(chromedp.CSS(`a[href$="/console/audit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#audit-filter")),
		chromedp.SetValue(chromedp.CSS("#audit-kind"), "routing.queue"),
		chromedp.SetValue(chromedp.CSS("#audit-client"), cred.ClientID),
		chromedp.Submit(chromedp.CSS("#audit-client")),
		chromedp.WaitVisible(`//table[@id="audit"]//td[contains(., "`+queue+`")]`))
	if audit := read(t, ctx, chromedp.Text(chromedp.CSS("#audit"))); !strings.Contains(audit, "Update") || !strings.Contains(audit, cred.Name) {
		t.Errorf("the audit view lacks the update by %s:\n%s", cred.Name, audit)
	}
}

// artifactsDir is where browser tests leave files for review: $CX_TEST_ARTIFACTS, else
// testdata/out beside the test (ignored by git).
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CX_TEST_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "out")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
