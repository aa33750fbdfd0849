package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"digikomp/store"
	"digikomp/survey"
)

// FuzzWorkshop runs workshop mode with several participants in turn on
// the in-memory store, from random keys, and checks after every event:
//
//   - no screen shows a marker typed as a discussion answer by an
//     anonymous participant whose turn has ended ("Klar", q, or the idle
//     timer), except the facilitator's group screens;
//   - every end of a turn writes the sequence that erases the screen and
//     the scrollback;
//   - the program never ends in workshop mode unless the facilitator PIN
//     was judged right in that event;
//   - nothing leads out of the program (no exec, no suspend);
//   - workshop mode's own screens fit the window.
//
// It is FuzzModel's counterpart for workshop mode (fuzz_test.go), with
// its own small alphabet: the keys of a turn, the facilitator's and a
// profile's PIN, marker answers and the idle timer.
func FuzzWorkshop(f *testing.F) {
	for _, s := range wsFuzzSeeds {
		f.Add(wsEncode(s))
	}
	q, err := survey.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		synctest.Test(t, func(t *testing.T) {
			runWorkshopFuzz(q, data, t.Fatalf)
		})
	})
}

// wsOps is the alphabet: one byte, one event.
var wsOps = []string{"enter", "esc", "up", "down", "q", "ctrl+c", "5", "s", "backspace",
	"PIN", "WRONG", "MARK", "IDLE", "burst", "BO", "tab", "7", "small", "big", "?"}

// wsFuzzSeeds are scripts of wsOps: whole turns ended by Klar and by the
// idle timer, a turn left with q, Ctrl+C with a wrong PIN, a profile's
// turn, the group view and leaving.
var wsFuzzSeeds = []string{
	"enter enter enter down enter esc " + strings.Repeat("5 ", 24) + "MARK enter esc enter enter " +
		"enter enter enter down enter esc " + strings.Repeat("7 ", 24) + "MARK enter esc enter IDLE " +
		"enter ctrl+c WRONG enter esc q down enter BO enter enter s 5 5 q down down enter PIN enter esc q PIN enter",
	"enter enter enter down down down enter esc burst burst burst burst MARK enter esc enter down enter enter IDLE up " +
		"ctrl+c PIN enter",
	"small enter big enter s " + strings.Repeat("5 ", 24) + "MARK enter MARK enter esc enter ? esc q enter",
}

func wsEncode(script string) []byte {
	var out []byte
	for _, f := range strings.Fields(script) {
		i := -1
		for j, op := range wsOps {
			if op == f {
				i = j
			}
		}
		if i < 0 {
			panic("unknown op " + f)
		}
		out = append(out, byte(i))
	}
	return out
}

type wsFuzz struct {
	q       *survey.Questionnaire
	st      *memStore
	out     *bytes.Buffer
	m       Model
	fail    func(string, ...any)
	clock   time.Time
	inbox   []tea.Msg
	quit    bool
	turn    int
	markers map[string]int // marker → the turn it was typed in
	last    string
	events  int
}

func runWorkshopFuzz(q *survey.Questionnaire, data []byte, fail func(string, ...any)) {
	var d *wsFuzz
	runWorkshopFuzzInto(q, data, fail, &d)
}

func runWorkshopFuzzInto(q *survey.Questionnaire, data []byte, fail func(string, ...any), into **wsFuzz) {
	st := newMemStore()
	at := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	if _, err := st.AddProfile("Bo", "2468", at); err != nil {
		panic(err)
	}
	if _, err := st.AddWorkshop(store.Workshop{Name: "Träffen", Round: "baslinje", Date: at}, wsPIN, at); err != nil {
		panic(err)
	}
	st.takeCalls()
	d := &wsFuzz{q: q, st: st, out: &bytes.Buffer{}, fail: fail, clock: at, markers: map[string]int{}}
	*into = d
	// However the sequence ends, let every timer fire so the bubble's
	// goroutines all finish.
	defer func() {
		time.Sleep(time.Hour)
		synctest.Wait()
	}()
	if len(data) > maxFuzzBytes {
		data = data[:maxFuzzBytes]
	}
	d.m = New(Config{Store: st, Questionnaire: q, Lang: survey.Swedish, DBPath: memPath, Now: func() time.Time {
		d.clock = d.clock.Add(time.Second)
		return d.clock
	}, Workshop: WorkshopConfig{On: true, Out: d.out}})
	d.exec(d.m.Init())
	d.deliver(tea.WindowSizeMsg{Width: 80, Height: 24})
	// The facilitator picks the workshop with its PIN.
	d.deliver(tea.KeyMsg{Type: tea.KeyEnter})
	d.deliver(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(wsPIN)})
	d.deliver(tea.KeyMsg{Type: tea.KeyEnter})
	if d.m.screen != screenWorkshopWelcome {
		d.failf("the workshop did not open with its PIN")
	}
	for _, b := range data {
		if d.quit {
			return
		}
		d.event(wsOps[int(b)%len(wsOps)])
	}
}

