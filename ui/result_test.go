package ui

import (
	"strings"
	"testing"

	"digikomp/survey"
)

// TestMeansRoundHalfAwayFromZero: a mean of exactly 3.25 is shown as 3,3
// and a share of exactly 12.5 % as 13 %, as a person rounds; rounding
// half to even would show 3,2 and 12 %.
func TestMeansRoundHalfAwayFromZero(t *testing.T) {
	for _, c := range []struct {
		lang                 survey.Lang
		overall, share, area string
	}{
		{survey.Swedish, "Medelvärde totalt: 3,3 av 7", "andel svar 6–7: 13 %", "3,3"},
		{survey.English, "Overall mean: 3.3 of 7", "share of answers 6–7: 13%", "3.3"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.keys("<enter>s")
			// Areas of 4, 6, 5, 5 and 4 statements: the first has
			// 13/4 = 3.25, all 24 have 78/24 = 3.25, and 3 of 24
			// (12.5 %) are 6 or 7.
			h.keys("3334" + "666333" + "33322" + "33333" + "3322")
			h.keys("<esc><enter>")
			h.see(c.overall, c.share)
			area := h.q.Areas[0].Name.In(c.lang)
			found := false
			for _, l := range strings.Split(h.screen(), "\n") {
				if l = strings.TrimSpace(l); strings.HasPrefix(l, area) {
					found = true
					if !strings.HasSuffix(l, " "+c.area) {
						t.Errorf("the area line %q does not end in %s", l, c.area)
					}
				}
			}
			if !found {
				t.Errorf("no line for %s:\n%s", area, h.screen())
			}
		})
	}
}

func TestFormatMean(t *testing.T) {
	for _, c := range []struct {
		tenths int
		sv, en string
	}{{33, "3,3", "3.3"}, {70, "7,0", "7.0"}, {5, "0,5", "0.5"}, {0, "0,0", "0.0"}, {-12, "-1,2", "-1.2"}} {
		if got := formatMean(survey.Swedish, c.tenths); got != c.sv {
			t.Errorf("formatMean(sv, %d) = %q, want %q", c.tenths, got, c.sv)
		}
		if got := formatMean(survey.English, c.tenths); got != c.en {
			t.Errorf("formatMean(en, %d) = %q, want %q", c.tenths, got, c.en)
		}
	}
}
