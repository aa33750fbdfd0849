package ui

import (
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// maxContent keeps lines readable on wide terminals.
const maxContent = 76

// contentWidth is the width text is wrapped to: the window minus the app's
// padding, at most maxContent, and a sane default before the first
// WindowSizeMsg (which only arrives after the first View).
func contentWidth(c *common) int {
	w := c.width - 2
	if c.width == 0 {
		w = maxContent
	}
	return max(20, min(w, maxContent))
}

// wrap breaks text at word boundaries to width.
func wrap(s string, width int) string {
	return ansi.Wrap(s, width, "")
}

// titleLine puts the title on the left and a counter on the right.
func titleLine(c *common, title, right string, width int) string {
	gap := width - lipgloss.Width(title) - lipgloss.Width(right)
	if gap < 1 {
		return c.st.Title.Render(title) + "\n" + c.st.Counter.Render(right)
	}
	return c.st.Title.Render(title) + strings.Repeat(" ", gap) + c.st.Counter.Render(right)
}

// bar draws a horizontal bar filled to frac (0–1). Filled and empty cells
// are different characters, so the bar reads the same without colour.
func bar(c *common, frac float64, width int) string {
	if width < 1 {
		return ""
	}
	frac = math.Max(0, math.Min(1, frac))
	n := int(math.Round(frac * float64(width)))
	return c.st.BarFull.Render(strings.Repeat("█", n)) + c.st.BarEmpty.Render(strings.Repeat("░", width-n))
}

// formatDate shows a time as a local date, the same in both languages
// (ISO 8601 is what Swedish uses).
func formatDate(t time.Time) string {
	return t.Local().Format("2006-01-02")
}

// truncate shortens s to width cells, ending in an ellipsis when cut.
func truncate(s string, width int) string {
	return ansi.Truncate(s, max(1, width), "…")
}
