package ui

import (
	"fmt"
	"strings"
	"testing"

	"digikomp/internal/langcheck"
	"digikomp/store"
	"digikomp/survey"
)

// From the group view, "o" compares two rounds: the baseline as the
// start, the autumn round as the end, which the fixture rates higher.
func TestRoundsCompared(t *testing.T) {
	for _, lang := range survey.Langs {
		for _, size := range groupSizes {
			t.Run(fmt.Sprintf("%s-%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				h, _ := groupHarness(t, lang, 12, size[0], size[1])
				g := h.m.c.cat.Group
				h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "aa02", Name: "Höstträffen"})})
				h.keys("o")
				h.see(g.PickBase, "› "+fmt.Sprintf(g.PickRound, "2026 höst"), fmt.Sprintf(g.PickWorkshop, "Baslinjen", "2026-03-10"))
				h.keys("<down><enter>")
				h.see(fmt.Sprintf(g.PickEnd, fmt.Sprintf(g.PickRound, "baslinje")))
				h.notSee("  " + fmt.Sprintf(g.PickRound, "baslinje"))
				h.keys("<enter>")
				all := strings.Join(h.scrollAll(size[0], size[1]), "\n")
				for _, want := range []string{
					fmt.Sprintf(g.HigherLine, g.Yes), g.Indicators, g.IndResult, g.IndDigiteket, g.IndManagers,
					g.TargetHigher + ": " + g.StatusMet, fmt.Sprintf(g.TargetAtLeast, formatPercent(lang, 80)), g.TargetNone, g.RoundsChance[:20],
				} {
					if !strings.Contains(all, want) {
						t.Errorf("rounds compared lack %q:\n%s", want, all)
					}
				}
				if size[0] >= 120 && !strings.Contains(all, g.ColHigher) {
					t.Errorf("at %d columns the comparison should be a table", size[0])
				}
				if lang == survey.Swedish {
					if words := langcheck.English(all); len(words) > 0 {
						t.Errorf("Swedish rounds compared have English %q", words)
					}
				}
				h.keys("<esc>")
				h.see(fmt.Sprintf(g.PickEnd, fmt.Sprintf(g.PickRound, "baslinje")))
				h.keys("<esc>")
				h.see(g.PickBase)
				h.keys("<esc>")
				if h.m.screen != screenGroup {
					t.Errorf("Esc from choosing the start should return to the group view, got %v", h.m.screen)
				}
				h.see(fmt.Sprintf(g.TitleOf, "Höstträffen"))
			})
		}
	}
}

// The comparison's numbers are the survey's: means, change, shares and n
// of each round, and the verdict drawn from the rounded means.
func TestRoundsNumbers(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := groupFixture(t, q, 12)
	base, _, err := loadGroup(ms, q, store.GroupFilter{Workshop: "aa01"}, false)
	if err != nil {
		t.Fatal(err)
	}
	end, _, err := loadGroup(ms, q, store.GroupFilter{Workshop: "aa02"}, false)
	if err != nil {
		t.Fatal(err)
	}
	cmp := survey.CompareRounds(base, end)
	for _, width := range []int{76, 140} {
		c := textCommon(q, survey.Swedish, width)
		body := roundsBody(c, "A", "B", base, end)
		o := cmp.Overall
		for _, want := range []string{formatMean(c.lang, o.Base.MeanTenths), formatMean(c.lang, o.End.MeanTenths),
			signedTenths(c.lang, o.ChangeTenths), formatPercent(c.lang, o.Base.HighPercent), formatPercent(c.lang, o.End.HighPercent)} {
			if !strings.Contains(body, want) {
				t.Errorf("width %d: comparison lacks %q:\n%s", width, want, body)
			}
		}
		c.lines = true
		lines := roundsBody(c, "A", "B", base, end)
		a := cmp.Areas[0]
		want := fmt.Sprintf(c.cat.Group.RoundsAcc, areaName(c, a.AreaID), formatMean(c.lang, a.Base.MeanTenths), "12", formatPercent(c.lang, a.Base.HighPercent),
			formatMean(c.lang, a.End.MeanTenths), "12", formatPercent(c.lang, a.End.HighPercent), signedTenths(c.lang, a.ChangeTenths), yesNo(c, a))
		if !strings.Contains(lines, want) {
			t.Errorf("accessible comparison lacks %q:\n%s", want, lines)
		}
	}
}

// With fewer than two workshops there is nothing to compare, and the
// screen says so.
func TestRoundsNeedTwo(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := newMemStore()
	ms.addWorkshop(store.Workshop{ID: "aa01", Name: "Ensam", Round: "r"})
	h := newHarnessFor(t, ms, q, survey.Swedish)
	h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "aa01", Name: "Ensam"})})
	h.keys("o")
	// One workshop in one round: the round and the workshop are two
	// choices, and may be compared (they are the same people).
	h.see(h.m.c.cat.Group.PickBase)
	ms2 := newMemStore()
	h2 := newHarnessFor(t, ms2, q, survey.Swedish)
	h2.openGroup(intentRounds{})
	h2.see(h2.m.c.cat.Group.PickNone)
	h2.keys("<enter><down>")
	h2.see(h2.m.c.cat.Group.PickNone)
}
