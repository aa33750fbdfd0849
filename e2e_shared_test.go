//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
// that leaves a marker) nor write the draft to $TMPDIR, and Ctrl+Z must
// not suspend the app to the shell.
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
	env.extra = []string{"EDITOR=" + editor, "VISUAL=" + editor, "TMPDIR=" + drafts}

	a := start(t, env)
	toDiscussion(a, u)
	a.send("mitt utkast")
	a.waitFor("mitt utkast")
	a.send("\x05") // Ctrl+E
	a.send("\x1a") // Ctrl+Z
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
	if n := strings.Count(a.output(), "\x1b[?1049l"); n != 1 {
		t.Errorf("the app left its screen %d times, want once (at the end)", n)
	}
}
