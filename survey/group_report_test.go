package survey

import (
	"slices"
	"testing"
)

// groupQ is a small questionnaire for the group report's tests: area "a"
// with three statements, area "b" with one, the background questions the
// report splits by and the digiteket question. Built in Go so the numbers
// in the tests are easy to follow.
func groupQ() *Questionnaire {
	opts := func(ids ...string) []Option {
		var o []Option
		for _, id := range ids {
			o = append(o, Option{ID: id, Label: Text{SV: id, EN: id}})
		}
		return o
	}
	return &Questionnaire{
		ID: "g", Version: 1,
		Scale: Scale{Min: 1, Max: 7},
		Areas: []Area{{ID: "a", Number: 1}, {ID: "b", Number: 2}},
		Statements: []Statement{
			{ID: "a1", Area: "a"}, {ID: "a2", Area: "a"}, {ID: "a3", Area: "a"}, {ID: "b1", Area: "b"},
		},
		Background: []BackgroundQuestion{
			{ID: "municipality", Kind: KindMunicipality},
			{ID: BackgroundRole, Kind: KindChoice, Options: opts("librarian", "assistant", RoleManager, "other")},
			{ID: BackgroundYears, Kind: KindChoice, Options: opts("0-2", "3-5")},
			{ID: BackgroundLibrarySize, Kind: KindChoice, Options: opts("1-5", "6-15")},
			{ID: BackgroundDigiteket, Kind: KindChoice, Options: opts(DigiteketYes, "no", "unknown")},
		},
	}
}

func values(v ...byte) []byte { return v }

func role(r string) map[string]string { return map[string]string{BackgroundRole: r} }

// handFive is five respondents whose numbers are worked out by hand in
// TestGroupReportHandComputed. Values are a1, a2, a3, b1; 0 = no rating.
func handFive() []Respondent {
	return []Respondent{
		{Values: values(1, 2, 3, 7), Background: role("librarian")},
		{Values: values(2, 2, 4, 6), Background: role("librarian")},
		{Values: values(3, 4, 5, 0), Background: role("librarian")},
		{Values: values(7, 6, 6, 5), Background: role("librarian")},
		{Values: values(5, 0, 7, 1), Background: role("librarian")},
	}
}

func tallyOf(q *Questionnaire, rs []Respondent, unfinished int) GroupReport {
	t := NewGroupTally(q)
	for _, r := range rs {
		t.Add(r)
	}
	for range unfinished {
		t.AddUnfinished()
	}
	return t.Report()
}

