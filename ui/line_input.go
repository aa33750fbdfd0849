package ui

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
)

// lineInput is a one-line text entry of workshop mode: typed characters,
// Backspace, Ctrl+U to empty it and Enter to give it. It has no cursor
// movement, clipboard, editor or blink, so it needs no commands and no
// form routing: it can sit over any screen (the facilitator PIN asked on
// Ctrl+C) without touching that screen's form. A masked entry shows one
// star per character.
type lineInput struct {
	runes  []rune
	masked bool
	limit  int // characters; 0: none
}

// update applies a key and reports whether Enter gave the line.
func (l lineInput) update(k tea.KeyMsg) (lineInput, bool) {
	switch k.Type {
	case tea.KeyEnter:
		return l, true
	case tea.KeyBackspace, tea.KeyCtrlH:
		if len(l.runes) > 0 {
			l.runes = l.runes[:len(l.runes)-1]
		}
	case tea.KeyCtrlU:
		l.runes = nil
	case tea.KeySpace:
		l = l.add(' ')
	case tea.KeyRunes:
		for _, r := range k.Runes {
			l = l.add(r)
		}
	}
	return l, false
}

func (l lineInput) add(r rune) lineInput {
	if !unicode.IsPrint(r) || (l.limit > 0 && len(l.runes) >= l.limit) {
		return l
	}
	l.runes = append(l.runes[:len(l.runes):len(l.runes)], r)
	return l
}

func (l lineInput) text() string { return string(l.runes) }

// view is the entry as shown, cut at the left to width cells so that the
// end being typed stays in view.
func (l lineInput) view(width int) string {
	s := l.text()
	if l.masked {
		s = strings.Repeat("*", len(l.runes))
	}
	r := []rune(s)
	if width > 4 && len(r) > width-3 {
		s = "…" + string(r[len(r)-(width-4):])
	}
	return "> " + s + "█"
}
