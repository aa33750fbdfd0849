package survey

import (
	"slices"
	"testing"
)

// people returns n respondents with the given role who all rate a1..a3
// with v and b1 with w.
func people(n int, roleID string, v, w byte) []Respondent {
	var rs []Respondent
	for range n {
		rs = append(rs, Respondent{Values: values(v, v, v, w), Background: role(roleID)})
	}
	return rs
}

func groupsOf(t *testing.T, r GroupReport, question string) map[string]SplitGroup {
	t.Helper()
	s, ok := r.Split(question)
	if !ok {
		t.Fatalf("no split by %s", question)
	}
	m := map[string]SplitGroup{}
	for _, g := range s.Groups {
		m[g.OptionID] = g
	}
	return m
}

func TestSplitMinGroupAtFourAndFive(t *testing.T) {
	// Five librarians (a 6, b 2), five managers (a 3, b 5), four
	// assistants (a 1, b 1). Four assistants are hidden; then the hidden
	// pool is 4 (< 5), so the smallest shown group is hidden too: a tie
	// of five and five, the later one in option order (manager).
	var rs []Respondent
	rs = append(rs, people(5, "librarian", 6, 2)...)
	rs = append(rs, people(4, "assistant", 1, 1)...)
	rs = append(rs, people(5, RoleManager, 3, 5)...)
	r := tallyOf(groupQ(), rs, 0)
	g := groupsOf(t, r, BackgroundRole)
	lib := g["librarian"]
	// Librarians: a = 15 ratings of 6 → 6.0; b = 5 of 2 → 2.0; overall
	// (90 + 10)/20 = 5.0.
	if lib.TooFew || lib.N != 5 || lib.Areas[0].MeanTenths != 60 || lib.Areas[1].MeanTenths != 20 || lib.Overall.MeanTenths != 50 || lib.Overall.Ratings != 20 {
		t.Errorf("librarians = %+v, want shown: N 5, a 6.0, b 2.0, overall 5.0", lib)
	}
	for _, id := range []string{"assistant", RoleManager, "other"} {
		if h := g[id]; !h.TooFew || h.N != 0 || h.Areas != nil || h.Overall != (GroupMean{}) {
			t.Errorf("%s = %+v, want TooFew with no numbers", id, h)
		}
	}
	if _, ok := g[""]; ok {
		t.Error("an unanswered group is listed though everyone answered")
	}

	// With five assistants instead of four every group of five is shown.
	rs = append(rs, people(1, "assistant", 1, 1)...)
	g = groupsOf(t, tallyOf(groupQ(), rs, 0), BackgroundRole)
	for _, id := range []string{"librarian", "assistant", RoleManager} {
		if h := g[id]; h.TooFew || h.N != 5 {
			t.Errorf("%s = %+v, want shown with N 5", id, h)
		}
	}
	// Assistants: all 1s → 1.0.
	if a := g["assistant"]; a.Overall.MeanTenths != 10 {
		t.Errorf("assistants overall %d tenths, want 10", a.Overall.MeanTenths)
	}
	if o := g["other"]; !o.TooFew || o.N != 0 {
		t.Errorf("empty group = %+v, want TooFew like any group under 5", o)
	}
}

func TestSplitComplementarySuppression(t *testing.T) {
	for _, c := range []struct {
		name   string
		sizes  []int // librarian, assistant, manager, other, unanswered
		hidden []bool
	}{
		// Nothing small: nothing hidden (empty groups are TooFew anyway).
		{"none small", []int{5, 6, 0, 0, 0}, []bool{false, false, true, true, true}},
		// One of 4: the pool is 4, the smallest shown (5) goes too.
		{"one small", []int{7, 5, 4, 0, 0}, []bool{false, true, true, true, true}},
		// Two small groups of 2 and 3 pool to 5: enough, nothing more hidden.
		{"pool reaches five", []int{9, 2, 3, 0, 0}, []bool{false, true, true, true, true}},
		// One small and only one other: both hidden.
		{"all hidden", []int{20, 0, 1, 0, 0}, []bool{true, true, true, true, true}},
		// The unanswered group is a group like the others.
		{"unanswered small", []int{6, 8, 0, 0, 3}, []bool{true, false, true, true, true}},
	} {
		got := suppress(c.sizes, nil)
		if !slices.Equal(got, c.hidden) {
			t.Errorf("%s: suppress(%v) = %v, want %v", c.name, c.sizes, got, c.hidden)
		}
	}
}

