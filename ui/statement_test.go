package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

func TestRatingKeysAnswerAndMoveOn(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.see("Gör testet")
	h.keys("<enter>")
	h.see("Om testet")
	h.keys("s")
	h.see("1 / 24", "Mycket osäker", "Mycket säker")
	h.keys("567")
	h.see("4 / 24")
	a, ok, err := h.st.Unfinished(store.LocalProfile)
	if err != nil || !ok {
		t.Fatalf("unfinished attempt: %v %v", ok, err)
	}
	want := []int{5, 6, 7}
	for i, v := range want {
		id := h.q.Statements[i].ID
		if got := a.Ratings[id].Value; got != v {
			t.Errorf("statement %s: stored %d, want %d", id, got, v)
		}
	}
	if a.Position != (store.Position{Stage: store.StageStatements, Cursor: 3}) {
		t.Errorf("position %+v, want statement 3", a.Position)
	}
}

// A terminal read can hold several typed keys; Bubble Tea delivers them as
// one message with several runes.
func TestBurstOfKeysAnswersEachStatement(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.keys("<enter>s")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("567s3")})
	h.see("6 / 24")
	a, _, _ := h.st.Unfinished(store.LocalProfile)
	for i, want := range []int{5, 6, 7, store.Skipped, 3} {
		if got, ok := a.Ratings[h.q.Statements[i].ID]; !ok || got.Value != want {
			t.Errorf("statement %d: got %+v, want %d", i+1, got, want)
		}
	}
}
