package survey

import "testing"

func TestCompareRounds(t *testing.T) {
	q := groupQ()
	// Base: five people, a 3 3 3 and b 6; one more rates a 4 4 4 and b 2.
	// a: 15 × 3 + 3 × 4 = 57 / 18 = 3.166… → 3.2; high 0 %; n 6.
	// b: 5 × 6 + 2 = 32 / 6 = 5.333… → 5.3; high 5/6 = 83.3 % → 83 %.
	// overall: 89 / 24 = 3.708… → 3.7.
	base := append(people(5, "librarian", 3, 6), people(1, "librarian", 4, 2)...)
	// End: four people, a 4 4 4 and b 5; one rates a 3 3 2 and b 6.
	// a: 12 × 4 + 8 = 56 / 15 = 3.733… → 3.7; change +0.5, higher.
	// b: 4 × 5 + 6 = 26 / 5 = 5.2; change −0.1, not higher; high 1/5 = 20 %.
	// overall: 82 / 20 = 4.1; change +0.4.
	end := append(people(4, "librarian", 4, 5), Respondent{Values: values(3, 3, 2, 6)})
	c := CompareRounds(tallyOf(q, base, 0), tallyOf(q, end, 0))
	if !c.Same {
		t.Error("same questionnaire not Same")
	}
	check := func(name string, got RoundChange, baseT, endT, baseN, endN, baseHigh, endHigh, change int, higher bool) {
		t.Helper()
		if !got.Known || got.Base.MeanTenths != baseT || got.End.MeanTenths != endT || got.Base.N != baseN || got.End.N != endN ||
			got.Base.HighPercent != baseHigh || got.End.HighPercent != endHigh || got.ChangeTenths != change || got.Higher != higher {
			t.Errorf("%s = %+v", name, got)
		}
	}
	a, _ := c.Area("a")
	check("a", a, 32, 37, 6, 5, 0, 0, 5, true)
	b, _ := c.Area("b")
	check("b", b, 53, 52, 6, 5, 83, 20, -1, false)
	// Overall high: base 5 of 24 = 20.8 % → 21 %; end b 6 of 20 = 5 % (one 6).
	check("overall", c.Overall, 37, 41, 6, 5, 21, 5, 4, true)
}

func TestCompareRoundsEqualShownIsNotHigher(t *testing.T) {
	q := groupQ()
	// Base a: 4 4 4 → 4.0; end a: 4 4 4 in 9 people and 4 4 5 in one:
	// 121/30 = 4.033… → 4.0. Higher in hundredths, equal as shown: not higher.
	base := people(10, "librarian", 4, 4)
	end := append(people(9, "librarian", 4, 4), Respondent{Values: values(4, 4, 5, 4)})
	a, _ := CompareRounds(tallyOf(q, base, 0), tallyOf(q, end, 0)).Area("a")
	if !a.Known || a.ChangeTenths != 0 || a.Higher {
		t.Errorf("a = %+v, want change 0, not higher", a)
	}
}

func TestCompareRoundsMissing(t *testing.T) {
	q := groupQ()
	other := groupQ()
	other.Version = 2
	other.Areas = other.Areas[:1]
	other.Statements = other.Statements[:3]
	// The base has no area b and nobody in it; end has both.
	c := CompareRounds(tallyOf(other, nil, 0), tallyOf(q, handFive(), 0))
	if c.Same || c.Overall.Known || c.Overall.Higher || len(c.Areas) != 2 {
		t.Errorf("comparison = %+v, want not same, nothing known", c)
	}
	if b, ok := c.Area("b"); !ok || b.Known || !b.End.Known || b.Base.Known {
		t.Errorf("b = %+v, want known at the end only", b)
	}
}

func TestIndicators(t *testing.T) {
	q := groupQ()
	withDigi := func(rs []Respondent, yes int) []Respondent {
		for i := range rs {
			v := "no"
			if i < yes {
				v = DigiteketYes
			}
			rs[i].Background = map[string]string{BackgroundRole: RoleManager, BackgroundDigiteket: v}
			rs[i].Manager = ManagerNo
			if i < 3 {
				rs[i].Manager = ManagerYes
			}
		}
		return rs
	}
	// Base: ten at a 3, b 3 (3.0), 5 of 10 with a profile (50 %).
	base := tallyOf(q, withDigi(people(10, "", 3, 3), 5), 0)
	for _, c := range []struct {
		name      string
		end       []Respondent
		higher    IndicatorStatus
		digi      IndicatorStatus
		digiShown int
	}{
		// 4 of 5 = 80 % exactly: met; 4.0 > 3.0: met.
		{"both met", withDigi(people(5, "", 4, 4), 4), StatusMet, StatusMet, 80},
		// 159 of 200 = 79.5 %, shown 80 %: met as shown.
		{"79.5 shown as 80", withDigi(people(200, "", 4, 4), 159), StatusMet, StatusMet, 80},
		// 158 of 200 = 79 %: not met; 3.0 = 3.0: not higher.
		{"79 %", withDigi(people(200, "", 3, 3), 158), StatusNotMet, StatusNotMet, 79},
		// Lower at the end, and four Digiteket answers: too few to judge.
		{"lower, too few", withDigi(people(4, "", 2, 2), 4), StatusNotMet, StatusUnknown, 0},
		// Nobody at the end: nothing known.
		{"empty end", nil, StatusUnknown, StatusUnknown, 0},
	} {
		ind := Indicators(base, tallyOf(q, c.end, 0))
		if len(ind) != 3 || ind[0].Kind != IndicatorResultHigher || ind[1].Kind != IndicatorDigiteket || ind[2].Kind != IndicatorManagers {
			t.Fatalf("%s: indicators %+v", c.name, ind)
		}
		h, d, m := ind[0], ind[1], ind[2]
		if h.Status != c.higher || h.Met != (c.higher == StatusMet) || h.Target.Kind != TargetHigher || h.Rounds.Overall.Base.MeanTenths != 30 {
			t.Errorf("%s: result higher = %s (met %v), want %s", c.name, h.Status, h.Met, c.higher)
		}
		if len(h.Rounds.Areas) != 2 {
			t.Errorf("%s: result higher has %d areas, want 2", c.name, len(h.Rounds.Areas))
		}
		if d.Status != c.digi || d.Met != (c.digi == StatusMet) || d.Target != (Target{Kind: TargetAtLeast, Percent: 80}) ||
			d.End.Percent() != c.digiShown || d.Base.Percent() != 50 {
			t.Errorf("%s: digiteket = %+v, want %s at %d %%", c.name, d, c.digi, c.digiShown)
		}
		if m.Status != StatusNoTarget || m.Met || m.Target.Kind != TargetNone || m.Base.Yes != 3 || m.Base.N != 10 {
			t.Errorf("%s: managers = %+v, want reported, no target, base 3 of 10", c.name, m)
		}
	}
}