func TestSplitUnansweredAndForeignOption(t *testing.T) {
	// Six with no role, one with an option the questionnaire lacks (it
	// joins the unanswered), five librarians. Years and library size
	// are unanswered by all: one unanswered group of 12 each.
	var rs []Respondent
	rs = append(rs, people(5, "librarian", 4, 4)...)
	for range 6 {
		rs = append(rs, Respondent{Values: values(2, 2, 2, 2)})
	}
	rs = append(rs, people(1, "astronaut", 2, 2)...)
	r := tallyOf(groupQ(), rs, 0)
	s, _ := r.Split(BackgroundRole)
	last := s.Groups[len(s.Groups)-1]
	if last.OptionID != "" || last.TooFew || last.N != 7 || last.Overall.MeanTenths != 20 {
		t.Errorf("unanswered = %+v, want last, N 7, mean 2.0", last)
	}
	for _, q := range []string{BackgroundYears, BackgroundLibrarySize} {
		g := groupsOf(t, r, q)
		if u := g[""]; u.TooFew || u.N != 12 {
			t.Errorf("%s unanswered = %+v, want N 12", q, u)
		}
	}
	// The groups of a split add up to Finished when all are shown.
	total := 0
	for _, g := range s.Groups {
		total += g.N
	}
	if total != r.Finished {
		t.Errorf("role groups add up to %d, finished %d", total, r.Finished)
	}
}

func TestSplitsOnlyChoiceQuestions(t *testing.T) {
	q := groupQ()
	// library_size becomes a municipality question; years is removed.
	q.Background[3].Kind = KindMunicipality
	q.Background = slices.Delete(q.Background, 2, 3)
	r := tallyOf(q, handFive(), 0)
	if len(r.Splits) != 1 || r.Splits[0].QuestionID != BackgroundRole {
		t.Errorf("splits %+v, want role only", r.Splits)
	}
}

func TestSplitAreaMeanNeedsFiveRaters(t *testing.T) {
	// Six librarians rate everything (a 5, b 5). Six assistants rate
	// area a (2); only two of them rate b (7): the assistants' b mean is
	// those two people's, so it is hidden; that leaves 2 hidden raters of
	// b, so the librarians' b mean (derivable from the report's b mean)
	// is hidden too. Area a and the overall means are shown for both.
	rs := people(6, "librarian", 5, 5)
	rs = append(rs, people(2, "assistant", 2, 7)...)
	rs = append(rs, people(4, "assistant", 2, 0)...)
	r := tallyOf(groupQ(), rs, 0)
	g := groupsOf(t, r, BackgroundRole)
	for _, id := range []string{"librarian", "assistant"} {
		h := g[id]
		if h.TooFew || h.N != 6 {
			t.Fatalf("%s = %+v, want shown, N 6", id, h)
		}
		if a := h.Areas[0]; a.TooFew || a.N != 6 {
			t.Errorf("%s area a = %+v, want shown, 6 raters", id, a)
		}
		if b := h.Areas[1]; !b.TooFew || b != (GroupMean{AreaID: "b", TooFew: true}) {
			t.Errorf("%s area b = %+v, want hidden with no numbers", id, b)
		}
		if o := h.Overall; o.TooFew || o.N != 6 {
			t.Errorf("%s overall = %+v, want shown", id, o)
		}
	}
	// Assistants overall: 18 × 2 + 2 × 7 = 50 over 20 ratings = 2.5.
	if o := g["assistant"].Overall; o.Ratings != 20 || o.Sum != 50 || o.MeanTenths != 25 {
		t.Errorf("assistants overall = %+v, want 50/20 = 2.5", o)
	}

	// Five managers, three of whom rate b (1): the hidden raters of b
	// are now 2 + 3 = 5, enough; the librarians' b mean is shown again.
	rs = append(rs, people(3, RoleManager, 4, 1)...)
	rs = append(rs, people(2, RoleManager, 4, 0)...)
	g = groupsOf(t, tallyOf(groupQ(), rs, 0), BackgroundRole)
	if b := g["librarian"].Areas[1]; b.TooFew || b.N != 6 || b.MeanTenths != 50 {
		t.Errorf("librarians' b = %+v, want shown: 6 raters, 5.0", b)
	}
	for _, id := range []string{"assistant", RoleManager} {
		if b := g[id].Areas[1]; !b.TooFew {
			t.Errorf("%s b = %+v, want hidden", id, b)
		}
	}
}