func TestGroupReportHandComputed(t *testing.T) {
	r := tallyOf(groupQ(), handFive(), 2)
	if r.Finished != 5 || r.Unfinished != 2 || r.OffScale != 0 {
		t.Fatalf("finished, unfinished, off scale = %d, %d, %d; want 5, 2, 0", r.Finished, r.Unfinished, r.OffScale)
	}
	check := func(name string, got AreaStats, want AreaStats) {
		t.Helper()
		if got.N != want.N || got.Ratings != want.Ratings || got.Sum != want.Sum || got.MeanTenths != want.MeanTenths ||
			got.MedianTenths != want.MedianTenths || got.Median != want.Median || got.High != want.High ||
			got.HighPercent != want.HighPercent || !slices.Equal(got.Counts, want.Counts) {
			t.Errorf("%s = %+v\nwant %+v", name, got, want)
		}
		if got.Ratings > 0 && (got.Mean != float64(got.Sum)/float64(got.Ratings) || got.ShareHigh != float64(got.High)/float64(got.Ratings)) {
			t.Errorf("%s: Mean %v, ShareHigh %v disagree with the counts", name, got.Mean, got.ShareHigh)
		}
	}
	// Area a: 1 2 3 | 2 2 4 | 3 4 5 | 7 6 6 | 5 7 → 14 ratings of 5 people.
	// Sum 6 + 8 + 12 + 19 + 12 = 57; mean 57/14 = 4.071… → 4.1.
	// Sorted: 1 2 2 2 3 3 4 4 5 5 6 6 7 7; n even, ranks 6 and 7 (from
	// 0) are 4 and 4 → median 4.0. High (6–7): 6 6 7 7 = 4 → 4/14 =
	// 28.57 % → 29 %.
	check("area a", r.Areas[0], AreaStats{N: 5, Ratings: 14, Sum: 57, MeanTenths: 41, Median: 4, MedianTenths: 40,
		High: 4, HighPercent: 29, Counts: []int{0, 1, 3, 2, 2, 2, 2, 2}})
	// Area b: 7 6 − 5 1 → 4 ratings of 4 people, sum 19, mean 4.75 → 4.8
	// (half away from zero). Sorted 1 5 6 7: median (5+6)/2 = 5.5.
	// High: 7 and 6 → 2/4 = 50 %.
	check("area b", r.Areas[1], AreaStats{N: 4, Ratings: 4, Sum: 19, MeanTenths: 48, Median: 5.5, MedianTenths: 55,
		High: 2, HighPercent: 50, Counts: []int{0, 1, 0, 0, 0, 1, 1, 1}})
	// Overall: 18 ratings, sum 57 + 19 = 76, mean 4.222… → 4.2. Sorted
	// 1 1 2 2 2 3 3 4 4 5 5 5 6 6 6 7 7 7: ranks 8 and 9 are 4 and 5 →
	// median 4.5. High 6/18 = 33.3 % → 33 %.
	check("overall", r.Overall, AreaStats{N: 5, Ratings: 18, Sum: 76, MeanTenths: 42, Median: 4.5, MedianTenths: 45,
		High: 6, HighPercent: 33, Counts: []int{0, 2, 3, 2, 2, 3, 3, 3}})

	// Statements: a1 1+2+3+7+5 = 18/5 = 3.6; a2 2+2+4+6 = 14/4 = 3.5;
	// a3 3+4+5+6+7 = 25/5 = 5.0; b1 19/4 = 4.75 → 4.8.
	type sm struct {
		id        string
		tenths    int
		hi, lo    bool
		n, sumAll int
	}
	want := []sm{{"a3", 50, true, false, 5, 25}, {"b1", 48, false, false, 4, 19}, {"a1", 36, false, false, 5, 18}, {"a2", 35, false, true, 4, 14}}
	if len(r.Statements) != len(want) {
		t.Fatalf("statements: %d, want %d", len(r.Statements), len(want))
	}
	for i, w := range want {
		s := r.Statements[i]
		if s.StatementID != w.id || s.MeanTenths != w.tenths || s.Highest != w.hi || s.Lowest != w.lo || s.N != w.n || s.Sum != w.sumAll {
			t.Errorf("statement %d = %+v, want %+v", i, s, w)
		}
	}
}

func TestMedianOddAndEven(t *testing.T) {
	q := groupQ()
	for _, c := range []struct {
		name    string
		ratings []byte
		tenths  int
	}{
		{"odd", []byte{1, 2, 2, 5, 7}, 20},    // middle of five: the third, 2
		{"even", []byte{1, 2, 5, 7}, 35},      // (2+5)/2 = 3.5
		{"one", []byte{6}, 60},                // a single rating is its own median
		{"even same", []byte{3, 3, 4, 4}, 35}, // (3+4)/2
		{"all same", []byte{7, 7, 7, 7}, 70},
	} {
		counts := make([]int, 8)
		for _, v := range c.ratings {
			counts[v]++
		}
		s := q.areaStats("x", len(c.ratings), counts)
		if s.MedianTenths != c.tenths || s.Median != float64(c.tenths)/10 {
			t.Errorf("%s: median %v (%d tenths), want %d tenths", c.name, s.Median, s.MedianTenths, c.tenths)
		}
	}
	if s := q.areaStats("x", 0, make([]int, 8)); s.Median != 0 || s.MeanTenths != 0 || s.HighPercent != 0 {
		t.Errorf("no ratings: %+v, want zeros", s)
	}
}

