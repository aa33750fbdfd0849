package store

import (
	"errors"
	"maps"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// takeIn runs a finished attempt in the workshop (or none) for a new
// anonymous profile, with the ratings given in testQ's order (0 = none),
// and returns its id.
func takeIn(t *testing.T, s *Store, workshop string, at time.Time, role string, ratings [4]int, discussion string) AttemptID {
	t.Helper()
	p, err := s.AddAnonymous(at)
	if err != nil {
		t.Fatal(err)
	}
	var a Attempt
	if workshop == "" {
		a, err = s.StartAttempt(p.ID, testQ, at)
	} else {
		a, err = s.StartWorkshopAttempt(workshop, p.ID, testQ, at)
	}
	if err != nil {
		t.Fatal(err)
	}
	if role != "" {
		if err := s.SaveBackground(a.ID, "role", role, Position{}); err != nil {
			t.Fatal(err)
		}
	}
	for i, v := range ratings {
		if v != 0 {
			if err := s.SaveRating(a.ID, testQ.Statements[i].ID, v, Position{Stage: StageStatements}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if discussion != "" {
		if err := s.SaveDiscussion(a.ID, "d1", discussion, Position{Stage: StageDiscussion}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Finish(a.ID, at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// collect runs EachRespondent and copies what it streams.
func collect(t *testing.T, s *Store, q *survey.Questionnaire, f GroupFilter) ([]survey.Respondent, int) {
	t.Helper()
	var list []survey.Respondent
	unfinished, err := s.EachRespondent(q, f, func(r survey.Respondent) {
		r.Values = slices.Clone(r.Values)
		r.Background = maps.Clone(r.Background)
		list = append(list, r)
	})
	if err != nil {
		t.Fatalf("EachRespondent(%+v): %v", f, err)
	}
	return list, unfinished
}

func TestEachRespondent(t *testing.T) {
	s := newStore(t)
	spring := addWorkshop(t, s, "Vår", "2026 vår", t0)
	spring2 := addWorkshop(t, s, "Vår 2", "2026 vår", t0.Add(24*time.Hour))
	autumn := addWorkshop(t, s, "Höst", "2026 höst", t0.AddDate(0, 6, 0))

	a1 := takeIn(t, s, spring.ID, t0, survey.RoleManager, [4]int{7, 6, 0, Skipped}, "Mer tid")
	takeIn(t, s, spring2.ID, t0.Add(time.Minute), "librarian", [4]int{1, 2, 3, 4}, "")
	takeIn(t, s, autumn.ID, t0.Add(2*time.Minute), "", [4]int{5, 5, 5, 5}, "Kurser\x1b[2J")
	takeIn(t, s, "", t0.Add(3*time.Minute), "", [4]int{2, 2, 2, 2}, "")
	// An unfinished attempt in the spring workshop is counted, not streamed.
	open, err := s.StartWorkshopAttempt(spring.ID, LocalProfile, testQ, t0.Add(4*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRating(open.ID, "s01", 7, Position{Stage: StageStatements}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveManagerAnswer(a1, survey.ManagerYes); err != nil {
		t.Fatal(err)
	}
	named, err := s.AddProfile("Lärare Lisa", "", t0)
	if err != nil {
		t.Fatal(err)
	}
	// A named profile's attempt with a plan that shows the name.
	a, err := s.StartWorkshopAttempt(autumn.ID, named.ID, testQ, t0.Add(5*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(a.ID, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePlan(a.ID, Plan{Learn: []string{"ai", "kallkritik"}, Teach: []string{"sok"}, ShowName: true}); err != nil {
		t.Fatal(err)
	}
	// The same plan without ShowName on an anonymous attempt gives no name.
	if err := s.SavePlan(a1, Plan{Learn: []string{"ai"}, Teach: []string{"sok"}}); err != nil {
		t.Fatal(err)
	}

	list, unfinished := collect(t, s, testQ, GroupFilter{Workshop: spring.ID})
	if len(list) != 1 || unfinished != 1 {
		t.Fatalf("spring workshop: %d respondents, %d unfinished", len(list), unfinished)
	}
	r := list[0]
	if !slices.Equal(r.Values, []byte{7, 6, 0, 0}) || r.Background["role"] != survey.RoleManager || r.Manager != survey.ManagerYes ||
		!slices.Equal(r.Learn, []string{"ai"}) || !slices.Equal(r.Teach, []string{"sok"}) || r.TeachName != "" {
		t.Errorf("spring respondent %+v", r)
	}

	list, unfinished = collect(t, s, testQ, GroupFilter{Round: " 2026 vår"})
	if len(list) != 2 || unfinished != 1 {
		t.Errorf("spring round: %d respondents, %d unfinished", len(list), unfinished)
	}
	list, _ = collect(t, s, testQ, GroupFilter{Round: "2026 höst"})
	if len(list) != 2 {
		t.Fatalf("autumn round: %d respondents", len(list))
	}
	var names []string
	for _, r := range list {
		names = append(names, r.TeachName)
	}
	if !slices.Contains(names, "Lärare Lisa") {
		t.Errorf("autumn TeachNames %q", names)
	}
	list, unfinished = collect(t, s, testQ, GroupFilter{All: true})
	if len(list) != 5 || unfinished != 1 {
		t.Errorf("all: %d respondents, %d unfinished", len(list), unfinished)
	}

	if _, err := s.EachRespondent(testQ, GroupFilter{Round: "ingen"}, func(survey.Respondent) {}); !errors.Is(err, ErrNoRound) || !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown round: %v", err)
	}
	if _, err := s.EachRespondent(testQ, GroupFilter{Workshop: "nope"}, func(survey.Respondent) {}); !errors.Is(err, ErrNoWorkshop) {
		t.Errorf("an unknown workshop: %v", err)
	}
	for _, f := range []GroupFilter{{}, {All: true, Round: "r"}, {Workshop: spring.ID, Round: "r"}, {Workshop: "a\x00b"}} {
		if _, err := s.EachRespondent(testQ, f, func(survey.Respondent) {}); !errors.Is(err, ErrInvalid) {
			t.Errorf("filter %+v: %v", f, err)
		}
	}
	if _, err := s.EachRespondent(nil, GroupFilter{All: true}, func(survey.Respondent) {}); !errors.Is(err, ErrInvalid) {
		t.Errorf("no questionnaire: %v", err)
	}

	texts, err := s.DiscussionAnswers(GroupFilter{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(texts["d1"], []string{"Kurser[2J", "Mer tid"}) || len(texts) != 1 {
		t.Errorf("discussion answers %q", texts)
	}
	texts, err = s.DiscussionAnswers(GroupFilter{Workshop: spring2.ID})
	if err != nil || len(texts) != 0 {
		t.Errorf("discussion answers of a workshop without any: %q, %v", texts, err)
	}
}

// Attempts of another version of the questionnaire are matched by
// statement id; attempts of another questionnaire are left out.
func TestEachRespondentOtherVersions(t *testing.T) {
	s := newStore(t)
	w := addWorkshop(t, s, "Träff", "r", t0)
	// Version 4 drops s02 and adds s05 before s01.
	v4 := *testQ
	v4.Version = 4
	v4.Statements = []survey.Statement{
		{ID: "s05", Area: "a", Competence: "1.5", Text: tx("Fem")}, testQ.Statements[0], testQ.Statements[2], testQ.Statements[3],
	}
	other := *testQ
	other.ID = "annan"
	p, err := s.AddAnonymous(t0)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.StartWorkshopAttempt(w.ID, p.ID, &v4, t0)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range map[string]int{"s05": 3, "s01": 4, "s03": 5, "s04": 6} {
		if err := s.SaveRating(a.ID, id, v, Position{Stage: StageStatements}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Finish(a.ID, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	b, err := s.StartWorkshopAttempt(w.ID, LocalProfile, &other, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(b.ID, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	list, unfinished := collect(t, s, testQ, GroupFilter{Workshop: w.ID})
	if len(list) != 1 || unfinished != 0 || !slices.Equal(list[0].Values, []byte{4, 0, 5, 6}) {
		t.Errorf("respondents %+v, %d unfinished", list, unfinished)
	}
}

// A damaged index entry is damage, not a silent gap.
func TestEachRespondentIndexPointingNowhere(t *testing.T) {
	s := newStore(t)
	w := addWorkshop(t, s, "Träff", "r", t0)
	takeIn(t, s, w.ID, t0, "", [4]int{1, 1, 1, 1}, "")
	ghost := NewAttemptID(t0.Add(time.Hour))
	if err := s.update(func(tx *bbolt.Tx) error {
		return tx.Bucket(byWorkshop).Put(workshopIndexKey(w.ID, ghost), nil)
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EachRespondent(testQ, GroupFilter{Workshop: w.ID}, func(survey.Respondent) {}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("an entry pointing nowhere: %v", err)
	}
}

// follower finds what Get finds, whatever the order of the keys asked.
func TestFollower(t *testing.T) {
	s := newStore(t)
	var keys [][]byte
	for i := range 300 {
		if i%3 != 0 {
			keys = append(keys, []byte{byte(i >> 8), byte(i)})
		}
	}
	if err := s.update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(extrasBucket)
		for _, k := range keys {
			if err := b.Put(k, k); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	_ = s.view(func(tx *bbolt.Tx) error {
		b := tx.Bucket(extrasBucket)
		f := follower{c: b.Cursor()}
		// Runs forward with gaps, then back, then past the end and back.
		var asks [][]byte
		for i := range 320 {
			asks = append(asks, []byte{byte(i >> 8), byte(i)})
		}
		for i := 300; i >= 0; i -= 7 {
			asks = append(asks, []byte{byte(i >> 8), byte(i)})
		}
		for i := range 300 {
			j := (i * 97) % 320
			asks = append(asks, []byte{byte(j >> 8), byte(j)}, []byte{byte((j + 40) >> 8), byte(j + 40)})
		}
		for _, k := range asks {
			want := b.Get(k)
			if got := f.get(k); string(got) != string(want) {
				t.Fatalf("get(%x) = %x, want %x", k, got, want)
			}
		}
		return nil
	})
}

// A report of a workshop or a round reads only its attempts: a damaged
// attempt elsewhere in the file does not touch it (a scan would meet it
// and fail), while a report of all does meet it.
func TestGroupReadsOnlyItsAttempts(t *testing.T) {
	s := newStore(t)
	w := addWorkshop(t, s, "Träff", "r", t0)
	takeIn(t, s, w.ID, t0.Add(time.Hour), "", [4]int{3, 3, 3, 3}, "Text")
	outside := takeIn(t, s, "", t0, "", [4]int{1, 1, 1, 1}, "")
	later := takeIn(t, s, "", t0.Add(2*time.Hour), "", [4]int{1, 1, 1, 1}, "")
	if err := s.update(func(tx *bbolt.Tx) error {
		for _, id := range []AttemptID{outside, later} {
			if err := tx.Bucket(attemptsBucket).Put(id[:], []byte{recordFormat, 0xff}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []GroupFilter{{Workshop: w.ID}, {Round: "r"}} {
		list, _ := collect(t, s, testQ, f)
		if len(list) != 1 {
			t.Errorf("%+v: %d respondents", f, len(list))
		}
		if texts, err := s.DiscussionAnswers(f); err != nil || len(texts["d1"]) != 1 {
			t.Errorf("%+v: discussion %q, %v", f, texts, err)
		}
	}
	if _, err := s.EachRespondent(testQ, GroupFilter{All: true}, func(survey.Respondent) {}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("all: %v", err)
	}
}
