package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"digikomp/survey"
)

// changeWidth is the cells a change takes in a column: "▲ +0,8".
const changeWidth = 6

// signedTenths writes a change given in tenths with its sign: "+0,8",
// "−0,3" (a true minus sign), "±0,0"; a decimal comma in Swedish.
func signedTenths(lang survey.Lang, tenths int) string {
	switch {
	case tenths > 0:
		return "+" + formatMean(lang, tenths)
	case tenths < 0:
		return "−" + formatMean(lang, -tenths)
	}
	return "±" + formatMean(lang, 0)
}

// formatChange writes a change with an arrow that carries its meaning
// without colour: "▲ +0,8", "▼ −0,3", "±0,0".
func formatChange(lang survey.Lang, tenths int) string {
	switch {
	case tenths > 0:
		return "▲ " + signedTenths(lang, tenths)
	case tenths < 0:
		return "▼ " + signedTenths(lang, tenths)
	}
	return signedTenths(lang, 0)
}

// changeCell is a change right-aligned in changeWidth cells, styled (a
// rise as answered, a fall as a warning), or blank when the change is not
// known (an area left blank in one of the two attempts).
func changeCell(c *common, d survey.Delta) string {
	if !d.Known() {
		return strings.Repeat(" ", changeWidth)
	}
	s := formatChange(c.lang, d.Tenths())
	pad := strings.Repeat(" ", max(0, changeWidth-lipgloss.Width(s)))
	switch {
	case d.Tenths() > 0:
		s = c.st.Answered.Render(s)
	case d.Tenths() < 0:
		s = c.st.Warning.Render(s)
	}
	return pad + s
}

// changeText is a change as words for accessible mode, "" when not known.
func changeText(c *common, d survey.Delta) string {
	if !d.Known() {
		return "–"
	}
	return signedTenths(c.lang, d.Tenths())
}

// padRight pads s with spaces to width cells.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-lipgloss.Width(s)))
}

// padLeft pads s with spaces on the left to width cells.
func padLeft(s string, width int) string {
	return strings.Repeat(" ", max(0, width-lipgloss.Width(s))) + s
}
