package ui

import (
	"reflect"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// formKeyMap is huh's key map without the bindings that clash with ours:
// filtering is off (esc means "skip the rest" here), and ctrl+c stays with
// the root, which pauses rather than aborting a single form.
//
// Nothing on a shared laptop may lead out of the app: huh's text field
// opens $EDITOR on ctrl+e by default (with vim, a shell). The field's own
// ExternalEditor(false) only disables the binding when the field's help is
// drawn, which ours never is, so the binding is switched off here as well.
func formKeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Select.Filter.SetEnabled(false)
	km.Quit.SetEnabled(false)
	km.Text.Editor.SetEnabled(false)
	return km
}

// formTheme is huh's base theme: it marks the chosen option with a cursor
// character as well as colour, so it works with NO_COLOR.
func formTheme() *huh.Theme {
	return huh.ThemeBase()
}

// newForm wraps one field in a form the way every embedded form here is
// built: one field per form, so each answer is its own transaction, and
// without huh's English help line, since the footer shows ours.
func newForm(c *common, field huh.Field) *huh.Form {
	f := huh.NewForm(huh.NewGroup(field)).
		WithShowHelp(false).
		WithKeyMap(formKeyMap()).
		WithTheme(formTheme())
	return f
}

// formChrome is the number of rows around an embedded form: the title
// line, a hint of up to two lines, blank lines and the footer.
const formChrome = 7

// sizeForm hands a form the room it has on screen. huh sizes itself from
// WindowSizeMsg only, so the message is passed on with our header and
// footer taken off.
func sizeForm(c *common, f *huh.Form) (*huh.Form, tea.Cmd) {
	if c.width == 0 {
		return f, nil
	}
	m, cmd := f.Update(tea.WindowSizeMsg{Width: contentWidth(c), Height: max(3, c.height-formChrome)})
	return m.(*huh.Form), cmd
}

// formMsg carries a message from an embedded form's own commands, tagged
// with the form it belongs to. huh advances on internal messages
// (next field, next group) that have no address: one arriving after its
// form was replaced would complete the next form unanswered. The root
// delivers a formMsg only to the form that sent it.
type formMsg struct {
	gen int
	msg tea.Msg
}

// tagCmd wraps cmd so that the huh and bubbles messages it produces come
// back as formMsg for form gen. Other messages (window size requests,
// quitting) pass through untouched, since Bubble Tea itself acts on them.
func tagCmd(gen int, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				out[i] = tagCmd(gen, c)
			}
			return out
		}
		if cmds, ok := sequenceOf(msg); ok {
			for i, c := range cmds {
				cmds[i] = tagCmd(gen, c)
			}
			return tea.Sequence(cmds...)()
		}
		if msg != nil && fromForm(msg) {
			return formMsg{gen: gen, msg: msg}
		}
		return msg
	}
}

func fromForm(msg tea.Msg) bool {
	t := reflect.TypeOf(msg)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	p := t.PkgPath()
	return strings.HasPrefix(p, "github.com/charmbracelet/huh") || strings.HasPrefix(p, "github.com/charmbracelet/bubbles")
}

// sequenceOf unpacks the message of tea.Sequence, whose type is
// unexported: a slice of commands.
func sequenceOf(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	if _, batch := msg.(tea.BatchMsg); batch {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// updateForm passes msg to an embedded form and reports whether the form
// has just been completed. A completed form's pending commands are dropped:
// they could only advance a form that is no longer there.
func updateForm(f *huh.Form, msg tea.Msg) (*huh.Form, tea.Cmd, bool) {
	m, cmd := f.Update(msg)
	f = m.(*huh.Form)
	if f.State == huh.StateCompleted {
		return f, nil, true
	}
	return f, cmd, false
}

// formScreen lays out a screen that asks one question in a form: a title
// line with a counter, a muted hint, and the form.
func formScreen(c *common, title, counter, hint, form string) string {
	w := contentWidth(c)
	return titleLine(c, title, counter, w) + "\n" +
		c.st.Muted.Render(wrap(hint, w)) + "\n\n" + form
}
