//go:build !windows

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// TestE2ECrashLoop answers statements in the real binary and kills it
// with SIGKILL at random moments, over and over, on one database: while
// idle, right after a key, in the middle of a burst of keys, during
// start-up and while finishing. After every kill "digikomp check" must
// find the file sound, and the file must hold exactly what the person
// can rely on:
//
//   - every answer whose screen had moved on (the next statement was
//     drawn) before the kill, with the key that was typed;
//   - beyond those, only answers to keys that had been typed, in the
//     order typed, none missing in between: keys still in flight when the
//     process died may have been committed or not, but never out of
//     order, never with another value;
//   - a resume position just after the last stored answer, which the next
//     start must show.
//
// With one key in flight that allows the confirmed answers or one more;
// a burst can have several committed before the screen catches up (a
// frame is drawn at most every 16 ms, a save takes far less), and all of
// them are allowed as long as they are a prefix of what was typed.
//
// DIGIKOMP_CRASH_N sets the number of kills (30 by default), and
// DIGIKOMP_CRASH_SEED the seed, which is logged. The seed fixes the plan
// (modes, keys, delays); what a kill catches depends on timing, so a rerun
// with the same seed need not fail at the same cycle, and a file that
// fails the check is kept under $TMPDIR/digikomp-e2e-kept.
func TestE2ECrashLoop(t *testing.T) {
	n := e2eEnvInt(t, "DIGIKOMP_CRASH_N", 30)
	seed := e2eEnvSeed(t, "DIGIKOMP_CRASH_SEED")
	q := loadQuestionnaire(t)
	u := languages[int(uint64(seed)%uint64(len(languages)))]
	t.Logf("language %s, %d kills", u.lang, n)
	c := &crashLoop{
		t:         t,
		rng:       rand.New(rand.NewPCG(uint64(seed), 0x63726173)),
		q:         q,
		u:         u,
		env:       newEnv(t, string(u.lang)),
		total:     len(q.Statements),
		prefix:    statementPrefixes(t, q, u.lang),
		seen:      map[store.AttemptID]bool{},
		modes:     map[string]int{},
		leftovers: map[string]bool{},
		ahead:     map[int]int{},
	}
	begin := time.Now()
	for i := range n {
		c.cycle(i)
	}
	c.finalRun()
	t.Logf("%d kills in %v: %v; %d attempts finished (finishing asked for %d times), %d answers stored, %d of them while the screen had not yet moved on",
		n, time.Since(begin).Round(time.Millisecond), c.modes, c.finished, c.finishTries, c.stored, c.inFlight)
	t.Logf("kills while answering, by answers stored beyond those shown as saved: %v", c.ahead)
	if len(c.leftovers) > 0 {
		t.Logf("files left next to the database by killed runs: %v", slices.Sorted(maps.Keys(c.leftovers)))
	}
}

// crashLoop is the test's model of the database: what it must hold after
// each kill.
type crashLoop struct {
	t      *testing.T
	rng    *rand.Rand
	q      *survey.Questionnaire
	u      uiText
	env    appEnv
	total  int
	prefix []string // a start of each statement's text, unique among them

	// The file's expected content.
	cur      store.AttemptID // the unfinished attempt; zero if none
	given    []int           // its stored answers, statement i → value (store.Skipped for s)
	pos      store.Position  // its stored resume position
	finished int             // finished attempts
	seen     map[store.AttemptID]bool

	// The cycle under way.
	cycleNo   int
	mode      string
	sent      []int // values typed this run for statements len(given)…
	confirmed int   // statements (counted from 0) whose screen has moved on
	events    []string

	toCheck []finishedAttempt // finished in this run, checked after the kill

	leftovers map[string]bool // files other than the database left in its folder

	modes       map[string]int
	finishTries int         // times the test asked to finish
	stored      int         // answers found stored after kills
	inFlight    int         // of those, answers stored beyond the confirmed ones
	ahead       map[int]int // kills by how many answers were stored beyond the confirmed ones
}

// crashStartAgain is the first menu item once a test has been finished.
var crashStartAgain = map[survey.Lang]string{survey.Swedish: "Gör testet igen", survey.English: "Take the test again"}

