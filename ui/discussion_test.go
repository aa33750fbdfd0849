package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// toDiscussion answers every statement and stops at the first
// discussion question.
func (h *harness) toDiscussion() {
	h.t.Helper()
	h.keys("<enter>s")
	h.keys(strings.Repeat("4", len(h.q.Statements)))
	h.see(h.m.c.cat.MenuDiscussion)
}

func (h *harness) paste(s string) {
	h.t.Helper()
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
}

// fits fails unless the screen is exactly the window's 24 lines.
func (h *harness) fits() {
	h.t.Helper()
	if n := len(strings.Split(h.screen(), "\n")); n != 24 {
		h.t.Fatalf("the screen has %d lines, want 24:\n%s", n, h.screen())
	}
}

// TestDiscussionCountsNearTheLimit: the count appears from 3 500
// characters on, and the box holds 4 000.
func TestDiscussionCountsNearTheLimit(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.toDiscussion()
	h.paste(strings.Repeat("å", 3499))
	h.notSee("tecken")
	h.keys("b")
	h.see("3\u00a0500 / 4\u00a0000 tecken")
	h.notSee("fick inte plats")
	h.fits()
	h.paste(strings.Repeat("c", 112))
	h.see("3\u00a0612 / 4\u00a0000 tecken")
	h.notSee("fick inte plats")
}

// TestDiscussionSaysWhatWasCut: a paste longer than the room left keeps
// what fits and says how much did not; so does a key typed into a full
// box. What is saved is what is shown.
func TestDiscussionSaysWhatWasCut(t *testing.T) {
	for _, c := range []struct {
		lang            survey.Lang
		count, cut, one string
	}{
		{survey.Swedish, "4\u00a0000 / 4\u00a0000 tecken", "1\u00a0250 tecken fick inte plats", "Ett tecken fick inte plats"},
		{survey.English, "4,000 / 4,000 characters", "1,250 characters did not fit", "One character did not fit"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.toDiscussion()
			h.paste(strings.Repeat("a", 3000))
			h.paste(strings.Repeat("b", 2250))
			h.see(c.count, c.cut)
			h.fits()
			h.keys("x")
			h.see(c.count, c.one)
			h.notSee(c.cut)
			h.keys("<backspace>")
			h.notSee(c.one)
			h.keys("<enter>")
			a, _, _ := h.st.Unfinished(store.LocalProfile)
			if got, want := a.Discussion[h.q.Discussion[0].ID], strings.Repeat("a", 3000)+strings.Repeat("b", 999); got != want {
				t.Errorf("saved %d characters, want the %d shown", len([]rune(got)), len([]rune(want)))
			}
		})
	}
}

// TestDiscussionSaysStoredAnswerWasCut: an answer stored by another
// program may be longer than the box; opening it says how much the box
// does not hold, before anything is saved over it.
func TestDiscussionSaysStoredAnswerWasCut(t *testing.T) {
	st := openTemp(t)
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.StartAttempt(store.LocalProfile, q, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	pos := store.Position{Stage: store.StageDiscussion}
	if err := st.SaveDiscussion(a.ID, q.Discussion[0].ID, strings.Repeat("ö", 4321), pos); err != nil {
		t.Fatal(err)
	}
	h := newHarnessOn(t, st, survey.Swedish)
	h.keys("<enter>")
	h.see("4\u00a0000 / 4\u00a0000 tecken", "321 tecken fick inte plats")
}

// TestPastedBidiIsCleaned: the text box removes controls from a paste
// but keeps bidirectional overrides; the answer is cleaned like every
// other text that is shown.
func TestPastedBidiIsCleaned(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.toDiscussion()
	h.paste("höger\u202etill vänster\u2066")
	h.see("högertill vänster")
	checkClean(t, "discussion", h.m.View())
}

func TestFormatCount(t *testing.T) {
	for _, c := range []struct {
		n      int
		sv, en string
	}{{0, "0", "0"}, {999, "999", "999"}, {1000, "1\u00a0000", "1,000"}, {3612, "3\u00a0612", "3,612"}, {1234567, "1\u00a0234\u00a0567", "1,234,567"}, {-4000, "-4\u00a0000", "-4,000"}} {
		if got := formatCount(survey.Swedish, c.n); got != c.sv {
			t.Errorf("formatCount(sv, %d) = %q, want %q", c.n, got, c.sv)
		}
		if got := formatCount(survey.English, c.n); got != c.en {
			t.Errorf("formatCount(en, %d) = %q, want %q", c.n, got, c.en)
		}
	}
}

// TestFailedDiscussionSaveKeepsTheText: when saving a discussion answer
// fails, the question and the text stay on screen with the error, as on
// the statement screens; typing goes on into the box, and Enter saves
// what is shown once the disk works again.
func TestFailedDiscussionSaveKeepsTheText(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := newMemStore()
	h := newHarnessFor(t, ms, q, survey.Swedish)
	h.toDiscussion()
	h.text("vi vill ses oftare")
	ms.mu.Lock()
	ms.failWrites = 1
	ms.mu.Unlock()
	h.keys("<enter>")
	h.see("Fråga 1 / 6", q.Discussion[0].Text.SV[:20], "vi vill ses oftare", "Kunde inte spara")
	h.fits()
	h.text(" och längre")
	h.see("vi vill ses oftare och längre")
	h.keys("<enter>")
	h.see("Fråga 2 / 6")
	h.notSee("Kunde inte spara")
	a, _, _ := ms.Unfinished(store.LocalProfile)
	if got := a.Discussion[q.Discussion[0].ID]; got != "vi vill ses oftare och längre" {
		t.Errorf("saved %q", got)
	}
}

// TestFailedBackgroundSaveKeepsTheQuestion: the same for a background
// question chosen in a list.
func TestFailedBackgroundSaveKeepsTheQuestion(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := newMemStore()
	h := newHarnessFor(t, ms, q, survey.Swedish)
	h.keys("<enter><enter><enter>") // intro, background, no municipality
	role := q.Background[1]
	h.see(role.Prompt.SV)
	ms.mu.Lock()
	ms.failWrites = 1
	ms.mu.Unlock()
	h.keys("<down><down><enter>")
	h.see(role.Prompt.SV, role.Options[1].Label.SV, "Kunde inte spara")
	h.keys("<enter>")
	h.notSee("Kunde inte spara", role.Prompt.SV)
	a, _, _ := ms.Unfinished(store.LocalProfile)
	if got := a.Background[role.ID]; got != role.Options[1].ID {
		t.Errorf("saved %q, want %q", got, role.Options[1].ID)
	}
}

// TestDiscussionNoteFitsSmallWindow: at the smallest window the note
// about the length still leaves the footer on the last line.
func TestDiscussionNoteFitsSmallWindow(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.toDiscussion()
	h.paste(strings.Repeat("ab ", 1600))
	h.send(tea.WindowSizeMsg{Width: MinWidth, Height: MinHeight})
	lines := strings.Split(h.screen(), "\n")
	if len(lines) != MinHeight || !strings.Contains(lines[MinHeight-1], "enter") {
		t.Fatalf("%d lines in a window of %d, the last %q:\n%s", len(lines), MinHeight, lines[len(lines)-1], h.screen())
	}
	h.see("4\u00a0000 / 4\u00a0000 tecken", "800 tecken fick inte plats")
}
