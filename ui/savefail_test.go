package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// atFirstStatement starts a test on a fresh in-memory store, skipping the
// background questions, and stops at the first statement.
func atFirstStatement(t *testing.T) (*harness, *memStore, *survey.Questionnaire) {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := newMemStore()
	h := newHarnessFor(t, ms, q, survey.English)
	h.keys("<enter>s")
	h.see(fmt.Sprintf("1 / %d", len(q.Statements)))
	return h, ms, q
}

// toDiscussion starts a test on a fresh in-memory store and answers every
// statement, up to the first discussion question.
func toDiscussion(t *testing.T) (*harness, *memStore) {
	t.Helper()
	h, ms, q := atFirstStatement(t)
	h.keys(strings.Repeat("4", len(q.Statements)))
	h.see(fmt.Sprintf("Question 1 / %d", len(q.Discussion)))
	return h, ms
}

// Damage met by a save ends the program at once, with the damage as its
// error, and nothing typed afterwards reaches the store.
func TestDamageMetBySaveStops(t *testing.T) {
	h, ms, _ := atFirstStatement(t)
	ms.takeCalls()
	ms.failWrites, ms.failErr = 1, fmt.Errorf("%w: attempt record", store.ErrCorrupt)
	h.keys("5")
	if !h.quit || !errors.Is(h.m.Fatal, store.ErrCorrupt) {
		t.Fatalf("damage met by a save: quit %v, Fatal %v; want the program to end with the damage", h.quit, h.m.Fatal)
	}
	h.keys("6<right>7s")
	if calls := ms.takeCalls(); len(calls) != 1 {
		t.Errorf("%d writes were tried, want only the one that met the damage: %+v", len(calls), calls)
	}
}

// Pausing keeps a half-written discussion answer. When that save fails
// (a full disk, a damaged file) the model says so through Unsaved, so
// that main does not print "paused, everything kept" and exit 0.
func TestPauseReportsFailedDraftSave(t *testing.T) {
	for _, fail := range []bool{false, true} {
		h, ms := toDiscussion(t)
		h.text("ett utkast")
		if fail {
			ms.failWrites = 1
		}
		h.keys("<ctrl+c>")
		if !h.quit {
			t.Fatal("ctrl+c did not end the program")
		}
		if fail != errors.Is(h.m.Unsaved, errDiskFull) {
			t.Errorf("save failing %v: Unsaved = %v", fail, h.m.Unsaved)
		}
		a, _, _ := ms.Unfinished(store.LocalProfile)
		if got := a.Discussion[h.q.Discussion[0].ID]; (got == "ett utkast") == fail {
			t.Errorf("save failing %v: the stored draft is %q", fail, got)
		}
	}
}

// Ctrl+C while a discussion answer's save is in flight starts no second
// save: it would store the position from before the first one and, run
// after it, move the stored position back.
func TestInterruptDuringSaveKeepsPosition(t *testing.T) {
	h, ms := toDiscussion(t)
	h.text("svar")
	next, inflight := h.m.act(intentDiscussion{question: h.q.Discussion[0].ID, text: "svar"})
	h.m = next.(Model)
	next, quit := h.m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	h.m = next.(Model)
	h.send(inflight()) // the first save commits and reports
	h.run(quit)        // then whatever Ctrl+C asked for
	a, _, _ := ms.Unfinished(store.LocalProfile)
	want := store.Position{Stage: store.StageDiscussion, Cursor: 1}
	if a.Position != want {
		t.Errorf("stored position %+v after Ctrl+C during a save, want %+v", a.Position, want)
	}
	if !h.quit {
		t.Error("ctrl+c during a save did not end the program")
	}
}
