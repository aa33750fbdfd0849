//go:build !windows

package main

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

const e2eFacilitatorPIN = "4711"

// workshopTurn takes one anonymous participant's test in the pty, with
// marker as the first discussion answer, up to the result, checking on
// every screen that no earlier participant's marker shows.
func workshopTurn(t *testing.T, a *app, marker, rating string, earlier []string) {
	t.Helper()
	noneOf := func() {
		t.Helper()
		s := a.screen()
		for _, m := range earlier {
			if strings.Contains(s, m) {
				t.Fatalf("participant %s sees %s:\n%s", marker, m, a.dump())
			}
		}
	}
	a.waitFor("Börja (anonymt)")
	noneOf()
	a.send(keyEnter)
	a.waitFor("Om testet") // the introduction
	a.send(keyEnter)
	a.waitFor("I vilken kommun")
	a.send(keyEnter)
	a.waitFor("Vilken är din yrkesroll?")
	a.send(keyDown + keyEnter)
	a.waitFor("Hur länge har du arbetat på bibliotek?")
	a.send(keyEsc)
	a.waitFor("1 / 24")
	noneOf()
	a.send(strings.Repeat(rating, 24))
	a.waitFor("Fråga 1 / ")
	noneOf()
	a.send(marker + keyEnter)
	a.waitFor("Fråga 2 / ")
	a.send(keyEsc)
	a.waitFor("Innan du ser resultatet")
	a.send(keyEnter)
	a.waitFor("Ditt resultat")
	noneOf()
}

