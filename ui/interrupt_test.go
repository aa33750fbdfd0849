package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/survey"
)

// Ctrl+C quits even while a store call is in flight (here the first
// load, which has not returned), instead of waiting in the key queue
// behind a save that may never come back.
func TestInterruptWhileBusyQuits(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	m := New(Config{Store: newMemStore(), Questionnaire: q, Lang: survey.Swedish})
	_ = m.Init() // its load never runs: the model stays busy
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if cmd == nil {
		t.Fatal("ctrl+c while busy returned no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c while busy did not quit")
	}
	if v := next.(Model).View(); v != "" {
		t.Errorf("after quitting the view is %q, want empty", v)
	}
}
