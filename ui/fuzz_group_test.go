package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"digikomp/store"
	"digikomp/survey"
)

// FuzzGroupView drives the group view and the rounds compared with any
// keys and window sizes, until workshop mode's entry (behind the
// facilitator PIN) lets FuzzModel reach them. The first byte is the
// group's size, the second the language; then each byte is a key, or a
// resize taking the next two bytes. After every step the screen must fit
// the window, stay on the group screens or the menu they lead back to,
// and name only those who chose to show their name.
func FuzzGroupView(f *testing.F) {
	f.Add([]byte{12, 0, 1, 1, 2, 6, 4, 5, 5, 0, 0, 2, 3, 7, 7, 7})
	f.Add([]byte{3, 1, 9, 20, 10, 6, 5, 1, 5, 2, 2, 7})
	f.Add([]byte{40, 0, 9, 200, 60, 2, 2, 2, 6, 0, 5, 5, 2, 9, 50, 16, 3, 7})
	q, err := survey.Load()
	if err != nil {
		f.Fatal(err)
	}
	keys := []string{"<down>", "<up>", "<space>", "<pgup>", "<enter>", "<down>", "o", "<esc>", "?", "", "h", "j", "<tab>", "q"}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 || len(data) > 300 {
			return
		}
		n := int(data[0]) % 41
		lang := survey.Langs[int(data[1])%len(survey.Langs)]
		ms := groupFixture(t, q, n)
		h := newHarnessFor(t, ms, q, lang)
		h.openGroup(intentGroup{pick: pickRound("2026 höst"), back: intentShow{screenWelcome}})
		width, height := 80, 24
		for i := 2; i < len(data) && !h.quit; i++ {
			k := keys[int(data[i])%len(keys)]
			switch {
			case k == "" && i+2 < len(data):
				width, height = int(data[i+1])%220, int(data[i+2])%80
				h.send(tea.WindowSizeMsg{Width: width, Height: height})
				i += 2
			case k == "<pgup>":
				h.send(tea.KeyMsg{Type: tea.KeyPgUp})
			case k != "":
				h.keys(k)
			}
			if h.quit {
				return
			}
			checkGroupScreen(t, h, width, height)
			if h.m.screen == screenWelcome || h.m.screen == screenChooser {
				h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "aa02", Name: "Höstträffen"})})
			}
		}
	})
}

func checkGroupScreen(t *testing.T, h *harness, width, height int) {
	t.Helper()
	switch h.m.screen {
	case screenGroup, screenRounds, screenWelcome, screenChooser, screenLoading:
	default:
		t.Fatalf("the group screens led to %v", h.m.screen)
	}
	view := h.screen()
	for _, line := range strings.Split(view, "\n") {
		if strings.Contains(line, "Lärare") && !strings.Contains(line, "Visad Lärare") {
			t.Fatalf("a name nobody chose to show: %q", line)
		}
	}
	if width < MinWidth || height < MinHeight {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		t.Fatalf("%d lines in a window of %d:\n%s", len(lines), height, view)
	}
	for _, l := range lines {
		if lipgloss.Width(l) > width {
			t.Fatalf("a line of %d cells in a window of %d: %q", lipgloss.Width(l), width, l)
		}
	}
}
