package ui

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"digikomp/store"
	"digikomp/survey"
)

// memStore is an in-memory Store for the fuzz target and benchmarks, where
// a bbolt file's fsync per save would cost milliseconds. It follows the
// semantics of store.Store as the ui package sees them:
//
//   - arguments are checked before anything changes, with the limits of
//     store/validate.go, and refused with store.ErrInvalid;
//   - a profile has at most one unfinished attempt (ErrUnfinishedExists);
//   - saves to a missing attempt give ErrNotFound, to a finished one
//     ErrFinished; SavePosition refuses StageDone (only Finish sets it);
//   - every read returns fresh maps, never nil ones, so the caller's copy
//     and the stored one never share memory;
//   - rating times keep milliseconds, as the answers record does, and
//     start and finish times drop the monotonic clock reading;
//   - every error names the "file", as the real store's do.
//
// Ids are the real layout (start time, then 8 more bytes) with a counter
// instead of random bytes, so that runs are repeatable.
//
// failWrites and failRead make writes or the next read fail as a full or
// damaged disk would: nothing changes. Bit i of failWrites fails the i-th
// write from now.
type memStore struct {
	mu         sync.Mutex
	attempts   map[store.AttemptID]store.Attempt
	unfinished map[string]store.AttemptID
	profiles   map[string]bool
	seq        uint64
	failWrites uint
	failRead   bool
	calls      []storeCall  // writes attempted, for the fuzz target's checks
	failErr    error        // what a failing write returns; errDiskFull if nil
	plans      *memExtra    // plans and definitions (memstore_plans_test.go)
	prof       memProfiles  // names, PINs and settings (memstore_profiles_test.go)
	group      *memGroup    // workshops and their respondents (memstore_group_test.go)
	ws         memWorkshops // workshops (memstore_workshop_test.go)
}

// storeCall records one attempted write.
type storeCall struct {
	op        string // "rating", "finish", "discard", ...
	id        store.AttemptID
	statement string
	value     int
	err       error
}

// memPath is as long as a real default path, so that error lines wrap as
// they would.
const memPath = "/home/bibliotekarie/.local/share/digikomp/digikomp.db"

var errDiskFull = errors.New("disk full")

func newMemStore() *memStore {
	return &memStore{
		attempts:   map[store.AttemptID]store.Attempt{},
		unfinished: map[string]store.AttemptID{},
		profiles:   map[string]bool{store.LocalProfile: true},
	}
}

func memErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w (%s)", err, memPath)
}

func copyAttempt(a store.Attempt) store.Attempt {
	b := a
	b.Background = make(map[string]string, len(a.Background))
	for k, v := range a.Background {
		b.Background[k] = v
	}
	b.Discussion = make(map[string]string, len(a.Discussion))
	for k, v := range a.Discussion {
		b.Discussion[k] = v
	}
	b.Ratings = make(map[string]store.Rating, len(a.Ratings))
	for k, v := range a.Ratings {
		b.Ratings[k] = v
	}
	return b
}

// get returns a copy of a stored attempt, for the tests' own checks.
func (s *memStore) get(id store.AttemptID) (store.Attempt, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.attempts[id]
	if !ok {
		return store.Attempt{}, false
	}
	return copyAttempt(a), true
}

// peek returns, for the tests' own checks, the profile's unfinished
// attempt and its latest finished one, without the failures that failRead
// injects.
func (s *memStore) peek(profileID string) (open store.Attempt, hasOpen bool, latest store.Attempt, hasLatest bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.unfinished[profileID]; ok {
		open, hasOpen = copyAttempt(s.attempts[id]), true
	}
	latest, hasLatest = s.latest(profileID)
	return open, hasOpen, latest, hasLatest
}

// takeCalls returns the writes attempted since the last call.
func (s *memStore) takeCalls() []storeCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.calls
	s.calls = nil
	return c
}

func (s *memStore) record(c storeCall) error {
	c.err = memErr(c.err)
	s.calls = append(s.calls, c)
	return c.err
}

