package store

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// ErrConflict means an imported attempt has the id of an attempt the file
// already holds with other answers, times, profile or workshop. The file's
// attempt is kept: an import never overwrites.
var ErrConflict = errors.New("a different attempt with this id is already in the database")

// ImportRecord is one attempt to import and what goes with it.
type ImportRecord struct {
	// Attempt is the attempt, finished or not. ProfileID "" gives it a
	// new anonymous profile of its own (an export carries no profile
	// ids); another id is the profile's, created (named after its id) if
	// missing. Workshop names the workshop it was taken in, Manager the
	// managers' answer (allowed only when the background makes a
	// manager). A zero ID is given a new one.
	Attempt Attempt
	// Workshop is the workshop Attempt.Workshop names (or, if that is "",
	// the one it was taken in), created under its ID if the file lacks it,
	// without a facilitator PIN: a PIN's hash never travels in an export,
	// where a short PIN would be guessed offline in minutes. A workshop
	// the file has is kept as it is. A zero Created is taken to be Date,
	// a zero ClearAfter DefaultClearAfter. nil: the workshop, if any,
	// must be in the file already.
	Workshop *Workshop
	// Plan is the plan made after a finished attempt, or nil.
	Plan *Plan
	// Values, when Attempt.Ratings is empty, are the attempt's ratings in
	// the questionnaire's statement order, one per statement: NotReached,
	// Skipped or a value on the scale. An import of a region's file reads
	// them in this form, with no map built and searched per attempt.
	Values []int16
}

// NotReached is the value in ImportRecord.Values of a statement the
// person had not come to.
const NotReached = -1

// ImportOutcome is what became of one imported record.
type ImportOutcome uint8

// The outcomes of an imported record.
const (
	// ImportAdded: the attempt was written, with its workshop (created if
	// needed), managers' answer and plan.
	ImportAdded ImportOutcome = iota + 1
	// ImportPresent: the file holds the same attempt under this id (same
	// answers, times, position and workshop; the same profile unless the
	// record has none): skipped, nothing written. Its managers' answer
	// and plan are not compared, and not added: importing a file twice
	// changes nothing.
	ImportPresent
	// ImportConflict: the file holds a different attempt under this id;
	// it is kept, and Err (ErrConflict) says what differs.
	ImportConflict
	// ImportRejected: the record fails a check a save makes (Err says
	// which, as ErrInvalid, ErrUnfinishedExists, ErrNoWorkshop or
	// ErrQuestionnaireChanged's kin); nothing of it was written.
	ImportRejected
)

// ImportResult is the outcome of one record, in the order given.
type ImportResult struct {
	Outcome ImportOutcome
	ID      AttemptID // the attempt's id (a new one if the record had none)
	Err     error     // why, for ImportConflict and ImportRejected
}

// ImportReport is what ImportRecords did: one result per record and the
// counts of each outcome.
type ImportReport struct {
	Results                             []ImportResult
	Added, Present, Conflicts, Rejected int
}

// ImportRecords writes the attempts of q in records in one transaction,
// each checked as strictly as the Save methods check answers one by one
// and given the same records, indexes, results row, workshop entry,
// managers' answer and plan it would have had if it had been answered
// here. It is idempotent by attempt id: an attempt the file already has is
// skipped (ImportPresent) or, if it differs, reported and kept as the file
// has it (ImportConflict). A record that fails a check is rejected alone
// (ImportRejected) and the others are still written. The error is for
// what stops the whole import (the questionnaire, the file, the disk):
// then nothing at all was written.
func (s *Store) ImportRecords(q *survey.Questionnaire, records []ImportRecord) (_ ImportReport, err error) {
	defer s.withPath(&err)
	rep := ImportReport{Results: make([]ImportResult, len(records))}
	err = s.importTx(q, records, func(i int, res ImportResult) error {
		rep.Results[i] = res
		return nil
	})
	if err != nil {
		return ImportReport{}, err
	}
	for _, r := range rep.Results {
		switch r.Outcome {
		case ImportAdded:
			rep.Added++
		case ImportPresent:
			rep.Present++
		case ImportConflict:
			rep.Conflicts++
		case ImportRejected:
			rep.Rejected++
		}
	}
	return rep, nil
}

