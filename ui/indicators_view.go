package ui

import (
	"fmt"
	"strings"

	"digikomp/survey"
)

// The indicators panel (seed 004): each indicator the self-assessment
// measures, with its target and whether it is met, under the rounds
// compared. The verdicts are survey.Indicators'; this file only words
// them. A verdict is never shown by colour alone: "uppfyllt", "inte
// uppfyllt" and "kan inte bedömas" are words.

func indicatorName(c *common, k survey.IndicatorKind) string {
	cat := &c.cat.Group
	switch k {
	case survey.IndicatorResultHigher:
		return cat.IndResult
	case survey.IndicatorDigiteket:
		return cat.IndDigiteket
	case survey.IndicatorManagers:
		return cat.IndManagers
	}
	return survey.Visible(string(k))
}

func targetText(c *common, t survey.Target) string {
	cat := &c.cat.Group
	switch t.Kind {
	case survey.TargetHigher:
		return cat.TargetHigher
	case survey.TargetAtLeast:
		return fmt.Sprintf(cat.TargetAtLeast, formatPercent(c.lang, t.Percent))
	}
	return cat.TargetNone
}

func statusText(c *common, s survey.IndicatorStatus) string {
	cat := &c.cat.Group
	switch s {
	case survey.StatusMet:
		return cat.StatusMet
	case survey.StatusNotMet:
		return cat.StatusNotMet
	case survey.StatusNoTarget:
		return cat.StatusReport
	}
	return cat.StatusUnknown
}

// shareText is a share as shown: "75 % (n 40)", or "too few answers".
func shareText(c *common, s survey.Share) string {
	if !s.Known() {
		return c.cat.Group.TooFew
	}
	return formatPercent(c.lang, s.Percent()) + " (n " + formatCount(c.lang, s.N) + ")"
}

// indicatorsBody renders the panel.
func indicatorsBody(c *common, list []survey.Indicator, w int) string {
	cat := &c.cat.Group
	var b strings.Builder
	b.WriteString(heading(c, cat.Indicators))
	for i, ind := range list {
		name := fmt.Sprintf("%d. %s", i+1, indicatorName(c, ind.Kind))
		b.WriteString(c.st.Strong.Render(wrap(name, w)) + "\n")
		verdict := fmt.Sprintf(cat.IndTarget, targetText(c, ind.Target), statusText(c, ind.Status))
		if ind.Status == survey.StatusNoTarget {
			verdict = targetText(c, ind.Target) // "no target set, reported" says it all
		}
		var detail string
		switch ind.Kind {
		case survey.IndicatorResultHigher:
			o := ind.Rounds.Overall
			detail = sideMean(c, o.Base) + " → " + sideMean(c, o.End) + " (" + changeOf(c, o) + "; n " +
				formatCount(c.lang, o.Base.N) + " → " + formatCount(c.lang, o.End.N) + ")"
		default:
			detail = fmt.Sprintf(cat.IndShares, shareText(c, ind.Base), shareText(c, ind.End))
		}
		line := verdict + " · " + detail
		b.WriteString("   " + strings.ReplaceAll(wrap(line, w-3), "\n", "\n   ") + "\n")
	}
	return b.String()
}
