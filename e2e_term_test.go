//go:build !windows

// The terminal itself: signals that end the program, and terminals that
// never answer a query.

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Latency bounds the issue sets for a terminal that never answers. They
// are generous for a loaded two-core machine and still far below the 5 s
// a start-up query waits for an answer that never comes. The second
// window includes the 1 s it waits for the first one's lock.
const (
	silentQuick      = 1500 * time.Millisecond // --version, --help, check, backup, a refused second window
	silentFirstFrame = time.Second             // the welcome menu of the full-screen interface
)

// noEscape fails when out holds an escape byte: line output and plain
// messages must not carry a terminal query or any other sequence.
func noEscape(t *testing.T, what, out string) {
	t.Helper()
	if i := strings.IndexByte(out, 0x1b); i >= 0 {
		t.Errorf("%s wrote an escape byte at %d: %q", what, i, out[max(0, i-40):min(len(out), i+40)])
	}
}

// TestE2ESilentTerminal runs digikomp in a terminal that answers no query,
// with TERM=xterm-256color: commands return at once, a second window is
// refused within the bound, the line-by-line modes write no escape byte
// and lose no line typed ahead, and the full screen appears within a
// second.
func TestE2ESilentTerminal(t *testing.T) {
	db := validDatabase(t)
	silent := func(t *testing.T, lang string) appEnv {
		env := newEnv(t, lang)
		env.db, env.silent = db, true
		return env
	}
	quick := func(t *testing.T, a *app, wantCode int, want string) {
		t.Helper()
		if code := a.wait(); code != wantCode {
			t.Errorf("exit code %d, want %d\n%s", code, wantCode, a.tail())
		}
		took := a.exited.Sub(a.start)
		t.Logf("exit %d after %v", wantCode, took.Round(time.Millisecond))
		if took > silentQuick {
			t.Errorf("took %v, want at most %v", took, silentQuick)
		}
		if !strings.Contains(a.output(), want) {
			t.Errorf("the output does not say %q\n%s", want, a.tail())
		}
		noEscape(t, "the command", a.output())
	}

	t.Run("version", func(t *testing.T) {
		quick(t, start(t, silent(t, "en"), "--version"), 0, "digikomp ")
	})
	t.Run("help", func(t *testing.T) {
		quick(t, start(t, silent(t, "sv"), "--help"), 0, "Flaggor:")
	})
	t.Run("check", func(t *testing.T) {
		quick(t, start(t, silent(t, "en"), "check"), 0, filepath.Base(db))
	})
	t.Run("backup", func(t *testing.T) {
		env := silent(t, "en")
		copyPath := filepath.Join(env.home, "copy.db")
		quick(t, start(t, env, "backup", copyPath), 0, copyPath)
		if _, err := os.Stat(copyPath); err != nil {
			t.Errorf("no backup: %v", err)
		}
	})
	t.Run("second-window", func(t *testing.T) {
		for _, u := range languages {
			env := silent(t, string(u.lang))
			first := start(t, env)
			first.waitFor(u.start)
			second := start(t, env)
			quick(t, second, exitLocked, u.locked)
			first.send("q")
			first.exitOK("q on the welcome menu")
		}
	})
	t.Run("first-frame", func(t *testing.T) {
		a := start(t, silent(t, "en"))
		a.waitFor(languages[1].start)
		took := time.Since(a.start)
		t.Logf("the welcome menu after %v", took.Round(time.Millisecond))
		if took > silentFirstFrame {
			t.Errorf("the welcome menu took %v to appear, want at most %v", took, silentFirstFrame)
		}
		a.send("q")
		a.exitOK("q on the welcome menu")
	})
	// Lines typed before the first prompt: the menu's "1" (take the test),
	// "2" (no background questions) and a rating of the first statement.
	// None may be lost, and nothing but text may be written.
	for _, mode := range []string{"accessible", "dumb"} {
		t.Run(mode+"-typed-ahead", func(t *testing.T) {
			u := accLanguages[1]
			env := newEnv(t, u.lang)
			env.silent = true
			var args []string
			if mode == "dumb" {
				env.extra = []string{"TERM=dumb"}
			} else {
				args = []string{"--accessible"}
			}
			a := start(t, env, args...)
			a.send("1\r2\r5\r")
			a.waitOutput(fmt.Sprintf(u.statement, 2, 24), 1)
			a.line("p")
			a.exitOK("p")
			a.waitOutput(u.paused, 1)
			noEscape(t, "line mode", a.output())
		})
	}
}

