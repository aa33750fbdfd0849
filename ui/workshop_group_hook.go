package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// openGroupView is where the facilitator goes from the workshop's
// welcome once the facilitator PIN has been checked: the group view of
// workshop w (group_view.go). Esc there is intentMenu, which in workshop
// mode ends the "turn": the workshop's welcome comes back in a new model
// and the terminal is scrubbed, so that no group number stays on screen
// or in the scrollback for the next participant.
func (m Model) openGroupView(w store.Workshop) (tea.Model, tea.Cmd) {
	return m.act(intentGroup{pick: pickWorkshop(w), back: intentMenu{}})
}
