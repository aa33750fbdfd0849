//go:build !windows

// End-to-end harness: the real digikomp binary in a real pseudo-terminal,
// its output fed to a VT emulator so tests can read the screen as a person
// would. creack/pty has no Windows build, hence the build tag.

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
)

// Terminal size and the deadlines the harness waits for. The deadlines are
// generous on purpose: they bound a hang, they do not measure speed.
const (
	termCols    = 80
	termRows    = 24
	waitTimeout = 15 * time.Second
	exitTimeout = 15 * time.Second
	pollEvery   = 10 * time.Millisecond
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	buildDir  string
)

// TestMain removes the directory the binary was built in.
func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		_ = os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// goTool finds the go command: the one running the tests (go test puts
// GOROOT/bin first on PATH), else the one next to this test's GOROOT.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}

// binary builds digikomp once per test run and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "digikomp-e2e-")
		if buildErr != nil {
			return
		}
		binPath = filepath.Join(buildDir, "digikomp")
		cmd := exec.Command(goTool(), "build", "-o", binPath, ".")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out.String())
		}
	})
	if buildErr != nil {
		t.Fatalf("building digikomp: %v", buildErr)
	}
	return binPath
}

// appEnv is everything the child process sees in its environment: a
// minimal, fixed set, so the user's NO_COLOR, LANG or real data directory
// never leak into a test.
type appEnv struct {
	db   string // DIGIKOMP_DB
	lang string // DIGIKOMP_LANG
	home string // HOME, XDG_DATA_HOME and XDG_CONFIG_HOME live under it
	// extra are further KEY=value entries, added last so that they win
	// over the ones above (exec keeps the last value of a repeated key).
	extra []string
	// shell, if set, is a sh command line run before exec'ing digikomp in
	// the same process, to set limits such as "ulimit -f 0".
	shell string
	// nobody runs digikomp without privileges (see asNobody); make the env
	// with nobodyEnv so that its home is reachable by that user.
	nobody bool
	// silent makes the terminal answer no query at all, like a bare
	// pseudo-terminal (script, some CI and editor terminals): the
	// emulator's replies are dropped.
	silent bool
	// background, if set, is the colour the terminal gives when asked
	// for its background (OSC 11), such as "rgb:ffff/ffff/ffff".
	background string
	// prepare, if set, adjusts the command before it starts (for example
	// its SysProcAttr, which then already exists).
	prepare func(*exec.Cmd)
}

func newEnv(t *testing.T, lang string) appEnv {
	t.Helper()
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	return appEnv{db: filepath.Join(dir, "answers.db"), lang: lang, home: home}
}

func (e appEnv) environ() []string {
	return append([]string{
		"PATH=" + os.Getenv("PATH"),
		"TERM=xterm-256color",
		"HOME=" + e.home,
		"XDG_DATA_HOME=" + filepath.Join(e.home, ".local", "share"),
		"XDG_CONFIG_HOME=" + filepath.Join(e.home, ".config"),
		"DIGIKOMP_DB=" + e.db,
		"DIGIKOMP_LANG=" + e.lang,
	}, e.extra...)
}

// bgQuery is OSC 11 asking for the background colour.
const bgQuery = "\x1b]11;?"

// app is one running digikomp in a pseudo-terminal.
type app struct {
	t     *testing.T
	env   appEnv
	cmd   *exec.Cmd
	ptm   *os.File // pty master
	vt    vt10x.Terminal
	wmu   sync.Mutex // serialises writes to the master: keys and terminal replies
	start time.Time

	readDone chan struct{} // closed when the master read loop ends
	waitDone chan struct{} // closed when the process has been waited for
	waitErr  error         // valid after waitDone
	exited   time.Time     // valid after waitDone

	rawMu sync.Mutex
	raw   bytes.Buffer // everything the program wrote, for failure dumps
}

// ptyWriter is what the VT emulator answers queries through (cursor
// position reports, device status): straight back to the program.
type ptyWriter struct{ a *app }

func (w ptyWriter) Write(p []byte) (int, error) {
	if w.a.env.silent {
		return len(p), nil
	}
	w.a.wmu.Lock()
	defer w.a.wmu.Unlock()
	return w.a.ptm.Write(p)
}

