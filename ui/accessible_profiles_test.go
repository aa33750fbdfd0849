package ui

import (
	"bytes"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// runPeopleLines runs the accessible flow on st with one input line per
// prompt, as runLines does.
func runPeopleLines(t *testing.T, st Store, lang survey.Lang, profile string, lines []string) string {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() {
		for _, l := range lines {
			if _, err := pw.Write([]byte(l + "\n")); err != nil {
				return
			}
		}
		pw.Close()
	}()
	var out bytes.Buffer
	clock := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	slept := time.Duration(0)
	pinSleep = func(d time.Duration) { slept += d; clock = clock.Add(d) }
	t.Cleanup(func() { pinSleep = time.Sleep })
	_, err = RunAccessible(Config{Store: st, Questionnaire: q, Lang: lang, Profile: profile, Now: func() time.Time {
		return clock
	}}, pr, &out)
	pr.Close()
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out.String())
	}
	return out.String()
}

// menuNumber is the number the accessible menu gives the entry of the
// given intent type, for a person with a finished attempt and none open.
func menuNumber(t *testing.T, lang survey.Lang, want intent) string {
	t.Helper()
	q, _ := survey.Load()
	c := &common{q: q, lang: lang, cat: Messages(lang)}
	w := newWelcome(c, nil, &store.Attempt{Finished: time.Now()})
	for i, it := range lineMenu(w.items) {
		if reflect.TypeOf(it.do) == reflect.TypeOf(want) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("no menu entry %T", want)
	return ""
}

func TestAccessibleChooserAndPIN(t *testing.T) {
	q, _ := survey.Load()
	st := newMemStore()
	people(t, st, q, time.Date(2026, 7, 20, 12, 0, 0, 0, time.UTC))
	// Bo, a wrong PIN, the right one, then quit from the menu.
	out := runPeopleLines(t, st, survey.Swedish, "", []string{"2", "9999", "1234", menuNumber(t, survey.Swedish, intentQuit{})})
	for _, want := range []string{"Vem är du?", "1. Anna", "2. Bo · skyddad med PIN-kod", "3. Ny person", "4. Anonymt",
		"Obs: här kan PIN-koden inte döljas", "Fel PIN-kod. Fel försök i rad: 1.",
		"Du gör testet som Bo.", "Senaste testet: för 4 månader sedan.", "Byt person"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "MARKER") {
		t.Errorf("output shows an answer:\n%s", out)
	}
	if i, j := strings.Index(out, "Fel PIN-kod"), strings.Index(out, "Senaste testet"); j < i {
		t.Errorf("Bo's last test shown before the PIN:\n%s", out)
	}
}

func TestAccessibleWaitAfterWrongTries(t *testing.T) {
	q, _ := survey.Load()
	st := newMemStore()
	people(t, st, q, time.Date(2026, 7, 20, 12, 0, 0, 0, time.UTC))
	out := runPeopleLines(t, st, survey.English, "", []string{"2", "0", "0", "0", "0", "1234", menuNumber(t, survey.English, intentQuit{})})
	for _, want := range []string{"Wrong tries in a row: 4.", "Wait 1 s before trying again.", "You are taking the test as Bo."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAccessibleAnonymousAndNewPerson(t *testing.T) {
	q, _ := survey.Load()
	st := newMemStore()
	people(t, st, q, time.Date(2026, 7, 20, 12, 0, 0, 0, time.UTC))
	lines := []string{"4", "2"} // anonymously, no background questions
	for range q.Statements {
		lines = append(lines, "5")
	}
	for range q.Discussion {
		lines = append(lines, "")
	}
	lines = append(lines, "", "2") // finish; no learning plan
	// Back at "Vem är du?": a new person with a PIN typed twice.
	lines = append(lines, "3", "Cia", "abcd", "abcd", menuNumber(t, survey.Swedish, intentQuit{}))
	out := runPeopleLines(t, st, survey.Swedish, "", lines)
	if n := strings.Count(out, "Vem är du?"); n != 2 {
		t.Errorf("the chooser shown %d times, want 2:\n%s", n, out)
	}
	for _, want := range []string{"Ditt resultat", "Cia är tillagd.", "Du gör testet som Cia."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	second := out[strings.LastIndex(out, "Vem är du?"):]
	if strings.Count(second, ". Anna") != 1 || strings.Contains(second, "Anonym\n") {
		t.Errorf("second chooser:\n%s", second)
	}
	if list, _ := st.Profiles(); len(list) != 4 {
		t.Errorf("%d profiles listed, want default, Anna, Bo, Cia", len(list))
	}
}

func TestAccessibleSettings(t *testing.T) {
	q, _ := survey.Load()
	st := newMemStore()
	people(t, st, q, time.Date(2026, 7, 20, 12, 0, 0, 0, time.UTC))
	out := runPeopleLines(t, st, survey.English, "", []string{"1", menuNumber(t, survey.English, intentSettings{}), "2", "30", menuNumber(t, survey.English, intentQuit{})})
	for _, want := range []string{"Suggest a new test after: 3 months", "Saved: a new test is suggested after a month."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if s, _ := st.Settings(); s.RetakeAfter != 30*day {
		t.Errorf("stored %v", s.RetakeAfter)
	}
}