// statementPrefixes returns for each statement the shortest start of its
// text, in whole words and at least 12 characters, that no other
// statement's text starts with. Seeing it on screen proves that the
// statement's frame was drawn, however the output was split.
func statementPrefixes(t *testing.T, q *survey.Questionnaire, lang survey.Lang) []string {
	t.Helper()
	texts := make([]string, len(q.Statements))
	for i, s := range q.Statements {
		texts[i] = s.Text.In(lang)
	}
	out := make([]string, len(texts))
	for i, text := range texts {
		words := strings.Fields(text)
		for n := 1; n <= len(words); n++ {
			p := strings.Join(words[:n], " ")
			if len([]rune(p)) < 12 {
				continue
			}
			unique := true
			for j, o := range texts {
				if j != i && strings.HasPrefix(o, p) {
					unique = false
					break
				}
			}
			if unique {
				out[i] = p
				break
			}
		}
		// The first line of the wrapped text must hold it.
		if out[i] == "" || len([]rune(out[i])) > 60 {
			t.Fatalf("statement %d has no short unique start: %q", i+1, out[i])
		}
	}
	return out
}

// note records what the cycle did, for a failure message.
func (c *crashLoop) note(format string, args ...any) {
	c.events = append(c.events, fmt.Sprintf(format, args...))
}

func (c *crashLoop) context() string {
	return fmt.Sprintf("cycle %d, mode %s; stored before this run: %v at %+v (attempt %s, %d finished); typed this run: %v; confirmed: %d\nevents: %s",
		c.cycleNo, c.mode, c.given, c.pos, c.cur, c.finished, c.sent, c.confirmed, strings.Join(c.events, " → "))
}

// pick returns true with probability p.
func (c *crashLoop) pick(p float64) bool { return c.rng.Float64() < p }

// pause sleeps a random short while; zero a fifth of the time.
func (c *crashLoop) pause(maxD time.Duration) time.Duration {
	if c.pick(0.2) || maxD <= 0 {
		return 0
	}
	d := time.Duration(c.rng.Int64N(int64(maxD)))
	time.Sleep(d)
	return d
}

// cycle is one run of the app, ended by SIGKILL.
func (c *crashLoop) cycle(i int) {
	t := c.t
	c.cycleNo, c.sent, c.events, c.toCheck = i, nil, nil, nil
	c.confirmed = len(c.given)
	defer func() {
		if t.Failed() {
			t.Logf("seed and state at the failure: %s", c.context())
		}
	}()

	switch r := c.rng.Float64(); {
	case r < 0.08:
		c.mode = "start-up"
	case r < 0.33:
		c.mode = "idle"
	case r < 0.65:
		c.mode = "after-key"
	default:
		c.mode = "burst"
	}
	a := start(t, c.env)
	defer func() {
		a.cleanup()
		if !t.Failed() {
			// Hundreds of runs: keep only the last one's output.
			a.rawMu.Lock()
			a.raw = bytes.Buffer{}
			a.rawMu.Unlock()
		}
	}()

	if c.mode == "start-up" {
		d := c.pause(250 * time.Millisecond)
		c.note("killed %v after start", d)
		a.kill()
		c.modes[c.mode]++
		c.verify(a, verifyUnchanged)
		return
	}

	if killed := c.toStatement(a); killed {
		c.modes["finishing"]++
		c.verify(a, verifyFinishing)
		return
	}
	c.typeAndKill(a)
	c.modes[c.mode]++
	c.verify(a, verifyStatements)
}

// toStatement brings a fresh run to the statement after the last stored
// answer: through the continue item of the menu, checking that it
// resumes exactly there; through finishing the attempt if every
// statement has been answered; or by starting a new attempt. It returns
// true if the run was killed while finishing.
func (c *crashLoop) toStatement(a *app) bool {
	u := c.u
	if !c.cur.IsZero() {
		answered := crashAnswered(c.given)
		a.waitFor(fmt.Sprintf(u.cont, answered, c.total))
		a.send("\r")
		c.note("continue (%d answered)", answered)
		if len(c.given) < c.total {
			c.waitStatement(a, len(c.given)+1)
			c.note("resumed at %d", len(c.given)+1)
			return false
		}
		// Every statement answered: the discussion questions, or the review
		// if a kill came after they were skipped.
		discussion := fmt.Sprintf(u.question, 1, len(c.q.Discussion))
		a.waitUntil("the discussion questions or the review", func(s string) bool {
			return strings.Contains(s, discussion) || strings.Contains(s, u.review)
		})
		if !strings.Contains(a.screen(), u.review) {
			a.send("\x1b")
			a.waitFor(u.review)
		}
		a.waitFor(u.finish)
		a.send("\r")
		c.finishTries++
		if c.pick(0.5) {
			d := c.pause(15 * time.Millisecond)
			c.note("finish, killed %v later", d)
			a.kill()
			return true
		}
		c.note("finish")
		a.waitFor(u.result)
		// The app holds the file; the finished attempt is checked after the kill.
		c.toCheck = append(c.toCheck, finishedAttempt{c.cur, c.given})
		c.finished++
		c.cur, c.given = store.AttemptID{}, nil
		c.confirmed = 0
		a.send("\r") // back to the menu
	}
	if c.finished == 0 {
		a.waitFor(u.start)
	} else {
		a.waitFor(crashStartAgain[u.lang])
	}
	a.send("\r")
	a.waitFor(u.intro)
	a.send("s")
	c.waitStatement(a, 1)
	c.note("new attempt")
	return false
}