func (d *wsFuzz) failf(format string, args ...any) {
	d.fail("after event %d (%s), on the %s screen: %s\n%s", d.events, d.last, d.m.screen,
		fmt.Sprintf(format, args...), ansi.Strip(d.m.View()))
}

func (d *wsFuzz) event(op string) {
	d.events++
	d.last = op
	accepted := d.st.ws.accepted
	wasWelcome := d.m.screen == screenWorkshopWelcome
	scrubs := bytes.Count(d.out.Bytes(), []byte(scrubSeq))
	switch op {
	case "PIN":
		d.deliver(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(wsPIN)})
	case "WRONG":
		d.deliver(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("0000")})
	case "BO":
		d.deliver(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2468")})
	case "burst":
		d.deliver(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1234567")})
	case "MARK":
		marker := fmt.Sprintf("MRK%dX%d", d.turn, d.events)
		if d.m.screen == screenDiscussion && d.m.p.anon && d.m.ws.guard == nil {
			d.markers[marker] = d.turn
		}
		d.deliver(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(marker)})
	case "IDLE":
		d.deliver(wsClearMsg{d.m.ws.clearGen})
	case "small":
		d.deliver(tea.WindowSizeMsg{Width: 50, Height: 16})
	case "big":
		d.deliver(tea.WindowSizeMsg{Width: 80, Height: 24})
	default:
		d.deliver(wsKey(op))
	}
	if d.quit {
		if d.st.ws.accepted == accepted {
			d.failf("workshop mode ended without the facilitator PIN")
		}
		return
	}
	if d.m.screen == screenWorkshopWelcome && d.m.ws.guard == nil && !wasWelcome {
		// A turn has ended: the next participant starts here.
		d.turn++
		if bytes.Count(d.out.Bytes(), []byte(scrubSeq)) == scrubs {
			d.failf("the turn ended without erasing the screen and scrollback")
		}
	}
	if d.m.screen == screenGroup || d.m.screen == screenRounds {
		return // the facilitator's, after the PIN
	}
	view := ansi.Strip(d.m.View())
	if d.m.workshopView() != nil && !d.m.tooSmall() && lipgloss.Height(view) > d.m.c.height {
		d.failf("the view takes %d lines in a window of %d", lipgloss.Height(view), d.m.c.height)
	}
	for marker, turn := range d.markers {
		if turn < d.turn && strings.Contains(view, marker) {
			d.failf("turn %d sees %s, typed in turn %d", d.turn, marker, turn)
		}
	}
}

func wsKey(name string) tea.KeyMsg {
	switch name {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

func (d *wsFuzz) deliver(msg tea.Msg) {
	d.inbox = append(d.inbox, msg)
	for len(d.inbox) > 0 && !d.quit {
		msg := d.inbox[0]
		d.inbox = d.inbox[1:]
		if _, ok := msg.(quitMsg); ok {
			d.quit = true
			break
		}
		next, cmd := d.m.Update(msg)
		d.m = next.(Model)
		d.exec(cmd)
	}
	d.inbox = nil
}

func (d *wsFuzz) exec(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	for _, msg := range runConcurrently([]tea.Cmd{cmd}) {
		d.handle(msg)
	}
}

func (d *wsFuzz) handle(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, m := range runConcurrently(msg) {
			d.handle(m)
		}
	case tea.QuitMsg:
		d.inbox = append(d.inbox, quitMsg{})
	default:
		if cmds, ok := sequenceOf(msg); ok {
			for _, c := range cmds {
				d.exec(c)
			}
			return
		}
		if leadsOut(msg) {
			d.failf("the app hands the terminal to something outside it: %T", msg)
		}
		d.inbox = append(d.inbox, msg)
	}
}

// TestWorkshopFuzzSeeds runs the seeds and checks that they end turns in
// every way, so that the target does not pass for want of getting there.
func TestWorkshopFuzzSeeds(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	turns, markers := 0, 0
	for _, s := range wsFuzzSeeds {
		synctest.Test(t, func(t *testing.T) {
			var d *wsFuzz
			runWorkshopFuzzInto(q, wsEncode(s), t.Fatalf, &d)
			turns += d.turn
			markers += len(d.markers)
		})
	}
	t.Logf("%d turns ended, %d markers typed", turns, markers)
	if turns < 4 || markers < 2 {
		t.Errorf("the seeds end %d turns with %d markers typed; they no longer reach what they test", turns, markers)
	}
}
