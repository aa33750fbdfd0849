package ui

import (
	"flag"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"digikomp/store"
	"digikomp/survey"
)

// FuzzModel drives the root model with a random sequence of key presses,
// bursts of typed keys, window sizes and failing store calls decoded from
// the input, on an in-memory store. After every event it checks:
//
//   - nothing is stuck: no save is left in flight, no typed key left
//     unread, and Ctrl+C (everywhere) and q (outside text fields) quit at
//     once, with Paused telling whether an unfinished attempt is kept;
//   - every rating written to the store comes from the key that answered
//     it, on the statement screen of that statement: 1–7 stores that
//     digit, s a skip, Enter the point highlighted on the scale; a finish
//     comes from Enter on the review screen's first line, a discard from
//     j/y after the welcome menu asked;
//   - what is on screen agrees with the store: the model's copy of the
//     attempt, the statement's "your answer" line, the review's list of
//     open statements, the result's ratings, the welcome menu's count,
//     and a "could not save" line exactly while the latest write failed;
//   - at 80×24 or larger every screen fits the window.
//
// A quit restarts the app on the same store, as a person would. At the end
// the documented way out must work from wherever the sequence ended: at
// 80×24, Esc at most four times reaches the welcome menu (help, a
// background or discussion question, a statement, the review or the result
// each take one), and q there quits.
//
// Commands run as Bubble Tea runs them: batches concurrently, sequences in
// order, the runtime's window-size request answered with the current size.
// Everything runs in a synctest bubble, so a command still blocked once
// all others are done is waiting on a timer (a cursor blink) and is
// dropped, without waiting for it in real time.
func FuzzModel(f *testing.F) {
	for _, s := range slices.Concat(fuzzSeeds, fuzzPlanSeeds) {
		f.Add(encodeScript(s))
	}
	// An exec draws the interface after every event, milliseconds with
	// coverage instrumentation, and new coverage turns up every few
	// seconds. At the default of 60 s for minimizing each new input, a
	// one-minute run would minimize one input and fuzz nothing; unless
	// -fuzzminimizetime is given, minimize for 2 s.
	if !flagGiven("test.fuzzminimizetime") {
		if err := flag.Set("test.fuzzminimizetime", "2s"); err != nil {
			f.Log(err)
		}
	}
	q, err := survey.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		synctest.Test(t, func(t *testing.T) {
			runFuzz(q, data, newMemStore(), t.Fatalf)
		})
	})
}

