package survey

// Rounds compared: a baseline round (or workshop) against the end of the
// year, per area and overall. Areas are matched by id; the end report's
// areas are listed, in its order, and an area the base report lacks is not
// Known. (The name is RoundComparison because Comparison is one person's
// change between two attempts, progress.go.)
//
// The change is the end mean rounded to tenths minus the base mean
// rounded to tenths, and Higher is "change > 0", so "4,1 → 4,2, +0,1,
// högre: ja" always reads right; two means equal when shown are not
// higher, whatever their hundredths. This is a description of two groups,
// not a test: a small rise between rounds of different people may be
// chance, and the report says n beside each mean for that reason.

// RoundSide is one round's numbers for an area (or overall).
type RoundSide struct {
	Known       bool // the round has ratings here
	N           int  // respondents who rated the area
	Ratings     int
	Mean        float64
	MeanTenths  int
	HighPercent int // share of ratings 6–7 (top two points), whole percent
	ShareHigh   float64
}

func sideOf(a AreaStats) RoundSide {
	return RoundSide{
		Known: a.Ratings > 0, N: a.N, Ratings: a.Ratings,
		Mean: a.Mean, MeanTenths: a.MeanTenths,
		HighPercent: a.HighPercent, ShareHigh: a.ShareHigh,
	}
}

// RoundChange is one area's (or the overall) comparison.
type RoundChange struct {
	AreaID    string // "" for overall
	Base, End RoundSide
	// Known is set when both rounds have ratings here; ChangeTenths is
	// End.MeanTenths − Base.MeanTenths, and Higher is ChangeTenths > 0
	// ("högre vid slutet än vid början").
	Known        bool
	ChangeTenths int
	Higher       bool
}

func newRoundChange(id string, base, end AreaStats) RoundChange {
	c := RoundChange{AreaID: id, Base: sideOf(base), End: sideOf(end)}
	c.Known = c.Base.Known && c.End.Known
	if c.Known {
		c.ChangeTenths = c.End.MeanTenths - c.Base.MeanTenths
		c.Higher = c.ChangeTenths > 0
	}
	return c
}

// RoundComparison compares two group reports.
type RoundComparison struct {
	// Same is set when both reports are of the same questionnaire id and
	// version; otherwise areas are matched by id and the overall means
	// may cover different statements.
	Same    bool
	Overall RoundChange
	Areas   []RoundChange // the end report's areas, in its order
}

// CompareRounds compares a base round with an end round.
func CompareRounds(base, end GroupReport) RoundComparison {
	c := RoundComparison{
		Same:    base.QuestionnaireID == end.QuestionnaireID && base.Version == end.Version,
		Overall: newRoundChange("", base.Overall, end.Overall),
	}
	for _, a := range end.Areas {
		b, _ := base.Area(a.AreaID)
		c.Areas = append(c.Areas, newRoundChange(a.AreaID, b, a))
	}
	return c
}

// Area returns the comparison of one area.
func (c RoundComparison) Area(id string) (RoundChange, bool) {
	for _, a := range c.Areas {
		if a.AreaID == id {
			return a, true
		}
	}
	return RoundChange{}, false
}
