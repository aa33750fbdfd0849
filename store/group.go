package store

import (
	"bytes"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// GroupFilter picks the attempts of a group report: exactly one of a
// workshop (by id), a collection round (every workshop whose Round is
// this one, compared as CleanRound keeps it) or All the attempts in the
// file, workshop or not.
type GroupFilter struct {
	Workshop string
	Round    string
	All      bool
}

// ErrNoRound means no workshop has the collection round asked for; it is
// also ErrNotFound.
var ErrNoRound = fmt.Errorf("collection round %w", ErrNotFound)

// check refuses a filter that picks nothing or more than one way.
func (f GroupFilter) check() error {
	n := 0
	for _, set := range []bool{f.Workshop != "", f.Round != "", f.All} {
		if set {
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("%w: a group is one workshop, one collection round or all attempts", ErrInvalid)
	}
	if f.Workshop != "" {
		return checkID("workshop id", f.Workshop)
	}
	return nil
}

// unsafeEachInGroup calls visit with the id and raw record of every
// attempt f picks. A workshop or a round is read through the
// workshop-attempts index, a seek per workshop: its cost grows with the
// group, not the file. All walks the attempts bucket. An index entry
// whose attempt is missing is damage (ErrCorrupt).
func unsafeEachInGroup(b buckets, f GroupFilter, visit func(AttemptID, []byte) error) error {
	if f.All {
		c := b.attempts.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			id, err := indexedID(k)
			if err != nil {
				return fmt.Errorf("attempt key %x: %w", k, err)
			}
			if err := visit(id, v); err != nil {
				return err
			}
		}
		return nil
	}
	var workshops []string
	if f.Workshop != "" {
		if _, ok, err := unsafeGetWorkshop(b, f.Workshop); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("%w: %q", ErrNoWorkshop, survey.Visible(f.Workshop))
		}
		workshops = []string{f.Workshop}
	} else {
		round, ok := CleanRound(f.Round)
		if ok {
			all, err := unsafeWorkshops(b)
			if err != nil {
				return err
			}
			for _, w := range all {
				if w.Round == round {
					workshops = append(workshops, w.ID)
				}
			}
		}
		if len(workshops) == 0 {
			return fmt.Errorf("%w: %q", ErrNoRound, survey.Visible(f.Round))
		}
	}
	c := b.byWorkshop.Cursor()
	// A workshop's entries are in attempt-id order, and workshops are
	// mostly one after the other in time: the attempts are followed, not
	// searched for one by one.
	attempts := follower{c: b.attempts.Cursor()}
	for _, w := range workshops {
		prefix := workshopPrefix(w)
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			_, id, err := splitWorkshopIndexKey(k)
			if err != nil {
				return err
			}
			raw := attempts.get(id[:])
			if raw == nil {
				return fmt.Errorf("%w: the index of workshop %q names attempt %s, which does not exist", ErrCorrupt, survey.Visible(w), id)
			}
			if err := visit(id, raw); err != nil {
				return err
			}
		}
	}
	return nil
}

// EachRespondent calls fn with every finished attempt of questionnaire q
// that f picks, as a group report sees it (survey.Respondent: no name, no
// id), and returns how many of q's attempts it picks are unfinished;
// those are counted, never passed to fn. Attempts of other questionnaires
// are skipped and not counted.
//
// Values are in q's statement order: an attempt of another version of q
// has its ratings matched by statement id, and a statement q lacks is
// left out. Learn, Teach and TeachName come from the attempt's plan,
// TeachName only when the plan's ShowName is set and the attempt's profile
// has a name; Manager from its managers' answer.
//
// It is one read transaction. A workshop or a round is read through the
// index and never walks every attempt (see unsafeEachInGroup). fn must not
// keep r.Values or r.Background: they are reused for the next attempt.
func (s *Store) EachRespondent(q *survey.Questionnaire, f GroupFilter, fn func(r survey.Respondent)) (unfinished int, err error) {
	defer s.withPath(&err)
	if q == nil {
		return 0, fmt.Errorf("%w: no questionnaire", ErrInvalid)
	}
	if err := f.check(); err != nil {
		return 0, err
	}
	err = s.viewBuckets(func(b buckets) error {
		g := newGroupReader(b, q)
		return unsafeEachInGroup(b, f, func(id AttemptID, raw []byte) error {
			r, done, ok, err := g.respondent(id, raw)
			switch {
			case err != nil:
				return err
			case !ok:
			case !done:
				unfinished++
			default:
				fn(r)
			}
			return nil
		})
	})
	if err != nil {
		return 0, err
	}
	return unfinished, nil
}

// groupReader turns attempt records into respondents of one
// questionnaire within one transaction.
type groupReader struct {
	b      buckets
	extras follower
	plans  follower
	q      *survey.Questionnaire
	codec  recordCodec
	index  map[int][]int // questionnaire version → statement index in q for each of its shape's statements (-1: none)
	values []byte
	// background is the one map every respondent's background answers
	// are decoded into (see EachRespondent: fn must not keep it).
	background map[string]string
	profile    map[string]string // profile id → its name, once looked up
}