func memCheckID(what, id string) error {
	switch {
	case id == "":
		return fmt.Errorf("%w: empty %s", store.ErrInvalid, what)
	case len(id) > 128:
		return fmt.Errorf("%w: %s is %d bytes", store.ErrInvalid, what, len(id))
	case !utf8.ValidString(id):
		return fmt.Errorf("%w: %s is not valid UTF-8", store.ErrInvalid, what)
	case strings.IndexByte(id, 0) >= 0:
		return fmt.Errorf("%w: %s contains a NUL byte", store.ErrInvalid, what)
	}
	return nil
}

func memCheckText(what, s string, limit int) error {
	if len(s) > limit || !utf8.ValidString(s) {
		return fmt.Errorf("%w: %s", store.ErrInvalid, what)
	}
	return nil
}

func memCheckTime(what string, t time.Time) error {
	if !t.After(time.Unix(0, 0)) || t.After(time.Unix(0, math.MaxInt64)) {
		return fmt.Errorf("%w: %s %v is outside 1970..2262", store.ErrInvalid, what, t)
	}
	return nil
}

func memCheckPosition(p store.Position) error {
	if p.Stage >= store.StageDone || p.Cursor < 0 {
		return fmt.Errorf("%w: position %+v", store.ErrInvalid, p)
	}
	return nil
}

func memCheckAnswer(id store.AttemptID, questionID string, next store.Position) error {
	if id.IsZero() {
		return fmt.Errorf("%w: empty attempt id", store.ErrInvalid)
	}
	if err := memCheckID("question id", questionID); err != nil {
		return err
	}
	return memCheckPosition(next)
}

// writable returns the stored attempt if it may still change.
func (s *memStore) writable(id store.AttemptID) (store.Attempt, error) {
	if s.writeFails() {
		return store.Attempt{}, s.failure()
	}
	a, ok := s.attempts[id]
	if !ok {
		return store.Attempt{}, fmt.Errorf("%w: attempt %s", store.ErrNotFound, id)
	}
	if a.Done() {
		return store.Attempt{}, fmt.Errorf("%w: attempt %s", store.ErrFinished, id)
	}
	return a, nil
}

// failure is the error a failing write returns.
func (s *memStore) failure() error {
	if s.failErr != nil {
		return s.failErr
	}
	return errDiskFull
}

// writeFails reports whether the write being made is to fail.
func (s *memStore) writeFails() bool {
	fail := s.failWrites&1 != 0
	s.failWrites >>= 1
	return fail
}

func (s *memStore) StartAttempt(profileID string, q *survey.Questionnaire, at time.Time) (store.Attempt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := func() error {
		if err := memCheckID("profile id", profileID); err != nil {
			return err
		}
		if q == nil {
			return fmt.Errorf("%w: no questionnaire", store.ErrInvalid)
		}
		if err := memCheckID("questionnaire id", q.ID); err != nil {
			return err
		}
		if err := memCheckTime("start time", at); err != nil {
			return err
		}
		if s.writeFails() {
			return s.failure()
		}
		if !s.profiles[profileID] {
			return fmt.Errorf("%w: profile %q", store.ErrNotFound, profileID)
		}
		if open, ok := s.unfinished[profileID]; ok {
			return fmt.Errorf("%w: profile %q has attempt %s", store.ErrUnfinishedExists, profileID, open)
		}
		return nil
	}()
	if err != nil {
		return store.Attempt{}, s.record(storeCall{op: "start", err: err})
	}
	s.seq++
	var id store.AttemptID
	binary.BigEndian.PutUint64(id[:8], uint64(at.UnixNano()))
	binary.BigEndian.PutUint64(id[8:], s.seq)
	a := store.Attempt{
		ID:                   id,
		QuestionnaireID:      q.ID,
		QuestionnaireVersion: q.Version,
		ProfileID:            profileID,
		Started:              time.Unix(at.Unix(), 0).UTC(), // the store keeps whole seconds
		Position:             store.Position{Stage: store.StageBackground},
	}
	s.attempts[id] = copyAttempt(a)
	s.unfinished[profileID] = id
	_ = s.record(storeCall{op: "start", id: id})
	return copyAttempt(a), nil
}