// TestE2EBackgroundAnswer: a terminal that answers the background query
// gets the colours for its background; one that does not answer gets the
// dark ones. The accent colour of the title tells which were chosen.
func TestE2EBackgroundAnswer(t *testing.T) {
	// The bold title in the accent colour, #1B5E8C or #7FC4F0 (the last
	// channels are rounded differently by the colour library).
	const (
		lightAccent = "\x1b[1;38;2;27;94;"
		darkAccent  = "\x1b[1;38;2;127;19"
	)
	cases := []struct {
		name, answer string
		silent       bool
		want, not    string
	}{
		{"light", "rgb:ffff/ffff/ffff", false, lightAccent, darkAccent},
		{"light-short", "rgb:f0/f0/e8", false, lightAccent, darkAccent},
		{"dark", "rgb:1c1c/1c1c/1c1c", false, darkAccent, lightAccent},
		{"silent", "", true, darkAccent, lightAccent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, "en")
			env.background, env.silent = c.answer, c.silent
			env.extra = []string{"COLORTERM=truecolor"}
			a := start(t, env)
			a.waitFor(languages[1].start)
			a.send("q")
			a.exitOK("q on the welcome menu")
			out := a.output()
			if !strings.Contains(out, c.want) || strings.Contains(out, c.not) {
				t.Errorf("want the accent %q and not %q\n%s", c.want, c.not, a.tail())
			}
		})
	}
}

// TestE2ESignals ends the full-screen interface with a signal while a
// discussion answer is being typed: SIGTERM, SIGINT from outside, SIGHUP
// sent with kill, and a real hang-up (the terminal's master side closed).
// Each must pause as q does: exit 0, the paused line in the chosen
// language, the terminal restored (line mode, echo, signals, cursor shown,
// alternate screen left), and the draft kept, as the next start shows.
func TestE2ESignals(t *testing.T) {
	cases := []struct {
		name   string
		sig    syscall.Signal
		hangup bool
		u      uiText
	}{
		{"SIGTERM", syscall.SIGTERM, false, languages[0]},
		{"SIGINT", syscall.SIGINT, false, languages[1]},
		{"SIGHUP", syscall.SIGHUP, false, languages[0]},
		{"hangup", syscall.SIGHUP, true, languages[1]},
	}
	paused := map[string]string{"sv": "Pausat. Dina svar är sparade i", "en": "Paused. Your answers are saved in"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			q := loadQuestionnaire(t)
			total := len(q.Statements)
			u := c.u
			env := newEnv(t, string(u.lang))
			draft := "Utkast: lånekort via e-legitimation"

			a := start(t, env)
			toStatement(a, u)
			answer(a, total, 0, total-1)
			a.waitFor(fmt.Sprintf(u.question, 1, len(q.Discussion)))
			a.send(draft)
			a.waitFor(draft)

			if c.hangup {
				_ = a.ptm.Close()
			} else if err := syscall.Kill(a.cmd.Process.Pid, c.sig); err != nil {
				t.Fatal(err)
			}
			if code := a.wait(); code != 0 {
				t.Fatalf("after %s the exit code is %d, want 0\n%s", c.name, code, a.tail())
			}
			if !c.hangup {
				out := a.output()
				if !strings.Contains(out, paused[string(u.lang)]) {
					t.Errorf("no paused line %q\n%s", paused[string(u.lang)], a.tail())
				}
				if strings.Contains(out, "program was") {
					t.Errorf("Bubble Tea's own message was printed\n%s", a.tail())
				}
				after := out[strings.LastIndex(out, "\x1b[?1049h")+1:]
				for seq, what := range map[string]string{"\x1b[?1049l": "leave the alternate screen", "\x1b[?25h": "show the cursor"} {
					if !strings.Contains(after, seq) {
						t.Errorf("the program did not %s (%q)\n%s", what, seq, a.tail())
					}
				}
				if bad := notCooked(t, a.ptm); bad != "" {
					t.Errorf("the terminal was left changed: %s", bad)
				}
			}

			b := start(t, env)
			b.waitFor(fmt.Sprintf(u.cont, total-1, total)) // answer skips one
			b.send("\r")
			b.waitFor(fmt.Sprintf(u.question, 1, len(q.Discussion)))
			b.waitFor(draft)
			b.send("\x03")
			b.exitOK("Ctrl+C on a discussion question")
		})
	}
}

