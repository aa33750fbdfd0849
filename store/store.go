// Package store keeps digikomp's answers and progress history in one
// embedded bbolt file. It is the only package that imports bbolt.
//
// # Layout (schema 4)
//
// All keys and values are bytes; multi-byte numbers in keys are
// big-endian so that bbolt's key order is numeric order. Everything that
// grows with the number of attempts is binary and compact (about 225
// bytes of file per finished attempt at 100,000 attempts, see
// BENCHMARKS.md); times are kept in whole seconds.
//
//	meta           "app"    → "digikomp"  marker telling our files from other bbolt files
//	               "schema" → uint64      layout version, see schemaVersion
//	               "retake" → uvarint     days after which a retake is suggested
//	                                      (Settings; absent: DefaultRetakeAfter)
//	               "erase"  → 1           while a deleted profile's bytes may be
//	                                      left in free pages (erase.go); Open
//	                                      compacts the file again
//	profiles       profile id ("local", or random hex) → one binary record:
//	               format byte, flags (anonymous, has a PIN), id, name,
//	               created, the PIN's argon2id key with its salt and
//	               parameters, consecutive wrong tries, the time before
//	               which no try is judged (profile_record.go)
//	attempts       attempt id (16 raw bytes) → one record: questionnaire
//	               version (by shape number), profile, start, finish,
//	               position, background
//	               answers as option indexes or municipality codes, one
//	               byte per rating in the questionnaire's order, discussion
//	               text (see record.go)
//	unfinished     profile id → attempt id of its one unfinished attempt
//	history        profile id → its finished attempts in finish order (history.go)
//	questionnaires questionnaire id, 0x00, version (uint32) → shape: its
//	               number in this file, scale, statement ids in order,
//	               background questions and their options (shapes.go)
//	results        finish unix-ns, attempt id → shape number and one byte
//	               per rating in shape order, of one finished attempt (results.go)
//	municipalities code (uint16) → municipality name, the file's own numbering (places.go)
//	plans          attempt id (16 raw bytes) → the learning plan made after
//	               that finished attempt: topics, goal, needs and resources
//	               (plans.go)
//	definitions    shape number (uint64) → the questionnaire definition an
//	               attempt was taken with (survey.EncodeDefinition), stored
//	               with its shape, so that an old result is scored against
//	               its own questions (definitions.go)
//
// The index buckets and the results row are kept in the transaction that
// changes the attempt, so finding the attempt to resume, the latest result
// or a group's statistics never walks the attempts.
//
// Files of schemas 1 and 2 (JSON headers and an answers bucket of
// id-keyed ratings, legacy.go) are upgraded on a compacted copy that
// replaces the original only when complete (upgrade.go). A schema 3 file
// only gains the plans and definitions buckets (and in the latter the
// built-in questionnaire's definition, if it records that shape) and has
// its few JSON profile records rewritten, in place, in one transaction
// (schema_v4.go). A schema 4 file only gains schema 5's three empty
// buckets, in place too (schema_v5.go).
//
// # Safety
//
// Open never writes to a file it has not recognised: it probes every
// existing file read-only first and refuses empty, foreign, damaged,
// locked and newer files, leaving their bytes and times as they were.
// Every transaction runs under a guard that turns bbolt panics and memory
// faults into ErrCorrupt. Every exported method is one transaction, and a
// write returns only after bbolt has committed and synced it. DeleteProfile
// is one transaction followed by a compaction of the file in place, under
// the same lock (erase.go).
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
)

// DefaultTimeout is how long Open waits for another window to let go of
// the database before returning ErrLocked.
const DefaultTimeout = time.Second

// LocalProfile is the profile every attempt belongs to until digikomp
// has profiles; Open creates it in a new database.
const LocalProfile = "local"

// fileMode is the mode of a new database file: answers are personal.
const fileMode = 0o600

// dirMode is the mode of directories Open creates for a new database.
const dirMode = 0o700