// TestShareHighTopTwoPoints checks that "6–7" is the scale's top two
// points, so a 1–5 scale counts 4 and 5.
func TestShareHighTopTwoPoints(t *testing.T) {
	q := groupQ()
	q.Scale = Scale{Min: 1, Max: 5}
	// 1 3 4 5 5: high are 4 5 5 = 3 of 5 = 60 %.
	r := tallyOf(q, []Respondent{
		{Values: values(1, 0, 0, 0)}, {Values: values(3, 0, 0, 0)}, {Values: values(4, 0, 0, 0)},
		{Values: values(5, 0, 0, 0)}, {Values: values(5, 0, 0, 0)},
	}, 0)
	if a := r.Areas[0]; a.High != 3 || a.HighPercent != 60 {
		t.Errorf("1–5 scale: high %d (%d %%), want 3 (60 %%)", a.High, a.HighPercent)
	}
}

func TestGroupTallyOffScaleAndShortValues(t *testing.T) {
	// 9 is off the 1–7 scale, a short Values rates only what it has, and
	// values beyond the statements are ignored.
	r := tallyOf(groupQ(), []Respondent{
		{Values: values(9, 4)},
		{Values: values(1, 1, 1, 1, 7, 7, 7)},
		{},
	}, 0)
	if r.OffScale != 1 || r.Finished != 3 {
		t.Errorf("off scale %d, finished %d; want 1, 3", r.OffScale, r.Finished)
	}
	// Area a: 4 | 1 1 1 → 4 ratings of 2 people, sum 7.
	if a := r.Areas[0]; a.N != 2 || a.Ratings != 4 || a.Sum != 7 {
		t.Errorf("area a = %+v, want N 2, 4 ratings, sum 7", a)
	}
	// The empty respondent rated nothing: overall N is 2.
	if r.Overall.N != 2 || r.Overall.Ratings != 5 {
		t.Errorf("overall N %d, ratings %d; want 2, 5", r.Overall.N, r.Overall.Ratings)
	}
}

func TestStatementMarksTiesAndUnrated(t *testing.T) {
	// a1 and a3 both 5.0, a2 and b1 unrated: both rated are highest and
	// lowest at once; unrated ones come last, unmarked, in questionnaire
	// order.
	r := tallyOf(groupQ(), []Respondent{{Values: values(5, 0, 5, 0)}}, 0)
	got := []string{}
	for _, s := range r.Statements {
		got = append(got, s.StatementID)
		rated := s.N > 0
		if s.Highest != rated || s.Lowest != rated {
			t.Errorf("%s: highest %v, lowest %v; want both %v", s.StatementID, s.Highest, s.Lowest, rated)
		}
	}
	if !slices.Equal(got, []string{"a1", "a3", "a2", "b1"}) {
		t.Errorf("order %v, want a1 a3 a2 b1", got)
	}
	// Marks follow the tenths shown: x is 61/10 = 6.1 and y 182/30 =
	// 6.066… shown as 6.1; x sorts first (exactly higher) and both are
	// marked highest. z is 2.0, lowest.
	list := []StatementMean{{StatementID: "z", N: 1, Sum: 2, MeanTenths: 20}, {StatementID: "y", N: 30, Sum: 182, MeanTenths: 61}, {StatementID: "x", N: 10, Sum: 61, MeanTenths: 61}}
	markStatements(list)
	if list[0].StatementID != "x" || list[1].StatementID != "y" || !list[0].Highest || !list[1].Highest || list[0].Lowest ||
		list[2].StatementID != "z" || !list[2].Lowest || list[2].Highest {
		t.Errorf("marks %+v", list)
	}
}
