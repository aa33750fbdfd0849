package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// earlierQuestions is the built-in questionnaire under another id, with
// every statement worded otherwise: what an attempt taken with an older
// questions file looks like.
func earlierQuestions(t *testing.T) *survey.Questionnaire {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	q.ID, q.Version = "tidigare", 2
	for i := range q.Statements {
		q.Statements[i].Text.SV = "FÖRR " + q.Statements[i].Text.SV
		q.Statements[i].Text.EN = "BEFORE " + q.Statements[i].Text.EN
	}
	return q
}

// finishWith stores a finished attempt of q rating every statement v.
func finishWith(t *testing.T, st *store.Store, q *survey.Questionnaire, at time.Time, v int) {
	t.Helper()
	a, err := st.StartAttempt(store.LocalProfile, q, at)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range q.Statements {
		if err := st.SaveRating(a.ID, s.ID, v, store.Position{Stage: store.StageStatements, Cursor: i + 1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Finish(a.ID, at.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
}

// The latest result of an attempt taken with other questions is shown
// with those questions, kept in the file, not with the loaded ones.
func TestLatestResultUsesTheQuestionsItWasTakenWith(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "test.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	old := earlierQuestions(t)
	finishWith(t, st, old, time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC), 6)

	h := newHarnessOn(t, st, survey.Swedish) // the built-in questions are loaded
	h.see(h.m.c.cat.MenuLatest)
	h.keys("<down><enter>")
	if h.m.screen != screenResult {
		t.Fatalf("screen %v, want the result:\n%s", h.m.screen, h.screen())
	}
	h.see("FÖRR ")
	unknown, _, _ := strings.Cut(h.m.c.cat.Progression.HistoryUnknown, "%")
	h.notSee(unknown)
	// Scored too, not only worded: every statement was rated 6.
	h.see(fmt.Sprintf(h.m.c.cat.ResultOverall, "6,0", 7))
	// The history scores it alike.
	h.keys("<esc>")
	h.see(h.m.c.cat.Progression.MenuHistory)
	h.keys("<down><down><enter>")
	if h.m.screen != screenHistory {
		t.Fatalf("screen %v, want the history:\n%s", h.m.screen, h.screen())
	}
	h.see("tidigare", "6,0")

	// The same file, had it no definition, would be scored against the
	// loaded questions, and say so: what the definition fixes.
	ms := newMemStore()
	a, _ := ms.StartAttempt(store.LocalProfile, old, time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC))
	for i, s := range old.Statements {
		_ = ms.SaveRating(a.ID, s.ID, 6, store.Position{Stage: store.StageStatements, Cursor: i + 1})
	}
	_ = ms.Finish(a.ID, time.Date(2026, 1, 5, 11, 0, 0, 0, time.UTC))
	h2 := newHarnessFor(t, ms, h.q, survey.Swedish)
	h2.keys("<down><enter>")
	h2.see(unknown)
	h2.notSee("FÖRR ")
	ms.putDefinition(old)
	h2.keys("<esc>")
	h2.keys("<down><enter>")
	h2.see("FÖRR ")
	h2.notSee(unknown)
}

func TestAttemptQuestionnaire(t *testing.T) {
	builtin, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	old := earlierQuestions(t)
	ms := newMemStore()
	of := func(q *survey.Questionnaire) store.Attempt {
		return store.Attempt{QuestionnaireID: q.ID, QuestionnaireVersion: q.Version}
	}
	for _, tc := range []struct {
		name    string
		a       store.Attempt
		defined bool
		want    *survey.Questionnaire
	}{
		{"loaded, no definition", of(builtin), false, builtin},
		{"other, no definition", of(old), false, nil},
		{"other, defined", of(old), true, old},
	} {
		if tc.defined {
			ms.putDefinition(old)
		}
		got, err := attemptQuestionnaire(ms, builtin, tc.a)
		switch {
		case err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case (got == nil) != (tc.want == nil):
			t.Errorf("%s: got %v, want %v", tc.name, got != nil, tc.want != nil)
		case got != nil && (got.ID != tc.want.ID || got.Statements[0].Text != tc.want.Statements[0].Text):
			t.Errorf("%s: got %s %d %q", tc.name, got.ID, got.Version, got.Statements[0].Text.SV)
		}
	}
	// A failed read is returned, not taken for "no definition".
	ms.failRead = true
	if _, err := attemptQuestionnaire(ms, builtin, of(old)); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("failed read: %v", err)
	}
	// Each version is read once for a whole list.
	qs := newQuestionsOf(countingStore{memStore: ms, count: new(int)}, builtin)
	for i := range 5 {
		a := of(old)
		a.ID = store.AttemptID{byte(i + 1)}
		if tk, err := qs.taken(a); err != nil || !tk.own || tk.q.ID != old.ID {
			t.Fatalf("taken: %+v, %v", tk, err)
		}
	}
	if n := qs.st.(countingStore).n(); n != 1 {
		t.Errorf("%d definition reads for five attempts of one version", n)
	}
}

type countingStore struct {
	*memStore
	count *int
}

func (c countingStore) Definition(id string, version int) (*survey.Questionnaire, bool, error) {
	*c.count++
	return c.memStore.Definition(id, version)
}

func (c countingStore) n() int { return *c.count }
