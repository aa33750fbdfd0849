package survey

import (
	"math"
	"math/rand/v2"
	"testing"
)

// alphaFive is the worked example: five people, area a's three statements.
//
//	person  x1 x2 x3   T
//	P1       1  2  2   5
//	P2       2  3  3   8
//	P3       3  3  4  10
//	P4       4  5  4  13
//	P5       5  4  6  15
//
// Sample variances (divide by n−1 = 4):
//
//	x1: mean 3,   squares of deviations 4+1+0+1+4           = 10   → 2.5
//	x2: mean 3.4, 1.96+0.16+0.16+2.56+0.36                 = 5.2  → 1.3
//	x3: mean 3.8, 3.24+0.64+0.04+0.04+4.84                 = 8.8  → 2.2
//	T:  mean 10.2, 27.04+4.84+0.04+7.84+23.04              = 62.8 → 15.7
//
// alpha = 3/2 · (1 − (2.5+1.3+2.2)/15.7) = 1.5 · 9.7/15.7 = 291/314
// = 0.92675… → 0.93, "high".
var alphaFive = [][3]byte{{1, 2, 2}, {2, 3, 3}, {3, 3, 4}, {4, 5, 4}, {5, 4, 6}}

// respondentsA gives each row as area a's ratings, b1 rated 4.
func respondentsA(rows [][3]byte, times int) []Respondent {
	var rs []Respondent
	for range times {
		for _, r := range rows {
			rs = append(rs, Respondent{Values: values(r[0], r[1], r[2], 4)})
		}
	}
	return rs
}

func TestAlphaHandComputed(t *testing.T) {
	// Alpha needs MinAlpha (10) cases; each S = n·Σx² − (Σx)² grows by
	// the same factor m² when the data are repeated m times, so the five
	// rows twice have the same alpha as the five once.
	r := tallyOf(groupQ(), respondentsA(alphaFive, 2), 0)
	a := r.Alpha[0]
	want := 291.0 / 314.0
	if !a.Known || a.Cases != 10 || a.Items != 3 || math.Abs(a.Value-want) > 1e-12 || a.Hundredths != 93 || a.Band != AlphaHigh {
		t.Errorf("alpha of a = %+v, want known, 10 cases, 3 items, %v (93, high)", a, want)
	}
	// Area b has one statement: no alpha, and it says why.
	if b := r.Alpha[1]; b.Known || b.Reason != AlphaOneStatement || b.AreaID != "b" {
		t.Errorf("alpha of b = %+v, want unknown: one statement", b)
	}
}

