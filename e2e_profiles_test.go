//go:build !windows

package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// Keys as the terminal sends them.
const (
	keyDown  = "\x1b[B"
	keyEnter = "\r"
	keyEsc   = "\x1b"
	keyCtrlC = "\x03"
)

// seedPeople stores Anneli (no PIN; a name that no text of the
// questions holds, so that a search of the file's bytes finds only her) and Bo (PIN 2468) in the database at
// path, each with a finished attempt whose first discussion answer is a
// marker of its own, finished on at.
func seedPeople(t *testing.T, path string, at time.Time) (anna, bo store.Profile) {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if anna, err = st.AddProfile("Anneli", "", at); err != nil {
		t.Fatal(err)
	}
	if bo, err = st.AddProfile("Bo", "2468", at); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct{ id, marker string }{{anna.ID, "ANNA-MARKER"}, {bo.ID, "BO-MARKER"}} {
		a, err := st.StartAttempt(p.id, q, at)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range q.Statements {
			if err := st.SaveRating(a.ID, s.ID, 4, store.Position{Stage: store.StageStatements, Cursor: i + 1}); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.SaveDiscussion(a.ID, q.Discussion[0].ID, p.marker, store.Position{Stage: store.StageReview}); err != nil {
			t.Fatal(err)
		}
		if err := st.Finish(a.ID, at.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	return anna, bo
}

// notOnScreen fails if the screen shows any of texts.
func (a *app) notOnScreen(texts ...string) {
	a.t.Helper()
	s := a.screen()
	for _, text := range texts {
		if strings.Contains(s, text) {
			a.t.Fatalf("the screen shows %q\n%s", text, a.dump())
		}
	}
}

// TestE2EChooserAndPIN: with two people on the file the real binary asks
// "Vem är du?" and shows names only; Bo's PIN is typed masked, a wrong
// one is counted, the right one lets him in to his own answers and
// nobody else's.
func TestE2EChooserAndPIN(t *testing.T) {
	env := newEnv(t, "sv")
	seedPeople(t, env.db, time.Now().AddDate(0, -4, -2))
	a := start(t, env)
	a.waitFor("Vem är du?")
	a.waitFor("Bo · skyddad med PIN-kod")
	a.notOnScreen("MARKER", "Senaste testet")
	a.send(keyDown + keyEnter)
	a.waitFor("PIN-kod för Bo")
	a.send("1111")
	a.waitFor("****")
	a.notOnScreen("1111", "MARKER")
	a.send(keyEnter)
	a.waitFor("Fel PIN-kod. Fel försök i rad: 1.")
	a.notOnScreen("MARKER", "Senaste testet")
	a.send("2468" + keyEnter)
	a.waitFor("Du gör testet som Bo.")
	a.waitFor("Senaste testet: för 4 månader sedan.")
	a.waitFor("Mer än 3 månader har gått")
	// His discussion answers: Diskussionsfrågor, five entries above the
	// last (Avsluta, Inställningar, Personer och PIN-koder, Byt person,
	// Workshopläge).
	a.send(strings.Repeat("\x1b[A", 6) + keyEnter)
	a.waitFor("BO-MARKER")
	a.notOnScreen("ANNA-MARKER")
	a.send("q")
	a.exitOK("q on the discussion questions")
}

// TestE2EWrongPINsRepeatedly: wrong tries are counted in the file, so a
// restart does not reset them, and beyond the third each waits: the
// screen counts down and takes no try meanwhile, after a restart too.
func TestE2EWrongPINsRepeatedly(t *testing.T) {
	env := newEnv(t, "sv")
	_, bo := seedPeople(t, env.db, time.Now().AddDate(0, -1, 0))
	toPIN := func() *app {
		a := start(t, env)
		a.waitFor("Vem är du?")
		a.send(keyDown + keyEnter)
		a.waitFor("PIN-kod för Bo")
		return a
	}
	a := toPIN()
	a.send("1111" + keyEnter)
	a.waitFor("Fel försök i rad: 1.")
	a.send(keyCtrlC)
	a.exitOK("Ctrl+C on the PIN screen")

	a = toPIN()
	a.send("1111" + keyEnter)
	a.waitFor("Fel försök i rad: 2.")
	a.send("1111" + keyEnter)
	a.waitFor("Fel försök i rad: 3.")
	a.send("1111" + keyEnter)
	a.waitFor("Fel försök i rad: 4.")
	a.send(keyCtrlC)
	a.exitOK("Ctrl+C on the PIN screen")

	// A fifth wrong try dated an hour ahead (as a clock set wrong, or
	// another window) leaves a wait the next start cannot pass.
	st, err := store.Open(env.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	check, err := st.CheckPIN(bo.ID, "0000", time.Now().Add(time.Hour))
	st.Close()
	if err != nil || check.Failures != 5 {
		t.Fatalf("fifth try: %+v, %v", check, err)
	}
	a = toPIN()
	a.send("2468" + keyEnter)
	a.waitFor("innan du försöker igen.")
	a.waitFor("Fel försök i rad: 5.")
	// Typed during the wait: not tried.
	a.send("2468" + keyEnter)
	a.waitFor("Vänta")
	a.notOnScreen("Du gör testet som Bo", "MARKER")
	a.send(keyEsc)
	a.waitFor("Vem är du?")
	a.send("q")
	a.exitOK("q on the chooser")
	st, err = store.Open(env.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if check, err := st.CheckPIN(bo.ID, "2468", time.Now().Add(2*time.Hour)); err != nil || !check.OK {
		t.Errorf("after the wait the right PIN: %+v, %v", check, err)
	}
}

// TestE2EAnonymousNotOfferedAgain: an anonymous attempt's result is shown
// once, then "Vem är du?" comes back without it, in this run and the next.
func TestE2EAnonymousNotOfferedAgain(t *testing.T) {
	env := newEnv(t, "sv")
	seedPeople(t, env.db, time.Now().AddDate(0, -1, 0))
	a := start(t, env)
	a.waitFor("Anonymt, utan namn")
	a.send(strings.Repeat(keyDown, 3) + keyEnter)
	a.waitFor("Om testet")
	a.send("s")
	a.waitFor("1 / 24")
	a.send(strings.Repeat("5", 24))
	a.waitFor("Fråga 1 / 6")
	a.send(keyEsc)
	a.waitFor("Innan du ser resultatet")
	a.send(keyEnter)
	a.waitFor("Ditt resultat")
	a.waitFor("Medelvärde totalt: 5,0 av 7")
	a.send(keyEsc)
	a.waitFor("Vem är du?")
	// The footer is drawn last: compare whole frames, not one half drawn.
	// The result's footer also ends in "? hjälp · q avsluta", so wait for
	// the chooser's whole row.
	a.waitLine(chooserFooter)
	a.notOnScreen("Medelvärde", "Senaste testet")
	chooser := a.screen()
	a.send("q")
	a.exitOK("q on the chooser")
	if strings.Contains(a.output(), "Pausat") {
		t.Error("quitting after an anonymous attempt says it was paused")
	}
	st, err := store.Open(env.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Profiles()
	st.Close()
	if err != nil || len(list) != 3 {
		t.Fatalf("profiles listed: %+v, %v (want the default one, Anna and Bo)", list, err)
	}
	b := start(t, env)
	b.waitFor("Vem är du?")
	b.waitLine(chooserFooter)
	if got := b.screen(); got != chooser {
		t.Errorf("the chooser changed after restarting:\n%s\nbefore:\n%s", got, chooser)
	}
	b.send("q")
	b.exitOK("q on the chooser")
}

// chooserFooter is the key help row of "Vem är du?".
const chooserFooter = "↑/↓ välj · enter bekräfta · ? hjälp · q avsluta"

// The accessible menu's length on a fresh file (take the test, the
// discussion questions, switch person, people and PINs, settings, quit)
// and with an unfinished attempt (continue and start over instead of
// take the test).
const (
	freshMenu  = 6
	resumeMenu = 7
)

// TestE2EDeleteFromPeopleScreen: a person deletes themselves on the
// people screen after typing their name; the app goes back to "Vem är
// du?" without them, and neither their name nor their answers are left in
// the file's bytes.
func TestE2EDeleteFromPeopleScreen(t *testing.T) {
	env := newEnv(t, "en")
	seedPeople(t, env.db, time.Now().AddDate(0, -1, 0))
	a := start(t, env)
	a.waitFor("Who are you?")
	a.send(keyEnter) // Anneli
	a.waitFor("You are taking the test as Anneli.")
	// People and PINs: three entries above the last (Quit, Settings).
	a.send(strings.Repeat("\x1b[A", 3) + keyEnter)
	a.waitFor("People on this computer")
	a.waitFor("Anneli (you)")
	a.send(keyEnter)
	a.waitFor("Delete the person and all answers")
	a.send(strings.Repeat(keyDown, 2) + keyEnter)
	a.waitFor("Type Anneli to delete")
	a.send("Ann" + keyEnter)
	a.waitFor("What you typed does not match, so nothing was deleted.")
	a.send(keyEnter + strings.Repeat(keyDown, 2) + keyEnter)
	a.waitFor("Type Anneli to delete")
	a.send("anneli" + keyEnter)
	a.waitFor("Who are you?")
	a.waitFor("Bo · protected by a PIN")
	a.notOnScreen("Anneli")
	a.send("q")
	a.exitOK("q on the chooser")
	raw, err := os.ReadFile(env.db)
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"ANNA-MARKER", "Anneli"} {
		if bytes.Contains(raw, []byte(gone)) {
			t.Errorf("%q is still in the file's bytes", gone)
		}
	}
	if !bytes.Contains(raw, []byte("BO-MARKER")) {
		t.Error("Bo's answer went too")
	}
}

// TestE2EAccessiblePINHidden: in accessible mode on a terminal the PIN is
// read with echo off (huh's accessible Input with EchoModePassword), so
// the digits typed never reach the screen; the prompt says so.
func TestE2EAccessiblePINHidden(t *testing.T) {
	env := newEnv(t, "sv")
	seedPeople(t, env.db, time.Now().AddDate(0, -1, 0))
	a := start(t, env, "--accessible")
	a.waitOutput("2. Bo · skyddad med PIN-kod", 1)
	a.waitOutput("Skriv en siffra från 1 till 5:", 1)
	a.line("2")
	a.waitOutput("Det du skriver visas inte.", 1)
	a.waitOutput("PIN-kod (bara Enter går tillbaka):", 1)
	a.line("9753")
	a.waitOutput("Fel PIN-kod. Fel försök i rad: 1.", 1)
	a.waitOutput("PIN-kod (bara Enter går tillbaka):", 2)
	a.line("2468")
	a.waitOutput("Du gör testet som Bo.", 1)
	a.send("\x04")
	a.exitOK("Ctrl+D at the menu")
	for _, typed := range []string{"9753", "2468"} {
		if strings.Contains(a.output(), typed) {
			t.Errorf("the PIN %s was echoed:\n%s", typed, a.tail())
		}
	}
}
