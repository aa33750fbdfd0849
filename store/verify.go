package store

import (
	"bytes"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// Verification is what Verify found: counts of what the file holds and
// one line per problem.
type Verification struct {
	// Schema is the file's layout version. A file older than this build's
	// gets only bbolt's check: its records are checked after the next
	// normal open has upgraded it.
	Schema                       uint64
	Profiles, Attempts, Finished int
	Problems                     []string
}

// Sound reports whether nothing was found wrong.
func (v Verification) Sound() bool { return len(v.Problems) == 0 }

func (v *Verification) problem(format string, args ...any) {
	v.Problems = append(v.Problems, fmt.Sprintf(format, args...))
}

// maxProblems bounds the report: a badly damaged file could otherwise
// yield one line per record.
const maxProblems = 1000

// Verify reads the whole file read-only and checks it: bbolt's own
// consistency check (every page reachable once, keys in order), then
// digikomp's: every record decodes, every answer belongs to an attempt and
// to a statement of its questionnaire version, within its scale; every
// attempt belongs to a profile and a recorded questionnaire version, and
// versions this build knows (known) hold the statements it knows; the
// indexes and results rows agree with the attempts.
//
// It reads every page, so damage can make bbolt panic in a goroutine of
// its own or fault on a truncated mapping; callers that must survive that
// run Verify in a child process. Errors are those of Open (ErrLocked,
// ErrCorrupt, …); problems found after a successful open are returned in
// the Verification.
func Verify(path string, timeout time.Duration, known ...*survey.Questionnaire) (_ Verification, err error) {
	s, err := Open(path, Options{ReadOnly: true, Timeout: timeout, olderOK: true})
	if err != nil {
		return Verification{}, err
	}
	defer func() {
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}()
	v := Verification{Schema: s.schema}
	// The shared lock taken by Open keeps writers out while the pages
	// are read directly.
	v.Problems, err = checkPages(path)
	if err != nil {
		return v, atPath(err, path)
	}
	if !v.Sound() {
		return v, nil
	}
	err = s.view(func(tx *bbolt.Tx) error {
		for cerr := range tx.Check() {
			if len(v.Problems) < maxProblems {
				v.problem("bbolt: %v", cerr)
			}
		}
		if !v.Sound() || s.schema < schemaVersion {
			// A damaged structure could make the walk read garbage; an
			// older layout lacks what the walk checks.
			return nil
		}
		return verifyRecords(tx, &v, known)
	})
	if err != nil {
		return v, err
	}
	if len(v.Problems) > maxProblems {
		v.Problems = append(v.Problems[:maxProblems], fmt.Sprintf("… and %d more", len(v.Problems)-maxProblems))
	}
	return v, nil
}

// verifyRecords walks every bucket once.
func verifyRecords(tx *bbolt.Tx, v *Verification, known []*survey.Questionnaire) error {
	b, err := unsafeBuckets(tx)
	if err != nil {
		v.problem("%v", err)
		return nil
	}
	if name := missingBucket(tx); name != "" {
		v.problem("bucket %s is missing", name)
	}

	_ = b.profiles.ForEach(func(k, raw []byte) error {
		v.Profiles++
		p, err := decodeProfile(raw)
		switch {
		case err != nil:
			v.problem("profile %q: %v", k, err)
		case p.ID != string(k):
			v.problem("profile %q: record names %q", k, p.ID)
		}
		return nil
	})

	shapes := map[string]shape{}
	_ = b.shapes.ForEach(func(k, raw []byte) error {
		qid, version, err := splitShapeKey(k)
		if err != nil {
			v.problem("%v", err)
			return nil
		}
		sh, err := decodeShape(raw)
		if err != nil {
			v.problem("questionnaire %s version %d: %v", qid, version, err)
			return nil
		}
		for _, q := range known {
			if q.ID == qid && q.Version == version && !shapeOf(q).equal(sh) {
				v.problem("questionnaire %s version %d: statements or scale differ from this digikomp's", qid, version)
			}
		}
		shapes[string(k)] = sh
		return nil
	})

	_ = b.attempts.ForEach(func(k, raw []byte) error {
		v.Attempts++
		id, err := indexedID(k)
		if err != nil {
			v.problem("attempt key %x: %v", k, err)
			return nil
		}
		rec, err := decodeAttempt(raw)
		if err != nil {
			v.problem("attempt %s: %v", id, err)
			return nil
		}
		verifyAttempt(b, v, shapes, id, rec)
		return nil
	})

	_ = b.answers.ForEach(func(k, _ []byte) error {
		if b.attempts.Get(k) == nil {
			v.problem("answers record %x belongs to no attempt", k)
		}
		return nil
	})
	_ = b.unfinished.ForEach(func(k, raw []byte) error {
		id, err := indexedID(raw)
		if err != nil {
			v.problem("unfinished index of profile %q: %v", k, err)
			return nil
		}
		rec, err := unsafeLoadHeader(b, id)
		switch {
		case err != nil:
			v.problem("unfinished index of profile %q: %v", k, err)
		case rec.Profile != string(k) || !rec.Finished.IsZero():
			v.problem("unfinished index of profile %q points at attempt %s of %q, finished %v", k, id, rec.Profile, !rec.Finished.IsZero())
		}
		return nil
	})
	finished := 0
	_ = b.finished.ForEach(func(k, _ []byte) error {
		finished++
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			v.problem("finished index key %x has no profile", k)
			return nil
		}
		id, err := finishedKeyID(k, k[:i+1])
		if err != nil {
			v.problem("finished index key %x: %v", k, err)
			return nil
		}
		rec, err := unsafeLoadHeader(b, id)
		switch {
		case err != nil:
			v.problem("finished index: %v", err)
		case rec.Finished.IsZero() || !bytes.Equal(k, finishedKey(rec.Profile, rec.Finished, id)):
			v.problem("finished index entry %x does not match attempt %s", k, id)
		}
		return nil
	})
	results := b.results.Stats().KeyN
	if finished != v.Finished || results != v.Finished {
		v.problem("%d finished attempts, but %d finished index entries and %d results rows", v.Finished, finished, results)
	}
	return nil
}

