package survey

import (
	"reflect"
	"strings"
	"testing"
)

// scoreTOML has three areas of different sizes so that the overall mean and
// the mean of area means differ.
const scoreTOML = `
id = "s"
version = 1
title = { sv = "S", en = "S" }
[scale]
min = 1
max = 7
min_label = { sv = "Låg", en = "Low" }
max_label = { sv = "Hög", en = "High" }
[[areas]]
id = "a"
number = 1
name = { sv = "A", en = "A" }
[[areas]]
id = "b"
number = 2
name = { sv = "B", en = "B" }
[[areas]]
id = "c"
number = 3
name = { sv = "C", en = "C" }
[[statements]]
id = "a1"
area = "a"
competence = "1.1"
text = { sv = "Jag a1.", en = "I a1." }
[[statements]]
id = "b1"
area = "b"
competence = "2.1"
text = { sv = "Jag b1.", en = "I b1." }
[[statements]]
id = "a2"
area = "a"
competence = "1.2"
text = { sv = "Jag a2.", en = "I a2." }
[[statements]]
id = "b2"
area = "b"
competence = "2.2"
text = { sv = "Jag b2.", en = "I b2." }
[[statements]]
id = "c1"
area = "c"
competence = "3.1"
text = { sv = "Jag c1.", en = "I c1." }
`

