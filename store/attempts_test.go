package store

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

func start(t *testing.T, s *Store, at time.Time) Attempt {
	t.Helper()
	a, err := s.StartAttempt(LocalProfile, testQ, at)
	if err != nil {
		t.Fatalf("StartAttempt: %v", err)
	}
	return a
}

func TestStartAttempt(t *testing.T) {
	s := newStore(t)
	a := start(t, s, t0)
	if a.ID.IsZero() || a.ProfileID != LocalProfile || a.QuestionnaireID != testQ.ID ||
		a.QuestionnaireVersion != testQ.Version || !a.Started.Equal(t0) || a.Done() {
		t.Errorf("StartAttempt = %+v", a)
	}
	if a.Position != (Position{StageBackground, 0}) {
		t.Errorf("Position = %+v, want the beginning", a.Position)
	}
	if a.Background == nil || a.Ratings == nil || a.Discussion == nil {
		t.Error("maps must not be nil")
	}
	got, err := s.Attempt(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertSameAttempt(t, got, a)
}

func TestAnswersSurviveReopen(t *testing.T) {
	s := newStore(t)
	a := start(t, s, t0)
	steps := []error{
		s.SaveBackground(a.ID, "role", "librarian", Position{StageBackground, 1}),
		s.SaveBackground(a.ID, "municipality", "Malmö", Position{StageBackground, 2}),
		s.SaveRating(a.ID, "s01", 6, Position{StageStatements, 1}),
		s.SaveRating(a.ID, "s02", Skipped, Position{StageStatements, 2}),
		s.SaveDiscussion(a.ID, "d1", "Vi behöver mer tid.\nOch kaffe.", Position{StageDiscussion, 1}),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	s = reopen(t, s)
	got, err := s.Attempt(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := a
	want.Background = map[string]string{"role": "librarian", "municipality": "Malmö"}
	want.Ratings = map[string]Rating{"s01": {6}, "s02": {Skipped}}
	want.Discussion = map[string]string{"d1": "Vi behöver mer tid.\nOch kaffe."}
	want.Position = Position{StageDiscussion, 1}
	assertSameAttempt(t, got, want)
}

func TestResumeUnfinished(t *testing.T) {
	s := newStore(t)
	if _, ok, err := s.Unfinished(LocalProfile); ok || err != nil {
		t.Fatalf("Unfinished on a new store = %v, %v", ok, err)
	}
	a := start(t, s, t0)
	for i, id := range []string{"s01", "s02", "s03", "s04"} {
		if err := s.SaveRating(a.ID, id, i+2, Position{StageStatements, i + 1}); err != nil {
			t.Fatal(err)
		}
	}
	// Going back to an earlier statement and changing it keeps one rating.
	if err := s.SaveRating(a.ID, "s02", 7, Position{StageStatements, 2}); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	got, ok, err := s.Unfinished(LocalProfile)
	if err != nil || !ok {
		t.Fatalf("Unfinished = %v, %v", ok, err)
	}
	if got.ID != a.ID || got.Position != (Position{StageStatements, 2}) {
		t.Errorf("resumed %s at %+v, want %s at statement 2", got.ID, got.Position, a.ID)
	}
	want := map[string]int{"s01": 2, "s02": 7, "s03": 4, "s04": 5}
	if scores := got.Scores(); !reflect.DeepEqual(map[string]int(scores), want) {
		t.Errorf("ratings %v, want %v", scores, want)
	}
}

func TestSavePositionOnly(t *testing.T) {
	s := newStore(t)
	a := start(t, s, t0)
	if err := s.SavePosition(a.ID, Position{StageReview, 0}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Attempt(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Position != (Position{StageReview, 0}) {
		t.Errorf("Position = %+v", got.Position)
	}
}

func TestEmptyAnswerClears(t *testing.T) {
	s := newStore(t)
	a := start(t, s, t0)
	p := Position{StageBackground, 0}
	for _, err := range []error{
		s.SaveBackground(a.ID, "role", "librarian", p),
		s.SaveDiscussion(a.ID, "d1", "text", p),
		s.SaveBackground(a.ID, "role", "", p),
		s.SaveDiscussion(a.ID, "d1", "", p),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Attempt(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Background) != 0 || len(got.Discussion) != 0 {
		t.Errorf("after clearing: background %v, discussion %v", got.Background, got.Discussion)
	}
}

func TestFinishAndHistory(t *testing.T) {
	s := newStore(t)
	if _, ok, err := s.LatestFinished(LocalProfile); ok || err != nil {
		t.Fatalf("LatestFinished on a new store = %v, %v", ok, err)
	}
	// The first attempt is finished after the second, so the latest
	// finished is not the latest started.
	first := start(t, s, t0)
	if err := s.SaveRating(first.ID, "s01", 3, Position{StageStatements, 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(first.ID, t0.Add(48*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Unfinished(LocalProfile); ok || err != nil {
		t.Errorf("Unfinished after Finish = %v, %v", ok, err)
	}
	second := start(t, s, t0.Add(time.Hour))
	if err := s.SaveRating(second.ID, "s01", 5, Position{StageStatements, 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(second.ID, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	third := start(t, s, t0.Add(72*time.Hour))

	s = reopen(t, s)
	latest, ok, err := s.LatestFinished(LocalProfile)
	if err != nil || !ok {
		t.Fatalf("LatestFinished = %v, %v", ok, err)
	}
	if latest.ID != first.ID {
		t.Errorf("LatestFinished = %s, want the one finished last, %s", latest.ID, first.ID)
	}
	if !latest.Finished.Equal(t0.Add(48*time.Hour)) || latest.Position != (Position{StageDone, 0}) || !latest.Done() {
		t.Errorf("finished attempt: Finished %v, Position %+v", latest.Finished, latest.Position)
	}
	if latest.Ratings["s01"].Value != 3 {
		t.Errorf("finished attempt ratings %v", latest.Ratings)
	}

	all, err := s.Attempts(LocalProfile)
	if err != nil {
		t.Fatal(err)
	}
	var ids []AttemptID
	for _, a := range all {
		ids = append(ids, a.ID)
	}
	if want := []AttemptID{first.ID, second.ID, third.ID}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Attempts = %v, want oldest first %v", ids, want)
	}
	if len(all) == 3 && (!all[0].Done() || !all[1].Done() || all[2].Done()) {
		t.Error("Attempts lost the finished state")
	}
}

func TestProfilesAreSeparate(t *testing.T) {
	s := newStore(t)
	// "loc" is a byte prefix of "local": the index ranges must not mix.
	for _, p := range []string{"loc", "locals"} {
		if err := s.update(func(tx *bbolt.Tx) error {
			return unsafePutProfile(tx.Bucket(profilesBucket), p, t0)
		}); err != nil {
			t.Fatal(err)
		}
	}
	finished := map[string]AttemptID{}
	for i, p := range []string{"loc", LocalProfile, "locals"} {
		a, err := s.StartAttempt(p, testQ, t0.Add(time.Duration(i)*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Finish(a.ID, t0.Add(time.Duration(10-i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
		finished[p] = a.ID
	}
	open, err := s.StartAttempt("loc", testQ, t0.Add(20*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"loc", LocalProfile, "locals"} {
		latest, ok, err := s.LatestFinished(p)
		if err != nil || !ok || latest.ID != finished[p] || latest.ProfileID != p {
			t.Errorf("LatestFinished(%q) = %s, %v, %v; want %s", p, latest.ID, ok, err, finished[p])
		}
		all, err := s.Attempts(p)
		if err != nil {
			t.Fatal(err)
		}
		want := 1
		if p == "loc" {
			want = 2
		}
		if len(all) != want {
			t.Errorf("Attempts(%q) has %d attempts, want %d", p, len(all), want)
		}
		u, ok, err := s.Unfinished(p)
		if err != nil || ok != (p == "loc") || (ok && u.ID != open.ID) {
			t.Errorf("Unfinished(%q) = %s, %v, %v", p, u.ID, ok, err)
		}
	}
	if _, ok, err := s.LatestFinished("nobody"); ok || err != nil {
		t.Errorf("LatestFinished(unknown) = %v, %v", ok, err)
	}
	if _, err := s.StartAttempt("nobody", testQ, t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("StartAttempt(unknown profile) = %v, want ErrNotFound", err)
	}
}

func TestOnlyOneUnfinishedAttempt(t *testing.T) {
	s := newStore(t)
	a := start(t, s, t0)
	if _, err := s.StartAttempt(LocalProfile, testQ, t0.Add(time.Hour)); !errors.Is(err, ErrUnfinishedExists) {
		t.Fatalf("second StartAttempt = %v, want ErrUnfinishedExists", err)
	}
	all, err := s.Attempts(LocalProfile)
	if err != nil || len(all) != 1 || all[0].ID != a.ID {
		t.Errorf("Attempts = %v, %v; want only the first", all, err)
	}
}

func TestDiscard(t *testing.T) {
	s := newStore(t)
	a := start(t, s, t0)
	if err := s.SaveRating(a.ID, "s01", 4, Position{StageStatements, 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.Discard(a.ID); err != nil {
		t.Fatalf("Discard: %v", err)
	}
	if _, err := s.Attempt(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Attempt after Discard = %v, want ErrNotFound", err)
	}
	if _, ok, err := s.Unfinished(LocalProfile); ok || err != nil {
		t.Errorf("Unfinished after Discard = %v, %v", ok, err)
	}
	if err := s.Discard(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Discard = %v, want ErrNotFound", err)
	}
	b := start(t, s, t0.Add(time.Hour))
	if err := s.Finish(b.ID, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.Discard(b.ID); !errors.Is(err, ErrFinished) {
		t.Errorf("Discard(finished) = %v, want ErrFinished", err)
	}
	if _, err := s.Attempt(b.ID); err != nil {
		t.Errorf("finished attempt gone after refused Discard: %v", err)
	}
}

func TestFinishedAttemptIsImmutable(t *testing.T) {
	s := newStore(t)
	a := start(t, s, t0)
	if err := s.SaveRating(a.ID, "s01", 4, Position{StageStatements, 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(a.ID, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	before, err := s.Attempt(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := Position{StageStatements, 0}
	calls := map[string]error{
		"SaveBackground": s.SaveBackground(a.ID, "role", "x", p),
		"SaveRating":     s.SaveRating(a.ID, "s01", 1, p),
		"SaveDiscussion": s.SaveDiscussion(a.ID, "d1", "x", p),
		"SavePosition":   s.SavePosition(a.ID, p),
		"Finish":         s.Finish(a.ID, t0.Add(2*time.Hour)),
		"Discard":        s.Discard(a.ID),
	}
	for name, err := range calls {
		if !errors.Is(err, ErrFinished) {
			t.Errorf("%s = %v, want ErrFinished", name, err)
		}
	}
	after, err := s.Attempt(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertSameAttempt(t, after, before)
}

func TestMissingAttempt(t *testing.T) {
	s := newStore(t)
	id := NewAttemptID(t0)
	p := Position{StageStatements, 0}
	calls := map[string]error{
		"SaveBackground": s.SaveBackground(id, "role", "x", p),
		"SaveRating":     s.SaveRating(id, "s01", 1, p),
		"SaveDiscussion": s.SaveDiscussion(id, "d1", "x", p),
		"SavePosition":   s.SavePosition(id, p),
		"Finish":         s.Finish(id, t0),
		"Discard":        s.Discard(id),
	}
	_, calls["Attempt"] = s.Attempt(id)
	for name, err := range calls {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s = %v, want ErrNotFound", name, err)
		} else if !strings.HasSuffix(err.Error(), "("+s.Path()+")") {
			t.Errorf("%s: %q does not end with the path", name, err)
		}
	}
}

func TestInvalidArgumentsWriteNothing(t *testing.T) {
	s := newStore(t)
	a := start(t, s, t0)
	ok := Position{StageStatements, 1}
	long := strings.Repeat("x", maxIDLen+1)
	calls := map[string]error{
		"zero id":              s.SavePosition(AttemptID{}, ok),
		"empty question":       s.SaveBackground(a.ID, "", "x", ok),
		"long question":        s.SaveBackground(a.ID, long, "x", ok),
		"long background":      s.SaveBackground(a.ID, "role", long, ok),
		"bad UTF-8 background": s.SaveBackground(a.ID, "role", "\xff", ok),
		"empty statement":      s.SaveRating(a.ID, "", 3, ok),
		"NUL in statement":     s.SaveRating(a.ID, "s\x00", 3, ok),
		"negative rating":      s.SaveRating(a.ID, "s01", -1, ok),
		"rating above 255":     s.SaveRating(a.ID, "s01", 256, ok),
		"rating off the scale": s.SaveRating(a.ID, "s01", 8, ok),
		"unknown statement":    s.SaveRating(a.ID, "s99", 3, ok),
		"long discussion":      s.SaveDiscussion(a.ID, "d1", strings.Repeat("å", maxTextLen/2+1), ok),
		"bad UTF-8 discussion": s.SaveDiscussion(a.ID, "d1", "ok\xc3", ok),
		"stage done":           s.SavePosition(a.ID, Position{StageDone, 0}),
		"stage past done":      s.SavePosition(a.ID, Position{StageDone + 1, 0}),
		"negative cursor":      s.SaveRating(a.ID, "s01", 3, Position{StageStatements, -1}),
		"zero finish time":     s.Finish(a.ID, time.Time{}),
		"discard zero id":      s.Discard(AttemptID{}),
	}
	_, calls["empty profile"] = s.StartAttempt("", testQ, t0)
	_, calls["nil questionnaire"] = s.StartAttempt(LocalProfile, nil, t0)
	_, calls["zero start time"] = s.StartAttempt(LocalProfile, testQ, time.Time{})
	_, _, calls["Unfinished empty profile"] = s.Unfinished("")
	for name, err := range calls {
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		} else if !strings.HasSuffix(err.Error(), "("+s.Path()+")") {
			t.Errorf("%s: %q does not end with the path", name, err)
		}
	}
	got, err := s.Attempt(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertSameAttempt(t, got, a)
	// The limits themselves are allowed.
	if err := s.SaveDiscussion(a.ID, "d1", strings.Repeat("x", maxTextLen), ok); err != nil {
		t.Errorf("text of exactly %d bytes: %v", maxTextLen, err)
	}
	if err := s.Discard(a.ID); err != nil {
		t.Fatal(err)
	}
	longest := strings.Repeat("s", maxIDLen)
	// A questions file's scale has at most 11 points; its top may be
	// the highest rating a record holds.
	wide := &survey.Questionnaire{ID: "wide", Version: 1, Title: tx("Wide"),
		Scale:      survey.Scale{Min: maxRating - 10, Max: maxRating, MinLabel: tx("Låg"), MaxLabel: tx("Hög")},
		Areas:      []survey.Area{{ID: "a", Number: 1, Name: tx("A")}},
		Statements: []survey.Statement{{ID: longest, Area: "a", Competence: "1.1", Text: tx("Lång")}}}
	w, err := s.StartAttempt(LocalProfile, wide, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRating(w.ID, longest, maxRating, ok); err != nil {
		t.Errorf("id of exactly %d bytes and rating %d: %v", maxIDLen, maxRating, err)
	}
}

func TestDamagedRecordsAreReported(t *testing.T) {
	saveRating := func(s *Store, id AttemptID) error {
		return s.SaveRating(id, "s01", 1, Position{StageStatements, 1})
	}
	tests := []struct {
		name   string
		damage func(tx *bbolt.Tx, id AttemptID) error
		write  func(s *Store, id AttemptID) error // a write that must refuse
	}{
		{"garbage record", func(tx *bbolt.Tx, id AttemptID) error {
			return tx.Bucket(attemptsBucket).Put(id[:], []byte("{not json"))
		}, saveRating},
		{"record with bad stage", func(tx *bbolt.Tx, id AttemptID) error {
			raw := bytes.Clone(tx.Bucket(attemptsBucket).Get(id[:]))
			i := bytes.Index(raw, []byte(LocalProfile)) + len(LocalProfile) + 5 // after 5 bytes of start time
			raw[i] = 9
			return tx.Bucket(attemptsBucket).Put(id[:], raw)
		}, func(s *Store, id AttemptID) error { return s.SavePosition(id, Position{StageReview, 0}) }},
		{"record cut short", func(tx *bbolt.Tx, id AttemptID) error {
			raw := tx.Bucket(attemptsBucket).Get(id[:])
			return tx.Bucket(attemptsBucket).Put(id[:], bytes.Clone(raw[:len(raw)-1]))
		}, saveRating},
		{"municipality code missing", func(tx *bbolt.Tx, id AttemptID) error {
			if err := changeRecord(tx, id, func(r *attemptRecord) { r.Background = map[string]string{"municipality": "Lund"} }); err != nil {
				return err
			}
			return tx.Bucket(placesBucket).Delete(placeKey(0))
		}, saveRating},
		{"questionnaire missing", func(tx *bbolt.Tx, id AttemptID) error {
			return tx.Bucket(shapesBucket).Delete(shapeKey(testQ.ID, testQ.Version))
		}, saveRating},
		{"short index value", func(tx *bbolt.Tx, id AttemptID) error {
			return tx.Bucket(unfinishedBucket).Put([]byte(LocalProfile), id[:3])
		}, func(s *Store, id AttemptID) error { return s.Finish(id, t0.Add(time.Hour)) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			a := start(t, s, t0)
			path := s.Path()
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			withBolt(t, path, func(tx *bbolt.Tx) error { return tc.damage(tx, a.ID) })
			// Open does not read attempts, so it succeeds; the damage
			// shows when the attempt is used.
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer s.Close()
			if _, _, err := s.Unfinished(LocalProfile); !errors.Is(err, ErrCorrupt) {
				t.Errorf("Unfinished = %v, want ErrCorrupt", err)
			}
			if _, err := s.Attempts(LocalProfile); !errors.Is(err, ErrCorrupt) {
				t.Errorf("Attempts = %v, want ErrCorrupt", err)
			}
			if err := tc.write(s, a.ID); !errors.Is(err, ErrCorrupt) {
				t.Errorf("write = %v, want ErrCorrupt", err)
			}
		})
	}
}

// assertSameAttempt compares attempts by value, times by instant.
func assertSameAttempt(t *testing.T, got, want Attempt) {
	t.Helper()
	if got.ID != want.ID || got.QuestionnaireID != want.QuestionnaireID ||
		got.QuestionnaireVersion != want.QuestionnaireVersion || got.ProfileID != want.ProfileID ||
		!got.Started.Equal(want.Started) || !got.Finished.Equal(want.Finished) || got.Position != want.Position {
		t.Errorf("attempt header\n got %+v\nwant %+v", got, want)
	}
	if !reflect.DeepEqual(got.Background, want.Background) {
		t.Errorf("background %v, want %v", got.Background, want.Background)
	}
	if !reflect.DeepEqual(got.Discussion, want.Discussion) {
		t.Errorf("discussion %v, want %v", got.Discussion, want.Discussion)
	}
	if len(got.Ratings) != len(want.Ratings) {
		t.Errorf("ratings %v, want %v", got.Ratings, want.Ratings)
	}
	for id, w := range want.Ratings {
		g, ok := got.Ratings[id]
		if !ok || g.Value != w.Value {
			t.Errorf("rating %s = %+v, want %+v", id, g, w)
		}
	}
}
