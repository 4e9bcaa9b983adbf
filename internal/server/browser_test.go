package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The journey and accessibility tests drive rolefit's pages in a real
// headless Chromium, as a respondent's phone or a manager's laptop would
// open them. They need Debian's chromium and, for the accessibility
// checks, axe-core from npm (npm ci at the module root). Without them
// the tests skip, except under CI, where a missing tool must fail the run
// rather than pass it unnoticed.

// stepTimeout bounds one browser step. It is generous because the race
// detector slows the server, which runs in the test process.
const stepTimeout = 30 * time.Second

// needTool skips the test, or fails it under CI, because a tool the test
// needs is missing.
func needTool(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format+" (CI is set, so this fails instead of skipping)", args...)
	}
	t.Skipf(format, args...)
}

// chromiumPath finds Debian's chromium on PATH, or at its usual place.
func chromiumPath() (string, bool) {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", true
	}
	return "", false
}

// listenForBrowser runs the fixture's app on a real port, as a browser needs, and
// returns its address such as http://127.0.0.1:41234, which invitation
// links then start with.
func listenForBrowser(t *testing.T, f *fixture) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	f.app = newApp(t, f.st, f.clock, Config{}, base)
	go f.app.Listener(ln)
	t.Cleanup(func() { f.app.Shutdown() })
	return base
}

// startChromium starts one headless Chromium for the test and returns its
// context; tabs opened from it share the browser. It skips the test when
// no browser is installed.
func startChromium(t *testing.T) context.Context {
	t.Helper()
	path, ok := chromiumPath()
	if !ok {
		needTool(t, "no chromium browser installed: install Debian's chromium package to run the browser tests")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-features", "Translate"),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("password-store", "basic"),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancel := chromedp.NewContext(alloc)
	// The first run starts the browser and binds its life to bctx, so it
	// has no timeout of its own.
	if err := chromedp.Do(bctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("start chromium at %s: %v", path, err)
	}
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return bctx
}

// tab is one browser tab in a browser context of its own, so it starts
// with no cookies: a separate person, or the same person on another
// device.
type tab struct {
	t      *testing.T
	name   string
	touch  bool // a phone: press by tapping
	ctx    context.Context
	cancel context.CancelFunc
	closed bool
}

// tabOptions say what kind of device a tab is.
type tabOptions struct {
	phone    bool // a phone's screen (390 by 844 CSS pixels) and touch; else a laptop's
	noScript bool // page JavaScript turned off
}

// openTab opens a tab with fresh cookies on the given kind of device.
func openTab(t *testing.T, browser context.Context, name string, o tabOptions) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	// The first run opens the tab; like the browser's, it has no timeout.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		t.Fatalf("%s: open tab: %v", name, err)
	}
	tb := &tab{t: t, name: name, touch: o.phone, ctx: ctx, cancel: cancel}
	t.Cleanup(tb.close)
	if o.phone {
		tb.do("emulate a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulatePortrait,
			chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
	} else {
		tb.do("emulate a laptop", chromedp.EmulateViewport(1280, 900))
	}
	if o.noScript {
		tb.do("turn JavaScript off", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
	}
	return tb
}

// close closes the tab and its browser context, cookies and all.
func (tb *tab) close() {
	if tb.closed {
		return
	}
	tb.closed = true
	tb.cancel()
}

// do runs browser steps with a time limit and fails the test on error.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatalf("%s: %s: %v (at %s)", tb.name, what, err, tb.whereabouts())
	}
}

// whereabouts says where the tab is, for failure messages.
func (tb *tab) whereabouts() string {
	ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "unknown page"
	}
	title, _ := chromedp.Run(ctx, chromedp.Title())
	return fmt.Sprintf("%s %q", loc, title)
}

// goTo opens a URL and waits for the page to load.
func (tb *tab) goTo(url string) {
	tb.t.Helper()
	tb.do("open "+url, chromedp.Navigate(url))
}

// submit presses a button that sends a form, and waits for the page that
// comes back to load.
func (tb *tab) submit(sel string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	press := chromedp.Click(chromedp.CSS(sel))
	if tb.touch {
		press = chromedp.Tap(chromedp.CSS(sel))
	}
	_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, press))
	if err != nil {
		tb.t.Fatalf("%s: click %s and wait for the next page: %v (at %s)", tb.name, sel, err, tb.whereabouts())
	}
}