func newGroupReader(b buckets, q *survey.Questionnaire) *groupReader {
	return &groupReader{b: b, q: q, codec: b.codec(), index: map[int][]int{},
		extras: follower{c: b.extras.Cursor()}, plans: follower{c: b.plans.Cursor()},
		values: make([]byte, len(q.Statements)), background: map[string]string{}, profile: map[string]string{}}
}

// follower looks up keys that mostly come in increasing order, as the
// attempt ids of a group do, with a cursor that steps forward instead of
// searching the tree for each: the extras and plans of a group are read
// almost as one pass over each bucket.
type follower struct {
	c      *bbolt.Cursor
	k, v   []byte // where the cursor is: the first key ≥ last; nil at the end
	last   []byte
	seeked bool
}

// get returns the value under key, nil if there is none. The value is
// valid for the transaction.
func (f *follower) get(key []byte) []byte {
	forward := f.seeked && bytes.Compare(key, f.last) >= 0
	switch {
	case forward && f.k == nil:
		// Nothing at or after the last key, so nothing at this one.
	case forward:
		for i := 0; i < 8 && f.k != nil && bytes.Compare(f.k, key) < 0; i++ {
			f.k, f.v = f.c.Next()
		}
		if f.k != nil && bytes.Compare(f.k, key) < 0 {
			f.k, f.v = f.c.Seek(key)
		}
	default:
		f.k, f.v = f.c.Seek(key)
		f.seeked = true
	}
	f.last = append(f.last[:0], key...)
	if f.k != nil && bytes.Equal(f.k, key) {
		return f.v
	}
	return nil
}

// respondent decodes one attempt. ok is false for an attempt of another
// questionnaire; done is false for an unfinished one, whose other fields
// are not filled.
func (g *groupReader) respondent(id AttemptID, raw []byte) (r survey.Respondent, done, ok bool, err error) {
	rec, err := decodeAttemptInto(raw, g.codec, g.background, true)
	if err != nil {
		return r, false, false, fmt.Errorf("attempt %s: %w", id, err)
	}
	if rec.Questionnaire != g.q.ID {
		return r, false, false, nil
	}
	if rec.Finished.IsZero() {
		return r, false, true, nil
	}
	index, err := g.indexOf(rec.Version)
	if err != nil {
		return r, false, false, err
	}
	clear(g.values)
	for i, v := range rec.Values {
		if i < len(index) && index[i] >= 0 && v > 1 {
			g.values[index[i]] = v - 1
		}
	}
	r.Values = g.values
	r.Background = rec.Background
	if raw := g.extras.get(id[:]); raw != nil && survey.IsManager(rec.Background) {
		e, err := decodeExtra(raw)
		if err != nil {
			return r, false, false, fmt.Errorf("attempt %s: %w", id, err)
		}
		r.Manager = e.Manager
	}
	if raw := g.plans.get(id[:]); raw != nil {
		p, err := decodePlan(raw)
		if err != nil {
			return r, false, false, fmt.Errorf("attempt %s: %w", id, err)
		}
		r.Learn, r.Teach = p.Learn, p.Teach
		if p.ShowName && len(p.Teach) > 0 {
			if r.TeachName, err = g.name(rec.Profile); err != nil {
				return r, false, false, err
			}
		}
	}
	return r, true, true, nil
}

// indexOf maps a version's statements to q's by id.
func (g *groupReader) indexOf(version int) ([]int, error) {
	if index, ok := g.index[version]; ok {
		return index, nil
	}
	sh, err := g.b.shape(g.q.ID, version)
	if err != nil {
		return nil, err
	}
	pos := make(map[string]int, len(g.q.Statements))
	for i, st := range g.q.Statements {
		pos[st.ID] = i
	}
	index := make([]int, len(sh.statements))
	for i, id := range sh.statements {
		j, ok := pos[id]
		if !ok {
			j = -1
		}
		index[i] = j
	}
	g.index[version] = index
	return index, nil
}

// name is the profile's name, "" for the default and anonymous profiles
// and a profile that no longer exists.
func (g *groupReader) name(profileID string) (string, error) {
	if n, ok := g.profile[profileID]; ok {
		return n, nil
	}
	p, _, err := unsafeGetProfile(g.b.profiles, profileID)
	if err != nil {
		return "", err
	}
	g.profile[profileID] = p.Name
	return p.Name, nil
}

// DiscussionAnswers returns the discussion answers of the finished
// attempts f picks, per discussion question id, without names or ids:
// cleaned for the terminal (survey.CleanText) and sorted, so that the
// order says nothing about who answered when; the caller shuffles them
// for reading aloud. Attempts of every questionnaire are included.
func (s *Store) DiscussionAnswers(f GroupFilter) (_ map[string][]string, err error) {
	defer s.withPath(&err)
	if err := f.check(); err != nil {
		return nil, err
	}
	out := map[string][]string{}
	err = s.viewBuckets(func(b buckets) error {
		codec := b.codec()
		return unsafeEachInGroup(b, f, func(id AttemptID, raw []byte) error {
			rec, err := decodeAttempt(raw, codec)
			if err != nil {
				return fmt.Errorf("attempt %s: %w", id, err)
			}
			if rec.Finished.IsZero() {
				return nil
			}
			for q, text := range rec.Discussion {
				if text = survey.CleanText(text); text != "" {
					out[q] = append(out[q], text)
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	for _, list := range out {
		slices.Sort(list)
	}
	return out, nil
}
