//go:build !windows

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"digikomp/store"
)

// toDiscussion answers all 24 statements with 4 and waits for the first
// discussion question.
func toDiscussion(a *app, u uiText) {
	a.t.Helper()
	toStatement(a, u)
	a.send(strings.Repeat("4", 24))
	a.waitFor(strings.Replace(u.question, "%d / %d", "1 / 6", 1))
}

// TestE2ECtrlEOpensNoEditor: on a shared laptop nothing leads out of the
// app. Ctrl+E in a discussion answer must not run $EDITOR (here a script
// that leaves a marker) nor write the draft to $TMPDIR, Ctrl+Z must not
// suspend the app to the shell, and Ctrl+V must not run a clipboard
// program.
func TestE2ECtrlEOpensNoEditor(t *testing.T) {
	u := languages[0]
	env := newEnv(t, string(u.lang))
	dir := t.TempDir()
	marker := filepath.Join(dir, "editor-ran")
	editor := filepath.Join(dir, "editor")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\ntouch '"+marker+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	drafts := filepath.Join(dir, "tmp")
	if err := os.Mkdir(drafts, 0o700); err != nil {
		t.Fatal(err)
	}
	// Clipboard programs first on PATH: the text box's own Ctrl+V would
	// run one of them.
	bin := filepath.Join(dir, "bin")
	clip := filepath.Join(dir, "clipboard-read")
	if err := os.Mkdir(bin, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"xclip", "xsel", "wl-paste", "wl-copy"} {
		script := "#!/bin/sh\ntouch '" + clip + "'\necho URKLIPP\n"
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	env.extra = []string{"EDITOR=" + editor, "VISUAL=" + editor, "TMPDIR=" + drafts,
		"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")}

	a := start(t, env)
	toDiscussion(a, u)
	a.send("mitt utkast")
	a.waitFor("mitt utkast")
	a.send("\x05") // Ctrl+E
	a.send("\x1a") // Ctrl+Z
	a.send("\x16") // Ctrl+V
	a.send(" vidare")
	// Keys are read in order: once the last ones show, Ctrl+E and Ctrl+Z
	// have been acted on. huh writes the draft before starting the editor
	// and removes it after, so either the draft is still there or the
	// editor has already run.
	a.waitFor("mitt utkast vidare")
	if left, _ := os.ReadDir(drafts); len(left) > 0 {
		t.Errorf("the draft was written to TMPDIR: %s", left[0].Name())
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("Ctrl+E ran $EDITOR")
	}
	a.send("\x03")
	a.exitOK("Ctrl+C in a discussion answer")
	// The clipboard is read in a command of its own, which may still be
	// starting its program when the keys after it show: give it half a
	// second after the exit. (A slow machine can only make this miss a
	// run, never fail a sound one.)
	for range 50 {
		if _, err := os.Stat(clip); err == nil || strings.Contains(a.output(), "URKLIPP") {
			t.Error("Ctrl+V ran a clipboard program")
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if n := strings.Count(a.output(), "\x1b[?1049l"); n != 1 {
		t.Errorf("the app left its screen %d times, want once (at the end)", n)
	}
}

// TestE2EEscapesInQuestionsFile: a questionnaire file is terminal input.
// Every text of this one starts with a window title sequence (OSC 0), a
// screen clear, a right-to-left override, an 8-bit CSI and a bidi
// isolate. Walked through in the real binary, the texts are shown and not
// one of those sequences reaches the terminal.
func TestE2EEscapesInQuestionsFile(t *testing.T) {
	const payload = `\u001b]0;pwned\u0007\u001b[2J\u202e\u009b31m\u2066`
	builtin, err := os.ReadFile(filepath.Join("survey", "data", "questionnaire.toml"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^((?:text|name|label|prompt|title|min_label|max_label)\.(?:sv|en) = ")`)
	hostile := re.ReplaceAll(builtin, []byte("${1}"+payload))
	if n := strings.Count(string(hostile), payload); n < 60 {
		t.Fatalf("only %d texts were changed", n)
	}
	for _, u := range languages {
		t.Run(string(u.lang), func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, string(u.lang))
			file := filepath.Join(env.home, "fientlig.toml")
			if err := os.WriteFile(file, hostile, 0o600); err != nil {
				t.Fatal(err)
			}
			a := start(t, env, "--questions", file)
			a.waitFor(u.start)
			a.send("\r")
			a.waitFor(u.intro)
			a.send("\r")                // the background questions
			a.waitFor("]0;pwned[2J31m") // the municipality prompt, cleaned
			a.send("\r")                // no municipality
			a.send("\x1b")              // skip the rest
			answer(a, 24, 0, 23)
			a.waitFor(fmt.Sprintf(u.question, 1, 6))
			a.send("\x1b")
			a.waitFor(u.review)
			a.send("\r")
			a.waitFor(u.result)
			a.waitFor("]0;pwned[2J31m") // area names
			a.send("q")
			a.exitOK("q on the result")

			out := a.output()
			if !strings.Contains(out, "]0;pwned[2J31m") {
				t.Errorf("the cleaned texts were never written")
			}
			for _, b := range []string{"\x1b]0;", "pwned\x07", "\x1b[2J\u202e", "\u202e", "\u009b", "\u2066"} {
				if strings.Contains(out, b) {
					i := strings.Index(out, b)
					t.Errorf("the terminal received %q: …%q…", b, out[max(0, i-40):min(len(out), i+40)])
				}
			}
		})
	}
}

// TestE2ELongPaste: a paste longer than an answer may be keeps what fits
// and says how much did not, with the count; what is saved is what was
// shown. The paste goes in as a terminal sends it, bracketed.
func TestE2ELongPaste(t *testing.T) {
	u := languages[0]
	env := newEnv(t, string(u.lang))
	a := start(t, env)
	toDiscussion(a, u)
	a.send("\x1b[200~" + strings.Repeat("lång text ", 430) + "\x1b[201~")
	a.waitFor("4\u00a0000 / 4\u00a0000 tecken")
	a.waitFor("300 tecken fick inte plats")
	a.send("\r")
	a.waitFor(fmt.Sprintf(u.question, 2, 6))
	a.send("\x03")
	a.exitOK("Ctrl+C on a discussion question")

	st, err := store.Open(env.db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	un, ok, err := st.Unfinished(store.LocalProfile)
	if err != nil || !ok {
		t.Fatalf("no unfinished attempt (%v)", err)
	}
	q := loadQuestionnaire(t)
	want := strings.TrimSpace(strings.Repeat("lång text ", 400))
	if got := un.Discussion[q.Discussion[0].ID]; got != want {
		t.Errorf("saved %d characters, want the %d shown", len([]rune(got)), len([]rune(want)))
	}
}
