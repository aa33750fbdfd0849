package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"digikomp/store"
	"digikomp/survey"
)

// BenchmarkViewPlan draws the plan of a finished attempt rated low
// everywhere, so that every topic is suggested, at 80×24: the screen
// redrawn on every key of the plan.
func BenchmarkViewPlan(b *testing.B) {
	m := benchModel(b, func(st *memStore, q *survey.Questionnaire, at time.Time) {
		a, _ := st.StartAttempt(store.LocalProfile, q, at)
		for i, s := range q.Statements {
			_ = st.SaveRating(a.ID, s.ID, 1+i%3, store.Position{Stage: store.StageStatements, Cursor: i + 1})
		}
		_ = st.Finish(a.ID, at.Add(time.Hour))
	}, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyDown},
		tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyEnter})
	if v := ansi.Strip(m.View()); m.screen != screenPlan || !strings.Contains(v, "Prova den här veckan") {
		b.Fatalf("not on the plan:\n%s", v)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkViewNeeds draws the needs and resources list of every topic.
func BenchmarkViewNeeds(b *testing.B) {
	c := &common{lang: survey.Swedish, cat: Messages(survey.Swedish), st: defaultStyles(), width: 80, height: 24}
	m := newNeeds(c, store.Attempt{}, store.Plan{Learn: []string{"mik", "juridik"}, Teach: []string{"felsokning"}})
	if v := ansi.Strip(m.view(c)); !strings.Contains(v, "MIK-aktiviteter") {
		b.Fatalf("not the needs list:\n%s", v)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = m.view(c)
	}
}
