package store

import (
	"errors"
	"testing"
	"time"

	"digikomp/survey"
)

// TestEachAttempt: a workshop, a round and all give their attempts with
// ids, workshop, managers' answer, plan and profile; unfinished ones
// come too, without a plan; fn's error stops the walk.
func TestEachAttempt(t *testing.T) {
	s := newStore(t)
	spring := addWorkshop(t, s, "Vår", "2026 vår", t0)
	autumn := addWorkshop(t, s, "Höst", "2026 höst", t0.AddDate(0, 6, 0))
	a1 := takeIn(t, s, spring.ID, t0, survey.RoleManager, [4]int{7, 6, 0, Skipped}, "Mer tid")
	a2 := takeIn(t, s, autumn.ID, t0.Add(time.Minute), "librarian", [4]int{1, 2, 3, 4}, "")
	a3 := takeIn(t, s, "", t0.Add(2*time.Minute), "", [4]int{5, 5, 5, 5}, "")
	if err := s.SaveManagerAnswer(a1, survey.ManagerYes); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePlan(a1, Plan{Learn: []string{"ai"}, Teach: []string{"sok"}, ShowName: true, Goal: "Mål"}); err != nil {
		t.Fatal(err)
	}
	named, err := s.AddProfile("Lärare Lisa", "", t0)
	if err != nil {
		t.Fatal(err)
	}
	open, err := s.StartWorkshopAttempt(spring.ID, named.ID, testQ, t0.Add(5*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	type seen struct {
		a       Attempt
		plan    *Plan
		profile Profile
	}
	collect := func(f GroupFilter) map[AttemptID]seen {
		t.Helper()
		m := map[AttemptID]seen{}
		if err := s.EachAttempt(f, func(a Attempt, p *Plan, prof Profile) error {
			m[a.ID] = seen{a, p, prof}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return m
	}
	all := collect(GroupFilter{All: true})
	if len(all) != 4 {
		t.Fatalf("all: %d attempts", len(all))
	}
	got := all[a1]
	if got.a.Workshop != spring.ID || got.a.Manager != survey.ManagerYes || got.a.Discussion["d1"] != "Mer tid" || got.a.Ratings["s01"].Value != 7 ||
		got.plan == nil || got.plan.Goal != "Mål" || !got.profile.Anonymous || got.profile.Name != "" {
		t.Errorf("a1: %+v %+v %+v", got.a, got.plan, got.profile)
	}
	if g := all[open.ID]; g.a.Done() || g.plan != nil || g.profile.Name != "Lärare Lisa" {
		t.Errorf("the unfinished attempt: %+v %+v %+v", g.a, g.plan, g.profile)
	}
	if g := all[a3]; g.a.Workshop != "" || g.plan != nil {
		t.Errorf("a3: %+v", g.a)
	}
	spr := collect(GroupFilter{Workshop: spring.ID})
	if _, ok := spr[a1]; !ok || len(spr) != 2 {
		t.Errorf("spring: %d attempts", len(spr))
	}
	if r := collect(GroupFilter{Round: "2026 höst"}); len(r) != 1 || r[a2].a.ID != a2 {
		t.Errorf("autumn round: %v", r)
	}
	stop := errors.New("stop")
	n := 0
	if err := s.EachAttempt(GroupFilter{All: true}, func(Attempt, *Plan, Profile) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("stopping: %v after %d", err, n)
	}
	if err := s.EachAttempt(GroupFilter{}, func(Attempt, *Plan, Profile) error { return nil }); !errors.Is(err, ErrInvalid) {
		t.Errorf("no filter: %v", err)
	}
	if err := s.EachAttempt(GroupFilter{Round: "ingen"}, func(Attempt, *Plan, Profile) error { return nil }); !errors.Is(err, ErrNoRound) {
		t.Errorf("a round nobody has: %v", err)
	}
}