// TestE2EWorkshopTurns: a facilitator creates a workshop; three
// participants take turns on the laptop and none sees another's answers;
// "Klar" and the idle timer erase the screen and the scrollback; Ctrl+C
// and leaving ask the facilitator PIN, which a wrong PIN does not pass.
func TestE2EWorkshopTurns(t *testing.T) {
	env := newEnv(t, "sv")
	a := start(t, env, "workshop", "--clear-after", "2s")
	a.waitFor("Ny workshop")
	a.send(keyEnter)
	a.waitFor("Workshoppens namn")
	a.send("Nätverksträff" + keyEnter)
	a.waitFor("Datum")
	a.send(keyEnter)
	a.waitFor("Plats")
	a.send("Örebro" + keyEnter)
	a.waitFor("Insamlingsomgång")
	a.send("2026 höst" + keyEnter)
	a.waitFor("Ledarens PIN")
	a.send(e2eFacilitatorPIN + keyEnter)
	a.waitFor("Samma PIN en gång till")
	if strings.Contains(a.screen(), e2eFacilitatorPIN) {
		t.Fatalf("the facilitator PIN shows as typed:\n%s", a.dump())
	}
	a.send(e2eFacilitatorPIN + keyEnter)
	a.waitFor("Välkommen till Nätverksträff")

	markers := []string{"EETT-MARKER", "TVAA-MARKER", "TREE-MARKER"}
	// The first two end with "Klar"; the scrollback is erased each time.
	for i, m := range markers[:2] {
		workshopTurn(t, a, m, []string{"2", "6"}[i], markers[:i])
		before := len(a.output())
		a.send(keyEnter) // Klar
		a.waitFor("Välkommen till Nätverksträff")
		a.waitUntil("the scrollback to be erased", func(string) bool {
			return strings.Contains(a.output()[before:], "\x1b[3J")
		})
		if s := a.screen(); strings.Contains(s, "Ditt resultat") || strings.Contains(s, m) {
			t.Fatalf("after Klar the screen still shows the turn:\n%s", a.dump())
		}
	}

	// The third tries Ctrl+C on the way, with a wrong PIN, then goes on.
	a.waitFor("Börja (anonymt)")
	a.send(keyEnter)
	a.waitFor("Om testet")
	a.send(keyCtrlC)
	a.waitFor("Ctrl+C avslutar bara med ledarens PIN")
	a.send("0000" + keyEnter)
	a.waitFor("Fel PIN (1 fel i rad)")
	a.send(keyEsc)
	a.waitFor("Om testet")
	select {
	case <-a.waitDone:
		t.Fatal("Ctrl+C with a wrong PIN ended the program")
	default:
	}
	a.send("q") // ends the turn, not the program
	workshopTurn(t, a, markers[2], "4", markers[:2])
	// Left on screen, the result clears itself (ClearAfter 2 s here).
	before := len(a.output())
	a.waitFor("Välkommen till Nätverksträff")
	a.waitUntil("the idle clear to erase the scrollback", func(string) bool {
		return strings.Contains(a.output()[before:], "\x1b[3J")
	})
	if strings.Contains(a.screen(), "Ditt resultat") {
		t.Fatalf("the idle result did not clear:\n%s", a.dump())
	}

	// Leaving asks the facilitator PIN.
	a.send("q")
	a.waitFor("För att lämna workshopläget behövs ledarens PIN.")
	a.send(e2eFacilitatorPIN + keyEnter)
	if code := a.wait(); code != exitOK {
		t.Fatalf("exit code %d after leaving with the PIN", code)
	}

	st, err := store.Open(env.db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ws, err := st.Workshops()
	if err != nil || len(ws) != 1 || ws[0].Round != "2026 höst" || ws[0].ClearAfter != 2*time.Second {
		t.Fatalf("workshops %+v, %v", ws, err)
	}
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	finished := 0
	unfinished, err := st.EachRespondent(q, store.GroupFilter{Workshop: ws[0].ID}, func(survey.Respondent) { finished++ })
	// The turn left at the introduction stays unfinished, out of the
	// group's numbers.
	if err != nil || finished != 3 || unfinished != 1 {
		t.Errorf("the workshop holds %d finished and %d unfinished attempts (%v), want 3 and 1", finished, unfinished, err)
	}
}

// TestE2EWorkshopSIGTERM: the facilitator's machine can be stopped by its
// owner: SIGTERM ends workshop mode cleanly, without the PIN.
func TestE2EWorkshopSIGTERM(t *testing.T) {
	env := newEnv(t, "en")
	st, err := store.Open(env.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now()
	if _, err := st.AddWorkshop(store.Workshop{Name: "Spring", Round: "baseline", Date: at}, e2eFacilitatorPIN, at); err != nil {
		t.Fatal(err)
	}
	st.Close()
	a := start(t, env, "workshop")
	a.waitFor("Spring")
	a.send(keyEnter)
	a.waitFor("Opening Spring needs the facilitator's PIN.")
	a.send("1111" + keyEnter)
	a.waitFor("Wrong PIN")
	a.send(e2eFacilitatorPIN + keyEnter)
	a.waitFor("Welcome to Spring")
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := a.wait(); code != exitOK {
		t.Fatalf("exit code %d after SIGTERM", code)
	}
}

// TestE2EAccessibleWorkshop: in line mode the facilitator PIN is read
// with echo off, a wrong one is said, Ctrl+C (SIGINT from the terminal)
// does not end workshop mode, and leaving asks the PIN.
func TestE2EAccessibleWorkshop(t *testing.T) {
	env := newEnv(t, "sv")
	st, err := store.Open(env.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now()
	if _, err := st.AddWorkshop(store.Workshop{Name: "Vårträffen", Round: "baslinje", Date: at}, e2eFacilitatorPIN, at); err != nil {
		t.Fatal(err)
	}
	st.Close()
	a := start(t, env, "workshop", "--accessible")
	a.waitOutput("1. Vårträffen", 1)
	a.waitOutput("Skriv en siffra från 1 till 3:", 1)
	a.line("1")
	a.waitOutput("Det du skriver visas inte.", 1)
	a.line("0000")
	a.waitOutput("Fel PIN (1 fel i rad).", 1)
	a.line(e2eFacilitatorPIN)
	a.waitOutput("Välkommen till Vårträffen", 1)
	a.waitOutput("Skriv en siffra från 1 till 4:", 1)
	a.send(keyCtrlC)
	a.line("4")
	a.waitOutput("För att lämna workshopläget behövs ledarens PIN.", 1)
	a.line(e2eFacilitatorPIN)
	a.exitOK("leaving with the facilitator PIN")
	for _, typed := range []string{"0000", e2eFacilitatorPIN} {
		if strings.Contains(a.output(), typed) {
			t.Errorf("the PIN %s was echoed:\n%s", typed, a.tail())
		}
	}
	if !strings.Contains(a.output(), "\x1b[3J") {
		t.Errorf("leaving did not erase the scrollback:\n%s", a.tail())
	}
}
