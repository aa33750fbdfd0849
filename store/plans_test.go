package store

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// testPlan uses every field.
var testPlan = Plan{
	Topics:   []string{"kallkritik", "gdpr", "e-legitimation"},
	Goal:     "Kunna granska en nyhet\noch förklara varför.",
	Learn:    []string{"gdpr", "tillganglighet"},
	Teach:    []string{"makerspace"},
	Other:    "Excel-tabeller",
	ShowName: true,
}

// finished stores a finished attempt of the profile, creating the
// profile if need be (Import does).
func finished(t *testing.T, s *Store, profile string, begin time.Time) AttemptID {
	t.Helper()
	a := Attempt{ProfileID: profile, Started: begin, Finished: begin.Add(time.Hour),
		Ratings: map[string]Rating{"s01": {Value: 5}}}
	a.ID = NewAttemptID(begin)
	if err := s.Import(testQ, []Attempt{a}); err != nil {
		t.Fatal(err)
	}
	return a.ID
}

func TestSavePlanAndReadItBack(t *testing.T) {
	s := newStore(t)
	id := finished(t, s, LocalProfile, t0)
	if _, ok, err := s.Plan(id); ok || err != nil {
		t.Fatalf("Plan before any = %v, %v", ok, err)
	}
	if err := s.SavePlan(id, testPlan); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	got, ok, err := s.Plan(id)
	if err != nil || !ok || !reflect.DeepEqual(got, testPlan) {
		t.Fatalf("Plan = %+v, %v, %v; want %+v", got, ok, err, testPlan)
	}
	// A plan is replaced whole; an empty one is a plan too.
	if err := s.SavePlan(id, Plan{}); err != nil {
		t.Fatal(err)
	}
	got, ok, err = s.Plan(id)
	if err != nil || !ok || !reflect.DeepEqual(got, Plan{}) {
		t.Fatalf("replaced Plan = %+v, %v, %v", got, ok, err)
	}
}

func TestPlanLimitsAreAllowed(t *testing.T) {
	s := newStore(t)
	id := finished(t, s, LocalProfile, t0)
	var topics []string
	for i := range MaxPlanTopics {
		topics = append(topics, strings.Repeat("a", 30)+"-"+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	p := Plan{
		Topics: topics, Teach: topics, Learn: topics[:MaxPlanLearn],
		Goal:  strings.Repeat("å", MaxGoalLen), // 2000 bytes, 1000 characters
		Other: strings.Repeat("ö", MaxOtherLen),
	}
	p.Topics[0] = strings.Repeat("x", 40)
	if err := s.SavePlan(id, p); err != nil {
		t.Fatal(err)
	}
	if got, _, err := s.Plan(id); err != nil || !reflect.DeepEqual(got, p) {
		t.Fatalf("Plan at the limits = %v", err)
	}
}

func TestSavePlanRefuses(t *testing.T) {
	s := newStore(t)
	done := finished(t, s, LocalProfile, t0)
	open := start(t, s, t0.Add(2*time.Hour))
	if err := s.SavePlan(done, testPlan); err != nil {
		t.Fatal(err)
	}
	with := func(change func(*Plan)) Plan {
		p := testPlan
		p.Topics, p.Learn, p.Teach = append([]string(nil), p.Topics...), append([]string(nil), p.Learn...), append([]string(nil), p.Teach...)
		change(&p)
		return p
	}
	many := func(n int) []string {
		var l []string
		for i := range n {
			l = append(l, "t"+strings.Repeat("x", i))
		}
		return l
	}
	invalid := map[string]Plan{
		"33 topics":            with(func(p *Plan) { p.Topics = many(33) }),
		"33 to teach":          with(func(p *Plan) { p.Teach = many(33) }),
		"6 to learn":           with(func(p *Plan) { p.Learn = many(6) }),
		"learn twice":          with(func(p *Plan) { p.Learn = []string{"gdpr", "gdpr"} }),
		"topic twice":          with(func(p *Plan) { p.Topics = append(p.Topics, "gdpr") }),
		"upper case topic":     with(func(p *Plan) { p.Topics[0] = "GDPR" }),
		"empty topic":          with(func(p *Plan) { p.Teach[0] = "" }),
		"41-byte topic":        with(func(p *Plan) { p.Learn[0] = strings.Repeat("a", 41) }),
		"topic with a space":   with(func(p *Plan) { p.Learn[0] = "a b" }),
		"goal too long":        with(func(p *Plan) { p.Goal = strings.Repeat("å", MaxGoalLen+1) }),
		"goal not UTF-8":       with(func(p *Plan) { p.Goal = "\xff" }),
		"other too long":       with(func(p *Plan) { p.Other = strings.Repeat("x", MaxOtherLen+1) }),
		"other on two lines":   with(func(p *Plan) { p.Other = "a\nb" }),
		"other with a return":  with(func(p *Plan) { p.Other = "a\rb" }),
		"other not UTF-8":      with(func(p *Plan) { p.Other = "a\xc3" }),
		"topic with a control": with(func(p *Plan) { p.Topics[1] = "a\x1b" }),
	}
	for name, p := range invalid {
		if err := s.SavePlan(done, p); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		} else if !strings.HasSuffix(err.Error(), "("+s.Path()+")") {
			t.Errorf("%s: %q does not name the file", name, err)
		}
	}
	if got, _, err := s.Plan(done); err != nil || !reflect.DeepEqual(got, testPlan) {
		t.Fatalf("a refused plan changed the stored one: %+v, %v", got, err)
	}
	if err := s.SavePlan(open.ID, testPlan); !errors.Is(err, ErrNotFinished) {
		t.Errorf("unfinished attempt: %v, want ErrNotFinished", err)
	}
	if _, ok, _ := s.Plan(open.ID); ok {
		t.Error("an unfinished attempt got a plan")
	}
	if err := s.SavePlan(NewAttemptID(t0), testPlan); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing attempt: %v, want ErrNotFound", err)
	}
	if err := s.SavePlan(AttemptID{}, testPlan); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero id: %v, want ErrInvalid", err)
	}
	if _, _, err := s.Plan(AttemptID{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Plan of the zero id: %v, want ErrInvalid", err)
	}
}

