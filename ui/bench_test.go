package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"digikomp/store"
	"digikomp/survey"
)

// benchModel builds a model on an in-memory store holding what prepare
// put there, loaded and sized to 80×24, with keys typed on the welcome
// menu. The screens reached here start no commands but store calls, so
// those are run in place.
func benchModel(b *testing.B, prepare func(*memStore, *survey.Questionnaire, time.Time), keys ...tea.KeyMsg) Model {
	b.Helper()
	q, err := survey.Load()
	if err != nil {
		b.Fatal(err)
	}
	st := newMemStore()
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	prepare(st, q, at)
	m := New(Config{Store: st, Questionnaire: q, Lang: survey.Swedish, Now: func() time.Time { return at }})
	send := func(msg tea.Msg) {
		for msg != nil {
			next, cmd := m.Update(msg)
			m, msg = next.(Model), nil
			if cmd != nil {
				msg = cmd()
			}
		}
	}
	send(m.Init()())
	send(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, k := range keys {
		send(k)
	}
	return m
}

// BenchmarkViewStatement draws the fourth statement at 80×24 after three
// answers, the screen redrawn on every key of the test.
func BenchmarkViewStatement(b *testing.B) {
	m := benchModel(b, func(st *memStore, q *survey.Questionnaire, at time.Time) {
		a, _ := st.StartAttempt(store.LocalProfile, q, at)
		for i, v := range []int{5, store.Skipped, 3} {
			next := store.Position{Stage: store.StageStatements, Cursor: i + 1}
			_ = st.SaveRating(a.ID, q.Statements[i].ID, v, next)
		}
	}, tea.KeyMsg{Type: tea.KeyEnter}) // continue where it was left
	if v := ansi.Strip(m.View()); m.screen != screenStatement || !strings.Contains(v, "4 / 24") {
		b.Fatalf("not on statement 4:\n%s", v)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkViewResult draws the result of a finished attempt at 80×24,
// reached from the welcome menu's "latest result".
func BenchmarkViewResult(b *testing.B) {
	m := benchModel(b, func(st *memStore, q *survey.Questionnaire, at time.Time) {
		a, _ := st.StartAttempt(store.LocalProfile, q, at)
		for i, s := range q.Statements {
			next := store.Position{Stage: store.StageStatements, Cursor: i + 1}
			_ = st.SaveRating(a.ID, s.ID, i%7+1, next)
		}
		_ = st.Finish(a.ID, at.Add(time.Hour))
	}, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyEnter})
	if v := ansi.Strip(m.View()); m.screen != screenResult || !strings.Contains(v, "Besvarade: 24 av 24") {
		b.Fatalf("not on the result:\n%s", v)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// benchProgression puts 200 finished attempts of the local profile in a
// real store (bbolt, in a temporary directory; imported in one
// transaction), ratings varying from attempt to attempt, then measures
// what a person waits for on opening the history, progress or wheel
// screen from the menu (item: its position there): the profile's history
// read from the file, the screen built from it, and its first frame drawn
// at 80×24.
func benchProgression(b *testing.B, item int, title string) {
	q, err := survey.Load()
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	list := make([]store.Attempt, benchAttempts)
	at := time.Date(2022, 1, 3, 9, 0, 0, 0, time.UTC)
	for k := range list {
		a := store.Attempt{ID: store.NewAttemptID(at), QuestionnaireID: q.ID, QuestionnaireVersion: q.Version,
			ProfileID: store.LocalProfile, Started: at, Finished: at.Add(20 * time.Minute),
			Ratings: map[string]store.Rating{}, Position: store.Position{Stage: store.StageDone}}
		for i, s := range q.Statements {
			a.Ratings[s.ID] = store.Rating{Value: 1 + (i*3+k*5)%7}
		}
		list[k] = a
		at = at.Add(7 * 24 * time.Hour)
	}
	if err := st.Import(q, list); err != nil {
		b.Fatal(err)
	}
	m := New(Config{Store: st, Questionnaire: q, Lang: survey.Swedish, Now: func() time.Time { return at }})
	send := func(msg tea.Msg) {
		for msg != nil {
			next, cmd := m.Update(msg)
			m, msg = next.(Model), nil
			if cmd != nil {
				msg = cmd()
			}
		}
	}
	send(m.Init()())
	send(tea.WindowSizeMsg{Width: 80, Height: 24})
	for range item {
		send(tea.KeyMsg{Type: tea.KeyDown})
	}
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m = next.(Model)
	open := func() string {
		next, _ := m.Update(cmd())
		return next.(Model).View()
	}
	if v := ansi.Strip(open()); !strings.Contains(v, title) {
		b.Fatalf("not on %q:\n%s", title, v)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = open()
	}
}

// benchAttempts is the history the issue sets for these screens.
const benchAttempts = 200

// BenchmarkViewHistory: the history of 200 attempts, first frame.
func BenchmarkViewHistory(b *testing.B) { benchProgression(b, 2, "Avslutade test: 200") }

// BenchmarkViewProgress: the progress over 200 attempts, first frame.
func BenchmarkViewProgress(b *testing.B) { benchProgression(b, 3, "De senaste 24 visas") }

// BenchmarkViewWheel: the competence wheel with 200 attempts in the
// profile, first frame.
func BenchmarkViewWheel(b *testing.B) { benchProgression(b, 4, "förra testet") }
