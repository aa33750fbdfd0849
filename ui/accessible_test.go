package ui

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// runLines runs the accessible flow with one input line per prompt. An
// io.Pipe hands each line over as its own read, as a terminal in
// canonical mode does, which huh's per-prompt scanners rely on.
func runLines(t *testing.T, st *store.Store, lang survey.Lang, lines []string) (string, bool) {
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
	paused, err := RunAccessible(Config{Store: st, Questionnaire: q, Lang: lang, Now: func() time.Time {
		clock = clock.Add(time.Second)
		return clock
	}}, pr, &out)
	pr.Close()
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out.String())
	}
	return out.String(), paused
}

func openTemp(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "a.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestAccessibleWholeTest(t *testing.T) {
	st := openTemp(t)
	// Menu, background yes, then municipality, role (assistant), years
	// (9 refused, 6 = no answer), library size (6–15), Digiteket (unknown).
	lines := []string{"1", "1", "vaxjo", "2", "9", "6", "2", "3"}
	for i := range 24 {
		switch i {
		case 4:
			lines = append(lines, "s")
		case 7:
			lines = append(lines, "9", "x", "5") // refused twice, then accepted
		default:
			lines = append(lines, fmt.Sprint(i%7+1))
		}
	}
	lines = append(lines, "Vi vill ses oftare", "", "", "", "", "")
	lines = append(lines, "5", "4") // review: answer statement 5 with a 4
	lines = append(lines, "")       // finish
	lines = append(lines, "7")      // quit from the menu
	out, paused := runLines(t, st, survey.Swedish, lines)
	if paused {
		t.Error("a finished test reported as paused")
	}
	for _, want := range []string{"Påstående 1 av 24", "Område 1 av 5", "Skriv en siffra från 1 till 7", "Ditt resultat", "Medelvärde totalt", "Besvarade: 24 av 24"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if !strings.Contains(out, "I vilken kommun arbetar du? ") || strings.Contains(out, "?:") {
		t.Error("the municipality question is not asked as a question")
	}
	if strings.Contains(out, "█") || strings.Contains(out, "\x1b[") {
		t.Error("accessible output contains bars or escape sequences")
	}
	a, ok, err := st.LatestFinished(store.LocalProfile)
	if err != nil || !ok {
		t.Fatalf("no finished attempt: %v\n%s", err, out)
	}
	if a.Background["municipality"] != "Växjö" || a.Background["role"] != "assistant" || a.Background["digiteket"] != "unknown" {
		t.Errorf("background %v", a.Background)
	}
	q, _ := survey.Load()
	if v := a.Ratings[q.Statements[4].ID].Value; v != 4 {
		t.Errorf("statement 5 answered in review: %d", v)
	}
	if v := a.Ratings[q.Statements[7].ID].Value; v != 5 {
		t.Errorf("statement 8 holds %d, want the accepted 5", v)
	}
	if _, has := a.Background["years"]; has || a.Background["library_size"] != "6-15" {
		t.Errorf("background %v", a.Background)
	}
	if a.Discussion["share-knowledge"] != "Vi vill ses oftare" {
		t.Errorf("discussion %v", a.Discussion)
	}
}

func TestAccessibleEndOfInputPauses(t *testing.T) {
	st := openTemp(t)
	out, paused := runLines(t, st, survey.English, []string{"1", "2", "7", "6"})
	if !paused {
		t.Errorf("end of input should pause:\n%s", out)
	}
	a, ok, _ := st.Unfinished(store.LocalProfile)
	if !ok || len(a.Ratings) != 2 || a.Position.Cursor != 2 {
		t.Fatalf("after EOF: ok=%v ratings=%v pos=%+v", ok, a.Ratings, a.Position)
	}
	out, _ = runLines(t, st, survey.English, []string{"1", "p"})
	if !strings.Contains(out, "Continue where you left off (2 of 24 answered)") || !strings.Contains(out, "Statement 3 of 24") {
		t.Errorf("resume did not continue at statement 3:\n%s", out)
	}
}

// TestAccessibleSaysWhatIsExpected: a line that is none of the numbers
// on offer is answered with what to type, a skip is said as a sentence,
// the scale's labels stand lowercase inside the introduction's sentence,
// and one statement left open is said in the singular.
func TestAccessibleSaysWhatIsExpected(t *testing.T) {
	st := openTemp(t)
	lines := []string{"", "1", "", "3", "2", "s"}
	for range 23 {
		lines = append(lines, "4")
	}
	lines = append(lines, "", "", "", "", "", "") // discussion
	out, _ := runLines(t, st, survey.Swedish, lines)
	q, _ := survey.Load()
	items := len(lineMenu(newWelcome(&common{q: q, lang: survey.Swedish, cat: Messages(survey.Swedish)}, nil, nil).items))
	for _, want := range []string{
		// Without a terminal's echo the answer follows the prompt directly.
		fmt.Sprintf("Skriv en siffra från 1 till %d: Skriv en siffra från 1 till %d.\n", items, items),
		"Skriv 1 eller 2: Skriv 1 eller 2.\nSkriv 1 eller 2: Skriv 1 eller 2.\n",
		"från 1 (mycket osäker) till 7 (mycket säker)",
		"Du hoppade över påståendet.",
		"Ett påstående saknar svar.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "1 påståenden") {
		t.Errorf("a plural at one:\n%s", out)
	}
}

// TestAccessibleDiscussionLimitInCharacters: the line-by-line mode counts
// an answer's length in characters, as the text box does, so 3 000
// Swedish letters (6 000 bytes) are accepted, and an answer over the
// limit is refused with its length.
func TestAccessibleDiscussionLimitInCharacters(t *testing.T) {
	st := openTemp(t)
	lines := []string{"1", "2"}
	for range 24 {
		lines = append(lines, "4")
	}
	lines = append(lines, strings.Repeat("ö", 3000), strings.Repeat("ä", 4001), "kort")
	out, _ := runLines(t, st, survey.Swedish, lines)
	if !strings.Contains(out, "4\u00a0001 / 4\u00a0000 tecken") {
		t.Errorf("the refusal does not give the length:\n%s", out[max(0, len(out)-2000):])
	}
	a, ok, err := st.Unfinished(store.LocalProfile)
	if err != nil || !ok {
		t.Fatalf("no unfinished attempt: %v", err)
	}
	q, _ := survey.Load()
	if got := a.Discussion[q.Discussion[0].ID]; got != strings.Repeat("ö", 3000) {
		t.Errorf("the first answer was not kept whole (%d characters)", len([]rune(got)))
	}
	if got := a.Discussion[q.Discussion[1].ID]; got != "kort" {
		t.Errorf("the second answer is %d characters, want the short one", len([]rune(got)))
	}
}