// start runs digikomp with env in an 80×24 pseudo-terminal. args are
// extra command-line arguments.
func start(t *testing.T, env appEnv, args ...string) *app {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	if env.shell != "" {
		cmd = exec.Command("/bin/sh", append([]string{"-c", env.shell + `; exec "$0" "$@"`, binary(t)}, args...)...)
	}
	cmd.Env = env.environ()
	cmd.Dir = env.home
	if env.nobody {
		asNobody(t, cmd)
	}
	if env.prepare != nil {
		if cmd.SysProcAttr == nil {
			cmd.SysProcAttr = &syscall.SysProcAttr{}
		}
		env.prepare(cmd)
	}
	a := &app{t: t, env: env, cmd: cmd, readDone: make(chan struct{}), waitDone: make(chan struct{})}
	// The emulator answers the cursor-position query (CSI 6n) that
	// digikomp sends with its background query (OSC 11) before the first
	// screen; OSC 11 itself is answered only when env.background is set.
	// env.silent drops every answer.
	a.vt = vt10x.New(vt10x.WithSize(termCols, termRows), vt10x.WithWriter(ptyWriter{a}))
	ptm, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: termCols, Rows: termRows})
	if err != nil {
		t.Fatalf("starting digikomp in a pty: %v", err)
	}
	a.ptm = ptm
	a.start = time.Now()
	go a.readLoop()
	go func() {
		a.waitErr = cmd.Wait()
		a.exited = time.Now()
		close(a.waitDone)
	}()
	t.Cleanup(a.cleanup)
	return a
}

