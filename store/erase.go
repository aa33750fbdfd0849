package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/internal/wire"
	"digikomp/survey"
)

// metaEraseKey is present in meta while a deleted profile's bytes may
// still be in the file's free pages: from the transaction that deletes it
// until the compacted file has replaced the old one. An Open that finds
// it (after a crash or kill meanwhile) compacts the file again.
var metaEraseKey = []byte("erase")

// DeleteProfile erases a profile without a trace: one transaction removes
// every record of it (its attempts, their results rows, plans, extras
// records and workshop index entries, its history and unfinished index entries, the profile record), then the
// file is compacted in place so that the erased bytes are not left in
// free pages (see compactInPlace). Deleting the default profile erases
// its records but keeps it, empty and without a PIN.
//
// After a crash or kill the file at the path is the old one, with the
// profile's records deleted, or the compacted one, never neither; the
// next Open finishes the erasure.
func (s *Store) DeleteProfile(id string) (err error) {
	defer s.withPath(&err)
	if err := checkID("profile id", id); err != nil {
		return err
	}
	err = s.update(func(tx *bbolt.Tx) error {
		b, err := unsafeBuckets(tx)
		if err != nil {
			return err
		}
		if _, ok, err := unsafeGetProfile(b.profiles, id); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("%w: %q", ErrNoProfile, survey.Visible(id))
		}
		if err := unsafeDeleteProfile(tx, b, id); err != nil {
			return err
		}
		if err := tx.Bucket(metaBucket).Put(metaEraseKey, []byte{1}); err != nil {
			return err
		}
		testHook("delete: removed, not committed")
		return nil
	})
	if err != nil {
		return err
	}
	testHook("delete: committed")
	return s.compactInPlace()
}

// unsafeDeleteProfile removes every record of the profile. Its attempts
// are found by walking them all, not only by its history, so that none a
// damaged index misses survives.
func unsafeDeleteProfile(tx *bbolt.Tx, b buckets, id string) error {
	gone := map[AttemptID]bool{}
	c := b.attempts.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		profile, err := recordProfile(v)
		if err != nil || profile != id || len(k) != len(AttemptID{}) {
			continue // a damaged record is check's business, not ours to erase
		}
		gone[AttemptID(k)] = true
	}
	for a := range gone {
		if err := b.attempts.Delete(a[:]); err != nil {
			return err
		}
	}
	var rows [][]byte
	c = b.results.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) == 8+len(AttemptID{}) && gone[AttemptID(k[8:])] {
			rows = append(rows, k)
		}
	}
	for _, k := range rows {
		if err := b.results.Delete(k); err != nil {
			return err
		}
	}
	if plans := tx.Bucket(plansBucket); plans != nil {
		for a := range gone {
			if err := plans.Delete(a[:]); err != nil {
				return err
			}
		}
	}
	for a := range gone {
		if err := unsafeDeleteExtras(b, a); err != nil {
			return err
		}
	}
	for _, bucket := range []*bbolt.Bucket{b.history, b.unfinished, b.profiles} {
		if err := bucket.Delete([]byte(id)); err != nil {
			return err
		}
	}
	if id == LocalProfile {
		return unsafePutProfile(b.profiles, LocalProfile, time.Now())
	}
	return nil
}

// recordProfile reads the profile id of an attempt record without
// decoding the rest (see record.go: format, shape number, profile).
func recordProfile(raw []byte) (string, error) {
	r := reader{wire.Reader{B: raw}}
	if r.Byte() != recordFormat {
		return "", fmt.Errorf("%w: attempt record format", ErrCorrupt)
	}
	r.Uvarint(1 << 63)
	id := r.Bytes(r.Uvarint(maxIDLen))
	if r.Err != nil {
		return "", fmt.Errorf("%w: attempt record: %w", ErrCorrupt, r.Err)
	}
	return string(id), nil
}

// compactInPlace replaces the file with a compacted copy of itself while
// the store keeps holding its lock:
//
//  1. bbolt's Compact copies every live key into a new owner-only file
//     next to it, opened (and so locked) like the database itself; the
//     copy is synced;
//  2. the copy is renamed over the path and the directory synced;
//  3. the store swaps to the copy's handle, which it has held locked all
//     along, and closes the old file.
//
// So no other digikomp can open the path in between: one that was
// waiting on the old file's lock gets it once the old file is closed,
// finds that the path names another file (open checks after locking) and
// opens the new one, waiting for this store in turn. A crash or kill
// before the rename leaves the old file, after it the new one. On Windows,
// where an open file cannot be renamed over, both are closed for the
// rename and the new file reopened.
func (s *Store) compactInPlace() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return ErrReadOnly
	}
	if s.gone() {
		return ErrGone
	}
	dir := filepath.Dir(s.path)
	removeStaleTemps(dir) // a copy left by a kill during an earlier compaction
	tmp, err := tempFile(dir)
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	renamed := false
	defer func() {
		if !renamed {
			_ = os.Remove(tmp)
		}
	}()
	dst, file, err := openBoltFile(tmp, time.Second, false)
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	keep := false
	defer func() {
		if !keep {
			_ = dst.Close()
		}
	}()
	dst.NoSync = true
	err = guard(func() error { return bbolt.Compact(dst, s.db, compactTxSize) })
	if err == nil {
		err = guard(func() error {
			return dst.Update(func(tx *bbolt.Tx) error { return tx.Bucket(metaBucket).Delete(metaEraseKey) })
		})
	}
	dst.NoSync = false
	if err == nil {
		err = dst.Sync()
	}
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	testHook("delete: compacted")

	if runtime.GOOS == "windows" {
		return s.swapWindows(dst, tmp, &keep, &renamed)
	}
	if err := os.Rename(tmp, s.path); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	renamed = true
	syncDir(dir)
	testHook("delete: renamed")
	ident, err := file.Stat()
	if err != nil {
		// The new file is in place; without its identity the store
		// cannot tell if it is replaced later, which is only a warning's
		// loss. Keep going.
		ident = nil
	}
	old := s.db
	s.db, s.ident, keep = dst, ident, true
	s.results.reset()
	if err := old.Close(); err != nil {
		return fmt.Errorf("compact: close the old file: %w", err)
	}
	return nil
}

// swapWindows is the end of compactInPlace where an open file cannot be
// renamed over: both files are closed, the copy renamed, the path
// reopened. Another digikomp may take the lock in between; then this
// store reports ErrLocked and is closed.
func (s *Store) swapWindows(dst *bbolt.DB, tmp string, keep, renamed *bool) error {
	*keep = true
	if err := dst.Close(); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	renameErr := os.Rename(tmp, s.path)
	*renamed = renameErr == nil
	db, file, err := openBoltFile(s.path, DefaultTimeout, false)
	if err != nil {
		return fmt.Errorf("compact: reopen: %w", err)
	}
	ident, _ := file.Stat()
	s.db, s.ident = db, ident
	s.results.reset()
	if renameErr != nil {
		return fmt.Errorf("compact: %w", renameErr)
	}
	return nil
}

// finishErase compacts the file if a deletion's compaction did not
// complete (a crash or kill between the two). It is best effort: if it
// fails (a full disk), the file is as usable as before and the next Open
// tries again.
func (s *Store) finishErase() {
	pending := false
	_ = s.view(func(tx *bbolt.Tx) error {
		pending = tx.Bucket(metaBucket).Get(metaEraseKey) != nil
		return nil
	})
	if pending {
		_ = s.compactInPlace()
	}
}