// Import writes complete attempts of q, finished or not, in one
// transaction: all of them or, on the first problem, none. An attempt the
// file already holds unchanged is skipped, so importing twice adds
// nothing; a different attempt under the same id is ErrConflict. Each is
// checked as ImportRecords checks it; profiles it names are created if
// missing, and an attempt without a profile gets an anonymous one.
//
// It is how the benchmarks build databases of 100,000 attempts in seconds
// instead of one fsync per answer.
func (s *Store) Import(q *survey.Questionnaire, attempts []Attempt) (err error) {
	defer s.withPath(&err)
	records := make([]ImportRecord, len(attempts))
	for i, a := range attempts {
		records[i].Attempt = a
	}
	return s.importTx(q, records, func(i int, res ImportResult) error {
		if res.Err != nil {
			return fmt.Errorf("attempt %d (%s): %w", i+1, res.ID, res.Err)
		}
		return nil
	})
}

// importTx imports records in one write transaction, handing each
// result to done; an error from done rolls everything back.
func (s *Store) importTx(q *survey.Questionnaire, records []ImportRecord, done func(int, ImportResult) error) error {
	if q == nil {
		return fmt.Errorf("%w: no questionnaire", ErrInvalid)
	}
	if err := checkID("questionnaire id", q.ID); err != nil {
		return err
	}
	sh := shapeOf(q)
	return s.updateBuckets(func(b buckets) error {
		b.pack(!slices.ContainsFunc(records, func(r ImportRecord) bool { return r.Attempt.ProfileID != "" }))
		if err := unsafeRegisterShape(b, q); err != nil {
			return err
		}
		ends := importEnds{attempts: newTail(b.attempts), profiles: newTail(b.profiles)}
		for _, i := range importOrder(records) {
			res, err := unsafeImportRecord(b, &ends, q, sh, records[i])
			if err != nil {
				return fmt.Errorf("attempt %d (%s): %w", i+1, res.ID, err)
			}
			if err := done(i, res); err != nil {
				return err
			}
		}
		return nil
	})
}

// importOrder is the order records are written in: by attempt id (start
// time), records without one last, so that the keys of the attempts and
// of the anonymous profiles made for them (see anonymousID) are appended
// to their buckets. bbolt splits a node only at commit, so inserting
// 100,000 keys at random places of one transaction's nodes moves
// gigabytes (measured: 30 s for 100,000 attempts, against seconds in
// order).
func importOrder(records []ImportRecord) []int {
	order := make([]int, len(records))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		a, b := records[x].Attempt.ID, records[y].Attempt.ID
		if a.IsZero() != b.IsZero() {
			if a.IsZero() {
				return 1
			}
			return -1
		}
		return bytes.Compare(a[:], b[:])
	})
	return order
}

// importEnds are the ends of the buckets an import appends to.
type importEnds struct {
	attempts, profiles tail
}

// tail is the greatest key of a bucket, kept up to date by the puts made
// through it. An import writes in key order, so nearly every key it looks
// up lies beyond the last and is known to be absent without a search:
// two of the ten lookups and writes an attempt costs.
type tail struct {
	b    *bbolt.Bucket
	last []byte // nil for an empty bucket
}

func newTail(b *bbolt.Bucket) tail {
	k, _ := b.Cursor().Last()
	return tail{b: b, last: bytes.Clone(k)}
}

// get is the bucket's value under k.
func (t *tail) get(k []byte) []byte {
	if t.last == nil || bytes.Compare(k, t.last) > 0 {
		return nil
	}
	return t.b.Get(k)
}

// put writes k in the bucket.
func (t *tail) put(k, v []byte) error {
	if err := t.b.Put(k, v); err != nil {
		return err
	}
	t.saw(k)
	return nil
}

// saw notes that k was written to the bucket by other means.
func (t *tail) saw(k []byte) {
	if bytes.Compare(k, t.last) > 0 {
		t.last = append(t.last[:0], k...)
	}
}

