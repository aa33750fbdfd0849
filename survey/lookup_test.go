package survey

import "testing"

func TestLookups(t *testing.T) {
	q := mustParse(t, validTOML)

	if a, ok := q.Area("b"); !ok || a.Number != 2 {
		t.Errorf(`Area("b") = %+v, %v`, a, ok)
	}
	if _, ok := q.Area("zz"); ok {
		t.Error(`Area("zz") found`)
	}
	if s, ok := q.Statement("b1"); !ok || s.Area != "b" {
		t.Errorf(`Statement("b1") = %+v, %v`, s, ok)
	}
	if _, ok := q.Statement("zz"); ok {
		t.Error(`Statement("zz") found`)
	}
	for id, want := range map[string]int{"a1": 0, "b1": 1, "zz": -1, "": -1} {
		if got := q.StatementIndex(id); got != want {
			t.Errorf("StatementIndex(%q) = %d, want %d", id, got, want)
		}
	}
	if got := q.StatementsIn("a"); len(got) != 1 || got[0].ID != "a1" {
		t.Errorf(`StatementsIn("a") = %+v`, got)
	}
	if got := q.StatementsIn("zz"); got != nil {
		t.Errorf(`StatementsIn("zz") = %+v, want nil`, got)
	}
	if b, ok := q.BackgroundQuestion("role"); !ok || b.Kind != KindChoice {
		t.Errorf(`BackgroundQuestion("role") = %+v, %v`, b, ok)
	}
	if o, ok := q.Option("role", "y"); !ok || o.Label.EN != "Y" {
		t.Errorf(`Option("role", "y") = %+v, %v`, o, ok)
	}
	for _, c := range [][2]string{{"role", "zz"}, {"zz", "x"}, {"municipality", "x"}} {
		if _, ok := q.Option(c[0], c[1]); ok {
			t.Errorf("Option(%q, %q) found", c[0], c[1])
		}
	}
	if d, ok := q.DiscussionQuestion("d2"); !ok || d.Text.EN != "Question two?" {
		t.Errorf(`DiscussionQuestion("d2") = %+v, %v`, d, ok)
	}
}

func TestStatementCompetences(t *testing.T) {
	got := Statement{Competence: " 2.3  2.6 "}.Competences()
	if len(got) != 2 || got[0] != "2.3" || got[1] != "2.6" {
		t.Errorf("Competences() = %q, want [2.3 2.6]", got)
	}
}
