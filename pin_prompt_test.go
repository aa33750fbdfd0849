package main

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

// pipeWith returns the reading end of a pipe that holds s.
func pipeWith(t *testing.T, s string) *os.File {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		_, _ = w.WriteString(s)
		_ = w.Close()
	}()
	t.Cleanup(func() { _ = r.Close() })
	return r
}

// Without a terminal a PIN is one line of standard input, so a script
// can pipe it; each prompt takes the next line.
func TestPrompterReadsLinesFromAPipe(t *testing.T) {
	var prompts bytes.Buffer
	p := newPrompter(pipeWith(t, "1234\r\nny kod\n\n"), &prompts)
	if p.tty {
		t.Fatal("a pipe taken for a terminal")
	}
	for _, want := range []string{"1234", "ny kod"} {
		if got, err := p.secret("PIN: "); err != nil || got != want {
			t.Errorf("secret = %q, %v; want %q", got, err, want)
		}
	}
	if _, err := p.secret("PIN: "); !errors.Is(err, errNoInput) {
		t.Errorf("an empty line: %v", err)
	}
	if _, err := p.secret("PIN: "); !errors.Is(err, errNoInput) {
		t.Errorf("the end of input: %v", err)
	}
	if prompts.Len() != 0 {
		t.Errorf("prompts written to a pipe's reader: %q", prompts.String())
	}
	// The last line need not end in a line feed.
	p = newPrompter(pipeWith(t, "9876"), &prompts)
	if got, err := p.secret(""); err != nil || got != "9876" {
		t.Errorf("last line: %q, %v", got, err)
	}
}

// On a terminal the PIN is read without echo after a prompt on the error
// stream, and a new one is asked twice.
func TestPrompterOnATerminal(t *testing.T) {
	var prompts bytes.Buffer
	typed := []string{"2468", "2468", "1357", "1358"}
	p := &prompter{in: os.Stdin, out: &prompts, tty: true, readPW: func(int) ([]byte, error) {
		s := typed[0]
		typed = typed[1:]
		return []byte(s), nil
	}}
	cat := ui.Messages(survey.English)
	var errOut bytes.Buffer
	if pin, code := p.newPIN(cat, &errOut); code != exitOK || pin != "2468" {
		t.Errorf("newPIN = %q, %d", pin, code)
	}
	if !strings.Contains(prompts.String(), "New PIN: ") || !strings.Contains(prompts.String(), "once more") {
		t.Errorf("prompts %q", prompts.String())
	}
	if _, code := p.newPIN(cat, &errOut); code != exitPIN || !strings.Contains(errOut.String(), "not the same") {
		t.Errorf("two different PINs: %d %q", code, errOut.String())
	}
}

// pinFake judges PINs as the store would: right is "1234"; wrong tries
// beyond the third wait.
type pinFake struct {
	failures int
	until    time.Time
}

func (f *pinFake) CheckPIN(id, pin string, at time.Time) (store.PINCheck, error) {
	if at.Before(f.until) {
		return store.PINCheck{Failures: f.failures, WaitUntil: f.until}, store.ErrPINWait
	}
	if pin == "1234" {
		f.failures, f.until = 0, time.Time{}
		return store.PINCheck{OK: true}, nil
	}
	f.failures++
	if f.failures > 3 {
		f.until = at.Add(time.Duration(1<<(f.failures-4)) * time.Second)
	}
	return store.PINCheck{Failures: f.failures, WaitUntil: f.until}, nil
}

func TestUnlock(t *testing.T) {
	cat := ui.Messages(survey.Swedish)
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	f := &pinFake{}
	anna := store.Profile{ID: "a1", Name: "Anna", Protected: true}
	try := func(line string) (int, string) {
		var errOut bytes.Buffer
		code := unlock(f, anna, newPrompter(pipeWith(t, line), &errOut), cat, "db", &errOut, clock)
		return code, errOut.String()
	}
	if code, _ := try("1234\n"); code != exitOK {
		t.Errorf("right PIN: %d", code)
	}
	for i := 1; i <= 3; i++ {
		if code, out := try("0000\n"); code != exitPIN || out != "Fel PIN-kod för ”Anna”.\n" {
			t.Errorf("wrong try %d: %d %q", i, code, out)
		}
	}
	code, out := try("0000\n")
	if code != exitPIN || !strings.Contains(out, "Nästa försök kan göras om 1 sekund.") {
		t.Errorf("fourth wrong try: %d %q", code, out)
	}
	// Before the wait has passed nothing is judged, the right PIN neither.
	if code, out := try("1234\n"); code != exitPIN || !strings.Contains(out, "Vänta 1 sekund") {
		t.Errorf("during the wait: %d %q", code, out)
	}
	now = now.Add(time.Second)
	if code, out := try("0000\n"); code != exitPIN || !strings.Contains(out, "om 2 sekunder") {
		t.Errorf("fifth wrong try: %d %q", code, out)
	}
	if code, out := try(""); code != exitPIN || !strings.Contains(out, "ingen PIN-kod kom in") {
		t.Errorf("no PIN: %d %q", code, out)
	}
	// A profile without a PIN asks nothing.
	var errOut bytes.Buffer
	if code := unlock(f, store.Profile{ID: "b"}, newPrompter(pipeWith(t, ""), &errOut), cat, "db", &errOut, clock); code != exitOK || errOut.Len() != 0 {
		t.Errorf("unprotected: %d %q", code, errOut.String())
	}
}

func TestWaitText(t *testing.T) {
	cat := ui.Messages(survey.English)
	for d, want := range map[time.Duration]string{0: "1 second", time.Second: "1 second", 1500 * time.Millisecond: "2 seconds", 30 * time.Second: "30 seconds"} {
		if got := waitText(cat, d); got != want {
			t.Errorf("waitText(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestCommandWords(t *testing.T) {
	cases := []struct {
		args []string
		cmd  string
		rest []string
	}{
		{[]string{"profile", "list"}, "profile", []string{"list"}},
		{[]string{"--profile", "history", "export"}, "export", []string{"--profile", "history"}},
		{[]string{"--db", "x.db", "history", "--json"}, "history", []string{"--db", "x.db", "--json"}},
		{[]string{"--profile=Anna", "history"}, "history", []string{"--profile=Anna"}},
		{[]string{"--lang", "en", "--accessible"}, "", []string{"--lang", "en", "--accessible"}},
		{[]string{"Anna"}, "", []string{"Anna"}},
	}
	for _, c := range cases {
		cmd, rest := command(c.args)
		if cmd != c.cmd || strings.Join(rest, " ") != strings.Join(c.rest, " ") {
			t.Errorf("command(%q) = %q, %q; want %q, %q", c.args, cmd, rest, c.cmd, c.rest)
		}
	}
}
