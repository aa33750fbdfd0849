package ui

import "github.com/charmbracelet/lipgloss"

// styles holds every lipgloss style of the interface, built once and passed
// down so that views never create styles inline. Focus and selection are
// always shown by a "›" marker as well as by style, because under NO_COLOR
// no style reaches the screen.
type styles struct {
	App       lipgloss.Style
	Title     lipgloss.Style
	Counter   lipgloss.Style
	Area      lipgloss.Style
	Statement lipgloss.Style
	Body      lipgloss.Style
	Muted     lipgloss.Style
	Selected  lipgloss.Style
	Item      lipgloss.Style
	Answered  lipgloss.Style
	Error     lipgloss.Style
	Footer    lipgloss.Style
	BarFull   lipgloss.Style
	BarEmpty  lipgloss.Style
	Strong    lipgloss.Style
	Warning   lipgloss.Style
}

var (
	accent = lipgloss.AdaptiveColor{Light: "#1B5E8C", Dark: "#7FC4F0"}
	muted  = lipgloss.AdaptiveColor{Light: "#5C5C5C", Dark: "#A0A0A0"}
	good   = lipgloss.AdaptiveColor{Light: "#2E7D32", Dark: "#8BD48F"}
	warn   = lipgloss.AdaptiveColor{Light: "#B23B00", Dark: "#FFB37A"}
)

func defaultStyles() styles {
	return styles{
		App:       lipgloss.NewStyle().Padding(0, 1),
		Title:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Counter:   lipgloss.NewStyle().Foreground(muted),
		Area:      lipgloss.NewStyle().Foreground(accent),
		Statement: lipgloss.NewStyle().Bold(true),
		Body:      lipgloss.NewStyle(),
		Muted:     lipgloss.NewStyle().Foreground(muted),
		Selected:  lipgloss.NewStyle().Reverse(true).Bold(true),
		Item:      lipgloss.NewStyle(),
		Answered:  lipgloss.NewStyle().Foreground(good),
		Error:     lipgloss.NewStyle().Bold(true).Foreground(warn),
		Footer:    lipgloss.NewStyle().Foreground(muted),
		BarFull:   lipgloss.NewStyle().Foreground(accent),
		BarEmpty:  lipgloss.NewStyle().Foreground(muted),
		Strong:    lipgloss.NewStyle().Bold(true),
		Warning:   lipgloss.NewStyle().Foreground(warn),
	}
}

// plainStyles renders nothing but the text, for accessible mode where a
// screen reader must not hear escape sequences.
func plainStyles() styles {
	p := lipgloss.NewStyle()
	return styles{App: p, Title: p, Counter: p, Area: p, Statement: p, Body: p,
		Muted: p, Selected: p, Item: p, Answered: p, Error: p, Footer: p,
		BarFull: p, BarEmpty: p, Strong: p, Warning: p}
}