// anonymousID is the id of the anonymous profile an imported attempt
// without one gets: its start time, as the attempt id begins with it, in
// 16 hex characters, the form of every random profile id, so that an
// import in attempt-id order appends its profiles too. Should another
// profile have it (two attempts started in the same nanosecond), a random
// id is used.
func anonymousID(profiles *tail, id AttemptID) string {
	p := hex.EncodeToString(id[:8])
	if profiles.get([]byte(p)) == nil {
		return p
	}
	return newProfileID(profiles.b)
}

// unsafeImportRecord checks one record and, if it is new and sound,
// writes it. Every check comes before the first write, so a rejected
// record leaves nothing behind; the error is only for failed writes and
// damage, which end the import.
func unsafeImportRecord(b buckets, ends *importEnds, q *survey.Questionnaire, sh shape, r ImportRecord) (ImportResult, error) {
	a := r.Attempt
	reject := func(err error) (ImportResult, error) {
		return ImportResult{Outcome: ImportRejected, ID: a.ID, Err: err}, nil
	}
	if err := checkImport(q, sh, &a, r.Values); err != nil {
		return reject(err)
	}
	if r.Workshop != nil {
		if a.Workshop == "" {
			a.Workshop = r.Workshop.ID
		} else if a.Workshop != r.Workshop.ID {
			return reject(fmt.Errorf("%w: the attempt names workshop %q, its record %q", ErrInvalid, survey.Visible(a.Workshop), survey.Visible(r.Workshop.ID)))
		}
	}
	if a.Workshop != "" {
		if err := checkID("workshop id", a.Workshop); err != nil {
			return reject(err)
		}
	}
	rec, err := recordOf(a, r.Values, sh)
	if err != nil {
		return reject(err)
	}

	// Already here?
	if raw := ends.attempts.get(a.ID[:]); raw != nil {
		return unsafeCompareImport(b, a, rec, raw)
	}

	if a.Manager != "" {
		if !survey.ValidManagerAnswer(a.Manager) {
			return reject(fmt.Errorf("%w: %q is no answer to the managers' question", ErrInvalid, survey.Visible(a.Manager)))
		}
		if !survey.IsManager(a.Background) {
			return reject(fmt.Errorf("%w: only a manager answers the managers' question", ErrInvalid))
		}
	}
	if r.Plan != nil {
		if !a.Done() {
			return reject(fmt.Errorf("%w: attempt %s", ErrNotFinished, a.ID))
		}
		if err := CheckPlan(*r.Plan); err != nil {
			return reject(err)
		}
	}
	var newWorkshop *workshopRecord
	if a.Workshop != "" && !b.cache.workshops[a.Workshop] {
		_, ok, err := unsafeGetWorkshop(b, a.Workshop)
		if err != nil {
			return ImportResult{ID: a.ID}, err
		}
		if !ok {
			if r.Workshop == nil {
				return reject(fmt.Errorf("%w: %q", ErrNoWorkshop, survey.Visible(a.Workshop)))
			}
			given := *r.Workshop
			if given.Created.IsZero() {
				given.Created = given.Date // an export need not say when it was set up
			}
			w, err := workshopRecordOf(given)
			if err != nil {
				return reject(err)
			}
			newWorkshop = &w
		}
	}
	if !a.Done() && a.ProfileID != "" {
		if open := b.unfinished.Get([]byte(a.ProfileID)); open != nil {
			return reject(fmt.Errorf("%w: profile %q already has attempt %x", ErrUnfinishedExists, a.ProfileID, open))
		}
	}
	var anonymous *profileRecord
	if a.ProfileID == "" {
		anonymous = &profileRecord{ID: anonymousID(&ends.profiles, a.ID), Created: secondsOf(a.Started), Anonymous: true}
		a.ProfileID, rec.Profile = anonymous.ID, anonymous.ID
	}
	// The record encodes against the file's shape; only now is anything
	// written (a municipality name new to the file gets its code here).
	raw, err := encodeAttempt(rec, b.codec())
	if err != nil {
		if errors.Is(err, ErrInvalid) {
			return reject(err)
		}
		return ImportResult{ID: a.ID}, err
	}

	switch {
	case anonymous != nil:
		raw, err := encodeProfile(*anonymous)
		if err == nil {
			err = ends.profiles.put([]byte(anonymous.ID), raw)
		}
		if err != nil {
			return ImportResult{ID: a.ID}, fmt.Errorf("put profile %q: %w", anonymous.ID, err)
		}
	case ends.profiles.get([]byte(a.ProfileID)) == nil:
		if err := unsafePutImportedProfile(b, a.ProfileID, a.Started); err != nil {
			return ImportResult{ID: a.ID}, err
		}
		ends.profiles.saw([]byte(a.ProfileID))
	}
	if newWorkshop != nil {
		if err := unsafeSaveWorkshop(b, *newWorkshop); err != nil {
			return ImportResult{ID: a.ID}, err
		}
	}
	if a.Workshop != "" {
		if b.cache.workshops == nil {
			b.cache.workshops = map[string]bool{}
		}
		b.cache.workshops[a.Workshop] = true
	}
	if err := ends.attempts.put(a.ID[:], raw); err != nil {
		return ImportResult{ID: a.ID}, err
	}
	if a.Done() {
		if err := unsafeIndexFinished(b, a.ID, rec, anonymous != nil); err != nil {
			return ImportResult{ID: a.ID}, err
		}
	} else if err := b.unfinished.Put([]byte(a.ProfileID), a.ID[:]); err != nil {
		return ImportResult{ID: a.ID}, err
	}
	if a.Workshop != "" {
		if err := b.byWorkshop.Put(workshopIndexKey(a.Workshop, a.ID), nil); err != nil {
			return ImportResult{ID: a.ID}, err
		}
	}
	if err := unsafePutExtra(b, a.ID, extraRecord{Workshop: a.Workshop, Manager: a.Manager}); err != nil {
		return ImportResult{ID: a.ID}, err
	}
	if r.Plan != nil {
		if err := b.plans.Put(a.ID[:], encodePlan(*r.Plan)); err != nil {
			return ImportResult{ID: a.ID}, err
		}
	}
	return ImportResult{Outcome: ImportAdded, ID: a.ID}, nil
}

