package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// lateReply recognises the terminal's answer to the background-colour
// query (OSC 11, asked by ui/termbg before the program starts) when it
// comes after the query stopped waiting, as over a slow connection.
// Bubble Tea v1 does not parse it: it arrives as keys, Alt+], then
// "11;rgb:…" in one message, then Alt+\ or Ctrl+G, and the digits would
// answer statements. in says whether an answer has begun; lateReply
// returns the new state and whether k belongs to the answer and is to
// be dropped. Any other key ends the answer and counts as typed.
func lateReply(in bool, k tea.KeyMsg) (bool, bool) {
	switch {
	case k.Alt && k.Type == tea.KeyRunes && string(k.Runes) == "]":
		return true, true
	case !in:
		return false, false
	case k.Type == tea.KeyCtrlG, k.Alt && k.Type == tea.KeyRunes && string(k.Runes) == `\`:
		return false, true
	case !k.Alt && k.Type == tea.KeyRunes && strings.HasPrefix(string(k.Runes), "11;") &&
		strings.Trim(string(k.Runes), "0123456789abcdefABCDEF;:/rgb") == "":
		return true, true
	}
	return false, false
}