func (s *memStore) read(profileID string) error {
	if err := memCheckID("profile id", profileID); err != nil {
		return memErr(err)
	}
	if s.failRead {
		s.failRead = false
		return memErr(fmt.Errorf("%w: bad page", store.ErrCorrupt))
	}
	return nil
}

func (s *memStore) Unfinished(profileID string) (store.Attempt, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.read(profileID); err != nil {
		return store.Attempt{}, false, err
	}
	id, ok := s.unfinished[profileID]
	if !ok {
		return store.Attempt{}, false, nil
	}
	return copyAttempt(s.attempts[id]), true, nil
}

// LatestFinished picks the profile's attempt with the latest finish time,
// ties broken by id, as the real store's finished index orders them.
func (s *memStore) LatestFinished(profileID string) (store.Attempt, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.read(profileID); err != nil {
		return store.Attempt{}, false, err
	}
	a, ok := s.latest(profileID)
	return a, ok, nil
}

func (s *memStore) latest(profileID string) (store.Attempt, bool) {
	var best store.Attempt
	found := false
	for _, a := range s.attempts {
		if !a.Done() || a.ProfileID != profileID {
			continue
		}
		if !found || a.Finished.UnixNano() > best.Finished.UnixNano() ||
			a.Finished.UnixNano() == best.Finished.UnixNano() && bytes.Compare(a.ID[:], best.ID[:]) > 0 {
			best, found = a, true
		}
	}
	if !found {
		return store.Attempt{}, false
	}
	return copyAttempt(best), true
}

// modify checks, then applies change and the position in one step, or
// changes nothing.
func (s *memStore) modify(c storeCall, check func() error, change func(*store.Attempt)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := check(); err != nil {
		c.err = err
		return s.record(c)
	}
	a, err := s.writable(c.id)
	if err != nil {
		c.err = err
		return s.record(c)
	}
	change(&a)
	s.attempts[c.id] = a
	return s.record(c)
}

func (s *memStore) SaveBackground(id store.AttemptID, questionID, value string, next store.Position) error {
	return s.modify(storeCall{op: "background", id: id, statement: questionID},
		func() error {
			if err := memCheckAnswer(id, questionID, next); err != nil {
				return err
			}
			return memCheckText("background answer", value, 128)
		},
		func(a *store.Attempt) {
			a.SetBackground(questionID, value)
			a.Position = next
		})
}

func (s *memStore) SaveRating(id store.AttemptID, statementID string, value int, next store.Position) error {
	return s.modify(storeCall{op: "rating", id: id, statement: statementID, value: value},
		func() error {
			if err := memCheckAnswer(id, statementID, next); err != nil {
				return err
			}
			if value < 0 || value > 254 {
				return fmt.Errorf("%w: rating %d outside 0..254", store.ErrInvalid, value)
			}
			return nil
		},
		func(a *store.Attempt) {
			a.SetRating(statementID, store.Rating{Value: value})
			a.Position = next
		})
}

func (s *memStore) SaveDiscussion(id store.AttemptID, questionID, text string, next store.Position) error {
	return s.modify(storeCall{op: "discussion", id: id, statement: questionID},
		func() error {
			if err := memCheckAnswer(id, questionID, next); err != nil {
				return err
			}
			return memCheckText("discussion answer", text, 64<<10)
		},
		func(a *store.Attempt) {
			a.SetDiscussion(questionID, text)
			a.Position = next
		})
}

func (s *memStore) SavePosition(id store.AttemptID, p store.Position) error {
	return s.modify(storeCall{op: "position", id: id},
		func() error {
			if id.IsZero() {
				return fmt.Errorf("%w: empty attempt id", store.ErrInvalid)
			}
			return memCheckPosition(p)
		},
		func(a *store.Attempt) { a.Position = p })
}

func (s *memStore) Finish(id store.AttemptID, at time.Time) error {
	return s.modify(storeCall{op: "finish", id: id},
		func() error {
			if id.IsZero() {
				return fmt.Errorf("%w: empty attempt id", store.ErrInvalid)
			}
			return memCheckTime("finish time", at)
		},
		func(a *store.Attempt) {
			delete(s.unfinished, a.ProfileID)
			a.Finished = time.Unix(at.Unix(), 0).UTC()
			a.Position = store.Position{Stage: store.StageDone}
		})
}

