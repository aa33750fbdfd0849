//go:build !windows

// More end-to-end tests of the real binary: the accessible line-by-line
// mode, NO_COLOR, resizing, refused database files and the command-line
// flags.

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// accText is what the accessible mode says in one language, written out
// from the specification rather than taken from the ui package.
type accText struct {
	lang      string
	choose    string // "Type a number from 1 to %d:"
	chooseTwo string // the same for two options
	start     string // first menu item on a fresh database
	statement string // "Statement %d of %d."
	skipped   string // said after s
	invalid   string // a refused rating
	paused    string // printed on pause
	cont      string // menu item with an unfinished attempt: answered, total
}

var accLanguages = []accText{
	{
		lang:      "sv",
		choose:    "Skriv en siffra från 1 till %d:",
		chooseTwo: "Skriv 1 eller 2:",
		start:     "Gör testet",
		statement: "Påstående %d av %d.",
		skipped:   "Du hoppade över påståendet.",
		invalid:   "Skriv en siffra från 1 till 7, eller s, t eller p.",
		paused:    "Pausat.",
		cont:      "Fortsätt där du slutade (%d av %d besvarade)",
	},
	{
		lang:      "en",
		choose:    "Type a number from 1 to %d:",
		chooseTwo: "Type 1 or 2:",
		start:     "Take the test",
		statement: "Statement %d of %d.",
		skipped:   "You skipped the statement.",
		invalid:   "Type a number from 1 to 7, or s, b or p.",
		paused:    "Paused.",
		cont:      "Continue where you left off (%d of %d answered)",
	},
}

// count returns how often text occurs in what the program has written.
func (a *app) count(text string) int { return strings.Count(a.output(), text) }

// waitOutput polls everything the program has written (not the screen,
// which scrolls in line mode) until text occurs at least n times.
func (a *app) waitOutput(text string, n int) {
	a.t.Helper()
	a.poll(fmt.Sprintf("%q ×%d in the output", text, n), func() bool { return a.count(text) >= n }, a.tail)
}

// tail is the end of the raw output, quoted, for failure messages.
func (a *app) tail() string {
	out := a.output()
	if len(out) > 3000 {
		out = "…" + out[len(out)-3000:]
	}
	return "--- output ---\n" + strings.ReplaceAll(out, "\x1b", `\e`) + "\n--------------"
}

// line types one line of input; the pty's line discipline turns "\r"
// into the end of the line.
func (a *app) line(s string) { a.t.Helper(); a.send(s + "\r") }

// resize changes the terminal size: first the emulator, so that what the
// program draws in answer is read at the new size, then the pty, which
// sends SIGWINCH to the program.
func (a *app) resize(cols, rows int) {
	a.t.Helper()
	a.vt.Resize(cols, rows)
	if err := pty.Setsize(a.ptm, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		a.t.Fatalf("resizing the pty to %d×%d: %v", cols, rows, err)
	}
}

// exitOK waits for the program and fails unless it exited with 0.
func (a *app) exitOK(after string) {
	a.t.Helper()
	if code := a.wait(); code != 0 {
		a.t.Fatalf("after %s the exit code is %d, want 0\n%s", after, code, a.tail())
	}
}

var sgrRE = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourSGR returns the SGR sequences in out that set a colour: 30–37,
// 38;…, 40–47, 48;…, 90–97 or 100–107 (39 and 49, the default colours,
// are not colours).
func colourSGR(out string) []string {
	var found []string
	for _, m := range sgrRE.FindAllStringSubmatch(out, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			// 38 and 48 take the colour's own parameters after them; the
			// first parameter found settles it.
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				found = append(found, strconv.Quote(m[0]))
				break
			}
		}
	}
	return found
}

// checkPlainLines asserts that line-mode output has no full-screen
// switch and no SGR sequences at all around the prompts.
func checkPlainLines(t *testing.T, a *app) {
	t.Helper()
	out := a.output()
	if strings.Contains(out, "\x1b[?1049h") {
		t.Errorf("line mode switched to the alternate screen (\\e[?1049h)\n%s", a.tail())
	}
	if m := sgrRE.FindAllString(out, 5); len(m) > 0 {
		t.Errorf("line mode wrote SGR sequences %q\n%s", m, a.tail())
	}
}