// Options tune Open. The zero value is the normal read-write use.
type Options struct {
	Timeout  time.Duration // lock wait; 0 (or less) means DefaultTimeout
	ReadOnly bool          // for inspection; never creates or writes

	// Import, for the import command's open only (zero for every other
	// open), counts the attempts it is about to import. The file is then
	// mapped wide enough for them from the start (importMmapSize),
	// instead of bbolt mapping it anew at every doubling during the
	// import's commit after copying everything the transaction touched.
	// It changes neither the file's format nor its size.
	Import ImportHint

	// olderOK lets a read-only open accept a file of an older schema as
	// it is, for the integrity commands, which read it without migrating.
	olderOK bool
}

// ImportHint counts the attempts an import is about to write, as a file
// of exports gives them (without profile ids). Counting more than are
// imported is harmless to the data but may leave the file up to allocSize
// larger than it would have been; counting fewer only saves less.
type ImportHint struct {
	Attempts int // every attempt, finished or not
	Finished int // those of them that are finished
}

// Store is an open digikomp database. Its methods are safe for concurrent
// use; bbolt serialises the writes.
type Store struct {
	// mu guards db, ident and results: every transaction holds it for
	// reading; DeleteProfile holds it for writing while it swaps in the
	// compacted file (erase.go).
	mu       sync.RWMutex
	db       *bbolt.DB
	path     string
	readOnly bool
	schema   uint64 // the file's schema version; below schemaVersion only with olderOK

	// ident is the file the store has open, to notice when path no
	// longer names it (see update); nil for a read-only store.
	ident fs.FileInfo
	// wrote is set once a write of this store has committed.
	wrote atomic.Bool
	// results knows which pages of the mapping hold results rows, so
	// that a report keeps only those resident (resident_linux.go).
	results residentPages
}

// Close releases the file and its lock.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.db.Close(); err != nil {
		return atPath(fmt.Errorf("close: %w", err), s.path)
	}
	return nil
}

// Path returns the path the store was opened with.
func (s *Store) Path() string { return s.path }

// withPath appends the path to *err; exported methods defer it so that
// every error they return, argument errors included, names the file.
func (s *Store) withPath(err *error) { *err = atPath(*err, s.path) }

// view runs f in a read transaction under the panic guard.
func (s *Store) view(f func(*bbolt.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return guard(func() error { return s.db.View(f) })
}

// update runs f in a write transaction under the panic guard. bbolt's
// Update commits and fsyncs before returning, which is what makes a save
// durable before the UI moves on. A file removed or replaced meanwhile
// (deleted, a backup restored over it, the stick swapped) still takes the
// write, but no one will see it again: that is ErrGone, not a save.
func (s *Store) update(f func(*bbolt.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	err := boltErrno(guard(func() error { return s.db.Update(f) }))
	if s.gone() {
		if err != nil {
			return fmt.Errorf("%w: %w", ErrGone, err)
		}
		return ErrGone
	}
	if err == nil {
		s.wrote.Store(true)
	}
	return err
}

// gone reports whether path no longer names the file the store has open.
// A path that cannot be looked up for another reason is given the benefit
// of the doubt.
func (s *Store) gone() bool {
	if s.ident == nil {
		return false
	}
	same, err := stillNamed(s.path, s.ident)
	if err != nil {
		return errors.Is(err, fs.ErrNotExist)
	}
	return !same
}

// Wrote reports whether any write of this store has committed, so that a
// message about damage met later does not claim the file is unchanged.
func (s *Store) Wrote() bool { return s.wrote.Load() }

// viewBuckets runs f in a read transaction with the data buckets.
func (s *Store) viewBuckets(f func(buckets) error) error {
	return s.view(func(tx *bbolt.Tx) error {
		b, err := unsafeBuckets(tx)
		if err != nil {
			return err
		}
		return f(b)
	})
}

// updateBuckets runs f in a write transaction with the data buckets.
func (s *Store) updateBuckets(f func(buckets) error) error {
	return s.update(func(tx *bbolt.Tx) error {
		b, err := unsafeBuckets(tx)
		if err != nil {
			return err
		}
		return f(b)
	})
}