// verifyAttempt checks one attempt against its questionnaire shape, its
// profile, its answers record and the indexes.
func verifyAttempt(b buckets, v *Verification, shapes map[string]shape, id AttemptID, rec attemptRecord) {
	if !unsafeProfileExists(b.profiles, rec.Profile) {
		v.problem("attempt %s: profile %q does not exist", id, rec.Profile)
	}
	sh, known := shapes[string(shapeKey(rec.Questionnaire, rec.Version))]
	if !known {
		v.problem("attempt %s: questionnaire %s version %d is not recorded", id, rec.Questionnaire, rec.Version)
	}
	ratings, err := unsafeLoadRatings(b, id)
	if err != nil {
		v.problem("%v", err)
	} else if known {
		for sid, r := range ratings {
			if err := sh.checkRating(sid, r.Value); err != nil {
				v.problem("attempt %s: %v", id, err)
			}
		}
	}
	if rec.Finished.IsZero() {
		if got := b.unfinished.Get([]byte(rec.Profile)); !bytes.Equal(got, id[:]) {
			v.problem("attempt %s is unfinished but not the unfinished attempt of %q", id, rec.Profile)
		}
		if Stage(rec.Position.Stage) == StageDone {
			v.problem("attempt %s is unfinished but positioned as done", id)
		}
		return
	}
	v.Finished++
	if b.finished.Get(finishedKey(rec.Profile, rec.Finished, id)) == nil {
		v.problem("attempt %s is finished but missing from the finished index", id)
	}
	row := b.results.Get(resultKey(rec.Finished, id))
	switch {
	case row == nil:
		v.problem("attempt %s is finished but has no results row", id)
	case known && ratings != nil && !bytes.Equal(row, resultRow(rec, sh, ratings)):
		v.problem("attempt %s: results row does not match its answers", id)
	}
}
