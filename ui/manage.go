package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// manageModel is the people screen: the profiles on this computer, and
// for the one picked: rename, set or remove the PIN, delete with a typed
// confirmation. A protected profile's PIN is asked before each change
// (the root shows the PIN screen in between).
type manageModel struct {
	list    []store.Profile
	current string // the profile in use
	cursor  int    // over list, then "add" and "back"
	mode    manageMode
	sel     store.Profile
	actions []manageAction
	acursor int
	field   fieldModel
	pin     string // the new PIN, typed once so far
	note    string // the latest change, or why it was refused
	noteErr bool
}

type manageMode int

const (
	manageList manageMode = iota
	manageActions
	manageRename
	managePIN1
	managePIN2
	manageDelete
	manageWorking
)

type manageAction int

const (
	actRename manageAction = iota
	actSetPIN
	actRemovePIN
	actDelete
	actBack
)

// manageReq is what the people screen asks the root to do.
type manageReq struct {
	op     string // "back", "add", "act", "rename", "pin", "delete"
	action manageAction
	text   string
}

func newManage(list []store.Profile, current string) manageModel {
	return manageModel{list: list, current: current}
}

// names are the names taken, for the name fields' checks.
func (m manageModel) names() []string {
	var out []string
	for _, p := range m.list {
		if p.Name != "" {
			out = append(out, p.Name)
		}
	}
	return out
}

func (m manageModel) typing() bool {
	switch m.mode {
	case manageRename, managePIN1, managePIN2, manageDelete:
		return true
	}
	return false
}

func (m manageModel) actionLabel(c *common, a manageAction) string {
	cat := c.cat.Profiles
	switch a {
	case actRename:
		return cat.ActRename
	case actSetPIN:
		if m.sel.Protected {
			return cat.ActChangePIN
		}
		return cat.ActSetPIN
	case actRemovePIN:
		return cat.ActRemovePIN
	case actDelete:
		return cat.ActDelete
	}
	return cat.ActBack
}

// begin starts an action on the picked profile, its PIN (if any) given.
func (m manageModel) begin(c *common, a manageAction) (manageModel, tea.Cmd, *manageReq) {
	cat := c.cat.Profiles
	m.note = ""
	var cmd tea.Cmd
	switch a {
	case actRename:
		m.mode = manageRename
		m.field, cmd = newField(c, cat.RenamePrompt, false, maxNameChars, nameValidator(c, m.names(), m.sel.Name))
	case actSetPIN:
		m.mode = managePIN1
		m.field, cmd = newField(c, cat.NewPIN, true, memPINLimit, pinValidator(c, false))
	case actRemovePIN:
		m.mode = manageWorking
		return m, nil, &manageReq{op: "pin", text: ""}
	case actDelete:
		m.mode = manageDelete
		m.field, cmd = newField(c, fmt.Sprintf(cat.DeletePrompt, m.deleteWord(c)), false, maxNameChars+10, nil)
	default:
		m.mode = manageList
	}
	return m, cmd, nil
}

// deleteWord is what must be typed to delete the picked profile: its
// name, or for the default profile, which has none, a word.
func (m manageModel) deleteWord(c *common) string {
	if m.sel.Name != "" {
		return m.sel.Name
	}
	return c.cat.Profiles.DeleteWord
}

// done shows the outcome of a change and goes back to the list.
func (m manageModel) done(note string, isErr bool) manageModel {
	m.mode, m.note, m.noteErr = manageList, note, isErr
	return m
}