// TestE2EAccessible takes part of the test in --accessible line mode:
// menu by number, no background questions, an answer, a skip, a refused
// rating, an answer and a pause; then resumes, answers once more and ends
// input with Ctrl+D, which pauses too.
func TestE2EAccessible(t *testing.T) {
	for _, u := range accLanguages {
		t.Run(u.lang, func(t *testing.T) {
			t.Parallel()
			const total = 24
			env := newEnv(t, u.lang)

			a := start(t, env, "--accessible")
			a.waitOutput("1. "+u.start, 1)
			a.waitOutput(fmt.Sprintf(u.choose, freshMenu), 1)
			a.line("1")
			a.waitOutput(u.chooseTwo, 1) // background questions? yes/no
			a.line("2")
			a.waitOutput(fmt.Sprintf(u.statement, 1, total), 1)
			a.line("5")
			a.waitOutput(fmt.Sprintf(u.statement, 2, total), 1)
			a.line("s")
			a.waitOutput(u.skipped, 1)
			a.waitOutput(fmt.Sprintf(u.statement, 3, total), 1)
			a.line("9")
			a.waitOutput(u.invalid, 1)
			a.line("6")
			a.waitOutput(fmt.Sprintf(u.statement, 4, total), 1)
			a.line("p")
			a.exitOK("p")
			a.waitOutput(u.paused, 1)
			checkPlainLines(t, a)

			// Second run: two answers so far (the skip is none). Continue,
			// answer statement 4, then end input at statement 5.
			a = start(t, env, "--accessible")
			a.waitOutput("1. "+fmt.Sprintf(u.cont, 2, total), 1)
			a.waitOutput(fmt.Sprintf(u.choose, resumeMenu), 1)
			a.line("1")
			a.waitOutput(fmt.Sprintf(u.statement, 4, total), 1)
			a.line("7")
			a.waitOutput(fmt.Sprintf(u.statement, 5, total), 1)
			a.send("\x04")
			a.exitOK("Ctrl+D at a rating prompt")
			a.waitOutput(u.paused, 1)
			checkPlainLines(t, a)

			// Third run: the answer before Ctrl+D was kept.
			a = start(t, env, "--accessible")
			a.waitOutput(fmt.Sprintf(u.cont, 3, total), 1)
			a.send("\x04")
			a.exitOK("Ctrl+D at the menu")
		})
	}
}

// TestE2EDumbTerminal runs without --accessible but with TERM=dumb: the
// same line mode, never the full screen.
func TestE2EDumbTerminal(t *testing.T) {
	t.Parallel()
	u := accLanguages[0]
	env := newEnv(t, u.lang)
	env.extra = []string{"TERM=dumb"}
	a := start(t, env)
	a.waitOutput("1. "+u.start, 1)
	a.waitOutput(fmt.Sprintf(u.choose, freshMenu), 1)
	a.line("1")
	a.waitOutput(u.chooseTwo, 1)
	a.line("2")
	a.waitOutput(fmt.Sprintf(u.statement, 1, 24), 1)
	a.line("4")
	a.waitOutput(fmt.Sprintf(u.statement, 2, 24), 1)
	a.line("p")
	a.exitOK("p")
	a.waitOutput(u.paused, 1)
	checkPlainLines(t, a)
}

// selectedPoint matches a scale line marked as the chosen point.
// Rows are trimmed on the right, so the digit may end the line.
var selectedPoint = regexp.MustCompile(`(?m)› ([1-7])( |$)`)

// toStatement goes from the welcome menu of a fresh database to the first
// statement.
func toStatement(a *app, u uiText) {
	a.t.Helper()
	a.waitFor(u.start)
	a.send("\r")
	a.waitFor(u.intro)
	a.send("s")
	a.waitFor(counter(1, 24))
}

