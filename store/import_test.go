package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// importable is a finished manager's attempt taken in workshop w, with a
// plan, as an export from another computer gives it: no profile id.
func importable(at time.Time, w *Workshop) ImportRecord {
	a := Attempt{ID: NewAttemptID(at), Started: at, Finished: at.Add(time.Hour),
		Background: map[string]string{"role": survey.RoleManager, "municipality": "Malmö"},
		Ratings:    map[string]Rating{"s01": {7}, "s02": {Skipped}, "s03": {4}},
		Discussion: map[string]string{"d1": "Åsa, \"citat\"\nny rad"},
		Manager:    survey.ManagerYes,
	}
	if w != nil {
		a.Workshop = w.ID
	}
	return ImportRecord{Attempt: a, Workshop: w, Plan: &Plan{Learn: []string{"ai"}, Teach: []string{"sok"}, ShowName: true}}
}

func TestImportRecordsIdempotent(t *testing.T) {
	s := newStore(t)
	w := &Workshop{ID: "0123456789abcdef", Name: "Träff i Lund", Place: "Lund", Round: "2026 höst", Date: t0}
	records := []ImportRecord{importable(t0, w), importable(t0.Add(time.Minute), w), importable(t0.Add(2*time.Minute), nil)}
	records[2].Attempt.Manager = ""
	records[2].Attempt.Background = nil
	rep, err := s.ImportRecords(testQ, records)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 3 || rep.Present != 0 || rep.Conflicts != 0 || rep.Rejected != 0 {
		t.Fatalf("first import: %+v", rep)
	}
	got, ok, err := s.Workshop(w.ID)
	if err != nil || !ok || got.Protected || got.Name != w.Name || got.Round != w.Round || got.ClearAfter != DefaultClearAfter || !got.Created.Equal(t0) {
		t.Fatalf("the imported workshop: %+v, %v, %v", got, ok, err)
	}
	if _, err := s.CheckFacilitatorPIN(w.ID, "1234", t0); !errors.Is(err, ErrNoFacilitatorPIN) {
		t.Errorf("a PIN on an imported workshop: %v", err)
	}
	a, err := s.Attempt(records[0].Attempt.ID)
	if err != nil || a.Workshop != w.ID || a.Manager != survey.ManagerYes || a.Discussion["d1"] != records[0].Attempt.Discussion["d1"] {
		t.Fatalf("imported attempt %+v, %v", a, err)
	}
	p, ok, err := s.Profile(a.ProfileID)
	if err != nil || !ok || !p.Anonymous {
		t.Errorf("the imported attempt's profile: %+v, %v, %v", p, ok, err)
	}
	if plan, ok, _ := s.Plan(a.ID); !ok || !plan.ShowName || plan.Teach[0] != "sok" {
		t.Errorf("imported plan %+v, %v", plan, ok)
	}
	list, _ := collect(t, s, testQ, GroupFilter{Round: "2026 höst"})
	if len(list) != 2 || list[0].Manager != survey.ManagerYes {
		t.Errorf("the imported round: %+v", list)
	}
	profiles := func() int {
		n := 0
		_ = s.view(func(tx *bbolt.Tx) error { n = tx.Bucket(profilesBucket).Stats().KeyN; return nil })
		return n
	}
	before := profiles()
	raw := fileBytes(t, s)

	// Twice: nothing added.
	s = reopen(t, s)
	rep, err = s.ImportRecords(testQ, records)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 0 || rep.Present != 3 {
		t.Fatalf("second import: %+v", rep)
	}
	if profiles() != before {
		t.Errorf("the second import made profiles: %d, was %d", profiles(), before)
	}
	if after := fileBytes(t, s); len(after) != len(raw) {
		t.Errorf("the second import changed the file: %d bytes, was %d", len(after), len(raw))
	}
	assertSound(t, s)

	// A different attempt under a known id is a conflict, and kept as it was.
	changed := records[0]
	changed.Attempt.Ratings = map[string]Rating{"s01": {1}}
	moved := records[1]
	moved.Attempt.Workshop, moved.Workshop = "", nil
	rep, err = s.ImportRecords(testQ, []ImportRecord{changed, moved})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Conflicts != 2 || !errors.Is(rep.Results[0].Err, ErrConflict) || !errors.Is(rep.Results[1].Err, ErrConflict) {
		t.Fatalf("conflicting import: %+v", rep)
	}
	if a, _ := s.Attempt(changed.Attempt.ID); a.Ratings["s01"].Value != 7 {
		t.Errorf("a conflict overwrote the rating: %+v", a.Ratings)
	}
	// The old all-or-nothing Import is idempotent too, and refuses a conflict.
	if err := s.Import(testQ, []Attempt{records[2].Attempt}); err != nil {
		t.Errorf("Import of a present attempt: %v", err)
	}
	if err := s.Import(testQ, []Attempt{changed.Attempt}); !errors.Is(err, ErrConflict) {
		t.Errorf("Import of a conflict: %v", err)
	}
}