// showing returns the statement (1-based) whose frame is on screen, 0 if
// none, or total+1 for the first discussion question.
func (c *crashLoop) showing(s string) int {
	if strings.Contains(s, fmt.Sprintf(c.u.question, 1, len(c.q.Discussion))) {
		return c.total + 1
	}
	for n := c.total; n >= 1; n-- {
		if strings.Contains(s, counter(n, c.total)) && strings.Contains(s, c.prefix[n-1]) {
			return n
		}
	}
	return 0
}

// waitStatement waits for statement n (1-based), or for the discussion
// questions when n is past the last statement.
func (c *crashLoop) waitStatement(a *app, n int) {
	a.t.Helper()
	a.waitUntil(fmt.Sprintf("statement %d (%q) on screen", n, c.prefix[min(n, c.total)-1]), func(s string) bool {
		return c.showing(s) == n
	})
}

// key picks the next answer: a digit, or now and then a skip.
func (c *crashLoop) key() (string, int) {
	if c.pick(0.1) {
		return "s", store.Skipped
	}
	v := 1 + c.rng.IntN(7)
	return strconv.Itoa(v), v
}

// typeAndKill types answers in the cycle's mode and kills the app.
func (c *crashLoop) typeAndKill(a *app) {
	k0 := len(c.given)
	m := 1 + c.rng.IntN(min(6, c.total-k0))
	typeOne := func() {
		s, v := c.key()
		c.sent = append(c.sent, v)
		a.send(s)
	}
	confirmOne := func() {
		n := k0 + len(c.sent) // 1-based statement answered last
		c.waitStatement(a, n+1)
		c.confirmed = n
	}
	switch c.mode {
	case "idle":
		for range m {
			typeOne()
			confirmOne()
		}
		d := c.pause(200 * time.Millisecond)
		c.note("typed %v, all shown, killed %v later", c.sent, d)
	case "after-key":
		for range m - 1 {
			typeOne()
			confirmOne()
		}
		typeOne()
		var d time.Duration
		switch c.rng.IntN(3) {
		case 0: // at once
		case 1:
			d = c.pause(500 * time.Microsecond)
		default:
			d = c.pause(5 * time.Millisecond)
		}
		c.note("typed %v, killed %v after the last key", c.sent, d)
	case "burst":
		for range c.rng.IntN(m) {
			typeOne()
			confirmOne()
		}
		var burst strings.Builder
		one := c.pick(0.5)
		for len(c.sent) < m {
			s, v := c.key()
			c.sent = append(c.sent, v)
			if one {
				burst.WriteString(s)
			} else {
				a.send(s)
				c.pause(2 * time.Millisecond)
			}
		}
		if one {
			a.send(burst.String())
		}
		d := c.pause(20 * time.Millisecond)
		c.note("typed %v (burst as one write: %v), killed %v later", c.sent, one, d)
	}
	a.kill()
	// The last frame before the kill may show more than the waits saw.
	if n := c.showing(a.screen()); n-1 > c.confirmed {
		c.note("the last frame shows statement %d", n)
		c.confirmed = n - 1
	}
}

// finishedAttempt is an attempt seen finished, with its answers.
type finishedAttempt struct {
	id      store.AttemptID
	answers []int
}

type verifyCase int

const (
	verifyUnchanged  verifyCase = iota // killed before any key
	verifyStatements                   // killed while answering statements
	verifyFinishing                    // killed right after finishing was asked for
)

