package survey

import (
	"math/rand/v2"
	"testing"
)

// syntheticRespondents makes n plausible respondents of q: a person's
// level plus noise per statement, a skip now and then, background answers
// for every choice question, managers' answers, five needs and a couple of
// topics to teach, no names (names are opt-in and bounded).
func syntheticRespondents(q *Questionnaire, n int) []Respondent {
	rng := rand.New(rand.NewPCG(7, 8))
	topics := []string{"t01", "t02", "t03", "t04", "t05", "t06", "t07", "t08", "t09", "t10", "t11", "t12"}
	lo, hi := q.Scale.Min, q.Scale.Max
	rs := make([]Respondent, n)
	for i := range rs {
		level := lo + rng.IntN(hi-lo+1)
		v := make([]byte, len(q.Statements))
		for j := range v {
			if rng.IntN(25) == 0 {
				continue
			}
			v[j] = byte(min(hi, max(lo, level+rng.IntN(3)-1)))
		}
		bg := map[string]string{}
		for _, b := range q.Background {
			if b.Kind == KindChoice && len(b.Options) > 0 && rng.IntN(10) > 0 {
				bg[b.ID] = b.Options[rng.IntN(len(b.Options))].ID
			}
		}
		r := Respondent{Values: v, Background: bg}
		if IsManager(bg) {
			r.Manager = managerAnswers[rng.IntN(len(managerAnswers))]
		}
		p := rng.Perm(len(topics))
		for _, k := range p[:BordaPlaces] {
			r.Learn = append(r.Learn, topics[k])
		}
		r.Teach = []string{topics[p[5]], topics[p[6]]}
		rs[i] = r
	}
	return rs
}

// BenchmarkGroupTally100k is a report over 100 000 respondents: each
// iteration adds them all to a new tally and computes the report.
// Respondents are drawn from a pool of 1 000 so that making them is not
// measured.
func BenchmarkGroupTally100k(b *testing.B) {
	q, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	pool := syntheticRespondents(q, 1000)
	b.ReportAllocs()
	for b.Loop() {
		t := NewGroupTally(q)
		for i := range 100_000 {
			t.Add(pool[i%len(pool)])
		}
		_ = t.Report()
	}
}

// BenchmarkGroupTallyAdd is one respondent added.
func BenchmarkGroupTallyAdd(b *testing.B) {
	q, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	pool := syntheticRespondents(q, 1000)
	t := NewGroupTally(q)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		t.Add(pool[i%len(pool)])
		i++
	}
}

// BenchmarkGroupReport is the report of a tally that has counted 100 000
// respondents: its cost does not depend on their number.
func BenchmarkGroupReport(b *testing.B) {
	q, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	pool := syntheticRespondents(q, 1000)
	t := NewGroupTally(q)
	for i := range 100_000 {
		t.Add(pool[i%len(pool)])
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = t.Report()
	}
}
