package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
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
	Problems                     []Problem
}

// Sound reports whether nothing was found wrong.
func (v Verification) Sound() bool { return len(v.Problems) == 0 }

func (v *Verification) problem(p Problem) {
	v.Problems = append(v.Problems, p)
}

// maxProblems bounds the report: a badly damaged file could otherwise
// yield one line per record.
const maxProblems = 1000

// Verify reads the whole file read-only and checks it: bbolt's own
// consistency check (every page reachable once, keys in order), then
// digikomp's: every record decodes, every answer belongs to an attempt and
// to a statement of its questionnaire version, within its scale; every
// attempt belongs to a profile and a recorded questionnaire version; the
// indexes and results rows agree with the attempts. Attempts are judged
// against the questionnaire shapes the file records, never against this
// build's questionnaire: a file made with another questions file is sound.
// Only a recorded shape under this build's own id and version must be
// this build's: a digikomp never writes another, so it is damage that a
// bit flip in a statement id can leave decodable.
//
// It reads every page, so damage can make bbolt panic in a goroutine of
// its own or fault on a truncated mapping; callers that must survive that
// run Verify in a child process. Errors are those of Open (ErrLocked,
// ErrCorrupt, …); problems found after a successful open are returned in
// the Verification.
func Verify(path string, timeout time.Duration) (_ Verification, err error) {
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
				v.problem(Problem{Kind: ProblemBbolt, Detail: cerr.Error()})
			}
		}
		if !v.Sound() || s.schema < schemaVersion {
			// A damaged structure could make the walk read garbage; an
			// older layout lacks what the walk checks.
			return nil
		}
		return verifyRecords(tx, &v)
	})
	if err != nil {
		return v, err
	}
	if len(v.Problems) > maxProblems {
		v.Problems = append(v.Problems[:maxProblems], Problem{Kind: ProblemMore, Numbers: []int{len(v.Problems) - maxProblems}})
	}
	return v, nil
}

