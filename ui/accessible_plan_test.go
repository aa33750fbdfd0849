package ui

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"digikomp/internal/langcheck"
	"digikomp/store"
	"digikomp/survey"
)

// runLinesOn is runLines on any Store.
func runLinesOn(t *testing.T, st Store, lang survey.Lang, day int, lines []string) string {
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
	clock := time.Date(2026, 11, day, 9, 0, 0, 0, time.UTC)
	_, err = RunAccessible(Config{Store: st, Questionnaire: q, Lang: lang, Now: func() time.Time {
		clock = clock.Add(time.Second)
		return clock
	}}, pr, &out)
	pr.Close()
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out.String())
	}
	return out.String()
}

func TestAccessiblePlanAndNeeds(t *testing.T) {
	ms := newMemStore()
	q, _ := survey.Load()
	lines := []string{"1", "2"} // start, no background
	for _, s := range q.Statements {
		lines = append(lines, string(rune('0'+safetyLow(s))))
	}
	for range q.Discussion {
		lines = append(lines, "")
	}
	lines = append(lines, "") // finish
	lines = append(lines,
		"1",           // make a plan
		"1 x",         // refused
		"9 99",        // refused
		"2 1",         // two topics, in that order
		"Mitt mål",    // goal
		"1",           // needs too
		"1 2 3 4 5 6", // refused: six
		"3 1",         // learn
		"2",           // teach
		"Poddar",      // other
		"1",           // show the name
	)
	out := runLinesOn(t, ms, survey.Swedish, 23, lines)
	for _, want := range []string{"Din lärandeplan", "1. Välmående", "Prova den här veckan:", "Skriv nummer från 1 till", "Planen är sparad.", "Behov och resurser", "Välj högst 5 ämnen.", "Får ditt namn stå bredvid"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	p, id := planOf(t, ms)
	m := newPlan(&common{q: q, lang: survey.Swedish, cat: Messages(survey.Swedish), st: plainStyles()}, mustAttempt(t, ms, id), store.Plan{})
	want := []string{m.items[1].Topic.ID, m.items[0].Topic.ID}
	all, _ := survey.Topics()
	if !slices.Equal(p.Topics, want) || p.Goal != "Mitt mål" ||
		!slices.Equal(p.Learn, []string{all[2].ID, all[0].ID}) || !slices.Equal(p.Teach, []string{all[1].ID}) ||
		p.Other != "Poddar" || !p.ShowName {
		t.Errorf("stored %+v", p)
	}
	if w := langcheck.English(out); len(w) > 0 {
		t.Errorf("English %q in Swedish accessible mode", w)
	}

	// The next session says the goal, and the next result sets it
	// beside what changed.
	lines = []string{"1", "2"}
	for range q.Statements {
		lines = append(lines, "5")
	}
	for range q.Discussion {
		lines = append(lines, "")
	}
	lines = append(lines, "", "2") // finish, no plan; end of input leaves
	out = runLinesOn(t, ms, survey.Swedish, 24, lines)
	for _, want := range []string{"Ditt mål: Mitt mål", "Din plan från förra gången", "Ditt mål var ”Mitt mål”; området"} {
		if !strings.Contains(out, want) {
			t.Errorf("second session lacks %q:\n%s", want, out)
		}
	}
}

func mustAttempt(t *testing.T, ms *memStore, id store.AttemptID) store.Attempt {
	t.Helper()
	a, ok := ms.get(id)
	if !ok {
		t.Fatal("no attempt")
	}
	return a
}

func TestParseNumbers(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []int
		ok   bool
	}{{"", nil, true}, {"3 1", []int{3, 1}, true}, {"2,2, 4", []int{2, 4}, true}, {"0", nil, false}, {"5", nil, false}, {"a", nil, false}} {
		got, ok := parseNumbers(c.in, 4)
		if ok != c.ok || !slices.Equal(got, c.want) {
			t.Errorf("parseNumbers(%q) = %v %v", c.in, got, ok)
		}
	}
}