func (s *memStore) Discard(id store.AttemptID) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := storeCall{op: "discard", id: id}
	if id.IsZero() {
		c.err = fmt.Errorf("%w: empty attempt id", store.ErrInvalid)
		return s.record(c)
	}
	a, err := s.writable(id)
	if err != nil {
		c.err = err
		return s.record(c)
	}
	delete(s.unfinished, a.ProfileID)
	delete(s.attempts, id)
	return s.record(c)
}

var _ Store = (*memStore)(nil)

// TestMemStoreLikeBbolt runs the same calls on memStore and on a real
// store and compares what they return, errors by sentinel, so that the
// fuzz target's fake keeps the real store's semantics.
func TestMemStoreLikeBbolt(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	real, err := store.Open(filepath.Join(t.TempDir(), "like.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { real.Close() })
	stores := []Store{real, newMemStore()}

	sentinels := []error{store.ErrNotFound, store.ErrFinished, store.ErrUnfinishedExists, store.ErrInvalid, store.ErrCorrupt}
	kind := func(err error) string {
		if err == nil {
			return "ok"
		}
		for _, s := range sentinels {
			if errors.Is(err, s) {
				return s.Error()
			}
		}
		return "other: " + err.Error()
	}
	// An attempt as compared: ids by their time half (the rest is random
	// in the real store), times as instants.
	norm := func(a store.Attempt) string {
		ratings := make([]string, 0, len(a.Ratings))
		for id, r := range a.Ratings {
			ratings = append(ratings, fmt.Sprintf("%s=%d", id, r.Value))
		}
		slices.Sort(ratings)
		return fmt.Sprintf("id %x q %s/%d profile %s started %d finished %d bg %v disc %v ratings %v pos %+v nil %v%v%v",
			a.ID[:8], a.QuestionnaireID, a.QuestionnaireVersion, a.ProfileID, a.Started.UnixNano(),
			a.Finished.UnixNano(), a.Background, a.Discussion, ratings, a.Position,
			a.Background == nil, a.Ratings == nil, a.Discussion == nil)
	}

	t0 := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	at := func(s int) time.Time { return t0.Add(time.Duration(s)*time.Second + 1234567*time.Nanosecond) }
	st := func(i int) store.Position { return store.Position{Stage: store.StageStatements, Cursor: i} }
	ids := make([][]store.AttemptID, len(stores)) // per store, attempt ids in start order
	steps := []struct {
		name string
		do   func(s Store, ids []store.AttemptID) (string, []store.AttemptID)
	}{
		{"empty unfinished", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			a, ok, err := s.Unfinished(store.LocalProfile)
			return fmt.Sprint(ok, kind(err), ok && a.ID.IsZero()), ids
		}},
		{"empty latest", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			_, ok, err := s.LatestFinished(store.LocalProfile)
			return fmt.Sprint(ok, kind(err)), ids
		}},
		{"start", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			a, err := s.StartAttempt(store.LocalProfile, q, at(1))
			return kind(err) + " " + norm(a), append(ids, a.ID)
		}},
		{"start twice", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			_, err := s.StartAttempt(store.LocalProfile, q, at(2))
			return kind(err), ids
		}},
		{"start unknown profile", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			_, err := s.StartAttempt("nobody", q, at(2))
			return kind(err), ids
		}},
		{"start bad", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			_, e1 := s.StartAttempt("", q, at(2))
			_, e2 := s.StartAttempt(store.LocalProfile, nil, at(2))
			_, e3 := s.StartAttempt(store.LocalProfile, q, time.Time{})
			return kind(e1) + kind(e2) + kind(e3), ids
		}},
		{"answers", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			id := ids[0]
			return fmt.Sprint(
				kind(s.SaveBackground(id, "role", "librarian", store.Position{Stage: store.StageBackground, Cursor: 1})),
				kind(s.SaveBackground(id, "age", "30", store.Position{Stage: store.StageBackground, Cursor: 2})),
				kind(s.SaveBackground(id, "age", "", store.Position{Stage: store.StageBackground, Cursor: 3})),
				kind(s.SaveRating(id, q.Statements[0].ID, 5, st(1))),
				kind(s.SaveRating(id, q.Statements[1].ID, store.Skipped, st(2))),
				kind(s.SaveRating(id, q.Statements[0].ID, 6, st(1))),
				kind(s.SaveDiscussion(id, q.Discussion[0].ID, "svar", store.Position{Stage: store.StageDiscussion, Cursor: 1})),
				kind(s.SavePosition(id, store.Position{Stage: store.StageReview})),
			), ids
		}},
		{"bad answers", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			id := ids[0]
			return fmt.Sprint(
				kind(s.SaveRating(id, q.Statements[2].ID, 256, st(3))),
				kind(s.SaveRating(id, q.Statements[2].ID, -1, st(3))),
				kind(s.SaveRating(id, "", 1, st(3))),
				kind(s.SaveRating(store.AttemptID{}, q.Statements[2].ID, 1, st(3))),
				kind(s.SaveRating(id, q.Statements[2].ID, 1, store.Position{Stage: store.StageDone})),
				kind(s.SaveRating(id, q.Statements[2].ID, 1, store.Position{Stage: store.StageStatements, Cursor: -1})),
				kind(s.SaveBackground(id, "role", strings.Repeat("x", 129), st(0))),
				kind(s.SaveDiscussion(id, "q", "\xff", st(0))),
				kind(s.SavePosition(id, store.Position{Stage: store.StageDone})),
				kind(s.SaveRating(store.AttemptID{1}, q.Statements[2].ID, 1, st(3))),
				kind(s.Finish(id, time.Time{})),
				kind(s.Discard(store.AttemptID{})),
				kind(s.Discard(store.AttemptID{1})),
			), ids
		}},
		{"unfinished", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			a, ok, err := s.Unfinished(store.LocalProfile)
			return fmt.Sprint(ok, kind(err), norm(a)), ids
		}},
		{"finish", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			id := ids[0]
			return fmt.Sprint(
				kind(s.Finish(id, at(10))),
				kind(s.Finish(id, at(11))),
				kind(s.SaveRating(id, q.Statements[2].ID, 1, st(3))),
				kind(s.SavePosition(id, st(3))),
				kind(s.Discard(id)),
			), ids
		}},
		{"after finish", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			_, open, err1 := s.Unfinished(store.LocalProfile)
			a, ok, err2 := s.LatestFinished(store.LocalProfile)
			return fmt.Sprint(open, kind(err1), ok, kind(err2), norm(a)), ids
		}},
		{"start over", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			a, err := s.StartAttempt(store.LocalProfile, q, at(20))
			ids = append(ids, a.ID)
			r := fmt.Sprint(kind(err), kind(s.SaveRating(a.ID, q.Statements[0].ID, 2, st(1))),
				kind(s.Discard(a.ID)), kind(s.Discard(a.ID)), kind(s.SaveRating(a.ID, q.Statements[0].ID, 2, st(1))))
			_, open, err2 := s.Unfinished(store.LocalProfile)
			return r + fmt.Sprint(open, kind(err2)), ids
		}},
		{"latest by finish time", func(s Store, ids []store.AttemptID) (string, []store.AttemptID) {
			a, err := s.StartAttempt(store.LocalProfile, q, at(30))
			ids = append(ids, a.ID)
			// Finished before the first attempt was: not the latest.
			r := kind(err) + kind(s.Finish(a.ID, at(9)))
			l, ok, err := s.LatestFinished(store.LocalProfile)
			return r + fmt.Sprint(ok, kind(err), norm(l)), ids
		}},
	}
	for _, step := range steps {
		var results []string
		for i, s := range stores {
			var r string
			r, ids[i] = step.do(s, ids[i])
			results = append(results, r)
		}
		if results[0] != results[1] {
			t.Errorf("%s:\nbbolt %s\nmem   %s", step.name, results[0], results[1])
		}
	}
}