// TestE2ESignalsLineMode: in --accessible line mode, Ctrl+C (which the
// terminal turns into SIGINT there), SIGTERM, SIGINT and SIGHUP pause as
// p does: exit 0, the paused line, every answer given kept.
func TestE2ESignalsLineMode(t *testing.T) {
	cases := []struct {
		name string
		sig  syscall.Signal // 0: Ctrl+C typed
		u    accText
	}{
		{"ctrl+c", 0, accLanguages[0]},
		{"SIGTERM", syscall.SIGTERM, accLanguages[1]},
		{"SIGINT", syscall.SIGINT, accLanguages[0]},
		{"SIGHUP", syscall.SIGHUP, accLanguages[1]},
	}
	paused := map[string]string{"sv": "Pausat. Dina svar är sparade i", "en": "Paused. Your answers are saved in"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			u := c.u
			env := newEnv(t, u.lang)
			a := start(t, env, "--accessible")
			a.waitOutput(fmt.Sprintf(u.choose, freshMenu), 1)
			a.line("1")
			a.waitOutput(u.chooseTwo, 1)
			a.line("2")
			a.waitOutput(fmt.Sprintf(u.statement, 1, 24), 1)
			a.line("5")
			a.waitOutput(fmt.Sprintf(u.statement, 2, 24), 1)
			a.send("6") // typed, not yet entered: it cannot be kept
			if c.sig == 0 {
				a.send("\x03")
			} else if err := syscall.Kill(a.cmd.Process.Pid, c.sig); err != nil {
				t.Fatal(err)
			}
			if code := a.wait(); code != 0 {
				t.Fatalf("after %s the exit code is %d, want 0\n%s", c.name, code, a.tail())
			}
			if !strings.Contains(a.output(), paused[u.lang]) {
				t.Errorf("no paused line %q\n%s", paused[u.lang], a.tail())
			}
			noEscape(t, "line mode", a.output())

			b := start(t, env, "--accessible")
			b.waitOutput("1. "+fmt.Sprintf(u.cont, 1, 24), 1)
			b.send("\x04")
			b.exitOK("Ctrl+D at the menu")
		})
	}
}

// TestE2ELateBackgroundAnswer: a terminal's answer to the background
// query that comes after digikomp stopped waiting for it (a slow
// connection) reaches the program as typed input. On a statement screen
// its digits must not answer anything; the next real key does.
func TestE2ELateBackgroundAnswer(t *testing.T) {
	for _, end := range []string{"\x1b\\", "\x07"} {
		t.Run(fmt.Sprintf("%q", end), func(t *testing.T) {
			t.Parallel()
			u := languages[1]
			env := newEnv(t, "en")
			a := start(t, env)
			toStatement(a, u)
			a.send("\x1b]11;rgb:1111/1111/1111" + end + "\x1b[12;1R")
			a.send("\x1b[C") // → browses to the next statement, unanswered
			a.waitFor(counter(2, 24))
			a.send("\x1b[D")
			a.waitFor(counter(1, 24))
			if s := a.screen(); !strings.Contains(s, "Not answered yet") {
				t.Errorf("the late answer answered the statement\n%s", a.dump())
			}
			a.send("5")
			a.waitFor(counter(2, 24))
			a.send("q")
			a.exitOK("q on a statement")
			b := start(t, env)
			b.waitFor(fmt.Sprintf(u.cont, 1, 24))
			b.send("q")
			b.exitOK("q on the welcome menu")
		})
	}
}
