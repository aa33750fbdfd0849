package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// settingsModel changes the retake interval: the unit (months or days)
// in a select, then the number in a field. Months are 30 days each, as
// the default of three months is 90 days.
type settingsModel struct {
	step   int // 0 the unit, 1 the number
	unit   *string
	form   *huh.Form
	field  fieldModel
	note   string // the latest save, said once
	saving bool
}

const (
	unitMonths = "months"
	unitDays   = "days"
	maxMonths  = 60
	maxDays    = 1825
	day        = 24 * time.Hour
)

func newSettings(c *common, note string) (settingsModel, tea.Cmd) {
	m := settingsModel{unit: new(string), note: note}
	*m.unit = unitMonths
	days := int(c.prof.retake / day)
	if days%30 != 0 {
		*m.unit = unitDays
	}
	sel := huh.NewSelect[string]().Title(c.cat.Profiles.SettingsUnit).Value(m.unit).Options(
		huh.NewOption(c.cat.Profiles.UnitMonths, unitMonths),
		huh.NewOption(c.cat.Profiles.UnitDays, unitDays))
	m.form = newForm(c, sel)
	init := m.form.Init()
	m.form, _ = sizeForm(c, m.form)
	return m, init
}

func (m settingsModel) limit() int {
	if *m.unit == unitDays {
		return maxDays
	}
	return maxMonths
}

// typing: the number field takes digits, and q there is a typo.
func (m settingsModel) typing() bool { return m.step == 1 }

// update takes a message; the interval is returned when one is ready to
// be saved.
func (m settingsModel) update(c *common, msg tea.Msg) (settingsModel, tea.Cmd, time.Duration) {
	if m.saving {
		return m, nil, 0
	}
	if m.step == 0 {
		var cmd tea.Cmd
		var done bool
		m.form, cmd, done = updateForm(m.form, msg)
		if !done {
			return m, cmd, 0
		}
		m.step = 1
		unit := c.cat.Profiles.UnitMonths
		if *m.unit == unitDays {
			unit = c.cat.Profiles.UnitDays
		}
		lim := m.limit()
		m.field, cmd = newField(c, fmt.Sprintf(c.cat.Profiles.SettingsNumber, unit, lim), false, 4, func(s string) error {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 1 || n > lim {
				return fmt.Errorf(c.cat.Profiles.SettingsInvalid, lim)
			}
			return nil
		})
		return m, cmd, 0
	}
	var cmd tea.Cmd
	var done bool
	m.field, cmd, done = m.field.update(msg)
	if !done {
		return m, cmd, 0
	}
	n, _ := strconv.Atoi(strings.TrimSpace(m.field.text()))
	d := time.Duration(n) * day
	if *m.unit == unitMonths {
		d *= 30
	}
	m.saving = true
	return m, nil, d
}

func (m settingsModel) resize(c *common) (settingsModel, tea.Cmd) {
	var cmd tea.Cmd
	if m.step == 0 && m.form != nil {
		m.form, cmd = sizeForm(c, m.form)
		return m, cmd
	}
	m.field, cmd = m.field.resize(c)
	return m, cmd
}

func (m settingsModel) view(c *common) string {
	w := contentWidth(c)
	cat := c.cat.Profiles
	var b strings.Builder
	b.WriteString(c.st.Title.Render(cat.SettingsTitle) + "\n\n")
	b.WriteString(c.st.Strong.Render(wrap(fmt.Sprintf(cat.SettingsRetake, interval(c, c.prof.retake)), w)) + "\n")
	b.WriteString(c.st.Muted.Render(wrap(cat.SettingsHint, w)) + "\n\n")
	if m.note != "" {
		b.WriteString(c.st.Answered.Render(wrap(m.note, w)) + "\n\n")
	}
	switch {
	case m.saving:
	case m.step == 0 && m.form != nil:
		b.WriteString(m.form.View())
	default:
		b.WriteString(m.field.view())
	}
	return b.String()
}

func (m settingsModel) helpKeys(c *common) []key.Binding {
	if m.step == 0 {
		return []key.Binding{c.keys.Up, c.keys.Confirm, c.keys.Back, c.keys.QuitMenu}
	}
	return []key.Binding{c.keys.Confirm, c.keys.Back, leaveKey(c)}
}
