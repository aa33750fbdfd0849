package survey

import (
	"strings"
	"testing"
)

// TestEmbeddedHasGroupIDs ties the group report's ids to the embedded
// questionnaire: renaming an option there must fail here, not silently
// empty a split or an indicator.
func TestEmbeddedHasGroupIDs(t *testing.T) {
	q, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range append([]string{BackgroundDigiteket}, SplitQuestions...) {
		b, ok := q.BackgroundQuestion(id)
		if !ok || b.Kind != KindChoice || len(b.Options) == 0 {
			t.Errorf("background question %q: %+v, want a choice question", id, b)
		}
	}
	if o, ok := q.Option(BackgroundRole, RoleManager); !ok || !strings.HasPrefix(o.Label.SV, "Chef") {
		t.Errorf("role option %q = %+v, want the one labelled Chef…", RoleManager, o)
	}
	if o, ok := q.Option(BackgroundDigiteket, DigiteketYes); !ok || o.Label.SV != "Ja" {
		t.Errorf("digiteket option %q = %+v, want Ja", DigiteketYes, o)
	}
	if r := NewGroupTally(q).Report(); len(r.Splits) != len(SplitQuestions) {
		t.Errorf("embedded questionnaire gives %d splits, want %d", len(r.Splits), len(SplitQuestions))
	}
}

func TestManagerQuestion(t *testing.T) {
	m := ManagerQuestion()
	if m.ID != ManagerQuestionID || m.Kind != KindChoice {
		t.Errorf("id, kind = %q, %q", m.ID, m.Kind)
	}
	if m.Prompt.SV != "Har din förmåga att leda digital förändring stärkts under det senaste året?" || m.Prompt.EN == "" {
		t.Errorf("prompt %+v", m.Prompt)
	}
	want := []struct{ id, sv string }{{ManagerYes, "Ja"}, {ManagerPartly, "Delvis"}, {ManagerNo, "Nej"}, {ManagerDontKnow, "Vet inte"}}
	if len(m.Options) != len(want) {
		t.Fatalf("options %+v", m.Options)
	}
	for i, w := range want {
		o := m.Options[i]
		if o.ID != w.id || o.Label.SV != w.sv || o.Label.EN == "" || !ValidManagerAnswer(o.ID) {
			t.Errorf("option %d = %+v, want %s %q", i, o, w.id, w.sv)
		}
	}
	for _, bad := range []string{"", "Yes", "ja", "maybe"} {
		if ValidManagerAnswer(bad) {
			t.Errorf("ValidManagerAnswer(%q) = true", bad)
		}
	}
	// A fresh copy each time: a caller's change does not leak.
	m.Options[0].Label.SV = "ändrad"
	if ManagerQuestion().Options[0].Label.SV != "Ja" {
		t.Error("ManagerQuestion shares its options between calls")
	}
}

func TestIsManager(t *testing.T) {
	for _, c := range []struct {
		bg   map[string]string
		want bool
	}{
		{map[string]string{BackgroundRole: RoleManager}, true},
		{map[string]string{BackgroundRole: RoleManager, BackgroundYears: "3-5"}, true},
		{map[string]string{BackgroundRole: "librarian"}, false},
		{map[string]string{BackgroundYears: RoleManager}, false},
		{map[string]string{}, false},
		{nil, false},
	} {
		if got := IsManager(c.bg); got != c.want {
			t.Errorf("IsManager(%v) = %v, want %v", c.bg, got, c.want)
		}
	}
}