// TestE2ENoColor draws a statement screen with NO_COLOR=1: no colour at
// all, and the chosen point still marked with "›". The same screen
// without NO_COLOR on a true-colour terminal does use colour, so the
// check can fail.
func TestE2ENoColor(t *testing.T) {
	for _, noColor := range []bool{true, false} {
		name := map[bool]string{true: "NO_COLOR", false: "truecolor"}[noColor]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			u := languages[0]
			env := newEnv(t, string(u.lang))
			env.extra = []string{"TERM=xterm-256color", "COLORTERM=truecolor"}
			if noColor {
				env.extra = append(env.extra, "NO_COLOR=1")
			}
			a := start(t, env)
			toStatement(a, u)
			first := ""
			a.waitUntil("a point on the scale marked with ›", func(s string) bool {
				m := selectedPoint.FindStringSubmatch(s)
				if m != nil {
					first = m[1]
				}
				return m != nil
			})
			// Moving the choice moves the marker.
			n, _ := strconv.Atoi(first)
			key, want := "j", n+1
			if n == 7 {
				key, want = "k", n-1
			}
			a.send(key)
			a.waitUntil(fmt.Sprintf("› before %d", want), func(s string) bool {
				m := selectedPoint.FindStringSubmatch(s)
				return m != nil && m[1] == strconv.Itoa(want)
			})
			a.send("q")
			a.exitOK("q")

			got := colourSGR(a.output())
			if noColor && len(got) > 0 {
				t.Errorf("with NO_COLOR=1 the program wrote %d colour sequences, e.g. %s", len(got), got[0])
			}
			if !noColor && len(got) == 0 {
				t.Errorf("without NO_COLOR on a true-colour terminal no colour was written; the NO_COLOR check proves nothing\n%s", a.tail())
			}
			// With colour the chosen point is in reverse video as well. (With
			// NO_COLOR termenv drops every SGR, reverse included, so there
			// the marker alone shows it.)
			if !noColor && !regexp.MustCompile(`\x1b\[(7|[0-9;]*;7)(;[0-9;]*)?m`).MatchString(a.output()) {
				t.Errorf("the chosen point is not in reverse video (no SGR 7)")
			}
		})
	}
}

// TestE2EResize shrinks the window below the minimum on a statement
// screen and back: a message asks for a larger window, then the same
// statement returns.
func TestE2EResize(t *testing.T) {
	for _, u := range languages {
		t.Run(string(u.lang), func(t *testing.T) {
			t.Parallel()
			larger := map[string]string{"sv": "Gör fönstret större", "en": "Make the window larger"}[string(u.lang)]
			env := newEnv(t, string(u.lang))
			a := start(t, env)
			toStatement(a, u)
			a.send("3")
			a.waitFor(counter(2, 24))

			a.resize(40, 12)
			a.waitFor(larger)
			a.resize(termCols, termRows)
			a.waitUntil("statement 2 again, without the message", func(s string) bool {
				return strings.Contains(s, counter(2, 24)) && !strings.Contains(s, larger)
			})
			a.waitUntil("a marked point on the scale", selectedPoint.MatchString)
			a.send("q")
			a.exitOK("q")
		})
	}
}

// validDatabase creates a database the way a person would: start, quit.
func validDatabase(t *testing.T) string {
	t.Helper()
	env := newEnv(t, "sv")
	a := start(t, env)
	a.waitFor(languages[0].start)
	a.send("q")
	a.exitOK("q on the welcome menu")
	if _, err := os.Stat(env.db); err != nil {
		t.Fatalf("no database after a first start: %v", err)
	}
	return env.db
}

// TestE2ERefusedDatabase starts digikomp on files it must refuse: exit
// code 4, a message saying why, the file untouched, no stack trace.
func TestE2ERefusedDatabase(t *testing.T) {
	valid, err := os.ReadFile(validDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(valid) <= 5000 {
		t.Fatalf("a fresh database is only %d bytes; cannot truncate it to 5000", len(valid))
	}
	text := bytes.Repeat([]byte("Det här är inte en databas, bara text.\n"), 8192/39+1)[:8192]
	cases := []struct {
		name    string
		content []byte
		want    map[string]string
	}{
		{"zero-bytes", nil, map[string]string{"sv": "är tom.", "en": "is empty."}},
		{"text", text, map[string]string{"sv": "är inte en digikomp-databas", "en": "is not a digikomp database"}},
		{"truncated", valid[:5000], map[string]string{"sv": "är skadad", "en": "is damaged"}},
		{"newer", newerSchema(t, valid), map[string]string{"sv": "har skapats av en nyare version av digikomp", "en": "was written by a newer version of digikomp"}},
	}
	for _, c := range cases {
		for _, lang := range []string{"sv", "en"} {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				t.Parallel()
				env := newEnv(t, lang)
				if err := os.WriteFile(env.db, c.content, 0o600); err != nil {
					t.Fatal(err)
				}
				// An mtime in the past, so that a write within the same
				// clock tick would still show.
				past := time.Now().Add(-time.Hour).Truncate(time.Second)
				if err := os.Chtimes(env.db, past, past); err != nil {
					t.Fatal(err)
				}
				before, err := os.Stat(env.db)
				if err != nil {
					t.Fatal(err)
				}

				a := start(t, env)
				code := a.wait()
				out := a.output()
				if code != 4 {
					t.Errorf("exit code %d, want 4\n%s", code, a.tail())
				}
				if !strings.Contains(out, c.want[lang]) {
					t.Errorf("the message does not say %q\n%s", c.want[lang], a.tail())
				}
				for _, bad := range []string{"goroutine ", "panic:"} {
					if strings.Contains(out, bad) {
						t.Errorf("the output contains %q\n%s", bad, a.tail())
					}
				}
				after, err := os.Stat(env.db)
				if err != nil {
					t.Fatalf("the file is gone: %v", err)
				}
				if !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() || after.Mode() != before.Mode() {
					t.Errorf("the file changed: %v %d %v → %v %d %v",
						before.ModTime(), before.Size(), before.Mode(), after.ModTime(), after.Size(), after.Mode())
				}
				if got, err := os.ReadFile(env.db); err != nil || !bytes.Equal(got, c.content) {
					t.Errorf("the file's bytes changed (read error %v)", err)
				}
				if entries, err := os.ReadDir(filepath.Dir(env.db)); err == nil {
					for _, e := range entries {
						if e.Name() != filepath.Base(env.db) && e.Name() != "home" {
							t.Errorf("a file %s appeared next to the database", e.Name())
						}
					}
				}
			})
		}
	}
}

