package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// answer runs one attempt of testQ through the Save methods with the given
// ratings (0 = skipped, absent = never reached) and finishes it at end,
// unless end is zero.
func answer(t *testing.T, s *Store, profile string, begin, end time.Time, ratings map[string]int) AttemptID {
	t.Helper()
	a, err := s.StartAttempt(profile, testQ, begin)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range ratings {
		if err := s.SaveRating(a.ID, id, v, Position{StageStatements, 1}); err != nil {
			t.Fatal(err)
		}
	}
	if !end.IsZero() {
		if err := s.Finish(a.ID, end); err != nil {
			t.Fatal(err)
		}
	}
	return a.ID
}

func TestGroupSummaryCountsFinishedAttemptsOnly(t *testing.T) {
	s := newStore(t)
	h := time.Hour
	answer(t, s, LocalProfile, t0, t0.Add(h), map[string]int{"s01": 7, "s02": 2, "s03": Skipped})
	other := testQ.Clone()
	other.ID, other.Version = "other", 1
	o, err := s.StartAttempt(LocalProfile, other, t0.Add(2*h))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRating(o.ID, "s01", 1, Position{StageStatements, 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(o.ID, t0.Add(3*h)); err != nil {
		t.Fatal(err)
	}
	answer(t, s, LocalProfile, t0.Add(4*h), t0.Add(5*h), map[string]int{"s01": 6, "s04": 4})
	answer(t, s, LocalProfile, t0.Add(6*h), time.Time{}, map[string]int{"s01": 1}) // unfinished

	got, err := s.GroupSummary(testQ, Span{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Attempts != 2 || got.OffScale != 0 {
		t.Errorf("Attempts, OffScale = %d, %d; want 2, 0", got.Attempts, got.OffScale)
	}
	want := map[string][2]float64{ // statement → N, mean
		"s01": {2, 6.5}, "s02": {1, 2}, "s03": {0, 0}, "s04": {1, 4},
	}
	for _, st := range got.Statements {
		w := want[st.StatementID]
		if float64(st.N) != w[0] || st.Mean != w[1] {
			t.Errorf("%s: N %d mean %v, want %v", st.StatementID, st.N, st.Mean, w)
		}
	}
	if s01 := got.Statements[0]; s01.Counts[7] != 1 || s01.Counts[6] != 1 || s01.HighShare != 1 {
		t.Errorf("s01 = %+v", s01)
	}
	// Areas pool their statements: a = 7, 2, 6; b = 4.
	if a := got.Areas[0]; a.N != 3 || a.Mean != 5 || a.HighShare != 2.0/3 {
		t.Errorf("area a = %+v", a)
	}
	if b := got.Areas[1]; b.N != 1 || b.Mean != 4 || b.HighShare != 0 {
		t.Errorf("area b = %+v", b)
	}
	if got.All.N != 4 || got.All.Mean != 19.0/4 || got.All.HighShare != 0.5 {
		t.Errorf("all = %+v", got.All)
	}

	// The span selects by finish time, From inclusive and To exclusive.
	spans := map[Span]int{
		{From: t0.Add(h)}:                        2,
		{From: t0.Add(h + 1)}:                    1,
		{To: t0.Add(5 * h)}:                      1,
		{From: t0.Add(2 * h), To: t0.Add(6 * h)}: 1,
		{From: t0.Add(6 * h)}:                    0,
	}
	for span, n := range spans {
		g, err := s.GroupSummary(testQ, span)
		if err != nil {
			t.Fatal(err)
		}
		if g.Attempts != n {
			t.Errorf("span %v–%v: %d attempts, want %d", span.From, span.To, g.Attempts, n)
		}
	}
}

// The group summary must agree with scoring each attempt on its own.
func TestGroupSummaryAgreesWithScore(t *testing.T) {
	s := newStore(t)
	var all []survey.Ratings
	for i := range 20 {
		r := map[string]int{}
		for j, st := range testQ.Statements {
			if (i+j)%5 != 0 {
				r[st.ID] = 1 + (i*3+j*5)%7
			}
		}
		answer(t, s, LocalProfile, t0.Add(time.Duration(2*i)*time.Hour), t0.Add(time.Duration(2*i+1)*time.Hour), r)
		all = append(all, survey.Ratings(r))
	}
	g, err := s.GroupSummary(testQ, Span{})
	if err != nil {
		t.Fatal(err)
	}
	sum, n, high := 0.0, 0, 0.0
	for _, r := range all {
		res := survey.Score(testQ, r)
		sum += res.Mean * float64(res.Answered)
		n += res.Answered
		high += res.HighShare * float64(res.Answered)
	}
	if g.All.N != n || !near(g.All.Mean, sum/float64(n)) || !near(g.All.HighShare, high/float64(n)) {
		t.Errorf("all = %+v; per-attempt scores give N %d mean %v high %v", g.All, n, sum/float64(n), high/float64(n))
	}
}

func near(a, b float64) bool { d := a - b; return d < 1e-9 && d > -1e-9 }

func TestChangedQuestionnaireNeedsNewVersion(t *testing.T) {
	s := newStore(t)
	start(t, s, t0)
	changed := *testQ
	changed.Statements = testQ.Statements[:3]
	if err := s.Discard(mustUnfinished(t, s).ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartAttempt(LocalProfile, &changed, t0); !errors.Is(err, ErrInvalid) {
		t.Fatalf("changed statements under the same version: %v, want ErrInvalid", err)
	}
	changed.Version++
	if _, err := s.StartAttempt(LocalProfile, &changed, t0); err != nil {
		t.Fatalf("changed statements under a new version: %v", err)
	}
}

func mustUnfinished(t *testing.T, s *Store) Attempt {
	t.Helper()
	a, ok, err := s.Unfinished(LocalProfile)
	if err != nil || !ok {
		t.Fatalf("Unfinished = %v, %v", ok, err)
	}
	return a
}

func copyAll(b *bbolt.Bucket, into map[string][]byte) {
	_ = b.ForEach(func(k, v []byte) error {
		into[string(k)] = bytes.Clone(v)
		return nil
	})
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	good := Attempt{ProfileID: "p1", Started: t0, Finished: t0.Add(time.Hour),
		Ratings: map[string]Rating{"s01": {5}, "s02": {Skipped}}}
	open := Attempt{ProfileID: "p2", Started: t0, Position: Position{StageStatements, 2},
		Ratings: map[string]Rating{"s01": {3}}}
	bad := Attempt{ProfileID: "p3", Started: t0, Finished: t0.Add(time.Hour),
		Ratings: map[string]Rating{"s01": {9}}}
	if err := s.Import(testQ, []Attempt{good, open, bad}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("import with a rating off the scale: %v", err)
	}
	if g, _ := s.GroupSummary(testQ, Span{}); g.Attempts != 0 {
		t.Fatalf("a refused import wrote %d attempts", g.Attempts)
	}
	twice := open
	twice.Started = t0.Add(time.Minute)
	if err := s.Import(testQ, []Attempt{good, open, twice}); !errors.Is(err, ErrUnfinishedExists) {
		t.Fatalf("two unfinished attempts of one profile: %v", err)
	}
	if err := s.Import(testQ, []Attempt{good, open}); err != nil {
		t.Fatal(err)
	}
	g, err := s.GroupSummary(testQ, Span{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Attempts != 1 || g.All.N != 1 || g.All.Mean != 5 {
		t.Errorf("summary after import = %+v", g.All)
	}
	u, ok, err := s.Unfinished("p2")
	if err != nil || !ok || u.Ratings["s01"].Value != 3 || u.Position != open.Position {
		t.Errorf("imported unfinished attempt = %+v, %v, %v", u, ok, err)
	}
	h, err := s.Attempts("p1")
	if err != nil || len(h) != 1 || !h[0].Done() {
		t.Errorf("imported history = %+v, %v", h, err)
	}
}

func TestCheckQuestionnaire(t *testing.T) {
	s := newStore(t)
	if err := s.CheckQuestionnaire(testQ); err != nil {
		t.Fatalf("a version the file has not seen: %v", err)
	}
	start(t, s, t0)
	if err := s.CheckQuestionnaire(testQ); err != nil {
		t.Fatalf("the recorded version itself: %v", err)
	}
	changed := *testQ
	changed.Statements = append([]survey.Statement(nil), testQ.Statements...)
	changed.Statements[0].ID = "renamed"
	if err := s.CheckQuestionnaire(&changed); !errors.Is(err, ErrQuestionnaireChanged) {
		t.Errorf("other statements under a recorded version: %v, want ErrQuestionnaireChanged", err)
	}
	changed.Statements, changed.Scale.Max = testQ.Statements, testQ.Scale.Max+1
	if err := s.CheckQuestionnaire(&changed); !errors.Is(err, ErrQuestionnaireChanged) {
		t.Errorf("another scale under a recorded version: %v, want ErrQuestionnaireChanged", err)
	}
	changed.Version++
	if err := s.CheckQuestionnaire(&changed); err != nil {
		t.Errorf("a new version: %v", err)
	}
}

// A flipped bit in a statement id of the built-in questionnaire's recorded
// shape still decodes, but no digikomp writes that shape: it is damage,
// both when the app starts and for check, not "other questions" (exit 5).
func TestBuiltinShapeChangedIsDamage(t *testing.T) {
	builtin, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "digikomp.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartAttempt(LocalProfile, builtin, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	withBolt(t, path, func(tx *bbolt.Tx) error {
		b := tx.Bucket(shapesBucket)
		key := shapeKey(builtin.ID, builtin.Version)
		sh, err := decodeShape(b.Get(key))
		if err != nil {
			return err
		}
		first := []byte(sh.statements[0])
		first[0] ^= 0x01
		sh.statements[0] = string(first)
		return b.Put(key, encodeShape(sh))
	})

	v, err := Verify(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !hasProblem(v, ProblemBuiltinShape, "") {
		t.Errorf("check of a changed built-in shape: %+v, want a %s problem", v.Problems, ProblemBuiltinShape)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CheckQuestionnaire(builtin); !errors.Is(err, ErrCorrupt) {
		t.Errorf("CheckQuestionnaire(built-in) on a changed built-in shape: %v, want ErrCorrupt", err)
	}
	other := *builtin
	other.ID = "another"
	if err := s.CheckQuestionnaire(&other); err != nil {
		t.Errorf("CheckQuestionnaire of questions the file has not seen: %v", err)
	}
}