// verify runs "digikomp check" on the file and compares what the store
// reads with the model, then updates the model to what was found.
func (c *crashLoop) verify(a *app, what verifyCase) {
	t := c.t
	t.Helper()
	c.countLeftovers()
	if _, err := os.Stat(c.env.db); errors.Is(err, fs.ErrNotExist) {
		// Killed before the new database was moved into place: as if
		// digikomp had never started.
		if what != verifyUnchanged || c.finished > 0 || !c.cur.IsZero() {
			t.Fatalf("the database file is gone\n%s", c.context())
		}
		c.note("no database yet")
		return
	}
	r := e2eCheck(t, c.env, c.env.db)
	if r.hung || r.code != 0 || stackTraceIn(r.stdout+r.stderr) != "" {
		t.Fatalf("after the kill, digikomp check does not find the file sound (want exit 0): %v\n%s\nfile kept at %s",
			r, c.context(), e2eKeepFile(t, c.env.db, fmt.Sprintf("crash-%d.db", c.cycleNo)))
	}

	st, err := store.Open(c.env.db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("opening the file read-only after the kill: %v\n%s", err, c.context())
	}
	defer st.Close()
	un, hasUn, err := st.Unfinished(store.LocalProfile)
	if err != nil {
		t.Fatalf("Unfinished: %v\n%s", err, c.context())
	}
	all, err := st.Attempts(store.LocalProfile)
	if err != nil {
		t.Fatalf("Attempts: %v\n%s", err, c.context())
	}
	done := 0
	for _, x := range all {
		if x.Done() {
			done++
		}
	}
	for _, f := range c.toCheck {
		c.checkFinished(st, f.id, f.answers)
	}

	switch what {
	case verifyUnchanged:
		if done != c.finished {
			t.Fatalf("%d finished attempts, want %d\n%s", done, c.finished, c.context())
		}
		if c.cur.IsZero() {
			if hasUn {
				t.Fatalf("an unfinished attempt %s appeared although no key was typed\n%s", un.ID, c.context())
			}
			return
		}
		if !hasUn || un.ID != c.cur {
			t.Fatalf("the unfinished attempt is %v (found: %v), want %s\n%s", un.ID, hasUn, c.cur, c.context())
		}
		c.checkAnswers(un, c.given, len(c.given))
		if un.Position != c.pos {
			t.Fatalf("the resume position is %+v, want %+v as before the run\n%s", un.Position, c.pos, c.context())
		}

	case verifyStatements:
		if done != c.finished {
			t.Fatalf("%d finished attempts, want %d\n%s", done, c.finished, c.context())
		}
		if !hasUn {
			t.Fatalf("no unfinished attempt after answering statements\n%s", c.context())
		}
		if c.cur.IsZero() {
			if c.seen[un.ID] {
				t.Fatalf("the new attempt has the id %s of an earlier one\n%s", un.ID, c.context())
			}
			c.cur = un.ID
			c.seen[un.ID] = true
		} else if un.ID != c.cur {
			t.Fatalf("the unfinished attempt is %s, want %s\n%s", un.ID, c.cur, c.context())
		}
		want := append(slices.Clone(c.given), c.sent...)
		k := c.checkRatings(un, want, c.confirmed, len(want))
		c.pos = un.Position
		c.stored += k - len(c.given)
		c.inFlight += k - c.confirmed
		c.ahead[k-c.confirmed]++
		c.given = want[:k]

	case verifyFinishing:
		switch {
		case hasUn:
			if un.ID != c.cur {
				t.Fatalf("the unfinished attempt is %s, want %s\n%s", un.ID, c.cur, c.context())
			}
			if done != c.finished {
				t.Fatalf("%d finished attempts, want %d\n%s", done, c.finished, c.context())
			}
			c.checkAnswers(un, c.given, len(c.given))
			if p := un.Position; p != (store.Position{Stage: store.StageStatements, Cursor: c.total}) &&
				p != (store.Position{Stage: store.StageReview}) {
				t.Fatalf("after every statement was answered the position is %+v, want statements/%d or the review\n%s", p, c.total, c.context())
			}
			c.pos = un.Position
			c.note("killed before the finish was stored")
		default:
			if done != c.finished+1 {
				t.Fatalf("%d finished attempts, want %d\n%s", done, c.finished+1, c.context())
			}
			c.checkFinished(st, c.cur, c.given)
			if latest, ok, err := st.LatestFinished(store.LocalProfile); err != nil || !ok || latest.ID != c.cur {
				t.Fatalf("the latest finished attempt is %s (found %v, error %v), want %s\n%s", latest.ID, ok, err, c.cur, c.context())
			}
			c.note("killed after the finish was stored")
			c.finished++
			c.cur, c.given = store.AttemptID{}, nil
		}
	}
}

