package survey

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// Ratings maps statement ids to the value given on the scale. A statement
// that was skipped or not reached is simply absent.
type Ratings map[string]int

// AreaScore summarises the ratings given in one area.
type AreaScore struct {
	AreaID   string
	Mean     float64 // mean of the answered statements; 0 if none
	Sum      int     // of the answered ratings, so that Mean = Sum/Answered exactly
	Answered int
	Skipped  int // statements of the area with no rating
}

// StatementScore is the value given to one statement.
type StatementScore struct {
	StatementID string
	Value       int
}

// Result is the scored self-assessment, as shown to the person at the end
// and used in group statistics.
type Result struct {
	Areas             []AreaScore // questionnaire order
	Mean              float64     // over all answered statements, so large areas weigh more
	Sum               int         // of the answered ratings: Mean = Sum/Answered exactly
	Answered, Skipped int
	High              int // answered ratings in the top two points of the scale
	// HighShare is the fraction (0–1) of answered ratings in the top two
	// points of the scale; 0 if nothing was answered.
	HighShare float64
	// Strongest and Weakest are the ids of the areas with the highest and
	// lowest mean among areas with at least one answer, ties listed in
	// questionnaire order; nil if nothing was answered. When every answered
	// area has the same mean, both list all of them.
	Strongest, Weakest []string
	// Highest and Lowest are the statements given the highest and lowest
	// value, ties listed in questionnaire order; nil if nothing was answered.
	Highest, Lowest []StatementScore
}

// tally keeps the exact sum so that means are compared as fractions, not as
// rounded floats.
type tally struct{ sum, n int }

func (t tally) mean() float64 {
	if t.n == 0 {
		return 0
	}
	return float64(t.sum) / float64(t.n)
}

// cmp compares the means of t and u without division.
func (t tally) cmp(u tally) int {
	return cmp.Compare(t.sum*u.n, u.sum*t.n)
}

// Score scores r against q. Ratings for unknown statements and values off
// the scale are ignored, so a stale or corrupted attempt still scores what
// it can; use CheckRatings to find out what was ignored.
func Score(q *Questionnaire, r Ratings) Result {
	var res Result
	areaTally := make(map[string]tally, len(q.Areas))
	var total tally
	high := 0
	var given []StatementScore
	for _, s := range q.Statements {
		v, ok := r[s.ID]
		if !ok || !q.Scale.Contains(v) {
			res.Skipped++
			continue
		}
		t := areaTally[s.Area]
		t.sum += v
		t.n++
		areaTally[s.Area] = t
		total.sum += v
		total.n++
		if v >= q.Scale.Max-1 {
			high++
		}
		given = append(given, StatementScore{StatementID: s.ID, Value: v})
	}
	res.Answered, res.Sum, res.High = total.n, total.sum, high
	res.Mean = total.mean()
	if total.n > 0 {
		res.HighShare = float64(high) / float64(total.n)
	}

	var best, worst tally
	for _, a := range q.Areas {
		t := areaTally[a.ID]
		n := len(q.StatementsIn(a.ID))
		res.Areas = append(res.Areas, AreaScore{AreaID: a.ID, Mean: t.mean(), Sum: t.sum, Answered: t.n, Skipped: n - t.n})
		if t.n == 0 {
			continue
		}
		switch {
		case res.Strongest == nil || t.cmp(best) > 0:
			best, res.Strongest = t, []string{a.ID}
		case t.cmp(best) == 0:
			res.Strongest = append(res.Strongest, a.ID)
		}
		switch {
		case res.Weakest == nil || t.cmp(worst) < 0:
			worst, res.Weakest = t, []string{a.ID}
		case t.cmp(worst) == 0:
			res.Weakest = append(res.Weakest, a.ID)
		}
	}

	if len(given) > 0 {
		byValue := func(a, b StatementScore) int { return a.Value - b.Value }
		hi := slices.MaxFunc(given, byValue).Value
		lo := slices.MinFunc(given, byValue).Value
		for _, g := range given {
			if g.Value == hi {
				res.Highest = append(res.Highest, g)
			}
			if g.Value == lo {
				res.Lowest = append(res.Lowest, g)
			}
		}
	}
	return res
}

// CheckRatings reports every rating that Score would ignore: ids that name
// no statement, and values off the scale.
func (q *Questionnaire) CheckRatings(r Ratings) error {
	ids := make([]string, 0, len(r))
	for id := range r {
		ids = append(ids, id)
	}
	// Sorted so the message is the same from run to run.
	slices.Sort(ids)
	var errs []error
	for _, id := range ids {
		v := r[id]
		if q.StatementIndex(id) < 0 {
			errs = append(errs, fmt.Errorf("rating for unknown statement %q", id))
		} else if !q.Scale.Contains(v) {
			errs = append(errs, fmt.Errorf("statement %q: rating %d is off the scale %d–%d", id, v, q.Scale.Min, q.Scale.Max))
		}
	}
	return errors.Join(errs...)
}
