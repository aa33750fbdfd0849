package survey

// RoundRatio returns num/den rounded half away from zero to the given
// number of decimals, as a whole number of 10^-decimals: RoundRatio(13,
// 4, 1) is 33, for 3.25 shown as 3.3, as a person rounds.
//
// Every mean and share shown is rounded here, on the exact fraction of
// whole numbers that Score keeps. Rounding the float64 instead would go
// wrong both ways: strconv rounds 3.25 half to even (3.2), and 3.15 is
// stored as 3.1499999…, which rounds to 3.1 however halves are treated.
// A zero den gives 0, as means of nothing are 0 in Result.
func RoundRatio(num, den, decimals int) int {
	if den == 0 {
		return 0
	}
	for range decimals {
		num *= 10
	}
	neg := (num < 0) != (den < 0)
	if num < 0 {
		num = -num
	}
	if den < 0 {
		den = -den
	}
	// Half away from zero: floor(num/den + 1/2) on the magnitude.
	q := (2*num + den) / (2 * den)
	if neg {
		return -q
	}
	return q
}

// MeanTenths is the overall mean in tenths, rounded half away from zero.
func (r Result) MeanTenths() int { return RoundRatio(r.Sum, r.Answered, 1) }

// HighPercent is HighShare as a whole percentage, rounded half away from
// zero.
func (r Result) HighPercent() int { return RoundRatio(100*r.High, r.Answered, 0) }

// MeanTenths is the area's mean in tenths, rounded half away from zero.
func (a AreaScore) MeanTenths() int { return RoundRatio(a.Sum, a.Answered, 1) }