// checkRatings checks that attempt a holds want[:k] for some k in
// [least, most] and nothing else, with the position just after the last,
// and returns k.
func (c *crashLoop) checkRatings(a store.Attempt, want []int, least, most int) int {
	c.t.Helper()
	k := len(a.Ratings)
	if k < least || k > most {
		c.t.Fatalf("the file holds %d answers, want between %d (shown as saved) and %d (typed): %v\n%s",
			k, least, most, ratingList(c.q, a), c.context())
	}
	c.checkAnswers(a, want, k)
	if want := (store.Position{Stage: store.StageStatements, Cursor: k}); a.Position != want {
		c.t.Fatalf("the resume position is %+v, want %+v (after the last stored answer)\n%s", a.Position, want, c.context())
	}
	return k
}

// checkAnswers checks that a holds exactly the answers want[:k] to
// statements 1…k.
func (c *crashLoop) checkAnswers(a store.Attempt, want []int, k int) {
	c.t.Helper()
	if len(a.Ratings) != k {
		c.t.Fatalf("the file holds %d answers, want %d: %v\n%s", len(a.Ratings), k, ratingList(c.q, a), c.context())
	}
	for i := range k {
		r, ok := a.Ratings[c.q.Statements[i].ID]
		if !ok || r.Value != want[i] {
			c.t.Fatalf("statement %d: the file holds %v (present: %v), want %d; typed %v\nall: %v\n%s",
				i+1, r.Value, ok, want[i], want, ratingList(c.q, a), c.context())
		}
	}
}

// checkFinished checks that attempt id is finished with the answers
// want.
func (c *crashLoop) checkFinished(st *store.Store, id store.AttemptID, want []int) {
	c.t.Helper()
	a, err := st.Attempt(id)
	if err != nil {
		c.t.Fatalf("reading finished attempt %s: %v\n%s", id, err, c.context())
	}
	if !a.Done() || a.Position.Stage != store.StageDone {
		c.t.Fatalf("attempt %s is not finished (finished %v, position %+v)\n%s", id, a.Finished, a.Position, c.context())
	}
	c.checkAnswers(a, want, c.total)
}

// finalRun starts the app once more: it must resume where the model
// says, and quit cleanly with q; the file must still be sound.
func (c *crashLoop) finalRun() {
	t := c.t
	c.cycleNo, c.mode, c.sent, c.events = -1, "final", nil, nil
	defer func() {
		if t.Failed() {
			t.Logf("state at the failure: %s", c.context())
		}
	}()
	a := start(t, c.env)
	switch {
	case c.cur.IsZero() && c.finished == 0:
		a.waitFor(c.u.start)
	case c.cur.IsZero():
		a.waitFor(crashStartAgain[c.u.lang])
	case len(c.given) == c.total:
		a.waitFor(fmt.Sprintf(c.u.cont, crashAnswered(c.given), c.total))
	default:
		if c.toStatement(a) {
			t.Fatal("killed in the final run")
		}
	}
	a.send("q")
	a.exitOK("q")
	if r := e2eCheck(t, c.env, c.env.db); r.code != 0 || stackTraceIn(r.stdout+r.stderr) != "" {
		t.Fatalf("after a clean quit digikomp check says: %v", r)
	}
}

// ratingList prints an attempt's answers in statement order.
func ratingList(q *survey.Questionnaire, a store.Attempt) string {
	var parts []string
	for i, s := range q.Statements {
		if r, ok := a.Ratings[s.ID]; ok {
			parts = append(parts, fmt.Sprintf("%d:%d", i+1, r.Value))
		}
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// crashAnswered counts the answers that are not skips.
func crashAnswered(values []int) int {
	n := 0
	for _, v := range values {
		if v != store.Skipped {
			n++
		}
	}
	return n
}

// countLeftovers notes files other than the database in its folder, such
// as the temporary file a new database is built in.
func (c *crashLoop) countLeftovers() {
	entries, err := os.ReadDir(filepath.Dir(c.env.db))
	if err != nil {
		c.t.Fatal(err)
	}
	for _, e := range entries {
		if name := e.Name(); name != filepath.Base(c.env.db) && name != "home" && !c.leftovers[name] {
			c.leftovers[name] = true
			c.note("left behind: %s", name)
		}
	}
}
