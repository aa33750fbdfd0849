package ui

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"digikomp/store"
	"digikomp/survey"
)

func init() {
	// Views are compared as text; colour would make them depend on the
	// terminal the tests run in.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

// harness drives the root model the way Bubble Tea does: it runs every
// command a message returns and feeds the resulting messages back, so that
// store calls really happen, in order.
type harness struct {
	t     *testing.T
	m     Model
	st    *store.Store
	q     *survey.Questionnaire
	clock time.Time
	quit  bool
}

func newHarness(t *testing.T, lang survey.Lang) *harness {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return newHarnessOn(t, st, lang)
}

func newHarnessOn(t *testing.T, st *store.Store, lang survey.Lang) *harness {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	return newHarnessWith(t, st, q, lang)
}

// newHarnessWith runs the model on st with the questionnaire q.
func newHarnessWith(t *testing.T, st *store.Store, q *survey.Questionnaire, lang survey.Lang) *harness {
	t.Helper()
	h := newHarnessFor(t, st, q, lang)
	h.st = st
	return h
}

// newHarnessFor runs the model on any Store, such as the in-memory one
// whose writes can be made to fail; h.st is then nil.
func newHarnessFor(t *testing.T, st Store, q *survey.Questionnaire, lang survey.Lang) *harness {
	t.Helper()
	h := &harness{t: t, q: q, clock: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
	h.m = New(Config{Store: st, Questionnaire: q, Lang: lang, Now: func() time.Time {
		h.clock = h.clock.Add(time.Second)
		return h.clock
	}})
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return h
}

// send delivers one message and everything that follows from it.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	next, cmd := h.m.Update(msg)
	h.m = next.(Model)
	h.run(cmd)
}

// run executes a command and feeds back its messages. Commands returned
// together run concurrently, as in Bubble Tea, and their messages are
// delivered in the order the commands were given, so runs are repeatable.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	wave := []tea.Cmd{cmd}
	for steps := 0; len(wave) > 0; steps++ {
		if steps > 1000 {
			h.t.Fatal("command loop does not settle")
		}
		msgs := runAll(wave)
		wave = nil
		for _, msg := range msgs {
			switch msg := msg.(type) {
			case nil:
			case tea.BatchMsg:
				wave = append(wave, msg...)
			case tea.QuitMsg:
				h.quit = true
			default:
				if cmds, ok := sequenceOf(msg); ok {
					for _, c := range cmds {
						h.run(c)
					}
					continue
				}
				if leadsOut(msg) {
					h.t.Fatalf("the app hands the terminal to something outside it: %T", msg)
				}
				if debugMsgs {
					h.t.Logf("msg %T %v", msg, msg)
				}
				next, cmd := h.m.Update(msg)
				h.m = next.(Model)
				wave = append(wave, cmd)
			}
		}
	}
}

// cmdTimeout separates commands that compute something from timers
// (cursor blinks), which the harness drops: a timer's message would only
// schedule the next one. Store calls return in milliseconds.
const cmdTimeout = 300 * time.Millisecond

// runAll runs cmds concurrently and returns the messages of those that
// finished within cmdTimeout, in the order of cmds.
func runAll(cmds []tea.Cmd) []tea.Msg {
	chans := startAll(cmds)
	deadline := time.After(cmdTimeout)
	expired := false
	msgs := make([]tea.Msg, 0, len(cmds))
	for _, ch := range chans {
		if ch == nil {
			continue
		}
		if expired {
			select {
			case msg := <-ch:
				msgs = append(msgs, msg)
			default:
			}
			continue
		}
		select {
		case msg := <-ch:
			msgs = append(msgs, msg)
		case <-deadline:
			expired = true
			select {
			case msg := <-ch:
				msgs = append(msgs, msg)
			default:
			}
		}
	}
	return msgs
}

// startAll starts each command in its own goroutine, as Bubble Tea does;
// each channel gets its command's message, and is nil for a nil command.
func startAll(cmds []tea.Cmd) []chan tea.Msg {
	chans := make([]chan tea.Msg, len(cmds))
	for i, c := range cmds {
		if c == nil {
			continue
		}
		chans[i] = make(chan tea.Msg, 1)
		go func() { chans[i] <- c() }()
	}
	return chans
}

// keys types a string of keys: single characters, or names in angle
// brackets such as <enter>, <esc>, <left>, <up>, <down>, <tab>, <ctrl+c>.
func (h *harness) keys(s string) {
	h.t.Helper()
	for len(s) > 0 {
		if s[0] == '<' {
			end := strings.IndexByte(s, '>')
			h.send(namedKey(h.t, s[1:end]))
			s = s[end+1:]
			continue
		}
		r := []rune(s)[0]
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		s = s[len(string(r)):]
	}
}

// text types s as a terminal delivers fast typing: one message holding
// all the characters.
func (h *harness) text(s string) {
	h.t.Helper()
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

func namedKey(t *testing.T, name string) tea.KeyMsg {
	t.Helper()
	types := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "left": tea.KeyLeft, "right": tea.KeyRight,
		"up": tea.KeyUp, "down": tea.KeyDown, "tab": tea.KeyTab, "ctrl+c": tea.KeyCtrlC,
		"space": tea.KeySpace, "backspace": tea.KeyBackspace, "shift+tab": tea.KeyShiftTab,
	}
	k, ok := types[name]
	if !ok {
		t.Fatalf("unknown key <%s>", name)
	}
	return tea.KeyMsg{Type: k}
}

// screen is the current view as plain text.
func (h *harness) screen() string {
	return ansi.Strip(h.m.View())
}

func (h *harness) see(want ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			h.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

func (h *harness) notSee(unwanted ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range unwanted {
		if strings.Contains(s, w) {
			h.t.Fatalf("screen shows %q:\n%s", w, s)
		}
	}
}

var debugMsgs = false

// leadsOut reports the messages with which the app would leave itself:
// Bubble Tea running another program in the terminal (tea.ExecProcess,
// whose message type is unexported) or suspending to the shell, and the
// text fields' clipboard paste, which runs xclip, wl-paste or pbpaste. On
// a shared laptop nothing may lead there.
func leadsOut(msg tea.Msg) bool {
	if _, ok := msg.(tea.SuspendMsg); ok {
		return true
	}
	if fm, ok := msg.(formMsg); ok {
		return leadsOut(fm.msg)
	}
	t := reflect.TypeOf(msg)
	if t == nil {
		return false
	}
	switch t.PkgPath() + "." + t.Name() {
	case "github.com/charmbracelet/bubbletea.execMsg",
		"github.com/charmbracelet/bubbles/textarea.pasteMsg", "github.com/charmbracelet/bubbles/textarea.pasteErrMsg",
		"github.com/charmbracelet/bubbles/textinput.pasteMsg", "github.com/charmbracelet/bubbles/textinput.pasteErrMsg":
		return true
	}
	return false
}