// readLoop drains the master for as long as the program runs, so it never
// blocks writing, and feeds the emulator. On Linux the read fails with EIO
// once the program has exited and the slave side is closed.
func (a *app) readLoop() {
	defer close(a.readDone)
	buf := make([]byte, 32*1024)
	answered := 0
	for {
		n, err := a.ptm.Read(buf)
		if n > 0 {
			a.rawMu.Lock()
			a.raw.Write(buf[:n])
			asked := bytes.Count(a.raw.Bytes(), []byte(bgQuery))
			a.rawMu.Unlock()
			// The colour answer goes before the emulator's answer to the
			// cursor query that follows it, as a real terminal's would.
			for ; a.env.background != "" && answered < asked; answered++ {
				_, _ = ptyWriter{a}.Write([]byte("\x1b]11;" + a.env.background + "\x1b\\"))
			}
			_, _ = a.vt.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

func (a *app) cleanup() {
	select {
	case <-a.waitDone:
	default:
		// Setsid makes the program a process group leader: kill the group.
		_ = syscall.Kill(-a.cmd.Process.Pid, syscall.SIGKILL)
		select {
		case <-a.waitDone:
		case <-time.After(exitTimeout):
			a.t.Errorf("digikomp (pid %d) did not die after SIGKILL", a.cmd.Process.Pid)
		}
	}
	_ = a.ptm.Close()
	select {
	case <-a.readDone:
	case <-time.After(exitTimeout):
		a.t.Errorf("pty read loop did not end")
	}
}

// screen returns the emulator's screen as text, one line per row, each
// trimmed on the right.
func (a *app) screen() string {
	a.vt.Lock()
	defer a.vt.Unlock()
	cols, rows := a.vt.Size()
	var b strings.Builder
	line := make([]rune, cols)
	for y := range rows {
		for x := range cols {
			c := a.vt.Cell(x, y).Char
			if c == 0 {
				c = ' '
			}
			line[x] = c
		}
		b.WriteString(strings.TrimRight(string(line), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// dump formats the screen for a failure message.
func (a *app) dump() string {
	s := a.screen()
	var b strings.Builder
	b.WriteString("--- screen (80×24) ---\n")
	for i, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		fmt.Fprintf(&b, "%2d│%s\n", i+1, l)
	}
	b.WriteString("----------------------")
	return b.String()
}

// waitFor polls the screen until it contains text.
func (a *app) waitFor(text string) {
	a.t.Helper()
	a.waitUntil(fmt.Sprintf("screen to show %q", text), func(s string) bool {
		return strings.Contains(s, text)
	})
}

// waitLine polls the screen until one of its rows, trimmed, is exactly
// line. A frame arrives in several reads, and a row half overwritten
// by the next frame can still contain a shorter footer's text; a row
// equal to the whole footer can't, so a frame compared after it is whole.
func (a *app) waitLine(line string) {
	a.t.Helper()
	a.waitUntil(fmt.Sprintf("a row to read exactly %q", line), func(s string) bool {
		for _, l := range strings.Split(s, "\n") {
			if strings.TrimSpace(l) == line {
				return true
			}
		}
		return false
	})
}

// waitUntil polls the screen until ok holds, failing with a dump of the
// screen after waitTimeout or if the program exits first.
func (a *app) waitUntil(what string, ok func(screen string) bool) {
	a.t.Helper()
	a.poll(what, func() bool { return ok(a.screen()) }, a.dump)
}

// poll checks ok until it holds, failing with what and the report after
// waitTimeout or if the program exits first.
func (a *app) poll(what string, ok func() bool, report func() string) {
	a.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		if ok() {
			return
		}
		select {
		case <-a.waitDone:
			// Let the read loop catch up with the last output, then look once more.
			select {
			case <-a.readDone:
			case <-time.After(time.Second):
			}
			if ok() {
				return
			}
			a.t.Fatalf("digikomp exited (%v) while waiting for %s\n%s", a.waitErr, what, report())
		default:
		}
		if time.Now().After(deadline) {
			a.t.Fatalf("timed out after %v waiting for %s\n%s", waitTimeout, what, report())
		}
		time.Sleep(pollEvery)
	}
}

// send types keys into the terminal. Enter is "\r", Esc "\x1b".
func (a *app) send(keys string) {
	a.t.Helper()
	a.wmu.Lock()
	_, err := io.WriteString(a.ptm, keys)
	a.wmu.Unlock()
	if err != nil {
		a.t.Fatalf("sending %q: %v\n%s", keys, err, a.dump())
	}
}

// wait waits for the program to exit and returns its exit code; -1 means
// it was killed by a signal.
func (a *app) wait() int {
	a.t.Helper()
	select {
	case <-a.waitDone:
	case <-time.After(exitTimeout):
		a.t.Fatalf("digikomp did not exit within %v\n%s", exitTimeout, a.dump())
	}
	select {
	case <-a.readDone:
	case <-time.After(exitTimeout):
		a.t.Fatalf("the pty read loop did not end after digikomp exited")
	}
	var ee *exec.ExitError
	switch {
	case a.waitErr == nil:
		return 0
	case errors.As(a.waitErr, &ee):
		return ee.ExitCode()
	}
	a.t.Fatalf("waiting for digikomp: %v", a.waitErr)
	return 0
}

// kill sends SIGKILL to the program, as a crash or a closed laptop lid
// would end it, and waits for it to die.
func (a *app) kill() {
	a.t.Helper()
	if err := syscall.Kill(a.cmd.Process.Pid, syscall.SIGKILL); err != nil {
		a.t.Fatalf("kill: %v", err)
	}
	if code := a.wait(); code != -1 {
		a.t.Fatalf("after SIGKILL the exit code is %d, want -1 (killed by signal)", code)
	}
}

// output returns everything the program has written so far.
func (a *app) output() string {
	a.rawMu.Lock()
	defer a.rawMu.Unlock()
	return a.raw.String()
}

// nobodyUID and nobodyGID are the user and group asNobody runs a child as
// when the tests run as root: the conventional "nobody", which owns
// nothing on a clean machine.
const nobodyUID, nobodyGID = 65534, 65534

// asNobody makes cmd run without privileges. Root, which CI runs as,
// ignores permission bits, so a file or folder made read-only is only
// read-only to a child that is not root: run as root, the child becomes
// nobody; run as anyone else, it stays that user, to whom the bits
// already apply. Whatever the child must reach has to be reachable by
// that user: build the environment with nobodyEnv and give the files it
// must write to nobodyOwn. Call it after any other SysProcAttr setting.
func asNobody(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	// The binary lives in a folder only its builder may enter.
	if err := os.Chmod(filepath.Dir(binary(t)), 0o755); err != nil {
		t.Fatal(err)
	}
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Credential = &syscall.Credential{Uid: nobodyUID, Gid: nobodyGID, Groups: []uint32{}}
}

// nobodyEnv is newEnv for a child started asNobody: its folders can be
// entered by everyone, its home belongs to the child's user, and the
// database path lies in that home. t.TempDir's folders are owner-only, so
// the environment lives in a folder of its own, removed after the test.
func nobodyEnv(t *testing.T, lang string) appEnv {
	t.Helper()
	dir, err := os.MkdirTemp("", "digikomp-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	if err := os.Mkdir(home, 0o700); err != nil {
		t.Fatal(err)
	}
	nobodyOwn(t, home)
	return appEnv{db: filepath.Join(home, "answers.db"), lang: lang, home: home, nobody: true}
}

// nobodyOwn gives path to the user a child started asNobody runs as.
func nobodyOwn(t *testing.T, path string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	if err := os.Lchown(path, nobodyUID, nobodyGID); err != nil {
		t.Fatal(err)
	}
}