// runPlain runs the binary with args and no terminal (stdin nil means
// /dev/null), returning its exit code, standard output and standard error.
func runPlain(t *testing.T, env appEnv, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Stdin = stdin
	cmd.Env = env.environ()
	cmd.Dir = env.home
	if env.nobody {
		asNobody(t, cmd)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = exitTimeout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(exitTimeout):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("digikomp %q did not exit within %v", args, exitTimeout)
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, stdout.String(), stderr.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), stdout.String(), stderr.String()
	}
	t.Fatalf("running digikomp %q: %v", args, err)
	return 0, "", ""
}

// TestE2EFlags runs the flags that need no terminal, and bad ones.
func TestE2EFlags(t *testing.T) {
	cases := []struct {
		name       string
		envLang    string
		args       []string
		code       int
		stdout     string // must contain, "" for no check
		stderr     string
		notStdout  string // must not contain
		emptyStdio bool   // nothing on stdout
	}{
		{name: "version", args: []string{"--version"}, code: 0, stdout: "digikomp "},
		{name: "help-sv", args: []string{"--help"}, code: 0, stdout: "Flaggor:", notStdout: "Flags:"},
		{name: "help-short", args: []string{"-h"}, code: 0, stdout: "Flaggor:"},
		{name: "help-lang-en", args: []string{"--lang", "en", "--help"}, code: 0, stdout: "Flags:", notStdout: "Flaggor:"},
		{name: "help-env-en", envLang: "en", args: []string{"--help"}, code: 0, stdout: "Flags:", notStdout: "Flaggor:"},
		{name: "help-flag-wins", envLang: "en", args: []string{"--lang", "sv", "--help"}, code: 0, stdout: "Flaggor:"},
		{name: "lang-xx", args: []string{"--lang", "xx"}, code: 2, stderr: "--help", emptyStdio: true},
		{name: "unknown-flag", args: []string{"--bogus"}, code: 2, stderr: "bogus", emptyStdio: true},
		{name: "extra-argument", args: []string{"extra"}, code: 2, stderr: "extra", emptyStdio: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, c.envLang)
			code, stdout, stderr := runPlain(t, env, nil, c.args...)
			if code != c.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, c.code, stdout, stderr)
			}
			if c.stdout != "" && !strings.Contains(stdout, c.stdout) {
				t.Errorf("stdout does not contain %q:\n%s", c.stdout, stdout)
			}
			if c.notStdout != "" && strings.Contains(stdout, c.notStdout) {
				t.Errorf("stdout contains %q:\n%s", c.notStdout, stdout)
			}
			if c.stderr != "" && !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr does not contain %q:\n%s", c.stderr, stderr)
			}
			if c.emptyStdio && stdout != "" {
				t.Errorf("stdout is not empty: %q", stdout)
			}
			for _, bad := range []string{"goroutine ", "panic:"} {
				if strings.Contains(stdout+stderr, bad) {
					t.Errorf("output contains %q", bad)
				}
			}
			if _, err := os.Stat(env.db); err == nil {
				t.Errorf("%q created the database", c.args)
			}
		})
	}
}
