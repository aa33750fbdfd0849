package survey

import (
	"cmp"
	"slices"
)

// Progress: how one person's ratings change from attempt to attempt.
//
// An attempt is scored against the questionnaire it was taken with. Two
// attempts are compared on the statements both questionnaires have (by
// statement id), grouped by the newer questionnaire's areas, so that a
// statement added or removed between versions never shows as a change.
// With the same questionnaire id and version every statement is shared
// and a comparison's means are exactly the ones each result shows.
//
// Means are kept as exact fractions (Mean), and a change is the
// difference of the two means each rounded to tenths with RoundRatio, as
// the results show them: "3,3 → 4,0" is a change of +0,7 even when the
// exact means were 3,25 and 4,04 (0,79). A change that disagreed with the
// two numbers beside it would read as an error.

// Taken is one finished attempt as progress needs it: the questionnaire it
// was taken with and its ratings (skips left out, as Score takes them).
type Taken struct {
	Q       *Questionnaire
	Ratings Ratings
}

// Mean is an exact mean: Sum of N ratings.
type Mean struct{ Sum, N int }

// Known reports whether anything was rated.
func (m Mean) Known() bool { return m.N > 0 }

// Tenths is the mean in tenths, rounded half away from zero; 0 if nothing
// was rated.
func (m Mean) Tenths() int { return RoundRatio(m.Sum, m.N, 1) }

// Float is the mean as a float64, for drawing; 0 if nothing was rated.
func (m Mean) Float() float64 {
	if m.N == 0 {
		return 0
	}
	return float64(m.Sum) / float64(m.N)
}

func (m *Mean) add(v int) { m.Sum += v; m.N++ }

// Delta is the change of a mean between an earlier and a later attempt.
type Delta struct{ Before, After Mean }

// Known reports whether both attempts rated something here.
func (d Delta) Known() bool { return d.Before.Known() && d.After.Known() }

// Tenths is the change in tenths: the later mean rounded to tenths minus
// the earlier one rounded to tenths; 0 unless Known.
func (d Delta) Tenths() int {
	if !d.Known() {
		return 0
	}
	return d.After.Tenths() - d.Before.Tenths()
}

// AreaDelta is the change of one area's mean.
type AreaDelta struct {
	AreaID string
	Delta
}

// StatementDelta is the change of one statement's rating.
type StatementDelta struct {
	StatementID   string
	Before, After int
}

// Change is After − Before.
func (s StatementDelta) Change() int { return s.After - s.Before }

// Comparison is the change between two attempts on the statements their
// questionnaires share.
type Comparison struct {
	// Same is set when both attempts were taken with the same
	// questionnaire (id and version): every statement is shared.
	Same bool
	// Shared is the number of statements both questionnaires have.
	Shared int
	// Areas are the later questionnaire's areas, in its order; an area
	// with no shared statement rated in both attempts is not Known.
	Areas   []AreaDelta
	Overall Delta
	// Rose and Fell are the shared statements rated in both attempts
	// whose rating went up or down, the largest change first, ties in
	// the later questionnaire's order.
	Rose, Fell []StatementDelta
}

// Area returns the delta of an area of the later questionnaire.
func (c Comparison) Area(id string) (Delta, bool) {
	for _, a := range c.Areas {
		if a.AreaID == id {
			return a.Delta, true
		}
	}
	return Delta{}, false
}

// rated returns the rating of statement id, if it is one of q's and on
// its scale; anything else is ignored, as Score ignores it.
func (t Taken) rated(id string) (int, bool) {
	v, ok := t.Ratings[id]
	return v, ok && t.Q.Scale.Contains(v)
}

// Compare compares an earlier attempt with a later one. Each side's mean
// is taken over the ratings it gave to the shared statements, so a
// statement skipped on one side still counts on the other, as in each
// result; Rose and Fell need a rating on both sides.
func Compare(before, after Taken) Comparison {
	c := Comparison{Same: before.Q.ID == after.Q.ID && before.Q.Version == after.Q.Version}
	area := make(map[string]int, len(after.Q.Areas))
	for i, a := range after.Q.Areas {
		area[a.ID] = i
		c.Areas = append(c.Areas, AreaDelta{AreaID: a.ID})
	}
	for _, s := range after.Q.Statements {
		// The same questionnaire shares every statement; only across
		// versions is each looked up.
		if !c.Same && before.Q.StatementIndex(s.ID) < 0 {
			continue
		}
		c.Shared++
		d := &c.Areas[area[s.Area]].Delta
		b, bok := before.rated(s.ID)
		a, aok := after.rated(s.ID)
		if bok {
			d.Before.add(b)
			c.Overall.Before.add(b)
		}
		if aok {
			d.After.add(a)
			c.Overall.After.add(a)
		}
		if bok && aok && a != b {
			sd := StatementDelta{StatementID: s.ID, Before: b, After: a}
			if a > b {
				c.Rose = append(c.Rose, sd)
			} else {
				c.Fell = append(c.Fell, sd)
			}
		}
	}
	// Stable sorts keep the questionnaire's order among equal changes.
	slices.SortStableFunc(c.Rose, func(x, y StatementDelta) int { return cmp.Compare(y.Change(), x.Change()) })
	slices.SortStableFunc(c.Fell, func(x, y StatementDelta) int { return cmp.Compare(x.Change(), y.Change()) })
	return c
}

// Means is one attempt's means against its own questionnaire.
type Means struct {
	Areas   map[string]Mean // by area id
	Overall Mean
}

// MeansOf scores one attempt against the questionnaire it was taken with;
// the means are those of its result (Score).
func MeansOf(t Taken) Means {
	m := Means{Areas: make(map[string]Mean, len(t.Q.Areas))}
	for _, s := range t.Q.Statements {
		v, ok := t.rated(s.ID)
		if !ok {
			continue
		}
		a := m.Areas[s.Area]
		a.add(v)
		m.Areas[s.Area] = a
		m.Overall.add(v)
	}
	return m
}

// Progression is the series of means over a person's attempts, oldest
// first, with the changes since the first and since the previous attempt.
type Progression struct {
	// Areas are the latest questionnaire's area ids, in its order.
	Areas []string
	// Means holds each attempt's means against its own questionnaire,
	// one per attempt, in the order given.
	Means []Means
	// SinceFirst compares the first attempt with the latest, SincePrevious
	// the one before the latest with it; both are zero with fewer than
	// two attempts.
	SinceFirst, SincePrevious Comparison
	// Mixed is set when the attempts were not all taken with the same
	// questionnaire (id and version): areas are matched by id, and the
	// comparisons use the statements they share.
	Mixed bool
}

// Progress computes the progression over attempts, oldest first.
func Progress(list []Taken) Progression {
	var p Progression
	if len(list) == 0 {
		return p
	}
	last := list[len(list)-1]
	for _, a := range last.Q.Areas {
		p.Areas = append(p.Areas, a.ID)
	}
	p.Means = make([]Means, len(list))
	for i, t := range list {
		p.Means[i] = MeansOf(t)
		if t.Q.ID != last.Q.ID || t.Q.Version != last.Q.Version {
			p.Mixed = true
		}
	}
	if len(list) >= 2 {
		p.SinceFirst = Compare(list[0], last)
		p.SincePrevious = Compare(list[len(list)-2], last)
	}
	return p
}