func TestAlphaSmallWorkedTwoItems(t *testing.T) {
	// Two statements, ten people: (1,1) (2,2) … (5,5), then (1,2) (2,1)
	// (3,3) (4,5) (5,4) — written as x1, x2:
	// x1 = 1 2 3 4 5 1 2 3 4 5: Σ 30, Σx² 110 → S = 10·110 − 900 = 200
	// x2 = 1 2 3 4 5 2 1 3 5 4: Σ 30, Σx² 110 → S = 200
	// T  = 2 4 6 8 10 3 3 6 9 9: Σ 60, ΣT² 4+16+36+64+100+9+9+36+81+81
	//      = 436 → S = 4360 − 3600 = 760
	// alpha = 2 · (760 − 400) / (1 · 760) = 720/760 = 0.947… → 0.95.
	rows := [][2]byte{{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {1, 2}, {2, 1}, {3, 3}, {4, 5}, {5, 4}}
	q := groupQ()
	q.Statements = []Statement{{ID: "a1", Area: "a"}, {ID: "a2", Area: "a"}, {ID: "b1", Area: "b"}}
	var rs []Respondent
	for _, r := range rows {
		rs = append(rs, Respondent{Values: values(r[0], r[1], 3)})
	}
	a := tallyOf(q, rs, 0).Alpha[0]
	if !a.Known || a.Hundredths != 95 || math.Abs(a.Value-720.0/760.0) > 1e-12 || a.Band != AlphaHigh {
		t.Errorf("alpha = %+v, want 720/760 = 0.95", a)
	}
}

func TestAlphaReasons(t *testing.T) {
	q := groupQ()
	// Nine finished: too few finished, even with nine complete cases.
	if a := tallyOf(q, respondentsA(alphaFive, 2)[:9], 5).Alpha[0]; a.Known || a.Reason != AlphaFewFinished || a.Cases != 9 {
		t.Errorf("9 finished: %+v, want unknown, few finished, 9 cases", a)
	}
	// Ten finished, one with a skip in area a: nine complete cases.
	rs := respondentsA(alphaFive, 2)
	rs[3].Values = values(4, 0, 4, 4)
	if a := tallyOf(q, rs, 0).Alpha[0]; a.Known || a.Reason != AlphaFewCases || a.Cases != 9 {
		t.Errorf("9 complete of 10: %+v, want unknown, few cases, 9 cases", a)
	}
	// Eleven finished, ten complete: known again, the skip left out.
	rs = append(rs, respondentsA(alphaFive, 1)[3])
	if a := tallyOf(q, rs, 0).Alpha[0]; !a.Known || a.Cases != 10 || a.Hundredths != 93 {
		t.Errorf("10 complete of 11: %+v, want the worked 0.93", a)
	}
	// Every total the same (7+1+4 = 1+7+4 = 12): zero variance, no alpha.
	flat := respondentsA([][3]byte{{7, 1, 4}, {1, 7, 4}}, 5)
	if a := tallyOf(q, flat, 0).Alpha[0]; a.Known || a.Reason != AlphaNoVariance || a.Cases != 10 {
		t.Errorf("constant totals: %+v, want unknown, no variance", a)
	}
	// Everyone the same everywhere: no variance either.
	same := respondentsA([][3]byte{{4, 4, 4}}, 10)
	if a := tallyOf(q, same, 0).Alpha[0]; a.Known || a.Reason != AlphaNoVariance {
		t.Errorf("all alike: %+v, want unknown, no variance", a)
	}
}

func TestAlphaNegative(t *testing.T) {
	// Two statements that pull against each other, five people twice:
	// (1,6) (7,1) (2,6) (6,2) (4,4). T = 7 8 8 8 8;
	// x1 = 1 7 2 6 4 (Σ 20, Σx² 106), x2 = 6 1 6 2 4 (Σ 19, Σx² 93),
	// T: Σ 39, ΣT² 49 + 4·64 = 305. With n = 10:
	// S(x1) = 10·212 − 40² = 520; S(x2) = 10·186 − 38² = 416;
	// S(T) = 10·610 − 78² = 16; alpha = 2·(16 − 936)/16 = −115.
	rows := [][2]byte{{1, 6}, {7, 1}, {2, 6}, {6, 2}, {4, 4}}
	q := groupQ()
	q.Statements = []Statement{{ID: "a1", Area: "a"}, {ID: "a2", Area: "a"}, {ID: "b1", Area: "b"}}
	var rs []Respondent
	for range 2 {
		for _, r := range rows {
			rs = append(rs, Respondent{Values: values(r[0], r[1], 1)})
		}
	}
	a := tallyOf(q, rs, 0).Alpha[0]
	if !a.Known || a.Value != -115 || a.Hundredths != -11500 || a.Band != AlphaLow {
		t.Errorf("alpha = %+v, want −115, low", a)
	}
}

func TestBandOf(t *testing.T) {
	for _, c := range []struct {
		h    int
		want AlphaBand
	}{{100, AlphaHigh}, {90, AlphaHigh}, {89, AlphaGood}, {80, AlphaGood}, {79, AlphaModerate}, {70, AlphaModerate}, {69, AlphaLow}, {0, AlphaLow}, {-50, AlphaLow}} {
		if got := BandOf(c.h); got != c.want {
			t.Errorf("BandOf(%d) = %s, want %s", c.h, got, c.want)
		}
	}
}

// directAlpha is the textbook two-pass computation in floats: means
// first, then sample variances of each item and of the totals.
func directAlpha(rows [][]float64) float64 {
	n, k := float64(len(rows)), len(rows[0])
	variance := func(x []float64) float64 {
		m := 0.0
		for _, v := range x {
			m += v
		}
		m /= n
		s := 0.0
		for _, v := range x {
			s += (v - m) * (v - m)
		}
		return s / (n - 1)
	}
	sumVar := 0.0
	for j := range k {
		col := make([]float64, len(rows))
		for i, r := range rows {
			col[i] = r[j]
		}
		sumVar += variance(col)
	}
	tot := make([]float64, len(rows))
	for i, r := range rows {
		for _, v := range r {
			tot[i] += v
		}
	}
	return float64(k) / float64(k-1) * (1 - sumVar/variance(tot))
}

// TestAlphaMatchesDirect compares the streaming integer alpha with the
// two-pass one on random data: correlated ratings (a person's level plus
// noise) with some skips, which the streaming alpha leaves out listwise
// and the direct one never sees.
func TestAlphaMatchesDirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 34))
	q := groupQ()
	for trial := range 200 {
		n := 10 + rng.IntN(300)
		tally := NewGroupTally(q)
		var complete [][]float64
		for range n {
			level := 1 + rng.IntN(7)
			v := make([]byte, 4)
			for j := range v {
				x := level + rng.IntN(5) - 2
				v[j] = byte(min(7, max(1, x)))
				if rng.IntN(20) == 0 {
					v[j] = 0
				}
			}
			tally.Add(Respondent{Values: v})
			if v[0] != 0 && v[1] != 0 && v[2] != 0 {
				complete = append(complete, []float64{float64(v[0]), float64(v[1]), float64(v[2])})
			}
		}
		a := tally.Report().Alpha[0]
		if len(complete) < MinAlpha {
			if a.Known {
				t.Errorf("trial %d: alpha known from %d cases", trial, len(complete))
			}
			continue
		}
		want := directAlpha(complete)
		if !a.Known || a.Cases != len(complete) || math.Abs(a.Value-want) > 1e-9 {
			t.Errorf("trial %d: alpha %+v, direct %v from %d cases", trial, a, want, len(complete))
		}
		if got := int(math.Round(want * 100)); a.Hundredths-got > 1 || got-a.Hundredths > 1 {
			t.Errorf("trial %d: hundredths %d, direct %v", trial, a.Hundredths, want)
		}
	}
}