// unsafeCompareImport judges an imported attempt whose id the file
// already has: the same record (the profile aside when the import names
// none) and the same workshop is ImportPresent, anything else
// ImportConflict.
func unsafeCompareImport(b buckets, a Attempt, rec attemptRecord, raw []byte) (ImportResult, error) {
	have, err := decodeAttempt(raw, b.codec())
	if err != nil {
		return ImportResult{ID: a.ID}, fmt.Errorf("attempt %s: %w", a.ID, err)
	}
	e, err := unsafeExtra(b, a.ID)
	if err != nil {
		return ImportResult{ID: a.ID}, err
	}
	if a.ProfileID == "" {
		rec.Profile = have.Profile
	}
	conflict := func(what string) (ImportResult, error) {
		return ImportResult{Outcome: ImportConflict, ID: a.ID, Err: fmt.Errorf("%w: %s differs", ErrConflict, what)}, nil
	}
	switch {
	case rec.Questionnaire != have.Questionnaire || rec.Version != have.Version:
		return conflict("the questionnaire version")
	case rec.Profile != have.Profile:
		return conflict("the profile")
	case e.Workshop != a.Workshop:
		return conflict("the workshop")
	}
	// Same shape, so the encodings compare the rest. Encoding may need a
	// municipality code; an equal attempt's names have codes already, so
	// a name new to the file is a difference, found without writing it.
	c := b.codec()
	c.code = func(name string) (uint64, bool, error) { return b.cache.places.code(name, false) }
	mine, err := encodeAttempt(rec, c)
	if err != nil || !bytes.Equal(mine, raw) {
		return conflict("the answers, times or position")
	}
	return ImportResult{Outcome: ImportPresent, ID: a.ID}, nil
}