// submitScript runs JavaScript that sends a form, and waits for the page
// that comes back to load.
// signIn signs in on the login page of base and waits for the home page.
func (tb *tab) signIn(base, email, password string) {
	tb.t.Helper()
	tb.goTo(base + "/login")
	tb.do("type the sign-in details",
		chromedp.SendKeys(chromedp.CSS("#f-email"), email),
		chromedp.SendKeys(chromedp.CSS("#f-password"), password))
	tb.submit(`form[action="/login"] button[type="submit"]`)
	tb.wantPath("after signing in", "/")
}

func (tb *tab) submitScript(what, expr string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Evaluate[chromedp.Void](expr)))
	if err != nil {
		tb.t.Fatalf("%s: %s: %v (at %s)", tb.name, what, err, tb.whereabouts())
	}
}

// press taps (on a phone) or clicks the first element matching sel, and
// waits for nothing: for a press that does not leave the page.
func (tb *tab) press(sel string) {
	tb.t.Helper()
	if tb.touch {
		tb.do("tap "+sel, chromedp.Tap(chromedp.CSS(sel)))
	} else {
		tb.do("click "+sel, chromedp.Click(chromedp.CSS(sel)))
	}
}

// location is the tab's current URL.
func (tb *tab) location() string {
	tb.t.Helper()
	return evalIn[string](tb, "location.href")
}

// text is the visible text of the first element matching sel.
func (tb *tab) text(sel string) string {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		tb.t.Fatalf("%s: text of %s: %v (at %s)", tb.name, sel, err, tb.whereabouts())
	}
	return strings.TrimSpace(s)
}

// count is how many elements match sel right now.
func (tb *tab) count(sel string) int {
	tb.t.Helper()
	return evalIn[int](tb, fmt.Sprintf("document.querySelectorAll(%s).length", jsString(sel)))
}

// wantPath checks that the tab shows the page at path (ignoring the
// host).
func (tb *tab) wantPath(what, path string) {
	tb.t.Helper()
	// A tap or click starts a navigation that may not have finished
	// when this is asked: wait for it, up to a step's time.
	deadline := time.Now().Add(stepTimeout)
	for {
		ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
		loc, err := chromedp.Run(ctx, chromedp.Location()) // fails while a page is replaced
		cancel()
		if err != nil && time.Now().After(deadline) {
			tb.t.Fatalf("%s: %s: %v (at %s)", tb.name, what, err, tb.whereabouts())
		}
		if i := strings.Index(loc, "://"); i >= 0 {
			if j := strings.Index(loc[i+3:], "/"); j >= 0 {
				loc = loc[i+3+j:]
			}
		}
		if loc == path {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("%s: %s: at %s, want %s", tb.name, what, loc, path)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// screenshot saves a picture of the whole page when ROLEFIT_SCREENSHOTS
// names a folder, so people can look at the pages as a phone shows them.
// A relative folder is taken under the system's temporary folder, so the
// pictures never land in the source tree.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	tb.savePicture(name, "the page", chromedp.FullScreenshot(100))
}

// savePicture takes the picture shot makes of what and saves it as
// name.png in the ROLEFIT_SCREENSHOTS folder, if one is named.
func (tb *tab) savePicture(name, what string, shot chromedp.Action[[]byte]) {
	tb.t.Helper()
	dir := os.Getenv("ROLEFIT_SCREENSHOTS")
	if dir == "" {
		return
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(os.TempDir(), dir)
	}
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		tb.t.Fatalf("%s: screenshot of %s: %v", tb.name, what, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot of %s: %s", tb.whereabouts(), path)
}

// evalIn evaluates a JavaScript expression in the tab's page and decodes
// its value.
func evalIn[T any](tb *tab, expr string, opts ...chromedp.EvaluateOption) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		tb.t.Fatalf("%s: evaluate %.80q: %v (at %s)", tb.name, expr, err, tb.whereabouts())
	}
	return v
}

// waitFor waits until a JavaScript expression is true in the tab's page.
func (tb *tab) waitFor(what, expr string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(0))); err != nil {
		tb.t.Fatalf("%s: wait until %s: %v (at %s)", tb.name, what, err, tb.whereabouts())
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// device is a kind of screen a page is checked on.
type device struct {
	name  string
	phone bool
}

// devices are the screens pages are checked on: a 1280 by 800 laptop and
// a phone.
var devices = []device{{"laptop", false}, {"phone", true}}

// openDeviceTab opens a tab with fresh cookies on d, for who ("manager's ").
func openDeviceTab(t *testing.T, browser context.Context, who string, d device) *tab {
	t.Helper()
	tb := openTab(t, browser, who+d.name, tabOptions{phone: d.phone})
	if !d.phone {
		tb.do("use a 1280 by 800 screen", chromedp.EmulateViewport(1280, 800))
	}
	return tb
}
