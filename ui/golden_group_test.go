package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// TestGoldenGroupScreens keeps a picture of the group screens in both
// languages: the top of a workshop's group view at 80×24 and at 120×40
// (a projector), its splits, choosing the start of a comparison, and the
// rounds compared with the indicators. Regenerate with:
// go test ./ui -run Golden -update
func TestGoldenGroupScreens(t *testing.T) {
	for _, lang := range survey.Langs {
		h, _ := groupHarness(t, lang, 14, 80, 24)
		shot := func(name string) {
			t.Helper()
			checkGolden(t, string(lang)+"-"+name, h.screen())
		}
		h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "aa02", Name: "Höstträffen"})})
		shot("group")
		for range 5 {
			h.keys("<space>")
		}
		shot("group-splits")
		h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
		h.send(tea.KeyMsg{Type: tea.KeyPgUp})
		for range 5 {
			h.send(tea.KeyMsg{Type: tea.KeyPgUp})
		}
		shot("group-120x40")
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		h.keys("o")
		shot("rounds-pick")
		h.keys("<down><enter><enter>")
		shot("rounds")
		h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
		shot("rounds-120x40")
	}
}
