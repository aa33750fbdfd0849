package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// fuzzPeople is FuzzModel's account of a store holding several people:
// Anna (no PIN), Bo (PIN 1234) and the default profile, each with a
// finished attempt whose discussion answer is a marker of its own. After
// every event the target checks that no screen shows one person's answer
// while another is in, and that nothing of a protected person (their
// name aside) is loaded or shown before their PIN was accepted in this
// run of the program.
type fuzzPeople struct {
	markers   map[string]string // profile id → marker in its answers
	protected map[string]bool   // protected when the program started
	from      int               // st.prof.accepted as the program started
}

// fuzzPIN is Bo's PIN, typed by the seeds.
const fuzzPIN = "1234"

func seedPeople(q *survey.Questionnaire, st *memStore) *fuzzPeople {
	at := time.Date(2026, 7, 20, 12, 0, 0, 0, time.UTC)
	must := func(p store.Profile, err error) store.Profile {
		if err != nil {
			panic(err)
		}
		return p
	}
	anna := must(st.AddProfile("Anna", "", at))
	bo := must(st.AddProfile("Bo", fuzzPIN, at))
	fp := &fuzzPeople{markers: map[string]string{
		anna.ID: "ANNA-MARKER", bo.ID: "BO-MARKER", store.LocalProfile: "LOCAL-MARKER"}}
	for id, marker := range fp.markers {
		a, err := st.StartAttempt(id, q, at)
		if err != nil {
			panic(err)
		}
		for i, s := range q.Statements {
			_ = st.SaveRating(a.ID, s.ID, 3, store.Position{Stage: store.StageStatements, Cursor: i + 1})
		}
		_ = st.SaveDiscussion(a.ID, q.Discussion[0].ID, marker, store.Position{Stage: store.StageReview})
		_ = st.Finish(a.ID, at)
	}
	st.takeCalls()
	return fp
}

// restart notes, as a program starts, who is protected and from where
// the PINs it accepts are counted.
func (fp *fuzzPeople) restart(st *memStore) {
	st.mu.Lock()
	defer st.mu.Unlock()
	fp.from = len(st.prof.accepted)
	fp.protected = map[string]bool{}
	for id, r := range st.pr().records {
		fp.protected[id] = r.p.Protected
	}
}

// refusal reports a write refused for what was typed (a name taken, a
// name or PIN the store does not take), which the screen says in its own
// place, not as a failed save.
func refusal(err error) bool {
	return errors.Is(err, store.ErrProfileExists) || errors.Is(err, store.ErrInvalid) || errors.Is(err, store.ErrPINWait)
}

func (d *fuzzApp) checkPeople(view string) {
	m := d.m
	fp := d.people
	d.st.mu.Lock()
	accepted := slices.Clone(d.st.prof.accepted[fp.from:])
	d.st.mu.Unlock()
	in := m.cfg.Profile
	for id, marker := range fp.markers {
		shown := strings.Contains(view, marker)
		if shown && in != id {
			d.failf("the screen shows the answer %s while profile %q is in", marker, in)
		}
		if fp.protected[id] && !slices.Contains(accepted, id) {
			if shown {
				d.failf("the screen shows %s before its PIN was given", marker)
			}
			if in == id && (m.latest != nil || m.have) {
				d.failf("an attempt of protected profile %q is loaded before its PIN was given", id)
			}
		}
	}
	if m.have && m.attempt.ProfileID != in {
		d.failf("the model holds attempt %s of profile %q while %q is in", m.attempt.ID, m.attempt.ProfileID, in)
	}
	if m.latest != nil && m.latest.ProfileID != in {
		d.failf("the model holds the result of profile %q while %q is in", m.latest.ProfileID, in)
	}
	if in == "" && (m.latest != nil || m.have) {
		d.failf("nobody is in, yet the model holds an attempt")
	}
}

// checkPeopleWrite checks a profile write against the key and screen
// that caused it.
// A field completes on the form's own message after Enter, so a write
// from a field has no key of its own ("no key").
func (d *fuzzApp) checkPeopleWrite(c storeCall, key string) {
	m := d.m
	byEnter := key == "enter" || key == "no key"
	switch c.op {
	case "check pin":
		if m.screen != screenPIN || !byEnter || c.statement != m.p.pin.target.ID {
			d.failf("PIN of %q tried on key %s on the %s screen", c.statement, key, m.screen)
		}
	case "delete profile":
		if m.screen != screenProfiles || !byEnter || m.p.manage.mode != manageWorking || m.p.manage.sel.ID != c.statement {
			d.failf("profile %q deleted on key %s on the %s screen", c.statement, key, m.screen)
		}
	case "add anonymous":
		if m.screen != screenChooser || key != "enter" {
			d.failf("an anonymous profile added on key %s on the %s screen", key, m.screen)
		}
	case "add profile", "rename profile", "set pin", "settings":
		if !byEnter {
			d.failf("%s on key %s on the %s screen", c.op, key, m.screen)
		}
	}
}

// sharingStore hands out another person's result as the latest, and
// openDoorStore takes any PIN, as store bugs would; the fuzz target must
// notice both.
type (
	sharingStore  struct{ *memStore }
	openDoorStore struct{ *memStore }
)

func (s sharingStore) LatestFinished(profileID string) (store.Attempt, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.attempts {
		if a.Done() && a.ProfileID != profileID {
			return copyAttempt(a), true, nil
		}
	}
	return store.Attempt{}, false, nil
}

func (openDoorStore) CheckPIN(string, string, time.Time) (store.PINCheck, error) {
	return store.PINCheck{OK: true}, nil
}

// TestFuzzCatchesLeaks makes sure the people checks are not vacuous.
func TestFuzzCatchesLeaks(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		wrap   func(*memStore) Store
		script string
	}{
		"sharing":   {func(st *memStore) Store { return sharingStore{st} }, "<sv><people><down><enter>"},
		"open door": {func(st *memStore) Store { return openDoorStore{st} }, "<sv><people><down><down><enter>9999<enter>"},
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
			d := newFuzzApp(q, survey.Swedish, st, failed)
			d.people = seedPeople(q, st)
			defer func() {
				time.Sleep(time.Hour)
				synctest.Wait()
			}()
			d.start()
			d.m.cfg.Store = tc.wrap(st)
			for data := encodeScript(tc.script)[1:]; len(data) > 0; {
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