// flagGiven reports whether the flag was set on the command line.
func flagGiven(name string) bool {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// fuzzSeeds reach every screen: statements answered by digit, Enter and
// skip, the review with open statements, the result, resuming after q,
// starting over, help, tiny windows, failed saves and bursts of keys.
var fuzzSeeds = []string{
	// Swedish, the whole test: background, 24 statements, discussion,
	// review, a jump back to an open statement, result, back to the menu.
	"<sv><enter><enter>vax<down><enter><down><enter><esc>" +
		"1s345<up><up><enter>7123456712345671234567" +
		"<alt+enter>text<enter><esc>a5<enter><pgdown><down><esc>",
	// English: skip the background, answer a few, browse, quit, resume,
	// start over (asked first), help, finish with open statements, then
	// the latest result from the menu.
	"<en><enter>s12<left><left><right>3q<enter>45<esc><down><enter>n<enter>j" +
		"s7<burst 6543>?<esc><right><right><esc><enter><tab><enter>s" +
		strings.Repeat("4", 20) + "<esc><down><enter>2<enter><esc><down><enter><up><esc>",
	// Tiny and odd windows on the way, a failed save, help everywhere.
	"<en><size 1 1><enter>q<size 20 5><ctrl+c><size 200 60>?<esc><enter>?<esc>s" +
		"<fail>5<size 49 15>6<size 50 16>6<enter><tab><tab><shift+tab><enter>" +
		"<pgup><pgdown><home><end><backspace><space>x0<ctrl+c><enter>" +
		strings.Repeat("7", 24) + "q<enter>",
	// The last statement skipped, the first left by moving on, so that the
	// review must list both ends; then answered from the review, quit and
	// resumed.
	"<sv><enter>s<right>" + strings.Repeat("5", 22) + "s<esc>b3<esc>q<enter>",
	// Saves that fail on a background and a discussion question: the
	// question and the answer stay, and go in once the disk works.
	"<en><enter><enter><enter><fail><down><enter><enter><esc>" + strings.Repeat("6", 24) +
		"<fail>svar<enter><burst more><enter><esc><enter>",
	// The questions page, bursts (q and ? are letters in the municipality
	// filter), a failing load, resuming from the menu.
	"<sv><down><enter><pgdown><esc><enter><enter><burst qö?>" +
		"<backspace><backspace><backspace>vaxjo<backspace><enter><enter><esc>" +
		"<burst 1234567><burst s7777>?<readfail>q<esc><enter>3<esc><down><enter>j<enter>",
	// Two finished tests: the second result with its changes, its wheel;
	// the history, an older result from it and its wheel with help over
	// it, so that leaving takes four Esc.
	"<sv><enter>s" + strings.Repeat("3", 24) + "<esc><enter><esc><enter>s5555111111" + strings.Repeat("3", 14) +
		"<esc><enter>w<esc><esc><down><down><enter><down><enter>w?",
	// English: progress with one test, then with two, scrolled; the wheel
	// from the menu; the history scrolled with the keys it knows, a
	// failing read on the way in.
	"<en><enter>s" + strings.Repeat("6", 24) + "<esc><enter><esc><down><down><down><enter><esc>" +
		"<up><up><up><up><enter>s" + strings.Repeat("2", 24) + "<esc><enter><esc><down><down><down><enter><pgdown><esc>" +
		"<down><down><down><down><enter><size 200 60><esc><down><down><enter><end><home><down><up><enter><esc><esc>" +
		"<down><down><readfail><enter>",
	// Several people: Bo's PIN wrong, then right; his answers; switching
	// to Anna; renaming Bo on the people screen after his PIN; the
	// retake interval in days.
	"<sv><people><down><down><enter>9999<enter>1234<enter><enter>s5<esc><up><up><up><up><up><up><enter><esc>" +
		"<up><up><up><up><enter><down><enter><up><up><up><enter><down><down><enter><enter>1234<enter>" +
		"bosse<enter><esc><up><up><enter><down><enter>30<enter><esc>q",
	// An anonymous attempt, back at "Vem är du?", a new person with a
	// PIN typed twice (differently first).
	"<en><people><up><up><enter>s" + strings.Repeat("5", 24) + "<esc><enter><esc>" +
		"<up><up><up><enter>cia<enter>abcd<enter>abce<enter>abcd<enter>abcd<enter>q",
	// Anna deletes herself; Bo's PIN wrong four times, a try during the
	// wait, then back to the chooser.
	"<sv><people><down><enter><enter>s5<esc><up><up><up><enter><down><enter><down><down><enter>anna<enter>" +
		"<down><enter>0000<enter>0000<enter>0000<enter>0000<enter>1234<enter><esc>q",
}

// runFuzz decodes data into events and runs them, reporting broken
// invariants through fail.
func runFuzz(q *survey.Questionnaire, data []byte, st *memStore, fail func(string, ...any)) *fuzzApp {
	lang := survey.Swedish
	withPeople := false
	if len(data) > 0 {
		lang = survey.Langs[int(data[0])%len(survey.Langs)]
		withPeople = int(data[0])/len(survey.Langs)%2 == 1
		data = data[1:]
	}
	if len(data) > maxFuzzBytes {
		data = data[:maxFuzzBytes]
	}
	d := newFuzzApp(q, lang, st, fail)
	if withPeople {
		d.people = seedPeople(q, st)
	}
	// However the sequence ends, let every timer fire so the bubble's
	// goroutines all finish.
	defer func() {
		time.Sleep(time.Hour)
		synctest.Wait()
	}()
	d.start()
	for len(data) > 0 {
		var ev fuzzEvent
		ev, data = decodeEvent(data)
		d.event(ev)
	}
	d.leave()
	return d
}

// maxFuzzBytes bounds the events of one input, so one exec stays short:
// the fuzzing engine kills a worker whose exec takes 10 s, and typing a
// long discussion answer costs more per key the longer it gets (2000
// keys there took 9 s with coverage instrumentation).
const maxFuzzBytes = 400

// fuzzEvent is one thing that happens to the program.
type fuzzEvent struct {
	key        *tea.KeyMsg
	size       *tea.WindowSizeMsg
	failWrites uint // bit i: the i-th write from now fails
	failRead   bool
}

// fuzzKeys are the single keys an input byte picks from: all runes the
// screens react to, some they don't, and every special key of the help.
var fuzzKeys = func() []tea.KeyMsg {
	var ks []tea.KeyMsg
	for _, r := range "0123456789abcdefghijklmnopqrstuvwxyz?ö JYN" {
		if r == ' ' {
			ks = append(ks, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		ks = append(ks, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	for _, t := range []tea.KeyType{tea.KeyEnter, tea.KeyEsc, tea.KeyTab, tea.KeyShiftTab,
		tea.KeyUp, tea.KeyDown, tea.KeyLeft, tea.KeyRight, tea.KeyPgUp, tea.KeyPgDown,
		tea.KeyHome, tea.KeyEnd, tea.KeyBackspace, tea.KeyCtrlC, tea.KeyCtrlJ, tea.KeyDelete} {
		ks = append(ks, tea.KeyMsg{Type: t})
	}
	ks = append(ks, tea.KeyMsg{Type: tea.KeyEnter, Alt: true})
	ks = append(ks, fuzzPlanKeys...)
	return ks
}()

// The bytes from fuzzSize up are not keys.
const (
	fuzzSize      = 0xF0 // 0xF0–0xF3 fixed sizes, 0xF4–0xF7 two more bytes
	fuzzBurst     = 0xF8 // 0xF8–0xFB: a count byte, then that many rune bytes
	fuzzFailWrite = 0xFC
	fuzzFailRead  = 0xFD
	// fuzzFailSecondWrite lets one write pass and fails the next, such
	// as a start after a successful discard.
	fuzzFailSecondWrite = 0xFE
)

var fuzzSizes = []tea.WindowSizeMsg{{Width: 1, Height: 1}, {Width: 20, Height: 5}, {Width: 80, Height: 24}, {Width: 200, Height: 60}}

// fuzzRunes are the keys a burst is made of: the rune keys only, as a
// terminal delivers fast typing.
var fuzzRunes = func() []rune {
	var rs []rune
	for _, k := range fuzzKeys {
		if k.Type == tea.KeyRunes {
			rs = append(rs, k.Runes[0])
		}
	}
	return rs
}()

func decodeEvent(data []byte) (fuzzEvent, []byte) {
	b, rest := data[0], data[1:]
	next := func() byte {
		if len(rest) == 0 {
			return 0
		}
		c := rest[0]
		rest = rest[1:]
		return c
	}
	switch {
	case b >= fuzzSize && b < fuzzSize+4:
		s := fuzzSizes[b-fuzzSize]
		return fuzzEvent{size: &s}, rest
	case b >= fuzzSize+4 && b < fuzzBurst:
		w, h := next(), next()
		s := tea.WindowSizeMsg{Width: 1 + int(w)%220, Height: 1 + int(h)%70}
		return fuzzEvent{size: &s}, rest
	case b >= fuzzBurst && b < fuzzFailWrite:
		n := 2 + int(next())%6
		rs := make([]rune, 0, n)
		for range n {
			rs = append(rs, fuzzRunes[int(next())%len(fuzzRunes)])
		}
		return fuzzEvent{key: &tea.KeyMsg{Type: tea.KeyRunes, Runes: rs}}, rest
	case b == fuzzFailWrite:
		return fuzzEvent{failWrites: 1}, rest
	case b == fuzzFailSecondWrite:
		return fuzzEvent{failWrites: 2}, rest
	case b == fuzzFailRead:
		return fuzzEvent{failRead: true}, rest
	}
	k := fuzzKeys[int(b)%len(fuzzKeys)]
	return fuzzEvent{key: &k}, rest
}

// encodeScript turns a readable script into fuzz input: characters are
// keys, and <enter>, <esc>, <size W H>, <burst RUNES>, <fail> (the next
// write fails), <fail2> (the one after it), <readfail>,
// <sv> and <en> (the language, first only) name the rest.
func encodeScript(s string) []byte {
	out := []byte{0}
	keyIndex := func(k tea.KeyMsg) byte {
		for i, fk := range fuzzKeys {
			if fk.Type == k.Type && fk.Alt == k.Alt && string(fk.Runes) == string(k.Runes) {
				return byte(i)
			}
		}
		panic(fmt.Sprintf("no fuzz key %v", k))
	}
	runeIndex := func(r rune) byte {
		i := slices.Index(fuzzRunes, r)
		if i < 0 {
			panic(fmt.Sprintf("no fuzz rune %q", r))
		}
		return byte(i)
	}
	named := map[string]tea.KeyMsg{
		"enter": {Type: tea.KeyEnter}, "alt+enter": {Type: tea.KeyEnter, Alt: true},
		"esc": {Type: tea.KeyEsc}, "tab": {Type: tea.KeyTab}, "shift+tab": {Type: tea.KeyShiftTab},
		"up": {Type: tea.KeyUp}, "down": {Type: tea.KeyDown}, "left": {Type: tea.KeyLeft},
		"right": {Type: tea.KeyRight}, "pgup": {Type: tea.KeyPgUp}, "pgdown": {Type: tea.KeyPgDown},
		"home": {Type: tea.KeyHome}, "end": {Type: tea.KeyEnd}, "backspace": {Type: tea.KeyBackspace},
		"ctrl+c": {Type: tea.KeyCtrlC}, "ctrl+j": {Type: tea.KeyCtrlJ}, "delete": {Type: tea.KeyDelete},
		"space":    {Type: tea.KeySpace, Runes: []rune{' '}},
		"shift+up": {Type: tea.KeyShiftUp}, "shift+down": {Type: tea.KeyShiftDown},
	}
	for len(s) > 0 {
		if s[0] != '<' {
			r := []rune(s)[0]
			s = s[len(string(r)):]
			if r == ' ' {
				out = append(out, keyIndex(named["space"]))
			} else {
				out = append(out, keyIndex(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
			}
			continue
		}
		end := strings.IndexByte(s, '>')
		f := strings.Fields(s[1:end])
		s = s[end+1:]
		switch f[0] {
		case "sv", "en":
			out[0] = out[0]/byte(len(survey.Langs))*byte(len(survey.Langs)) + byte(slices.Index(survey.Langs, survey.Lang(f[0])))
		case "people":
			out[0] = out[0]%byte(len(survey.Langs)) + byte(len(survey.Langs))
		case "size":
			w, _ := strconv.Atoi(f[1])
			h, _ := strconv.Atoi(f[2])
			if i := slices.Index(fuzzSizes, tea.WindowSizeMsg{Width: w, Height: h}); i >= 0 {
				out = append(out, fuzzSize+byte(i))
			} else {
				out = append(out, fuzzSize+4, byte(w-1), byte(h-1))
			}
		case "burst":
			rs := []rune(f[1])
			out = append(out, fuzzBurst, byte(len(rs)-2))
			for _, r := range rs {
				out = append(out, runeIndex(r))
			}
		case "fail":
			out = append(out, fuzzFailWrite)
		case "fail2":
			out = append(out, fuzzFailSecondWrite)
		case "readfail":
			out = append(out, fuzzFailRead)
		default:
			k, ok := named[f[0]]
			if !ok {
				panic("unknown key <" + f[0] + ">")
			}
			out = append(out, keyIndex(k))
		}
	}
	return out
}

// fuzzApp runs the model the way a tea.Program would and checks it.
type fuzzApp struct {
	q     *survey.Questionnaire
	lang  survey.Lang
	st    *memStore
	fail  func(string, ...any)
	m     Model
	size  tea.WindowSizeMsg
	clock time.Time

	inbox   []tea.Msg    // messages waiting for Update, in arrival order
	pending []tea.KeyMsg // keys handed to the model and not yet acted on
	quit    bool         // tea.Quit arrived; the program has ended
	// lastWriteErr is the result of the program's latest store write.
	lastWriteErr error
	// The target's own account of the answers, kept from the writes that
	// succeeded, so that the review's list and the menu's count are
	// checked against expectations of its own rather than the helpers the
	// app computes them with: the ratings of each attempt (store.Skipped
	// for a skip) and the one left unfinished, if any.
	given map[store.AttemptID]map[string]int
	opens map[string]store.AttemptID // per profile, its unfinished attempt
	// people is set when the store holds several people (fuzz_people_test.go).
	people *fuzzPeople
	events int    // events so far, for messages
	last   string // the last event, for messages

	// What the run reached, for the seed test.
	seen    map[screen]bool
	ratings int // ratings saved
	starts  int // programs started, the first and one after each quit
}

// quitMsg stands for tea.QuitMsg in the inbox, so that it is acted on in
// order, after the messages that arrived before it.
type quitMsg struct{}

func newFuzzApp(q *survey.Questionnaire, lang survey.Lang, st *memStore, fail func(string, ...any)) *fuzzApp {
	return &fuzzApp{q: q, lang: lang, st: st, fail: fail,
		size:  tea.WindowSizeMsg{Width: 80, Height: 24},
		clock: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC),
		seen:  map[screen]bool{},
		opens: map[string]store.AttemptID{},
		given: map[store.AttemptID]map[string]int{}}
}

func (d *fuzzApp) failf(format string, args ...any) {
	d.fail("after event %d (%s), on the %s screen: %s\n%s", d.events, d.last, d.m.screen,
		fmt.Sprintf(format, args...), ansi.Strip(d.m.View()))
}

// start begins a program on the store: Init, then the window size.
func (d *fuzzApp) start() {
	d.starts++
	d.m = New(Config{Store: d.st, Questionnaire: d.q, Lang: d.lang, DBPath: memPath, Now: func() time.Time {
		d.clock = d.clock.Add(time.Second)
		return d.clock
	}})
	d.quit, d.pending, d.lastWriteErr = false, nil, nil
	if d.people != nil {
		d.people.restart(d.st)
	}
	d.exec(d.m.Init(), nil)
	d.settle()
	d.deliver(d.size)
	d.check()
}

// event delivers one event and checks the model once it has settled.
func (d *fuzzApp) event(ev fuzzEvent) {
	d.events++
	switch {
	case ev.failWrites != 0:
		d.last = fmt.Sprintf("failing writes %b", ev.failWrites)
		d.st.mu.Lock()
		d.st.failWrites |= ev.failWrites
		d.st.mu.Unlock()
		return
	case ev.failRead:
		d.last = "failing read"
		d.st.mu.Lock()
		d.st.failRead = true
		d.st.mu.Unlock()
		return
	case ev.size != nil:
		d.last = fmt.Sprintf("size %d×%d", ev.size.Width, ev.size.Height)
		d.size = *ev.size
		d.deliver(*ev.size)
	case ev.key != nil:
		d.last = fmt.Sprintf("key %q", ev.key.String())
		before := d.m
		d.deliver(*ev.key)
		d.checkQuitKey(before, *ev.key)
	}
	if d.quit {
		d.checkPaused()
		d.start()
		return
	}
	d.check()
}

// checkQuitKey: Ctrl+C quits everywhere, q wherever it is not a letter
// in a text field; the model was idle, so nothing delays them.
func (d *fuzzApp) checkQuitKey(before Model, k tea.KeyMsg) {
	if before.ws.on {
		return // workshop mode's ways out are FuzzWorkshop's (fuzz_workshop_test.go)
	}
	switch k.String() {
	case "ctrl+c":
		if !d.quit {
			d.failf("ctrl+c did not quit")
		}
	case "q":
		if !before.typing() && !d.quit {
			d.failf("q did not quit (the %s screen takes no text)", before.screen)
		}
	}
}

// checkPaused: after quitting, main says "paused, your answers are kept"
// exactly when the store holds an unfinished attempt. A fatal screen
// (the store could not be read) knows nothing and is left out.
func (d *fuzzApp) checkPaused() {
	if d.m.screen == screenFatal {
		return
	}
	if d.m.cfg.Profile == "" || d.m.p.anon {
		// Nobody chosen yet, or an anonymous attempt, never offered
		// again: nothing is paused.
		if d.m.Paused {
			d.failf("quit with Paused=true, but no attempt can be continued")
		}
		return
	}
	_, open, _, _ := d.st.peek(d.m.cfg.Profile)
	if d.m.Paused != open {
		d.failf("quit with Paused=%v, but the store has an unfinished attempt: %v", d.m.Paused, open)
	}
}

// deliver hands the model a message and everything that follows from it.
func (d *fuzzApp) deliver(msg tea.Msg) {
	d.inbox = append(d.inbox, msg)
	d.settle()
}

// settle runs Update on the waiting messages, in order, until none is
// left or the program has quit.
func (d *fuzzApp) settle() {
	for len(d.inbox) > 0 && !d.quit {
		msg := d.inbox[0]
		d.inbox = d.inbox[1:]
		if _, ok := msg.(quitMsg); ok {
			d.quit = true
			break
		}
		d.update(msg)
	}
	d.inbox = nil
}

// update runs one Update, keeps track of the keys it acted on, and runs
// its command at once, so that the store calls it makes can be checked
// against the model as that Update left it.
func (d *fuzzApp) update(msg tea.Msg) {
	if k, ok := msg.(tea.KeyMsg); ok {
		if ks := splitRunes(k); ks != nil {
			d.pending = append(d.pending, ks...)
		} else {
			d.pending = append(d.pending, k)
		}
	}
	next, cmd := d.m.Update(msg)
	d.m = next.(Model)
	// The model queues the keys it has not acted on yet, in order; the
	// ones it acted on came first.
	var trigger *tea.KeyMsg
	if _, isErr := msg.(errMsg); isErr {
		d.pending = nil // keys typed after a failed save are dropped
	} else if used := len(d.pending) - len(d.m.queue); used > 0 {
		trigger = &d.pending[used-1]
		d.pending = d.pending[used:]
	}
	if len(d.pending) != len(d.m.queue) {
		d.failf("model queues %d keys, %d typed and not acted on", len(d.m.queue), len(d.pending))
	}
	d.exec(cmd, trigger)
}

// exec runs a command as tea.Program does and checks the store writes it
// made. trigger is the last key the Update that returned it acted on.
func (d *fuzzApp) exec(cmd tea.Cmd, trigger *tea.KeyMsg) {
	d.run(cmd)
	for _, c := range d.st.takeCalls() {
		d.checkWrite(c, trigger)
		d.track(c)
		if !refusal(c.err) {
			d.lastWriteErr = c.err
		}
	}
}

// track keeps the target's own account of the answers from a write that
// succeeded; a failed write changes nothing.
func (d *fuzzApp) track(c storeCall) {
	if c.err != nil {
		return
	}
	switch c.op {
	case "start":
		a, _ := d.st.get(c.id)
		d.given[c.id], d.opens[a.ProfileID] = map[string]int{}, c.id
	case "rating":
		if d.given[c.id] == nil {
			d.given[c.id] = map[string]int{}
		}
		d.given[c.id][c.statement] = c.value
	case "finish", "discard":
		if c.op == "discard" {
			delete(d.given, c.id)
		}
		for p, id := range d.opens {
			if id == c.id {
				delete(d.opens, p)
			}
		}
	case "delete profile":
		delete(d.opens, c.statement)
	}
}

// wantOpen is the target's own list of the statements of attempt id left
// without an answer (not rated, or skipped), by index in questionnaire
// order, and its count of the answered ones.
func (d *fuzzApp) wantOpen(id store.AttemptID) (open []int, answered int) {
	given := d.given[id]
	for i, s := range d.q.Statements {
		if v, ok := given[s.ID]; ok && v != store.Skipped {
			answered++
		} else {
			open = append(open, i)
		}
	}
	return open, answered
}

// run executes cmd; messages go to the inbox. A command that is still
// blocked when everything else in the bubble is waits on a timer and is
// dropped.
func (d *fuzzApp) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msgs := runConcurrently([]tea.Cmd{cmd})
	if len(msgs) == 1 {
		d.handle(msgs[0])
	}
}

func (d *fuzzApp) handle(msg tea.Msg) {
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
				d.run(c)
			}
			return
		}
		d.inbox = append(d.inbox, msg)
		if reflect.TypeOf(msg) == reflect.TypeOf(tea.WindowSize()()) {
			// The runtime answers with the terminal's size.
			d.inbox = append(d.inbox, d.size)
		}
	}
}

// runConcurrently runs cmds in their own goroutines and returns the
// messages of those that finished, in the order of cmds. It must run in a
// synctest bubble: synctest.Wait returns once every goroutine is done or
// durably blocked, and the blocked ones wait on timers.
func runConcurrently(cmds []tea.Cmd) []tea.Msg {
	chans := startAll(cmds)
	synctest.Wait()
	var msgs []tea.Msg
	for _, ch := range chans {
		if ch == nil {
			continue
		}
		select {
		case msg := <-ch:
			msgs = append(msgs, msg)
		default: // a timer: dropped
		}
	}
	return msgs
}

// checkWrite checks one store write against the key and the screen that
// caused it. The model is as the Update that returned the write's command
// left it: a save in flight, the screen not yet moved on.
func (d *fuzzApp) checkWrite(c storeCall, trigger *tea.KeyMsg) {
	key := "no key"
	if trigger != nil {
		key = trigger.String()
	}
	m := d.m
	switch c.op {
	case "rating":
		if c.err == nil {
			d.ratings++
		}
		if m.screen != screenStatement || m.showHelp || m.tooSmall() {
			d.failf("rating %d of %s saved (key %s) while the %s screen was shown (help %v, too small %v)",
				c.value, c.statement, key, m.screen, m.showHelp, m.tooSmall())
			return
		}
		shown := d.q.Statements[m.statement.index].ID
		if c.statement != shown || c.id != m.attempt.ID {
			d.failf("rating %d saved for %s of attempt %s while statement %s of attempt %s was shown (key %s)",
				c.value, c.statement, c.id, shown, m.attempt.ID, key)
			return
		}
		want := -1
		switch key {
		case "1", "2", "3", "4", "5", "6", "7":
			want = int(key[0] - '0')
		case "s":
			want = store.Skipped
		case "enter":
			want = m.statement.choice
		}
		if c.value != want {
			d.failf("rating %d saved for %s on key %s (want %d)", c.value, c.statement, key, want)
		}
	case "finish":
		if m.screen != screenReview || m.showHelp || key != "enter" || m.review.cursor != 0 || c.id != m.attempt.ID {
			d.failf("attempt %s finished on key %s on the %s screen (cursor %d)", c.id, key, m.screen, m.review.cursor)
		}
	case "discard":
		if m.screen != screenWelcome || !strings.Contains("jyJY", key) || len(key) != 1 {
			d.failf("attempt %s discarded on key %s on the %s screen", c.id, key, m.screen)
		}
	case "plan":
		d.checkPlanWrite(c, key)
	default:
		d.checkPeopleWrite(c, key)
	}
}

// check runs when the model has settled after an event.
func (d *fuzzApp) check() {
	m := d.m
	d.seen[m.screen] = true
	if m.busy {
		d.failf("a save is still in flight with nothing left to run: the screen is stuck")
	}
	if len(m.queue) > 0 {
		d.failf("%d typed keys are waiting with nothing in flight", len(m.queue))
	}
	if m.screen == screenLoading {
		d.failf("still loading with nothing in flight")
	}
	// A failed save is shown until the next one succeeds.
	if (m.err != nil) != (d.lastWriteErr != nil) {
		d.failf("the screen shows the store error %v, the latest write returned %v", m.err, d.lastWriteErr)
	}
	view := ansi.Strip(m.View())
	d.checkFits(view)
	if d.people != nil {
		d.checkPeople(view)
	}

	if m.have {
		a, ok := d.st.get(m.attempt.ID)
		switch {
		case !ok:
			d.failf("the model holds attempt %s, which the store does not", m.attempt.ID)
		case a.Done():
			d.failf("the model holds attempt %s as unfinished, the store as finished", m.attempt.ID)
		default:
			d.sameAnswers("the attempt in memory", m.attempt, a)
		}
	}
	if m.showHelp || m.tooSmall() {
		return // the screen's own content is not shown
	}
	cat := m.c.cat
	switch m.screen {
	case screenStatement:
		id := d.q.Statements[m.statement.index].ID
		a, _ := d.st.get(m.attempt.ID)
		r, ok := a.Ratings[id]
		var want string
		switch {
		case !ok:
			want = cat.NotAnswered
		case r.Value == store.Skipped:
			want = cat.SkippedMark
		default:
			want = fmt.Sprintf(cat.YourAnswer, r.Value)
		}
		if !strings.Contains(view, want) {
			d.failf("statement %s: the store holds %+v (%v), the screen lacks %q", id, r, ok, want)
		}
		if ticks := strings.Count(view, "✓"); ticks != 0 && (!ok || r.Value == store.Skipped) || ticks > 1 {
			d.failf("statement %s: %d answers ticked, the store holds %+v (%v)", id, ticks, r, ok)
		}
	case screenReview:
		want, _ := d.wantOpen(m.attempt.ID)
		if !slices.Equal(m.review.open, want) {
			d.failf("the review lists statements %v as open, the answers given leave %v", m.review.open, want)
		}
		// The list on screen: "a) 9. …" for each. At least three lines
		// fit, and the list scrolls only once the cursor passes them.
		for k, i := range want {
			if k >= 3 || m.review.cursor > 3 {
				break
			}
			if line := fmt.Sprintf("%c) %d. ", shortcuts[k], i+1); !strings.Contains(view, line) {
				d.failf("statement %d is open, the review does not list %q", i+1, line)
			}
		}
	case screenDiscussion:
		d.checkQuestionShown(view, d.q.Discussion[m.discussion.index].Text.In(d.lang))
	case screenBackground:
		d.checkQuestionShown(view, d.q.Background[m.background.index].Prompt.In(d.lang))
	case screenResult:
		a, ok := d.st.get(m.result.attempt.ID)
		switch {
		case !ok:
			d.failf("the result shows attempt %s, which the store does not hold", m.result.attempt.ID)
		case !a.Done():
			d.failf("the result shows attempt %s, which is not finished", a.ID)
		default:
			if got, want := m.result.attempt.Scores(), a.Scores(); !reflect.DeepEqual(got, want) {
				d.failf("the result shows ratings %v, the store holds %v", got, want)
			}
			if got, want := formatDate(m.result.attempt.Finished), formatDate(a.Finished); got != want {
				d.failf("the result says finished %s, the store %s", got, want)
			}
		}
	case screenHistory, screenProgress, screenWheel:
		d.checkProgression(view)
	case screenPlan, screenNeeds:
		d.checkPlanScreen(view)
	case screenWelcome:
		_, hasOpen, _, hasLatest := d.st.peek(m.cfg.Profile)
		open, wantOpen := d.opens[m.cfg.Profile]
		if hasOpen != wantOpen {
			d.failf("the store has an unfinished attempt: %v; the writes leave one: %v", hasOpen, wantOpen)
		}
		// In a small window the menu scrolls (menuWindow): what it
		// offers is read from the screen when all of it is shown, else
		// from its entries.
		menu := view
		if items := m.welcome.items; !strings.Contains(view, items[0].label) || !strings.Contains(view, items[len(items)-1].label) {
			var labels []string
			for _, it := range items {
				labels = append(labels, it.label)
			}
			menu = strings.Join(labels, "\n")
		}
		if wantOpen {
			_, answered := d.wantOpen(open)
			want := fmt.Sprintf(cat.MenuContinue, answered, len(d.q.Statements))
			if !strings.Contains(menu, want) {
				d.failf("%d statements are answered, the menu lacks %q", answered, want)
			}
		} else if strings.Contains(menu, strings.SplitN(cat.MenuContinue, "(", 2)[0]+"(") {
			d.failf("the menu offers to continue, but no test is unfinished")
		}
		d.checkPlanScreen(view)
		if hasLatest != strings.Contains(menu, cat.MenuLatest) {
			d.failf("the store has a finished attempt: %v, the menu offers the latest result: %v", hasLatest, !hasLatest)
		}
	}
}

// checkQuestionShown: a question screen shows its question, after a
// failed save too (a finished huh form draws nothing). Its start is
// enough: the window is at least 50 wide here, and wrapping is the
// layout's business.
func (d *fuzzApp) checkQuestionShown(view, question string) {
	start := []rune(question)
	start = start[:min(len(start), 12)]
	if !strings.Contains(view, string(start)) {
		d.failf("the question %q is not on screen", string(start))
	}
}

// sameAnswers compares the answers of two copies of an attempt; rating
// times are compared as the store keeps them, to the millisecond.
func (d *fuzzApp) sameAnswers(what string, got, want store.Attempt) {
	for _, id := range d.statementIDs(got, want) {
		g, gok := got.Ratings[id]
		w, wok := want.Ratings[id]
		if gok != wok || g.Value != w.Value {
			d.failf("%s: statement %s rated %+v (%v), the store holds %+v (%v)", what, id, g, gok, w, wok)
		}
	}
	if !mapsEqual(got.Background, want.Background) {
		d.failf("%s: background %v, the store holds %v", what, got.Background, want.Background)
	}
	if !mapsEqual(got.Discussion, want.Discussion) {
		d.failf("%s: discussion %q, the store holds %q", what, got.Discussion, want.Discussion)
	}
}

func (d *fuzzApp) statementIDs(as ...store.Attempt) []string {
	var ids []string
	for _, a := range as {
		for id := range a.Ratings {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// checkFits: at 80×24 and larger every screen fits the window.
func (d *fuzzApp) checkFits(view string) {
	w, h := d.m.c.width, d.m.c.height
	if w < 80 || h < 24 {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		d.failf("%d lines in a window of %d", len(lines), h)
	}
	for _, l := range lines {
		// A cell takes at least one byte, so only long lines are measured.
		if len(l) <= w {
			continue
		}
		if lw := ansi.StringWidth(l); lw > w {
			d.failf("a line of %d cells in a window of %d: %q", lw, w, l)
		}
	}
}

// leave takes the documented way out: at 80×24, Esc until the welcome
// menu shows (help, a form, a statement, the review, the result and the
// questions page each step back once; the fatal screen quits), then q.
func (d *fuzzApp) leave() {
	// The way out is checked on a working disk: while saves fail, Esc
	// rightly stays where it is (skipping the background is a save).
	d.st.mu.Lock()
	d.st.failWrites, d.st.failRead = 0, false
	d.st.mu.Unlock()
	d.events++
	d.last = "leaving: size 80×24"
	d.size = tea.WindowSizeMsg{Width: 80, Height: 24}
	d.deliver(d.size)
	d.check()
	atMenu := func() bool {
		return (d.m.screen == screenWelcome && !d.m.welcome.confirming || d.m.screen == screenChooser) &&
			!d.m.showHelp && strings.Contains(ansi.Strip(d.m.View()), d.m.c.cat.MenuQuit)
	}
	for i := 0; i < 4 && !d.quit && !atMenu(); i++ {
		d.last = fmt.Sprintf("leaving: esc %d", i+1)
		d.deliver(tea.KeyMsg{Type: tea.KeyEsc})
		if !d.quit {
			d.check()
		}
	}
	if d.quit {
		if d.m.screen != screenFatal {
			d.failf("esc quit the program from the %s screen", d.m.screen)
		}
		return
	}
	if !atMenu() {
		d.failf("four times esc did not reach the welcome menu")
		return
	}
	d.last = "leaving: q"
	d.deliver(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'q'}})
	if !d.quit {
		d.failf("q on the welcome menu did not quit")
		return
	}
	d.checkPaused()
}

// TestFuzzSeeds runs the seed inputs (go test runs them too, as part of
// FuzzModel) and checks that together they reach every screen and save
// ratings, so the target does not pass for want of getting anywhere.
func TestFuzzSeeds(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[screen]bool{}
	restarts := 0
	for i, s := range slices.Concat(fuzzSeeds, fuzzPlanSeeds) {
		synctest.Test(t, func(t *testing.T) {
			d := runFuzz(q, encodeScript(s), newMemStore(), t.Fatalf)
			if d.ratings == 0 {
				t.Errorf("seed %d saves no rating", i)
			}
			for sc := range d.seen {
				seen[sc] = true
			}
			restarts += d.starts - 1
		})
	}
	if restarts == 0 {
		t.Error("no seed quits and resumes")
	}
	for _, sc := range []screen{screenWelcome, screenIntro, screenBackground, screenStatement,
		screenDiscussion, screenReview, screenResult, screenQuestions, screenFatal,
		screenHistory, screenProgress, screenWheel, screenPlan, screenNeeds,
		screenChooser, screenPIN, screenNewPerson, screenProfiles, screenSettings} {
		if !seen[sc] {
			t.Errorf("no seed reaches the %s screen", sc)
		}
	}
}

// shiftingStore keeps every rating one point higher than asked, and
// forgetfulStore drops every rating while reporting success, as store bugs
// would; the fuzz target must notice both.
type (
	shiftingStore  struct{ *memStore }
	forgetfulStore struct{ *memStore }
)

func (s shiftingStore) SaveRating(id store.AttemptID, statementID string, value int, next store.Position) error {
	return s.memStore.SaveRating(id, statementID, value%7+1, next)
}

func (s forgetfulStore) SaveRating(id store.AttemptID, statementID string, value int, next store.Position) error {
	return s.memStore.SavePosition(id, next)
}

// TestFuzzCatchesWrongRatings makes sure the checks are not vacuous: a
// store that keeps other ratings than the ones typed, or none, fails.
func TestFuzzCatchesWrongRatings(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	for name, wrap := range map[string]func(*memStore) Store{
		"shifting":  func(st *memStore) Store { return shiftingStore{st} },
		"forgetful": func(st *memStore) Store { return forgetfulStore{st} },
	} {
		var (
			mu     sync.Mutex
			report string
		)
		failed := func(format string, args ...any) {
			mu.Lock()
			defer mu.Unlock()
			if report == "" {
				report = fmt.Sprintf(format, args...)
			}
		}
		synctest.Test(t, func(t *testing.T) {
			st := newMemStore()
			d := newFuzzApp(q, survey.English, st, failed)
			defer func() {
				time.Sleep(time.Hour)
				synctest.Wait()
			}()
			d.start()
			d.m.cfg.Store = wrap(st)
			for data := encodeScript("<enter>s5")[1:]; len(data) > 0; {
				var ev fuzzEvent
				ev, data = decodeEvent(data)
				d.event(ev)
			}
		})
		if report == "" {
			t.Errorf("%s store went unnoticed", name)
		} else {
			t.Logf("%s store: %s", name, strings.SplitN(report, "\n", 2)[0])
		}
	}
}
