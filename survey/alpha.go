package survey

import "math/big"

// Cronbach's alpha per area: how consistently the group answered the
// area's statements ("hur samstämmigt gruppen svarade på områdets
// påståenden").
//
// For an area of k statements and n complete cases (respondents who rated
// every statement of the area on the scale; the others are left out of
// that area's alpha, listwise),
//
//	alpha = k/(k−1) · (1 − Σ var(item) / var(total))
//
// where total is a respondent's sum over the area. The tally keeps, per
// area, n and the sums Σx, Σx² per statement and ΣT, ΣT² of the totals,
// all whole numbers. With S(x) = n·Σx² − (Σx)² (which is n(n−1) times
// the sample variance, the factor the same for every variance),
//
//	alpha = k · (S(T) − Σ S(xᵢ)) / ((k−1) · S(T))
//
// an exact fraction of integers: no float cancellation however many
// respondents, and it is rounded to hundredths like every other number
// (half away from zero, math/big so that no size overflows).
//
// No alpha (Known false, Reason says why) when
//   - the area has fewer than two statements (AlphaOneStatement): alpha
//     measures agreement between statements, and one agrees with itself;
//   - fewer than MinAlpha attempts are finished (AlphaFewFinished), as the
//     issue asks;
//   - fewer than MinAlpha respondents rated every statement of the area
//     (AlphaFewCases): an alpha from a handful of cases swings wildly;
//   - every complete case has the same total (AlphaNoVariance): the
//     formula divides by zero, and nothing varies to agree about.
//
// Alpha can be negative (statements that pull against each other); it is
// reported as computed and falls in the lowest band.

// AlphaReason says why an area has no alpha.
type AlphaReason string

const (
	AlphaOneStatement AlphaReason = "one-statement"
	AlphaFewFinished  AlphaReason = "few-finished"
	AlphaFewCases     AlphaReason = "few-cases"
	AlphaNoVariance   AlphaReason = "no-variance"
)

// AlphaBand is alpha in plain words; the UI writes the sentences.
type AlphaBand string

const (
	AlphaHigh     AlphaBand = "high"     // ≥ 0.90: hög samstämmighet
	AlphaGood     AlphaBand = "good"     // 0.80–0.89: god
	AlphaModerate AlphaBand = "moderate" // 0.70–0.79: måttlig
	AlphaLow      AlphaBand = "low"      // < 0.70, negative included: låg
)

// BandOf returns the band of an alpha given in hundredths, as shown
// (0.795 is shown as 0.80 and is "good").
func BandOf(hundredths int) AlphaBand {
	switch {
	case hundredths >= 90:
		return AlphaHigh
	case hundredths >= 80:
		return AlphaGood
	case hundredths >= 70:
		return AlphaModerate
	}
	return AlphaLow
}

// Alpha is Cronbach's alpha of one area.
type Alpha struct {
	AreaID string
	Items  int // statements in the area
	Cases  int // complete cases: respondents who rated all of them
	Known  bool
	Reason AlphaReason // why not, when !Known
	// Value is alpha; Hundredths it rounded half away from zero, and Band
	// the band of Hundredths. All zero unless Known.
	Value      float64
	Hundredths int
	Band       AlphaBand
}

// alphaAcc keeps the sums for one area's alpha.
type alphaAcc struct {
	items   []int // statement indexes
	n       int64
	sx, sxx []int64
	st, stt int64
}

func newAlphaAcc(items []int) alphaAcc {
	return alphaAcc{items: items, sx: make([]int64, len(items)), sxx: make([]int64, len(items))}
}

// add counts values when they rate every statement of the area.
func (a *alphaAcc) add(values []byte, s Scale) {
	if len(a.items) < 2 {
		return
	}
	var t int64
	for _, i := range a.items {
		if i >= len(values) || !s.Contains(int(values[i])) {
			return
		}
		t += int64(values[i])
	}
	a.n++
	for j, i := range a.items {
		x := int64(values[i])
		a.sx[j] += x
		a.sxx[j] += x * x
	}
	a.st += t
	a.stt += t * t
}

func (a *alphaAcc) report(areaID string, finished int) Alpha {
	out := Alpha{AreaID: areaID, Items: len(a.items), Cases: int(a.n)}
	switch {
	case len(a.items) < 2:
		out.Reason = AlphaOneStatement
		return out
	case finished < MinAlpha:
		out.Reason = AlphaFewFinished
		return out
	case a.n < MinAlpha:
		out.Reason = AlphaFewCases
		return out
	}
	n := big.NewInt(a.n)
	st := scaledVariance(n, a.st, a.stt)
	if st.Sign() == 0 {
		out.Reason = AlphaNoVariance
		return out
	}
	items := new(big.Int)
	for j := range a.items {
		items.Add(items, scaledVariance(n, a.sx[j], a.sxx[j]))
	}
	k := big.NewInt(int64(len(a.items)))
	num := new(big.Int).Sub(st, items)
	num.Mul(num, k)
	den := new(big.Int).Mul(st, big.NewInt(int64(len(a.items)-1)))
	out.Known = true
	out.Value, _ = new(big.Rat).SetFrac(num, den).Float64()
	out.Hundredths = roundBig(new(big.Int).Mul(num, big.NewInt(100)), den)
	out.Band = BandOf(out.Hundredths)
	return out
}

// scaledVariance is n·Σx² − (Σx)².
func scaledVariance(n *big.Int, sum, sumSq int64) *big.Int {
	v := new(big.Int).Mul(n, big.NewInt(sumSq))
	s := big.NewInt(sum)
	return v.Sub(v, s.Mul(s, s))
}

// roundBig is num/den rounded half away from zero, as RoundRatio; den > 0.
func roundBig(num, den *big.Int) int {
	neg := num.Sign() < 0
	m := new(big.Int).Abs(num)
	m.Mul(m, big.NewInt(2)).Add(m, den)
	m.Quo(m, new(big.Int).Mul(den, big.NewInt(2)))
	q := int(m.Int64())
	if neg {
		return -q
	}
	return q
}