func TestScore(t *testing.T) {
	q := mustParse(t, scoreTOML)
	type ss = StatementScore
	tests := []struct {
		name string
		r    Ratings
		want Result
	}{
		{
			name: "nothing answered",
			r:    Ratings{},
			want: Result{
				Areas:   []AreaScore{{"a", 0, 0, 0, 2}, {"b", 0, 0, 0, 2}, {"c", 0, 0, 0, 1}},
				Skipped: 5,
			},
		},
		{
			name: "everything answered",
			r:    Ratings{"a1": 7, "a2": 6, "b1": 2, "b2": 3, "c1": 5},
			want: Result{
				Areas:     []AreaScore{{"a", 6.5, 13, 2, 0}, {"b", 2.5, 5, 2, 0}, {"c", 5, 5, 1, 0}},
				Mean:      4.6,
				Answered:  5,
				Sum:       23,
				High:      2,
				HighShare: 0.4,
				Strongest: []string{"a"},
				Weakest:   []string{"b"},
				Highest:   []ss{{"a1", 7}},
				Lowest:    []ss{{"b1", 2}},
			},
		},
		{
			name: "some skipped",
			r:    Ratings{"a1": 4, "b2": 5},
			want: Result{
				Areas:     []AreaScore{{"a", 4, 4, 1, 1}, {"b", 5, 5, 1, 1}, {"c", 0, 0, 0, 1}},
				Mean:      4.5,
				Answered:  2,
				Sum:       9,
				High:      0,
				Skipped:   3,
				Strongest: []string{"b"},
				Weakest:   []string{"a"},
				Highest:   []ss{{"b2", 5}},
				Lowest:    []ss{{"a1", 4}},
			},
		},
		{
			// The overall mean weighs statements, not areas: the mean of
			// the area means would be (3+6)/2 = 4.5.
			name: "mean over statements",
			r:    Ratings{"a1": 2, "a2": 4, "c1": 6},
			want: Result{
				Areas:     []AreaScore{{"a", 3, 6, 2, 0}, {"b", 0, 0, 0, 2}, {"c", 6, 6, 1, 0}},
				Mean:      4,
				Answered:  3,
				Sum:       12,
				High:      1,
				Skipped:   2,
				HighShare: 1.0 / 3,
				Strongest: []string{"c"},
				Weakest:   []string{"a"},
				Highest:   []ss{{"c1", 6}},
				Lowest:    []ss{{"a1", 2}},
			},
		},
		{
			name: "tie for weakest",
			r:    Ratings{"a1": 3, "a2": 5, "b1": 4, "c1": 6},
			want: Result{
				Areas:     []AreaScore{{"a", 4, 8, 2, 0}, {"b", 4, 4, 1, 1}, {"c", 6, 6, 1, 0}},
				Mean:      4.5,
				Answered:  4,
				Sum:       18,
				High:      1,
				Skipped:   1,
				HighShare: 0.25,
				Strongest: []string{"c"},
				Weakest:   []string{"a", "b"},
				Highest:   []ss{{"c1", 6}},
				Lowest:    []ss{{"a1", 3}},
			},
		},
		{
			name: "tie for strongest and weakest, statement ties in questionnaire order",
			r:    Ratings{"c1": 3, "b2": 7, "b1": 3, "a2": 7, "a1": 3},
			want: Result{
				Areas:     []AreaScore{{"a", 5, 10, 2, 0}, {"b", 5, 10, 2, 0}, {"c", 3, 3, 1, 0}},
				Mean:      4.6,
				Answered:  5,
				Sum:       23,
				High:      2,
				HighShare: 0.4,
				Strongest: []string{"a", "b"},
				Weakest:   []string{"c"},
				Highest:   []ss{{"a2", 7}, {"b2", 7}},
				Lowest:    []ss{{"a1", 3}, {"b1", 3}, {"c1", 3}},
			},
		},
		{
			name: "single area answered",
			r:    Ratings{"b1": 1, "b2": 7},
			want: Result{
				Areas:     []AreaScore{{"a", 0, 0, 0, 2}, {"b", 4, 8, 2, 0}, {"c", 0, 0, 0, 1}},
				Mean:      4,
				Answered:  2,
				Sum:       8,
				High:      1,
				Skipped:   3,
				HighShare: 0.5,
				Strongest: []string{"b"},
				Weakest:   []string{"b"},
				Highest:   []ss{{"b2", 7}},
				Lowest:    []ss{{"b1", 1}},
			},
		},
		{
			name: "all equal",
			r:    Ratings{"a1": 5, "a2": 5, "b1": 5, "b2": 5, "c1": 5},
			want: Result{
				Areas:     []AreaScore{{"a", 5, 10, 2, 0}, {"b", 5, 10, 2, 0}, {"c", 5, 5, 1, 0}},
				Mean:      5,
				Answered:  5,
				Sum:       25,
				High:      0,
				Strongest: []string{"a", "b", "c"},
				Weakest:   []string{"a", "b", "c"},
				Highest:   []ss{{"a1", 5}, {"b1", 5}, {"a2", 5}, {"b2", 5}, {"c1", 5}},
				Lowest:    []ss{{"a1", 5}, {"b1", 5}, {"a2", 5}, {"b2", 5}, {"c1", 5}},
			},
		},
		{
			name: "off-scale and unknown ignored",
			r:    Ratings{"a1": 0, "a2": 8, "b1": -3, "nope": 1, "A1": 1, "c1": 6},
			want: Result{
				Areas:     []AreaScore{{"a", 0, 0, 0, 2}, {"b", 0, 0, 0, 2}, {"c", 6, 6, 1, 0}},
				Mean:      6,
				Answered:  1,
				Sum:       6,
				High:      1,
				Skipped:   4,
				HighShare: 1,
				Strongest: []string{"c"},
				Weakest:   []string{"c"},
				Highest:   []ss{{"c1", 6}},
				Lowest:    []ss{{"c1", 6}},
			},
		},
		{
			// 5 is just below the top two points, 6 and 7 are in them,
			// and the scale's ends are accepted.
			name: "high share boundaries",
			r:    Ratings{"a1": 5, "a2": 6, "b1": 7, "c1": 1},
			want: Result{
				Areas:     []AreaScore{{"a", 5.5, 11, 2, 0}, {"b", 7, 7, 1, 1}, {"c", 1, 1, 1, 0}},
				Mean:      4.75,
				Answered:  4,
				Sum:       19,
				High:      2,
				Skipped:   1,
				HighShare: 0.5,
				Strongest: []string{"b"},
				Weakest:   []string{"c"},
				Highest:   []ss{{"b1", 7}},
				Lowest:    []ss{{"c1", 1}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(q, tt.r)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Score =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

// The share of high ratings must count 6 and 7 on a 1–7 scale and nothing
// below, whatever the mix.
func TestScoreHighShareEdges(t *testing.T) {
	q := mustParse(t, scoreTOML)
	all := func(v int) Ratings { return Ratings{"a1": v, "a2": v, "b1": v, "b2": v, "c1": v} }
	for v, want := range map[int]float64{1: 0, 5: 0, 6: 1, 7: 1} {
		if got := Score(q, all(v)).HighShare; got != want {
			t.Errorf("all rated %d: HighShare = %v, want %v", v, got, want)
		}
	}
}

func TestScoreEmbedded(t *testing.T) {
	q := loadT(t)
	r := Ratings{}
	for i, s := range q.Statements {
		r[s.ID] = 1 + i%7
	}
	got := Score(q, r)
	if got.Answered != 24 || got.Skipped != 0 || len(got.Areas) != 5 {
		t.Errorf("Answered, Skipped, areas = %d, %d, %d; want 24, 0, 5", got.Answered, got.Skipped, len(got.Areas))
	}
	// 1..7 three times is 84, plus 1+2+3 for the last three statements.
	if got.Mean != 90.0/24 {
		t.Errorf("Mean = %v, want %v", got.Mean, 90.0/24)
	}
}

func TestCheckRatings(t *testing.T) {
	q := mustParse(t, scoreTOML)
	if err := q.CheckRatings(Ratings{"a1": 1, "c1": 7}); err != nil {
		t.Errorf("CheckRatings of valid ratings: %v", err)
	}
	if err := q.CheckRatings(nil); err != nil {
		t.Errorf("CheckRatings(nil): %v", err)
	}
	err := q.CheckRatings(Ratings{"a1": 0, "b2": 8, "zz": 4, "a2": 3})
	if err == nil {
		t.Fatal("CheckRatings accepted off-scale and unknown ratings")
	}
	for _, want := range []string{`statement "a1": rating 0 is off the scale 1–7`, `statement "b2": rating 8`, `unknown statement "zz"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q\ndoes not contain %q", err, want)
		}
	}
	if strings.Contains(err.Error(), `"a2"`) {
		t.Errorf("error %q names the valid rating a2", err)
	}
}
