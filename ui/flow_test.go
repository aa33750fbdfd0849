package ui

import (
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"syscall"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

func TestWholeTestToResult(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.keys("<enter>") // Gör testet
	h.keys("<enter>") // begin with background
	h.keys("örebro<enter>")
	h.see("Vilken är din yrkesroll?")
	h.keys("<down><enter>") // Bibliotekarie
	h.keys("<esc>")         // skip the rest of the background
	h.see("1 / 24")
	// Statement 2 is skipped, the rest rated 1–7 in turn.
	var typed strings.Builder
	for i := range 24 {
		if i == 1 {
			typed.WriteString("s")
			continue
		}
		typed.WriteString(fmt.Sprint(i%7 + 1))
	}
	h.keys(typed.String())
	h.see("Fråga 1 / 6")
	h.text("Mer tid för fortbildning")
	h.keys("<enter>")
	h.see("Fråga 2 / 6")
	h.keys("<esc>")
	h.see("Innan du ser resultatet", "Ett påstående saknar svar", "a) 2.")
	h.keys("a")
	h.see("2 / 24", "Du hoppade över")
	h.keys("7")
	h.see("Innan du ser resultatet", "Du har svarat på alla påståenden")
	if a, _, _ := h.st.Unfinished(store.LocalProfile); a.Position.Stage != store.StageReview {
		t.Errorf("after answering from the review, stored position %+v; a restart would not return to the review", a.Position)
	}
	h.keys("<enter>")
	h.see("Ditt resultat", "Besvarade: 24 av 24")

	a, ok, err := h.st.LatestFinished(store.LocalProfile)
	if err != nil || !ok {
		t.Fatalf("no finished attempt: %v", err)
	}
	if a.Background["municipality"] != "Örebro" || a.Background["role"] != "librarian" {
		t.Errorf("background %v", a.Background)
	}
	if got := a.Discussion["share-knowledge"]; got != "Mer tid för fortbildning" {
		t.Errorf("discussion answer %q", got)
	}
	r := survey.Score(h.q, a.Scores())
	h.see("Medelvärde totalt: " + strings.Replace(fmt.Sprintf("%.1f", r.Mean), ".", ",", 1) + " av 7")
	if _, still, _ := h.st.Unfinished(store.LocalProfile); still {
		t.Error("the finished attempt is still listed as unfinished")
	}
}

func TestResumeAtTheSameStatement(t *testing.T) {
	h := newHarness(t, survey.English)
	h.keys("<enter>s3456")
	h.see("5 / 24")
	h.keys("<left><left>")
	h.see("3 / 24", "Your answer: 5")
	h.keys("q")
	if !h.quit || !h.m.Paused {
		t.Fatal("q should pause and quit")
	}

	again := newHarnessOn(t, h.st, survey.English)
	again.see("Continue where you left off (4 of 24 answered)")
	again.keys("<enter>")
	again.see("3 / 24", "Your answer: 5")
}

func TestStartOverAsksFirst(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.keys("<enter>s12")
	h.keys("<esc>")
	h.see("Fortsätt där du slutade (2 av 24 besvarade)", "Börja om från början")
	h.keys("<down><enter>")
	h.see("Om du börjar om", "j = ja")
	h.keys("n")
	h.notSee("Om du börjar om")
	h.keys("<enter>")
	h.see("Om du börjar om", "j = ja")
	h.keys("j")
	h.see("Om testet")
	a, ok, _ := h.st.Unfinished(store.LocalProfile)
	if !ok || len(a.Ratings) != 0 {
		t.Fatalf("after starting over: %v %+v", ok, a.Ratings)
	}
}

func TestTooSmallWindow(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	h.see("Gör fönstret större", "50 × 16", "40 × 12")
	h.keys("<enter>") // nothing to act on
	h.see("Gör fönstret större")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.see("Gör testet")
}

// At 80×24 every screen fits: no line is wider, no screen taller.
func TestScreensFit80x24(t *testing.T) {
	for _, lang := range survey.Langs {
		h := newHarness(t, lang)
		check := func(name string) {
			t.Helper()
			lines := strings.Split(h.screen(), "\n")
			if len(lines) > 24 {
				t.Errorf("%s/%s: %d lines", lang, name, len(lines))
			}
			for _, l := range lines {
				if w := len([]rune(l)); w > 80 {
					t.Errorf("%s/%s: line of %d cells: %q", lang, name, w, l)
				}
			}
		}
		check("welcome")
		h.keys("<enter>")
		check("intro")
		h.keys("<enter>")
		check("municipality")
		h.keys("<enter>")
		check("role")
		h.keys("<esc>")
		for i := range 24 {
			check(fmt.Sprint("statement ", i+1))
			h.keys("?")
			check(fmt.Sprint("help ", i+1))
			h.keys("?4")
		}
		check("discussion")
		h.keys("<esc>")
		check("review")
		h.keys("<enter>")
		check("result")
	}
}

func TestHelpShowsAllKeys(t *testing.T) {
	h := newHarness(t, survey.English)
	h.keys("<enter>s?")
	h.see("Keys", "skip", "previous", "next", "menu", "pause")
	h.keys("?")
	h.see("1 / 24")
}

func TestPausingKeepsDiscussionDraft(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.keys("<enter>s")
	h.keys(strings.Repeat("4", 24))
	h.see("Fråga 1 / 6")
	h.text("halvfärdigt svar")
	h.keys("<ctrl+c>")
	if !h.quit {
		t.Fatal("ctrl+c should quit")
	}
	a, _, _ := h.st.Unfinished(store.LocalProfile)
	if got := a.Discussion["share-knowledge"]; got != "halvfärdigt svar" {
		t.Errorf("draft %q was not kept", got)
	}
}

func TestQInTextIsALetter(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	h.keys("<enter>s")
	h.keys(strings.Repeat("4", 24))
	h.text("quiz?")
	h.keys("<enter>")
	if h.quit {
		t.Fatal("typing q in a text answer quit the program")
	}
	h.see("Fråga 2 / 6")
}

// failingStore refuses to save ratings as a full disk does.
type failingStore struct{ Store }

func (failingStore) SaveRating(store.AttemptID, string, int, store.Position) error {
	return fmt.Errorf("commit: %w", &fs.PathError{Op: "write", Path: "/media/stick/digikomp.db", Err: syscall.ENOSPC})
}

// A failed save stays on the statement and says, in the person's
// language, that nothing was saved, why, what to do and that earlier
// answers are kept; the system's words come on a line of their own.
func TestFailedSaveStaysPut(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("ENOSPC is an invented value on Windows; kinds_windows.go lists the real ones")
	}
	for _, tc := range []struct {
		lang survey.Lang
		want []string
	}{
		{survey.English, []string{"Could not save. The disk is full.", "Free some space", "is kept.", "Details: ENOSPC, /media/stick/digikomp.db"}},
		{survey.Swedish, []string{"Kunde inte spara. Disken är full.", "Frigör utrymme", "finns kvar.", "Detaljer: ENOSPC, /media/stick/digikomp.db"}},
	} {
		h := newHarness(t, tc.lang)
		h.m.cfg.Store = failingStore{h.st}
		h.keys("<enter>s5")
		h.see(append([]string{"1 / 24"}, tc.want...)...)
		h.keys("6")
		h.see("1 / 24")
	}
}

// The key help is the last line of the window, not one above it.
func TestFooterOnLastLine(t *testing.T) {
	h := newHarness(t, survey.Swedish)
	for _, keys := range []string{"", "<enter>", "s"} {
		h.keys(keys)
		lines := strings.Split(h.screen(), "\n")
		if len(lines) != 24 || !strings.Contains(lines[23], "enter") && !strings.Contains(lines[23], "svara") {
			t.Fatalf("after %q: %d lines, last %q", keys, len(lines), lines[len(lines)-1])
		}
	}
}