// Bad records are rejected one by one, with nothing of them written, and
// the good ones beside them are still imported.
func TestImportRecordsRejects(t *testing.T) {
	s := newStore(t)
	w := &Workshop{ID: "feedc0de", Name: "Träff", Round: "baslinje", Date: t0, Created: t0}
	at := func(i int) time.Time { return t0.Add(time.Duration(i) * time.Minute) }
	bad := map[string]func(*ImportRecord){
		"rating off the scale":     func(r *ImportRecord) { r.Attempt.Ratings["s01"] = Rating{9} },
		"unknown statement":        func(r *ImportRecord) { r.Attempt.Ratings["s99"] = Rating{3} },
		"manager answer of no one": func(r *ImportRecord) { r.Attempt.Background["role"] = "librarian" },
		"bad manager answer":       func(r *ImportRecord) { r.Attempt.Manager = "kanske" },
		"plan of an unfinished": func(r *ImportRecord) {
			r.Attempt.Finished = time.Time{}
			r.Attempt.Position = Position{StageStatements, 1}
		},
		"bad plan":              func(r *ImportRecord) { r.Plan.Learn = []string{"a", "b", "c", "d", "e", "f"} },
		"unknown workshop":      func(r *ImportRecord) { r.Workshop = nil; r.Attempt.Workshop = "okänd" },
		"workshop ids disagree": func(r *ImportRecord) { r.Attempt.Workshop = "annan" },
		"bad workshop": func(r *ImportRecord) {
			r.Workshop = &Workshop{ID: "ny", Name: "", Round: "r", Date: t0, Created: t0}
			r.Attempt.Workshop = "ny"
		},
		"workshop id with NUL":      func(r *ImportRecord) { w2 := *w; w2.ID = "a\x00b"; r.Workshop = &w2; r.Attempt.Workshop = w2.ID },
		"finished before started":   func(r *ImportRecord) { r.Attempt.Finished = r.Attempt.Started.Add(-time.Hour) },
		"no start":                  func(r *ImportRecord) { r.Attempt.Started = time.Time{} },
		"other questionnaire":       func(r *ImportRecord) { r.Attempt.QuestionnaireID, r.Attempt.QuestionnaireVersion = "x", 1 },
		"bad UTF-8 in a discussion": func(r *ImportRecord) { r.Attempt.Discussion["d1"] = "\xff" },
		"control in a question id":  func(r *ImportRecord) { r.Attempt.Background["a\x1bb"] = "x" },
		"bidi profile id":           func(r *ImportRecord) { r.Attempt.ProfileID = "p\u202e" },
	}
	var records []ImportRecord
	var names []string
	i := 0
	for name, spoil := range bad {
		i++
		r := importable(at(i), w)
		spoil(&r)
		records = append(records, r)
		names = append(names, name)
	}
	good := importable(at(100), w)
	records = append(records, good)
	rep, err := s.ImportRecords(testQ, records)
	if err != nil {
		t.Fatal(err)
	}
	for j, name := range names {
		if res := rep.Results[j]; res.Outcome != ImportRejected || res.Err == nil {
			t.Errorf("%s: %+v", name, res)
		}
	}
	if rep.Added != 1 || rep.Rejected != len(bad) || rep.Results[len(bad)].Outcome != ImportAdded {
		t.Errorf("report %+v", rep)
	}
	n := 0
	_ = s.view(func(tx *bbolt.Tx) error {
		n = tx.Bucket(attemptsBucket).Stats().KeyN + tx.Bucket(extrasBucket).Stats().KeyN + tx.Bucket(plansBucket).Stats().KeyN
		return nil
	})
	if n != 3 {
		t.Errorf("%d attempt, extras and plan records, want 3", n)
	}
	if list, _ := s.Workshops(); len(list) != 1 {
		t.Errorf("workshops %+v", list)
	}
	assertSound(t, s)
	// The old Import stays all or nothing.
	fine := importable(at(200), nil).Attempt
	fine.Manager = ""
	spoilt := importable(at(201), nil).Attempt
	spoilt.Ratings["s01"] = Rating{9}
	if err := s.Import(testQ, []Attempt{fine, spoilt}); !errors.Is(err, ErrInvalid) {
		t.Error("Import with a bad attempt succeeded")
	}
	if _, err := s.Attempt(fine.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a refused Import wrote: %v", err)
	}
}

// What an import brings from another computer is cleaned or refused: a
// workshop's texts are cleaned as AddWorkshop cleans them, a damaged
// extras or plan record met by a report is damage, not a panic.
func TestImportHostile(t *testing.T) {
	s := newStore(t)
	w := &Workshop{ID: "0123456789abcdef", Name: "\x1b]0;pwn\x07Träff\u202e ", Place: "Lund\r\nX", Round: "\u2066runda\x00 1", Date: t0, Created: t0}
	r := importable(t0, w)
	big := importable(t0.Add(time.Second), w)
	big.Attempt.Discussion["d1"] = strings.Repeat("å", 40<<10)
	rep, err := s.ImportRecords(testQ, []ImportRecord{r, big})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || rep.Results[1].Outcome != ImportRejected || !errors.Is(rep.Results[1].Err, ErrInvalid) {
		t.Fatalf("report %+v", rep)
	}
	got, ok, err := s.Workshop(w.ID)
	if err != nil || !ok || got.Name != "]0;pwnTräff" || got.Place != "Lund X" || got.Round != "runda 1" {
		t.Errorf("imported workshop %+v (%v, %v)", got, ok, err)
	}
	for name, spoil := range map[string]func(tx *bbolt.Tx) error{
		"extras": func(tx *bbolt.Tx) error {
			return tx.Bucket(extrasBucket).Put(r.Attempt.ID[:], []byte{extraFormat, 200, 0})
		},
		"plan": func(tx *bbolt.Tx) error {
			return tx.Bucket(plansBucket).Put(r.Attempt.ID[:], []byte{planFormat, 0, 0xff})
		},
	} {
		s := newStore(t)
		if _, err := s.ImportRecords(testQ, []ImportRecord{r}); err != nil {
			t.Fatal(err)
		}
		if err := s.update(spoil); err != nil {
			t.Fatal(err)
		}
		if _, err := s.EachRespondent(testQ, GroupFilter{Round: "runda 1"}, func(survey.Respondent) {}); !errors.Is(err, ErrCorrupt) {
			t.Errorf("damaged %s: %v", name, err)
		}
	}
}
