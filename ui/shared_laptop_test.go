package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/survey"
)

// TestCtrlEOpensNoEditor: on a shared laptop nothing leads out of the app.
// huh's text field opens $EDITOR on ctrl+e by default, writing the draft to
// $TMPDIR first; with vim that is a shell. Ctrl+Z would suspend to the
// shell, and the text fields' Ctrl+V runs a clipboard program. Here EDITOR and VISUAL name a
// script that would leave a marker, TMPDIR is an empty folder, and the
// harness fails on any message that would run a program or suspend.
func TestCtrlEOpensNoEditor(t *testing.T) {
	dir := t.TempDir()
	marker := filepath.Join(dir, "editor-ran")
	editor := filepath.Join(dir, "editor")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\ntouch '"+marker+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	drafts := t.TempDir()
	t.Setenv("EDITOR", editor)
	t.Setenv("VISUAL", editor)
	t.Setenv("TMPDIR", drafts)

	h := newHarness(t, survey.Swedish)
	h.keys("<enter>s")
	h.keys(strings.Repeat("4", 24))
	h.see("Fråga 1 / 6")
	h.text("mitt utkast")
	h.send(tea.KeyMsg{Type: tea.KeyCtrlE})
	h.send(tea.KeyMsg{Type: tea.KeyCtrlZ})
	h.send(tea.KeyMsg{Type: tea.KeyCtrlV})
	h.text(" fortsätter")
	h.see("Fråga 1 / 6", "mitt utkast fortsätter")
	if _, err := os.Stat(marker); err == nil {
		t.Error("the editor ran")
	}
	if left, _ := os.ReadDir(drafts); len(left) > 0 {
		t.Errorf("the draft was written outside the database: %s", left[0].Name())
	}
}