// verifyRecords walks every bucket once.
func verifyRecords(tx *bbolt.Tx, v *Verification) error {
	b, err := unsafeBuckets(tx)
	if err != nil {
		v.problem(Problem{Kind: ProblemBuckets, Detail: detail(err)})
		return nil
	}
	if name := missingBucket(tx); name != "" {
		v.problem(Problem{Kind: ProblemBucketMissing, Record: name})
	}

	if raw := tx.Bucket(metaBucket).Get(metaRetakeKey); raw != nil {
		if _, err := decodeRetake(raw); err != nil {
			v.problem(Problem{Kind: ProblemBuckets, Detail: detail(err)})
		}
	}

	names := map[string]string{} // folded name → profile id
	_ = b.profiles.ForEach(func(k, raw []byte) error {
		v.Profiles++
		p, err := decodeProfile(raw)
		switch {
		case err != nil:
			v.problem(Problem{Kind: ProblemProfile, Record: string(k), Detail: detail(err)})
		case p.ID != string(k):
			v.problem(Problem{Kind: ProblemProfileName, Record: string(k), Detail: p.ID})
		case p.Name != "":
			if other, dup := names[foldName(p.Name)]; dup {
				v.problem(Problem{Kind: ProblemProfile, Record: string(k), Detail: fmt.Sprintf("the name of profile %q", other)})
			}
			names[foldName(p.Name)] = p.ID
		}
		return nil
	})

	shapes := map[string]shape{}
	_ = b.shapes.ForEach(func(k, raw []byte) error {
		qid, version, err := splitShapeKey(k)
		if err != nil {
			v.problem(Problem{Kind: ProblemShapeKey, Detail: detail(err)})
			return nil
		}
		sh, err := decodeShape(raw)
		if err != nil {
			v.problem(Problem{Kind: ProblemShape, Record: qid, Numbers: []int{version}, Detail: detail(err)})
			return nil
		}
		if notBuiltin(qid, version, sh) {
			v.problem(Problem{Kind: ProblemBuiltinShape, Record: qid, Numbers: []int{version}})
		}
		shapes[string(k)] = sh
		return nil
	})

	// What the history must agree with, gathered in the one walk over the
	// attempts so that checking it reads no attempt twice.
	finishedAt := map[AttemptID]historyMark{}
	rows := map[AttemptID]expectedRow{}
	profiles := map[string]bool{}
	broken := map[AttemptID]bool{}   // attempts whose record does not decode
	managers := map[AttemptID]bool{} // every decoded attempt: whether its background makes a manager
	codec := b.codec()
	_ = b.attempts.ForEach(func(k, raw []byte) error {
		v.Attempts++
		id, err := indexedID(k)
		if err != nil {
			v.problem(Problem{Kind: ProblemAttemptKey, Record: fmt.Sprintf("%x", k), Detail: detail(err)})
			return nil
		}
		rec, err := decodeAttempt(raw, codec)
		if err != nil {
			v.problem(Problem{Kind: ProblemAttempt, Record: id.String(), Detail: detail(err)})
			broken[id] = true
			return nil
		}
		managers[id] = survey.IsManager(rec.Background)
		if _, seen := profiles[rec.Profile]; !seen {
			profiles[rec.Profile] = unsafeProfileExists(b.profiles, rec.Profile)
		}
		if !profiles[rec.Profile] {
			v.problem(Problem{Kind: ProblemNoProfile, Record: id.String(), Detail: rec.Profile})
		}
		if !rec.Finished.IsZero() {
			finishedAt[id] = historyMark{rec.Profile, rec.Finished.Unix()}
		}
		verifyAttempt(b, v, shapes, rows, id, rec)
		return nil
	})

	verifyPlansAndDefinitions(b, v, shapes, finishedAt, broken)
	verifyWorkshops(b, v, managers, broken)

	// The results rows are compared in one pass over them rather than
	// looked up one by one.
	_ = b.results.ForEach(func(k, row []byte) error {
		var id AttemptID
		if len(k) != 8+len(id) {
			v.problem(Problem{Kind: ProblemResultsRow, Record: fmt.Sprintf("%x", k)})
			return nil
		}
		copy(id[:], k[8:])
		want, ok := rows[id]
		if !ok {
			return nil // a row of no finished attempt: the counts below disagree
		}
		delete(rows, id)
		if binary.BigEndian.Uint64(k) != want.finished || (want.row != nil && !bytes.Equal(row, want.row)) {
			v.problem(Problem{Kind: ProblemResultsRow, Record: id.String()})
		}
		return nil
	})
	missing := slices.SortedFunc(maps.Keys(rows), func(x, y AttemptID) int { return bytes.Compare(x[:], y[:]) })
	for _, id := range missing {
		v.problem(Problem{Kind: ProblemNoResultsRow, Record: id.String()})
	}

	_ = b.unfinished.ForEach(func(k, raw []byte) error {
		id, err := indexedID(raw)
		if err != nil {
			v.problem(Problem{Kind: ProblemUnfinishedIndex, Record: string(k), Detail: detail(err)})
			return nil
		}
		rec, err := unsafeLoadHeader(b, id)
		switch {
		case err != nil:
			v.problem(Problem{Kind: ProblemUnfinishedIndex, Record: string(k), Detail: detail(err)})
		case rec.Profile != string(k) || !rec.Finished.IsZero():
			v.problem(Problem{Kind: ProblemUnfinishedWrong, Record: string(k), Detail: id.String()})
		}
		return nil
	})
	// Every entry matches a finished attempt of its profile and no entry
	// repeats (a record is strictly ordered), so equal counts mean every
	// finished attempt is in its profile's history.
	finished := 0
	_ = b.history.ForEach(func(k, raw []byte) error {
		list, err := decodeHistory(raw)
		if err != nil {
			v.problem(Problem{Kind: ProblemFinishedIndexKey, Record: string(k), Detail: detail(err)})
			return nil
		}
		finished += len(list)
		for _, e := range list {
			if finishedAt[e.id] != (historyMark{string(k), e.finished}) {
				v.problem(Problem{Kind: ProblemFinishedIndex, Record: e.id.String(), Detail: fmt.Sprintf("history of %q", k)})
			}
		}
		return nil
	})
	results := b.results.Stats().KeyN
	if finished != v.Finished || results != v.Finished {
		v.problem(Problem{Kind: ProblemCounts, Numbers: []int{v.Finished, finished, results}})
	}
	return nil
}

// verifyAttempt checks one attempt against its questionnaire shape and
// the unfinished index and results rows.
func verifyAttempt(b buckets, v *Verification, shapes map[string]shape, rows map[AttemptID]expectedRow, id AttemptID, rec attemptRecord) {
	sh, known := shapes[string(shapeKey(rec.Questionnaire, rec.Version))]
	if !known {
		v.problem(Problem{Kind: ProblemNoShape, Record: id.String(), Detail: rec.Questionnaire, Numbers: []int{rec.Version}})
	}
	if known {
		// The decoder matched the values to the shape's statements;
		// what is left is the scale, checked without a lookup per value.
		for i, b := range rec.Values {
			if r := int(b) - 1; b > 1 && (r < sh.min || r > sh.max) && i < len(sh.statements) {
				v.problem(Problem{Kind: ProblemRating, Record: id.String(), Detail: detail(sh.checkRating(sh.statements[i], r))})
			}
		}
	}
	if rec.Finished.IsZero() {
		if got := b.unfinished.Get([]byte(rec.Profile)); !bytes.Equal(got, id[:]) {
			v.problem(Problem{Kind: ProblemNotUnfinished, Record: id.String(), Detail: rec.Profile})
		}
		if Stage(rec.Position.Stage) == StageDone {
			v.problem(Problem{Kind: ProblemPositionDone, Record: id.String()})
		}
		return
	}
	v.Finished++
	want := expectedRow{finished: uint64(rec.Finished.UnixNano())}
	if known {
		want.row = resultRow(rec, sh)
	}
	rows[id] = want
}

// expectedRow is the results row a finished attempt must have: its key's
// finish time, and its bytes when the attempt's shape is known.
type expectedRow struct {
	finished uint64
	row      []byte
}

// historyMark is what a finished attempt's history entry must say: its
// profile and finish time.
type historyMark struct {
	profile  string
	finished int64
}
