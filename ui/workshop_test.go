package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

const wsPIN = "4711"

// wsHarness runs the model in workshop mode on the in-memory store; out
// is what the model writes to the terminal itself (the scrollback).
func wsHarness(t *testing.T, st *memStore, lang survey.Lang) (*harness, *bytes.Buffer) {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	out := &bytes.Buffer{}
	h := &harness{t: t, q: q, clock: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)}
	h.m = New(Config{Store: st, Questionnaire: q, Lang: lang, Now: func() time.Time {
		h.clock = h.clock.Add(time.Second)
		return h.clock
	}, Workshop: WorkshopConfig{On: true, Out: out}})
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return h, out
}

// createWorkshop makes a workshop through the setup screen.
func createWorkshop(h *harness) {
	h.t.Helper()
	h.see("Workshopläge", "Ny workshop")
	h.keys("<enter>")
	h.text("Nätverksträff")
	h.keys("<enter>")
	h.see("Datum")
	h.keys("<enter>") // today
	h.text("Örebro")
	h.keys("<enter>")
	h.text("2026 höst")
	h.keys("<enter>")
	h.see("Ledarens PIN")
	h.text(wsPIN)
	h.keys("<enter>")
	h.notSee(wsPIN)
	h.text(wsPIN)
	h.keys("<enter>")
	h.see("Välkommen till Nätverksträff", "Börja (anonymt)", "2026 höst")
}

// takeTurn goes through one anonymous participant's test, with marker
// as the first discussion answer, to the result.
func takeTurn(h *harness, manager bool, marker string) {
	h.t.Helper()
	h.keys("<enter>") // Börja (anonymt)
	h.keys("<enter>") // begin with the background
	h.keys("<enter>") // no municipality
	h.see("Vilken är din yrkesroll?")
	if manager {
		h.keys("<down><down><down><enter>")
	} else {
		h.keys("<down><enter>")
	}
	h.keys("<esc>")
	h.keys(strings.Repeat("5", len(h.q.Statements)))
	h.see("Fråga 1 / ")
	h.text(marker)
	h.keys("<enter>")
	h.keys("<esc>")
	h.see("Innan du ser resultatet")
	h.keys("<enter>")
}

func TestWorkshopTurnsClearAndStartAgain(t *testing.T) {
	st := newMemStore()
	h, out := wsHarness(t, st, survey.Swedish)
	createWorkshop(h)
	if len(st.ws.list) != 1 || st.ws.list[0].pin != wsPIN || st.ws.list[0].w.Round != "2026 höst" {
		t.Fatalf("workshop not saved as given: %+v", st.ws.list)
	}
	takeTurn(h, false, "MARKER-ETT")
	h.see("Ditt resultat")
	h.notSee("chef") // the managers' question is for managers only
	out.Reset()
	h.keys("<enter>") // Klar
	h.see("Välkommen till Nätverksträff")
	if !strings.Contains(out.String(), "\x1b[3J") {
		t.Errorf("Klar did not erase the scrollback: %q", out.String())
	}
	h.notSee("MARKER-ETT", "Ditt resultat")
	if h.m.have || h.m.latest != nil || h.m.attempt.ID != (store.AttemptID{}) {
		t.Error("the participant's attempt stays in the model after Klar")
	}
	// Every attempt belongs to the workshop.
	if len(st.ws.attempts) != 1 {
		t.Errorf("attempts in the workshop: %d", len(st.ws.attempts))
	}
	for _, w := range st.ws.attempts {
		if w != st.ws.list[0].w.ID {
			t.Errorf("attempt in workshop %q", w)
		}
	}
}

func TestWorkshopManagerQuestion(t *testing.T) {
	st := newMemStore()
	h, _ := wsHarness(t, st, survey.Swedish)
	createWorkshop(h)
	takeTurn(h, true, "CHEF-MARKER")
	h.see("Har din förmåga att leda digital förändring stärkts under det senaste året?", "Delvis", "Vet inte")
	h.keys("<down><enter>") // Delvis
	h.see("Ditt resultat")
	if len(st.ws.manager) != 1 {
		t.Fatalf("managers' answers saved: %v", st.ws.manager)
	}
	for _, a := range st.ws.manager {
		if a != survey.ManagerPartly {
			t.Errorf("answer %q", a)
		}
	}
}

func TestWorkshopIdleResultClears(t *testing.T) {
	st := newMemStore()
	h, out := wsHarness(t, st, survey.Swedish)
	createWorkshop(h)
	takeTurn(h, false, "IDLE-MARKER")
	h.see("Ditt resultat")
	gen := h.m.ws.clearGen
	h.keys("<down>") // a key starts the timer again: the old one no longer counts
	if h.m.ws.clearGen == gen {
		t.Fatal("a key did not restart the idle timer")
	}
	h.send(wsClearMsg{gen})
	h.see("Ditt resultat")
	out.Reset()
	h.send(wsClearMsg{h.m.ws.clearGen})
	h.see("Välkommen till Nätverksträff")
	if !strings.Contains(out.String(), "\x1b[3J") {
		t.Error("the idle clear did not erase the scrollback")
	}
	h.notSee("IDLE-MARKER", "Ditt resultat")
}

