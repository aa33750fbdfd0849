package ui

import (
	"strings"
	"testing"

	"digikomp/store"
	"digikomp/survey"
)

// PauseMsg, which main sends on SIGTERM, SIGHUP and SIGINT, pauses as q
// does, keeping the typed discussion draft, whatever the screen's own
// keys are; a second one while ending starts nothing more.
func TestPauseMsgKeepsDiscussionDraft(t *testing.T) {
	h := newHarness(t, survey.English)
	h.keys("<enter>s")
	h.keys(strings.Repeat("4", 24))
	h.see("Question 1 / 6")
	h.text("half an answer")
	h.send(PauseMsg{})
	if !h.quit {
		t.Fatal("PauseMsg did not end the program")
	}
	if !h.m.Paused {
		t.Error("PauseMsg did not report the attempt as paused")
	}
	a, _, _ := h.st.Unfinished(store.LocalProfile)
	if got := a.Discussion["share-knowledge"]; got != "half an answer" {
		t.Errorf("draft %q was not kept", got)
	}
	if _, cmd := h.m.Update(PauseMsg{}); cmd != nil {
		t.Error("a second PauseMsg while ending returned a command")
	}
}