// checkImport validates what can be checked without the file and fills
// in the questionnaire and, if zero, the id.
func checkImport(q *survey.Questionnaire, sh shape, a *Attempt, values []int16) error {
	if a.QuestionnaireID == "" {
		a.QuestionnaireID, a.QuestionnaireVersion = q.ID, q.Version
	}
	if a.QuestionnaireID != q.ID || a.QuestionnaireVersion != q.Version {
		return fmt.Errorf("%w: questionnaire %s version %d, want %s version %d",
			ErrInvalid, survey.Visible(a.QuestionnaireID), a.QuestionnaireVersion, q.ID, q.Version)
	}
	if a.ProfileID != "" {
		if err := checkID("profile id", a.ProfileID); err != nil {
			return err
		}
	}
	if err := checkTime("start time", a.Started); err != nil {
		return err
	}
	if a.ID.IsZero() {
		a.ID = NewAttemptID(a.Started)
	}
	if a.Done() {
		if err := checkTime("finish time", a.Finished); err != nil {
			return err
		}
		if a.Finished.Before(a.Started) {
			return fmt.Errorf("%w: finished before it started", ErrInvalid)
		}
		a.Position = Position{Stage: StageDone}
	} else if err := checkPosition(a.Position); err != nil {
		return err
	}
	for k, v := range a.Background {
		if err := checkID("background question id", k); err != nil {
			return err
		}
		if err := checkText("background answer", v, maxIDLen); err != nil {
			return err
		}
	}
	for k, v := range a.Discussion {
		if err := checkID("discussion question id", k); err != nil {
			return err
		}
		if err := checkText("discussion answer", v, maxTextLen); err != nil {
			return err
		}
	}
	for id, r := range a.Ratings {
		if err := sh.checkRating(id, r.Value); err != nil {
			return err
		}
	}
	if values == nil {
		return nil
	}
	if len(a.Ratings) > 0 {
		return fmt.Errorf("%w: ratings given both by id and in order", ErrInvalid)
	}
	if len(values) != len(sh.statements) {
		return fmt.Errorf("%w: %d ratings in order, the questionnaire has %d statements", ErrInvalid, len(values), len(sh.statements))
	}
	for i, v := range values {
		if v != NotReached && v != Skipped && (int(v) < sh.min || int(v) > sh.max) {
			return fmt.Errorf("%w: rating %d of %q is off the scale %d–%d", ErrInvalid, v, sh.statements[i], sh.min, sh.max)
		}
	}
	return nil
}

// recordOf is the record of a checked attempt of shape sh, its times in
// whole seconds as every record keeps them; values, if not nil, are its
// ratings in order (ImportRecord.Values).
func recordOf(a Attempt, values []int16, sh shape) (attemptRecord, error) {
	rec := attemptRecord{
		Questionnaire: a.QuestionnaireID,
		Version:       a.QuestionnaireVersion,
		Profile:       a.ProfileID,
		Started:       secondsOf(a.Started),
		Background:    a.Background,
		Discussion:    a.Discussion,
		Position:      a.Position,
	}
	if a.Done() {
		rec.Finished = secondsOf(a.Finished)
	}
	if values != nil {
		// As for a map: no ratings reached, no values at all.
		for i, v := range values {
			if v == NotReached {
				continue
			}
			if rec.Values == nil {
				rec.Values = make([]byte, len(sh.statements))
			}
			if err := checkRating(int(v)); err != nil {
				return attemptRecord{}, err
			}
			rec.Values[i] = byte(v + 1)
		}
		return rec, nil
	}
	if len(a.Ratings) == 0 {
		return rec, nil
	}
	rec.Values = make([]byte, len(sh.statements))
	for id, r := range a.Ratings {
		i := sh.index(id)
		if i < 0 {
			return attemptRecord{}, fmt.Errorf("%w: no statement %q in this questionnaire", ErrInvalid, survey.Visible(id))
		}
		if err := checkRating(r.Value); err != nil {
			return attemptRecord{}, err
		}
		rec.Values[i] = byte(r.Value + 1)
	}
	return rec, nil
}