// Texts from the file are terminal input: they come back cleaned.
func TestPlanTextsAreCleanedOnRead(t *testing.T) {
	s := newStore(t)
	id := finished(t, s, LocalProfile, t0)
	p := testPlan
	p.Goal = "mål\x1b]0;titel\x07\u202e\nrad två"
	p.Other = "annat\x1b[2J\tslut"
	if err := s.SavePlan(id, p); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Plan(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Goal != "mål]0;titel\nrad två" || got.Other != "annat[2J slut" {
		t.Errorf("Goal %q, Other %q: not cleaned", got.Goal, got.Other)
	}
	lp, _, _, err := s.LatestPlan(LocalProfile)
	if err != nil || lp.Goal != got.Goal || lp.Other != got.Other {
		t.Errorf("LatestPlan = %+v, %v", lp, err)
	}
}

func TestLatestPlan(t *testing.T) {
	s := newStore(t)
	h := time.Hour
	if _, _, ok, err := s.LatestPlan(LocalProfile); ok || err != nil {
		t.Fatalf("LatestPlan of no attempts = %v, %v", ok, err)
	}
	first := finished(t, s, LocalProfile, t0)
	second := finished(t, s, LocalProfile, t0.Add(2*h))
	finished(t, s, LocalProfile, t0.Add(4*h)) // the newest has no plan
	other := finished(t, s, "someone", t0.Add(6*h))
	if _, _, ok, err := s.LatestPlan(LocalProfile); ok || err != nil {
		t.Fatalf("LatestPlan of attempts without plans = %v, %v", ok, err)
	}
	p1, p2 := Plan{Goal: "ett"}, Plan{Goal: "två"}
	for id, p := range map[AttemptID]Plan{first: p1, second: p2, other: {Goal: "någon annans"}} {
		if err := s.SavePlan(id, p); err != nil {
			t.Fatal(err)
		}
	}
	got, id, ok, err := s.LatestPlan(LocalProfile)
	if err != nil || !ok || id != second || got.Goal != "två" {
		t.Fatalf("LatestPlan = %+v, %s, %v, %v; want the second attempt's", got, id, ok, err)
	}
	got, id, ok, err = s.LatestPlan("someone")
	if err != nil || !ok || id != other || got.Goal != "någon annans" {
		t.Fatalf("LatestPlan of another profile = %+v, %s, %v, %v", got, id, ok, err)
	}
	if _, _, ok, err := s.LatestPlan("nobody"); ok || err != nil {
		t.Fatalf("LatestPlan of a profile without attempts = %v, %v", ok, err)
	}
	if _, _, _, err := s.LatestPlan(""); !errors.Is(err, ErrInvalid) {
		t.Fatalf("LatestPlan(\"\") = %v, want ErrInvalid", err)
	}
}

func TestSavePlanReadOnly(t *testing.T) {
	path := makeDB(t, t.TempDir())
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.History(LocalProfile)
	if err != nil || len(list) != 1 {
		t.Fatalf("History = %v, %v", list, err)
	}
	if err := s.SavePlan(list[0].ID, testPlan); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("SavePlan read-only: %v", err)
	}
}

// A plan can only be left behind by damage on an unfinished attempt;
// Discard takes it with the attempt, as everything that removes an
// attempt must (unsafeDeletePlan).
func TestDiscardRemovesThePlan(t *testing.T) {
	path := makeDB(t, t.TempDir())
	var open AttemptID
	withBolt(t, path, func(tx *bbolt.Tx) error {
		copy(open[:], tx.Bucket(unfinishedBucket).Get([]byte(LocalProfile)))
		return tx.Bucket(plansBucket).Put(open[:], encodePlan(testPlan))
	})
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Discard(open); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	withBolt(t, path, func(tx *bbolt.Tx) error {
		if tx.Bucket(plansBucket).Get(open[:]) != nil {
			t.Error("the discarded attempt's plan is still there")
		}
		return nil
	})
}

func TestDecodePlanIsStrict(t *testing.T) {
	good := encodePlan(testPlan)
	if p, err := decodePlan(good); err != nil || !reflect.DeepEqual(p, testPlan) {
		t.Fatalf("decodePlan(encodePlan) = %+v, %v", p, err)
	}
	bad := map[string][]byte{
		"empty":            nil,
		"format 2":         append([]byte{2}, good[1:]...),
		"unknown flag":     append([]byte{planFormat, 2}, good[2:]...),
		"cut short":        good[:len(good)-1],
		"trailing byte":    append(bytes.Clone(good), 0),
		"overlong count":   append([]byte{planFormat, 1, 0x83, 0x00}, good[3:]...),
		"bad topic":        encodePlan(Plan{Topics: []string{"A"}}),
		"topic twice":      encodePlan(Plan{Learn: []string{"a", "a"}}),
		"six to learn":     encodePlan(Plan{Learn: []string{"a", "b", "c", "d", "e", "f"}}),
		"other line break": encodePlan(Plan{Other: "a\nb"}),
		"goal too long":    encodePlan(Plan{Goal: strings.Repeat("x", MaxGoalLen+1)}),
		"goal not UTF-8":   encodePlan(Plan{Goal: "\xff"}),
	}
	for name, raw := range bad {
		if _, err := decodePlan(raw); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", name, err)
		}
	}
}
