package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// people puts Anna (no PIN) and Bo (PIN 1234) on st, each with a
// finished attempt whose first discussion answer is a marker of its own,
// finished on t0.
func people(t *testing.T, st *memStore, q *survey.Questionnaire, t0 time.Time) (anna, bo store.Profile) {
	t.Helper()
	var err error
	if anna, err = st.AddProfile("Anna", "", t0); err != nil {
		t.Fatal(err)
	}
	if bo, err = st.AddProfile("Bo", "1234", t0); err != nil {
		t.Fatal(err)
	}
	finishedWith(t, st, q, anna.ID, "ANNA-MARKER", t0)
	finishedWith(t, st, q, bo.ID, "BO-MARKER", t0)
	return anna, bo
}

// finishedWith stores a finished attempt of profile whose ratings are 4
// and whose first discussion answer is marker.
func finishedWith(t *testing.T, st *memStore, q *survey.Questionnaire, profile, marker string, at time.Time) store.Attempt {
	t.Helper()
	a, err := st.StartAttempt(profile, q, at)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range q.Statements {
		if err := st.SaveRating(a.ID, s.ID, 4, store.Position{Stage: store.StageStatements, Cursor: i + 1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveDiscussion(a.ID, q.Discussion[0].ID, marker, store.Position{Stage: store.StageReview}); err != nil {
		t.Fatal(err)
	}
	if err := st.Finish(a.ID, at.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	st.takeCalls()
	return a
}

// peopleHarness runs the model on a memStore holding Anna and Bo, with a
// clock that stands still unless the test moves it.
func peopleHarness(t *testing.T, lang survey.Lang) (*harness, *memStore, store.Profile, store.Profile) {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	st := newMemStore()
	t0 := time.Date(2026, 7, 20, 12, 0, 0, 0, time.UTC)
	anna, bo := people(t, st, q, t0)
	h := &harness{t: t, q: q, clock: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
	h.m = New(Config{Store: st, Questionnaire: q, Lang: lang, Now: func() time.Time { return h.clock }})
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return h, st, anna, bo
}

func TestChooserListsPeopleAndNothingOfThem(t *testing.T) {
	h, _, _, _ := peopleHarness(t, survey.Swedish)
	h.see("Vem är du?", "Anna", "Bo · skyddad med PIN-kod", "Ny person", "Anonymt", "Avsluta")
	h.notSee("ANNA-MARKER", "BO-MARKER", "Senaste testet")
	if h.m.latest != nil || h.m.have {
		t.Error("the chooser's model holds an attempt")
	}
}

func TestPickPersonWithoutPIN(t *testing.T) {
	h, _, _, _ := peopleHarness(t, survey.Swedish)
	h.keys("<enter>") // Anna
	h.see("Du gör testet som Anna.", "Senaste testet: för 4 månader sedan.",
		"Mer än 3 månader har gått", "Byt person", "Personer och PIN-koder", "Inställningar")
	h.pick("Diskussionsfrågor")
	h.see("ANNA-MARKER")
	h.notSee("BO-MARKER")
}

func TestPINWrongThenRight(t *testing.T) {
	h, st, _, _ := peopleHarness(t, survey.Swedish)
	h.keys("<down><enter>") // Bo
	h.see("PIN-kod för Bo", "Esc går")
	h.notSee("BO-MARKER", "Senaste testet")
	if h.m.latest != nil || h.m.have {
		t.Fatal("something of Bo was loaded before the PIN")
	}
	h.text("9999")
	h.see("****")
	h.notSee("9999")
	h.keys("<enter>")
	h.see("Fel PIN-kod. Fel försök i rad: 1.")
	h.notSee("BO-MARKER", "Senaste testet")
	h.text("1234")
	h.keys("<enter>")
	h.see("Du gör testet som Bo.", "Senaste testet")
	if st.prof.checks != 2 {
		t.Errorf("%d tries judged, want 2", st.prof.checks)
	}
}

func TestPINWaitTakesNoTry(t *testing.T) {
	h, st, _, _ := peopleHarness(t, survey.English)
	h.keys("<down><enter>")
	for range 4 {
		h.text("0000")
		h.keys("<enter>")
	}
	h.see("Wrong PIN. Wrong tries in a row: 4.", "Wait 1 s before trying again.")
	// During the wait typing goes nowhere and nothing is tried.
	h.text("1234")
	h.keys("<enter>")
	if st.prof.checks != 4 {
		t.Fatalf("%d tries judged during the wait, want 4", st.prof.checks)
	}
	h.see("Wait 1 s")
	// The tick after the wait brings the field back.
	h.clock = h.clock.Add(time.Second)
	h.send(pinTickMsg{tick: h.m.p.pin.tick})
	h.notSee("Wait")
	h.text("1234")
	h.keys("<enter>")
	h.see("You are taking the test as Bo.")
	// A stale tick of an old chain changes nothing.
	h.send(pinTickMsg{tick: -1})
}

func TestPINWaitFromFile(t *testing.T) {
	// A restart while a wait holds: the store refuses the try
	// (ErrPINWait) with the time, and the screen counts down to it.
	h, st, _, bo := peopleHarness(t, survey.English)
	for i := range 5 {
		at := h.clock.Add(-10 * time.Second)
		if i == 4 {
			at = h.clock
		}
		if _, err := st.CheckPIN(bo.ID, "0000", at); err != nil {
			t.Fatal(err)
		}
	}
	h.keys("<down><enter>")
	h.text("1234")
	h.keys("<enter>")
	h.see("Wait 2 s before trying again.")
	h.clock = h.clock.Add(time.Second)
	h.send(pinTickMsg{tick: h.m.p.pin.tick})
	h.see("Wait 1 s")
	h.clock = h.clock.Add(time.Second)
	h.send(pinTickMsg{tick: h.m.p.pin.tick})
	h.text("1234")
	h.keys("<enter>")
	h.see("You are taking the test as Bo.")
}

func TestPINEscBackToChooser(t *testing.T) {
	h, _, _, _ := peopleHarness(t, survey.Swedish)
	h.keys("<down><enter>")
	h.see("PIN-kod för Bo")
	h.keys("<esc>")
	h.see("Vem är du?")
}

func TestNewPersonWithPIN(t *testing.T) {
	h, st, _, _ := peopleHarness(t, survey.Swedish)
	h.keys("<down><down><enter>")
	h.see("Ny person", "Namn eller alias")
	h.keys("<enter>")
	h.see("Skriv ett namn eller ett alias.")
	h.text("anna")
	h.keys("<enter>")
	h.see("Det finns redan en person som heter ”anna”.")
	for range 4 {
		h.keys("<backspace>")
	}
	h.text("Cia")
	h.keys("<enter>")
	h.see("PIN-kod (frivillig)")
	h.text("ab")
	h.keys("<enter>")
	h.see("PIN-koden behöver minst 4 tecken.")
	h.text("cd")
	h.keys("<enter>")
	h.see("Samma PIN-kod en gång till")
	h.text("abce")
	h.keys("<enter>")
	h.see("PIN-koderna var olika.")
	h.text("abcd")
	h.keys("<enter>")
	h.text("abcd")
	h.keys("<enter>")
	h.see("Du gör testet som Cia.")
	h.notSee("Senaste testet", "ANNA-MARKER")
	p, ok, _ := st.ProfileByName("Cia")
	if !ok || !p.Protected {
		t.Fatalf("Cia stored as %+v (%v)", p, ok)
	}
	if c, _ := st.CheckPIN(p.ID, "abcd", h.clock); !c.OK {
		t.Error("Cia's PIN is not abcd")
	}
}

func TestAnonymousAttemptOnce(t *testing.T) {
	h, st, _, _ := peopleHarness(t, survey.Swedish)
	h.keys("<down><down><down><enter>") // Anonymt
	h.see("Om testet")
	h.keys("s" + strings.Repeat("5", 24))
	h.see("Fråga 1 / 6")
	h.keys("<esc>")
	h.see("Innan du ser resultatet")
	h.keys("<enter>")
	h.see("Ditt resultat")
	h.keys("<esc>")
	h.see("Vem är du?")
	h.notSee("Medelvärde")
	if h.m.latest != nil || h.m.have {
		t.Error("the anonymous attempt stays in the model")
	}
	list, _ := st.Profiles()
	if len(list) != 3 { // default, Anna, Bo
		t.Errorf("%d profiles listed after an anonymous attempt: %+v", len(list), list)
	}
	for _, it := range h.m.p.chooser.items {
		if it.kind == choosePerson && it.profile.Anonymous {
			t.Error("the chooser offers the anonymous profile")
		}
	}
}

func TestAnonymousQuitIsNotPaused(t *testing.T) {
	h, _, _, _ := peopleHarness(t, survey.Swedish)
	h.keys("<down><down><down><enter>s55q")
	if !h.quit || h.m.Paused {
		t.Errorf("quit %v, paused %v: an anonymous attempt is never offered again", h.quit, h.m.Paused)
	}
}

func TestSwitchPersonDropsEverything(t *testing.T) {
	h, _, _, _ := peopleHarness(t, survey.Swedish)
	h.keys("<enter>") // Anna
	h.pick("Se ditt senaste resultat (2026-07-20)")
	h.see("Ditt resultat")
	h.keys("<esc>")
	h.see("Byt person")
	for h.m.welcome.items[h.m.welcome.cursor].label != "Byt person" {
		h.keys("<down>")
	}
	h.keys("<enter>")
	h.see("Vem är du?")
	if h.m.latest != nil || h.m.have || h.m.c.prof.who != "" || h.m.result.attempt.ID != (store.AttemptID{}) {
		t.Error("something of Anna stays in the model after switching")
	}
	h.keys("<down><enter>")
	h.notSee("ANNA-MARKER", "Anna")
}

func TestOnlyDefaultProfileNoPrompt(t *testing.T) {
	q, _ := survey.Load()
	h := newHarnessFor(t, newMemStore(), q, survey.Swedish)
	h.see("Gör testet")
	h.notSee("Vem är du?", "Du gör testet som")
}

// One named person is asked for too: nobody else lands in their results.
func TestOneNamedProfileAsks(t *testing.T) {
	q, _ := survey.Load()
	st := newMemStore()
	if _, err := st.AddProfile("Dana", "", time.Now()); err != nil {
		t.Fatal(err)
	}
	h := newHarnessFor(t, st, q, survey.Swedish)
	h.see("Vem är du?", "Dana", "Ny person")
	h.keys("<enter>")
	h.see("Du gör testet som Dana.", "Gör testet")
}

// The default profile alone, with attempts, is used without a question.
func TestDefaultWithAttemptsNoPrompt(t *testing.T) {
	q, _ := survey.Load()
	st := newMemStore()
	finishedWith(t, st, q, store.LocalProfile, "LOCAL-MARKER", time.Date(2026, 7, 20, 12, 0, 0, 0, time.UTC))
	h := newHarnessFor(t, st, q, survey.Swedish)
	h.see("Gör testet igen", "Senaste testet")
	h.notSee("Vem är du?", "Du gör testet som")
}

func TestGivenProfile(t *testing.T) {
	q, _ := survey.Load()
	st := newMemStore()
	t0 := time.Date(2026, 7, 20, 12, 0, 0, 0, time.UTC)
	_, bo := people(t, st, q, t0)
	h := &harness{t: t, q: q, clock: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
	h.m = New(Config{Store: st, Questionnaire: q, Lang: survey.Swedish, Profile: bo.ID, Now: func() time.Time { return h.clock }})
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.see("PIN-kod för Bo")
	h.notSee("BO-MARKER")
	h.text("1234")
	h.keys("<enter>")
	h.see("Du gör testet som Bo.")
}

// goToMenu moves the welcome cursor to the entry labelled label and
// picks it.
func (h *harness) pick(label string) {
	h.t.Helper()
	for range len(h.m.welcome.items) {
		if h.m.welcome.items[h.m.welcome.cursor].label == label {
			h.keys("<enter>")
			return
		}
		h.keys("<down>")
	}
	h.t.Fatalf("no menu entry %q", label)
}

func TestProfilesScreen(t *testing.T) {
	h, st, anna, bo := peopleHarness(t, survey.Swedish)
	h.keys("<enter>") // Anna
	h.pick("Personer och PIN-koder")
	h.see("Personer på den här datorn", "Anna (du)", "Bo · skyddad med PIN-kod", "Lägg till en person")
	h.notSee("BO-MARKER")
	// Bo's name needs Bo's PIN.
	h.person("Bo")
	h.see("Byt namn", "Byt PIN-kod", "Ta bort PIN-koden", "Ta bort personen och alla svar")
	h.keys("<enter>")
	h.see("PIN-kod för Bo", "Skriv PIN-koden för Bo först.")
	h.text("1234")
	h.keys("<enter>")
	h.see("Nytt namn")
	h.text("Anna")
	h.keys("<enter>")
	h.see("Det finns redan en person som heter ”Anna”.")
	for range 4 {
		h.keys("<backspace>")
	}
	h.text("Bosse")
	h.keys("<enter>")
	h.see("Namnet är nu Bosse.", "Bosse · skyddad med PIN-kod")
	if p, _, _ := st.Profile(bo.ID); p.Name != "Bosse" {
		t.Errorf("Bo is now %q", p.Name)
	}
	// Deleting asks for the name typed.
	h.person("Bosse")
	for h.m.p.manage.actions[h.m.p.manage.acursor] != actDelete {
		h.keys("<down>")
	}
	h.keys("<enter>")
	h.text("1234")
	h.keys("<enter>")
	h.see("tas bort för gott", "Skriv Bosse för att ta bort")
	h.text("Bo")
	h.keys("<enter>")
	h.see("Det du skrev stämmer inte, så ingenting togs bort.")
	h.person("Bosse")
	for h.m.p.manage.actions[h.m.p.manage.acursor] != actDelete {
		h.keys("<down>")
	}
	h.keys("<enter>")
	h.text("1234")
	h.keys("<enter>")
	h.text("bosse")
	h.keys("<enter>")
	h.see("Bosse är borttagen, med alla svar.")
	if _, ok, _ := st.Profile(bo.ID); ok {
		t.Error("Bo is still stored")
	}
	for _, a := range st.attempts {
		if a.ProfileID == bo.ID {
			t.Error("an attempt of Bo is left")
		}
	}
	// Anna protects herself, then must give her PIN to remove it.
	h.person("Anna")
	h.see("› Byt namn")
	h.keys("<down><enter>")
	h.text("5678")
	h.keys("<enter>")
	h.text("5678")
	h.keys("<enter>")
	h.see("PIN-koden är sparad.", "Anna · skyddad med PIN-kod (du)")
	h.person("Anna")
	h.keys("<down><down><enter>")
	h.see("PIN-kod för Anna")
	h.text("5678")
	h.keys("<enter>")
	h.see("PIN-koden är borttagen.")
	if p, _, _ := st.Profile(anna.ID); p.Protected {
		t.Error("Anna's PIN is still set")
	}
	// Deleting the person in use goes back to the chooser.
	h.person("Anna")
	for h.m.p.manage.actions[h.m.p.manage.acursor] != actDelete {
		h.keys("<down>")
	}
	h.keys("<enter>")
	h.text("Anna")
	h.keys("<enter>")
	h.see("Vem är du?")
	h.notSee("Anna")
	if h.m.latest != nil {
		t.Error("Anna's result stays in the model")
	}
}

func TestSettingsScreen(t *testing.T) {
	h, st, _, _ := peopleHarness(t, survey.Swedish)
	h.keys("<enter>")
	h.pick("Inställningar")
	h.see("Föreslå ett nytt test efter: 3 månader", "Räkna tiden i")
	h.keys("<down><enter>")
	h.see("Antal dagar (1–1825)")
	h.text("0")
	h.keys("<enter>")
	h.see("Skriv ett heltal från 1 till 1825.")
	h.keys("<backspace>")
	h.text("200")
	h.keys("<enter>")
	h.see("Sparat: ett nytt test föreslås efter 200 dagar.", "Föreslå ett nytt test efter: 200 dagar")
	if s, _ := st.Settings(); s.RetakeAfter != 200*24*time.Hour {
		t.Errorf("stored %v", s.RetakeAfter)
	}
	h.keys("<esc>")
	h.see("Senaste testet: för 4 månader sedan.")
	h.notSee("har gått")
}

func TestAgo(t *testing.T) {
	c := &common{cat: Messages(survey.Swedish)}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local)
	for _, tc := range []struct {
		then time.Time
		want string
	}{
		{now.Add(-time.Hour), "i dag"},
		{now.AddDate(0, 0, -1), "i går"},
		{now.AddDate(0, 0, -20), "för 20 dagar sedan"},
		{now.AddDate(0, -1, 0), "för en månad sedan"},
		{now.AddDate(0, -4, 0), "för 4 månader sedan"},
		{now.AddDate(0, -4, 1), "för 3 månader sedan"},
		{now.AddDate(-1, -2, 0), "för ett år sedan"},
		{now.AddDate(-3, 0, 0), "för 3 år sedan"},
		{now.Add(time.Hour * 48), "i dag"}, // a clock set back
	} {
		if got := ago(c, tc.then, now); got != tc.want {
			t.Errorf("%v before %v: %q, want %q", tc.then, now, got, tc.want)
		}
	}
	for d, want := range map[int]string{1: "en dag", 30: "en månad", 90: "3 månader", 45: "45 dagar"} {
		if got := interval(c, time.Duration(d)*24*time.Hour); got != want {
			t.Errorf("%d days: %q, want %q", d, got, want)
		}
	}
}

// person picks the people screen's entry for name.
func (h *harness) person(name string) {
	h.t.Helper()
	mm := h.m.p.manage
	for range len(mm.list) + 2 {
		mm = h.m.p.manage
		if mm.cursor < len(mm.list) && mm.list[mm.cursor].Name == name {
			h.keys("<enter>")
			return
		}
		h.keys("<down>")
	}
	h.t.Fatalf("no person %q on the people screen", name)
}

// TestWelcomeMenuScrolls: at 80×16 the welcome menu of a person with
// every entry does not fit; it scrolls with the cursor instead of
// pushing the screen past the window.
func TestWelcomeMenuScrolls(t *testing.T) {
	h, _, _, _ := peopleHarness(t, survey.English)
	h.keys("<enter>")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 16})
	if n := strings.Count(h.screen(), "\n") + 1; n > 16 {
		t.Fatalf("%d lines at 80×16:\n%s", n, h.screen())
	}
	h.see("› Take the test again")
	h.notSee("Quit")
	h.keys("<up>")
	h.see("› Quit")
	h.notSee("Take the test again")
	if n := strings.Count(h.screen(), "\n") + 1; n > 16 {
		t.Fatalf("%d lines at 80×16:\n%s", n, h.screen())
	}
}

// TestReadOnlyPeople: on a file that can only be read, people can still
// be chosen (a right PIN needs no write), but adding one or an anonymous
// test says at once that nothing can be saved.
func TestReadOnlyPeople(t *testing.T) {
	q, _ := survey.Load()
	st := newMemStore()
	people(t, st, q, time.Date(2026, 7, 20, 12, 0, 0, 0, time.UTC))
	h := &harness{t: t, q: q, clock: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
	h.m = New(Config{Store: st, Questionnaire: q, Lang: survey.English, ReadOnly: store.ErrReadOnly,
		Now: func() time.Time { return h.clock }})
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.keys("<down><down><down><enter>") // Anonymously
	h.see("Who are you?", "Could not save")
	h.keys("<up><enter>") // New person
	h.text("Cia")
	h.keys("<enter><enter>")
	h.see("Name or alias", "Could not save")
	if _, ok, _ := st.ProfileByName("Cia"); ok {
		t.Error("Cia was added to a read-only file")
	}
}