func TestWorkshopQuitEndsTurnNotProgram(t *testing.T) {
	st := newMemStore()
	h, _ := wsHarness(t, st, survey.Swedish)
	createWorkshop(h)
	h.keys("<enter><enter><enter><down><enter><esc>") // background
	h.keys("55")
	h.keys("q")
	if h.quit {
		t.Fatal("q in workshop mode ended the program")
	}
	h.see("Välkommen till Nätverksträff")
	// The anonymous attempt stays unfinished, out of the group numbers.
	for id := range st.ws.attempts {
		if a, _ := st.get(id); a.Done() {
			t.Error("the attempt left part-way was finished")
		}
	}
}

func TestWorkshopFacilitatorPINGuardsWayOut(t *testing.T) {
	st := newMemStore()
	h, _ := wsHarness(t, st, survey.Swedish)
	createWorkshop(h)
	h.keys("<enter><enter>") // a participant in the background questions
	h.keys("<ctrl+c>")
	h.see("Ledarens PIN", "Esc går tillbaka")
	h.text("0000")
	h.keys("<enter>")
	if h.quit {
		t.Fatal("a wrong facilitator PIN quit")
	}
	h.see("Fel PIN (1 fel i rad)")
	h.keys("<esc>")
	h.see("I vilken kommun arbetar du?") // back where the participant was
	h.keys("q")                          // q is a letter in the municipality list
	h.keys("<ctrl+c>")
	// Wrong tries wait as a profile's PIN does.
	for range 4 {
		h.text("9999")
		h.keys("<enter>")
	}
	h.see("Vänta")
	if h.quit {
		t.Fatal("quit without the PIN")
	}
	h.clock = h.clock.Add(time.Minute)
	h.text(wsPIN)
	h.keys("<enter>")
	if !h.quit {
		t.Fatal("the right facilitator PIN did not end the program")
	}
}

func TestWorkshopLeaveAsksPIN(t *testing.T) {
	st := newMemStore()
	h, out := wsHarness(t, st, survey.Swedish)
	createWorkshop(h)
	h.keys("q")
	h.see("För att lämna workshopläget behövs ledarens PIN.")
	h.keys("<esc>")
	h.see("Välkommen till Nätverksträff")
	h.keys("<down><down><enter>") // the group view
	h.see("Gruppens resultat visas bara för ledaren.")
	h.text(wsPIN)
	h.keys("<enter>")
	if h.m.screen != screenGroup {
		t.Fatalf("the right PIN did not open the group view: %s", h.m.screen)
	}
	h.keys("<esc>")
	h.see("Välkommen till Nätverksträff")
	h.keys("q")
	h.text(wsPIN)
	out.Reset()
	h.keys("<enter>")
	if !h.quit {
		t.Fatal("leaving with the PIN did not end the program")
	}
	if !strings.Contains(out.String(), "\x1b[3J") {
		t.Error("leaving did not erase the scrollback")
	}
}

func TestWorkshopPickAsksPIN(t *testing.T) {
	st := newMemStore()
	if _, err := st.AddWorkshop(store.Workshop{Name: "Baslinjen", Round: "baslinje", Date: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}, wsPIN, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	h, _ := wsHarness(t, st, survey.English)
	h.see("Baslinjen", "New workshop")
	h.keys("<enter>")
	h.see("Opening Baslinjen needs the facilitator's PIN.")
	h.text("1111")
	h.keys("<enter>")
	h.see("Wrong PIN")
	h.text(wsPIN)
	h.keys("<enter>")
	h.see("Welcome to Baslinjen", "Start (anonymously)")
}

func TestWorkshopProfileResumesWithPIN(t *testing.T) {
	st := newMemStore()
	at := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	if _, err := st.AddProfile("Open", "", at); err != nil {
		t.Fatal(err)
	}
	bo, err := st.AddProfile("Bo", "2468", at)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := wsHarness(t, st, survey.Swedish)
	createWorkshop(h)
	h.keys("<down><enter>") // with my profile
	h.see("Bo")
	h.notSee("Open") // a profile without a PIN is nobody's to open here
	h.keys("<enter>")
	h.text("2468")
	h.keys("<enter>")
	h.keys("<enter><enter><down><enter><esc>555")
	h.keys("q")
	h.see("Välkommen till Nätverksträff")
	h.keys("<down><enter><enter>")
	h.text("2468")
	h.keys("<enter>")
	h.see("4 / 24") // resumed where Bo stopped
	open, ok, _, _ := st.peek(bo.ID)
	if !ok || st.ws.attempts[open.ID] == "" {
		t.Error("Bo's attempt is not in the workshop")
	}
}

// The result read again after a previous test of other questions
// (previousQuestions) arrives while the managers' question is shown: the
// question stays until it is answered or skipped.
func TestWorkshopManagerQuestionSurvivesHistoryReload(t *testing.T) {
	st := newMemStore()
	h, _ := wsHarness(t, st, survey.Swedish)
	createWorkshop(h)
	takeTurn(h, true, "CHEF-TVA")
	h.see("Vet inte")
	h.send(historyLoadedMsg{then: loadFor{screenResult}})
	h.see("Vet inte")
	h.keys("<esc>") // skipped
	h.see("Ditt resultat")
	if len(st.ws.manager) != 0 {
		t.Errorf("a skipped managers' question saved %v", st.ws.manager)
	}
}