func (m manageModel) update(c *common, msg tea.Msg) (manageModel, tea.Cmd, *manageReq) {
	k, isKey := msg.(tea.KeyMsg)
	switch m.mode {
	case manageWorking:
		return m, nil, nil
	case manageList:
		if !isKey {
			return m, nil, nil
		}
		n := len(m.list) + 2
		switch {
		case key.Matches(k, c.keys.Back):
			return m, nil, &manageReq{op: "back"}
		case key.Matches(k, c.keys.Up):
			m.cursor = (m.cursor + n - 1) % n
		case key.Matches(k, c.keys.Down):
			m.cursor = (m.cursor + 1) % n
		case key.Matches(k, c.keys.Confirm):
			switch {
			case m.cursor == len(m.list):
				return m, nil, &manageReq{op: "add"}
			case m.cursor > len(m.list):
				return m, nil, &manageReq{op: "back"}
			}
			m.sel = m.list[m.cursor]
			m.mode, m.acursor, m.note = manageActions, 0, ""
			m.actions = actionsFor(m.sel)
		}
		return m, nil, nil
	case manageActions:
		if !isKey {
			return m, nil, nil
		}
		n := len(m.actions)
		switch {
		case key.Matches(k, c.keys.Back):
			m.mode = manageList
		case key.Matches(k, c.keys.Up):
			m.acursor = (m.acursor + n - 1) % n
		case key.Matches(k, c.keys.Down):
			m.acursor = (m.acursor + 1) % n
		case key.Matches(k, c.keys.Confirm):
			a := m.actions[m.acursor]
			if a == actBack {
				m.mode = manageList
				return m, nil, nil
			}
			return m, nil, &manageReq{op: "act", action: a}
		}
		return m, nil, nil
	}
	// A field is asked.
	if isKey && key.Matches(k, c.keys.Back) {
		m.mode = manageActions
		return m, nil, nil
	}
	var cmd tea.Cmd
	var done bool
	m.field, cmd, done = m.field.update(msg)
	if !done {
		return m, cmd, nil
	}
	text := m.field.text()
	switch m.mode {
	case manageRename:
		m.mode = manageWorking
		return m, nil, &manageReq{op: "rename", text: strings.TrimSpace(text)}
	case managePIN1:
		m.pin, m.mode = text, managePIN2
		m.field, cmd = newField(c, c.cat.Profiles.NewPINAgain, true, memPINLimit, nil)
		return m, cmd, nil
	case managePIN2:
		if text != m.pin {
			m.pin, m.mode = "", managePIN1
			m.field, cmd = newField(c, c.cat.Profiles.NewPIN, true, memPINLimit, pinValidator(c, false))
			m.note, m.noteErr = c.cat.Profiles.PINMismatch, true
			return m, cmd, nil
		}
		m.mode = manageWorking
		pin := m.pin
		m.pin = ""
		return m, nil, &manageReq{op: "pin", text: pin}
	case manageDelete:
		if !strings.EqualFold(strings.TrimSpace(text), m.deleteWord(c)) {
			return m.done(c.cat.Profiles.DeleteMismatch, true), nil, nil
		}
		m.mode = manageWorking
		return m, nil, &manageReq{op: "delete"}
	}
	return m, cmd, nil
}

func (m manageModel) resize(c *common) (manageModel, tea.Cmd) {
	if !m.typing() {
		return m, nil
	}
	var cmd tea.Cmd
	m.field, cmd = m.field.resize(c)
	return m, cmd
}

func (m manageModel) label(c *common, p store.Profile) string {
	l := displayName(c, p)
	if p.Protected {
		l += c.cat.Profiles.ProtectedMark
	}
	if p.ID == m.current {
		l += c.cat.Profiles.CurrentMark
	}
	return l
}

func (m manageModel) view(c *common) string {
	w := contentWidth(c)
	cat := c.cat.Profiles
	var b strings.Builder
	if m.mode == manageList {
		b.WriteString(c.st.Title.Render(cat.ProfilesTitle) + "\n")
		b.WriteString(c.st.Muted.Render(wrap(cat.ProfilesHint, w)) + "\n\n")
		items := make([]string, 0, len(m.list)+2)
		for _, p := range m.list {
			items = append(items, m.label(c, p))
		}
		items = append(items, cat.ProfilesAdd, cat.ProfilesBack)
		room := max(3, c.height-10)
		if c.height == 0 {
			room = len(items)
		}
		first := max(0, min(m.cursor-room+1, len(items)-room))
		for i := first; i < len(items) && i < first+room; i++ {
			b.WriteString(menuLine(c, truncate(items[i], w-3), i == m.cursor) + "\n")
		}
		if m.note != "" {
			st := c.st.Answered
			if m.noteErr {
				st = c.st.Error
			}
			b.WriteString("\n" + st.Render(wrap(m.note, w)) + "\n")
		}
		return b.String()
	}
	b.WriteString(c.st.Title.Render(truncate(m.label(c, m.sel), w)) + "\n\n")
	switch m.mode {
	case manageActions:
		for i, a := range m.actions {
			b.WriteString(menuLine(c, m.actionLabel(c, a), i == m.acursor) + "\n")
		}
	case manageWorking:
		b.WriteString(c.st.Warning.Render(wrap(cat.Working, w)) + "\n")
	case manageDelete:
		b.WriteString(c.st.Warning.Render(wrap(fmt.Sprintf(cat.DeleteWarn, displayName(c, m.sel)), w)) + "\n\n")
		b.WriteString(m.field.view())
	default:
		if m.note != "" {
			b.WriteString(c.st.Error.Render(wrap(m.note, w)) + "\n")
		}
		if m.mode == manageRename {
			b.WriteString(c.st.Muted.Render(wrap(cat.NameSameHint, w)) + "\n\n")
		}
		b.WriteString(m.field.view())
	}
	return b.String()
}

func (m manageModel) helpKeys(c *common) []key.Binding {
	switch m.mode {
	case manageList, manageActions:
		return []key.Binding{c.keys.Up, c.keys.Confirm, c.keys.Back, c.keys.Help, c.keys.QuitMenu}
	case manageWorking:
		return []key.Binding{leaveKey(c)}
	}
	return []key.Binding{c.keys.Confirm, c.keys.Back, leaveKey(c)}
}
