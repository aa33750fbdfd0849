package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Open opens the digikomp database at path, creating it (and its
// directories) if it does not exist, unless opts.ReadOnly is set.
//
// An existing file is first probed read-only; only a file that is a
// digikomp database of this or an older schema is then opened for
// writing. An older one is migrated on a compacted copy that then
// replaces it (see upgrade), so the original is never half-migrated. Anything else
// is refused with ErrEmpty, ErrForeign, ErrCorrupt, ErrNewerSchema or
// ErrLocked, and its bytes are left exactly as they were.
func Open(path string, opts Options) (*Store, error) {
	return open(path, opts, currentPlan)
}

// open is Open with the schema plan as a parameter, so tests can run a
// migration before this build has one.
func open(path string, opts Options, plan schemaPlan) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: empty database path", ErrInvalid)
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}

	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) && !opts.ReadOnly {
		if err := create(path, timeout, plan); err != nil {
			return nil, atPath(err, path)
		}
		info, err = os.Stat(path)
	}
	if err != nil {
		return nil, fmt.Errorf("open digikomp database: %w", err)
	}
	if err := checkFile(info); err != nil {
		return nil, atPath(err, path)
	}

	probe, version, err := probe(path, timeout, plan)
	if err != nil {
		return nil, atPath(err, path)
	}
	if opts.ReadOnly {
		if version < plan.target && !opts.olderOK {
			_ = probe.Close()
			return nil, atPath(fmt.Errorf("%w: schema %d must be upgraded to %d by a normal open first",
				ErrReadOnly, version, plan.target), path)
		}
		return &Store{db: probe, path: path, readOnly: true, schema: version}, nil
	}
	if err := probe.Close(); err != nil {
		return nil, atPath(fmt.Errorf("close probe: %w", err), path)
	}

	// Another window may upgrade the file between these steps; a few
	// rounds settle it.
	for round := 0; ; round++ {
		if version < plan.target && !plan.inPlaceFrom(version) {
			if err := upgrade(path, timeout, plan); err != nil {
				return nil, atPath(err, path)
			}
		}
		mmap := 0
		if version == plan.target {
			// Only a file that needs no migration: a commit of the
			// migration under the wide mapping would grow the file
			// differently (see importMmapSize).
			mmap = importMmapSize(opts.Import)
		}
		db, file, err := openBoltFileSized(path, timeout, false, mmap)
		if err != nil {
			return nil, atPath(err, path)
		}
		same, err := stillAtPath(file, path)
		if err == nil && same {
			version, err = prepare(db, plan)
			if err == nil && plan.inPlaceFrom(version) {
				version, err = migrateInPlace(db, plan, version)
			}
			var ident fs.FileInfo
			if err == nil {
				// The file bbolt holds, to notice when path stops naming it.
				ident, err = file.Stat()
			}
			if err == nil && version == plan.target {
				s := &Store{db: db, path: path, schema: plan.target, ident: ident}
				s.finishErase()
				return s, nil
			}
		}
		_ = db.Close()
		if err != nil {
			return nil, atPath(err, path)
		}
		if round == 3 {
			return nil, atPath(fmt.Errorf("%w: the file keeps being replaced while it is opened", ErrLocked), path)
		}
	}
}

// checkFile refuses what bbolt must never be pointed at: a directory or
// device would give confusing errors, and an empty file would be silently
// initialised by a read-write open.
func checkFile(info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return fmt.Errorf("%w: it is a directory", ErrForeign)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%w: it is not a regular file", ErrForeign)
	case info.Size() == 0:
		return ErrEmpty
	}
	return nil
}

// probe opens path read-only, which takes a shared lock and never creates
// or writes, and checks the marker and schema version. It returns the
// still-open handle so a read-only Open can keep it.
func probe(path string, timeout time.Duration, plan schemaPlan) (*bbolt.DB, uint64, error) {
	db, err := openBolt(path, timeout, true)
	if err != nil {
		return nil, 0, err
	}
	var version uint64
	err = guard(func() error {
		return db.View(func(tx *bbolt.Tx) error {
			v, err := unsafeReadSchema(tx)
			if err != nil {
				return err
			}
			if err := checkSchema(v, plan); err != nil {
				return err
			}
			if v == plan.target {
				if name := missingBucket(tx); name != "" {
					return fmt.Errorf("%w: bucket %s missing", ErrCorrupt, name)
				}
			}
			version = v
			return nil
		})
	})
	if err != nil {
		_ = db.Close()
		return nil, 0, err
	}
	return db, version, nil
}

// prepare runs on the read-write handle. It checks the file again, since
// it may have been replaced between the probe and the lock, and returns
// its schema version; an older file is left to upgrade. Nothing is
// written.
func prepare(db *bbolt.DB, plan schemaPlan) (uint64, error) {
	var version uint64
	err := guard(func() error {
		return db.View(func(tx *bbolt.Tx) error {
			v, err := unsafeReadSchema(tx)
			if err != nil {
				return err
			}
			if v == plan.target {
				if name := missingBucket(tx); name != "" {
					return fmt.Errorf("%w: bucket %s missing", ErrCorrupt, name)
				}
			}
			version = v
			return checkSchema(v, plan)
		})
	})
	return version, err
}

// migrateInPlace runs the steps from version to plan.target in one
// transaction of the locked, read-write handle; they are few and small
// (see inPlaceMigrations), so a crash leaves the file as it was or
// complete.
func migrateInPlace(db *bbolt.DB, plan schemaPlan, version uint64) (uint64, error) {
	err := guard(func() error {
		return db.Update(func(tx *bbolt.Tx) error {
			v, err := unsafeReadSchema(tx)
			if err != nil {
				return err
			}
			if v != version {
				return fmt.Errorf("%w: schema changed from %d to %d while locked", ErrCorrupt, version, v)
			}
			return unsafeMigrate(tx, plan, version)
		})
	})
	if err != nil {
		return version, fmt.Errorf("upgrade: %w", err)
	}
	return plan.target, nil
}

// openBolt opens path with bbolt under the panic guard and maps bbolt's
// errors to ours. The freelist is loaded even read-only so that a damaged
// freelist is found by the probe, not by the read-write open after it.
func openBolt(path string, timeout time.Duration, readOnly bool) (*bbolt.DB, error) {
	db, _, err := openBoltFile(path, timeout, readOnly)
	return db, err
}

// openBoltFile is openBolt that also returns the file bbolt locked.
func openBoltFile(path string, timeout time.Duration, readOnly bool) (*bbolt.DB, *os.File, error) {
	return openBoltFileSized(path, timeout, readOnly, 0)
}

// openBoltFileSized is openBoltFile mapping at least mmap bytes at once
// (bbolt's InitialMmapSize; 0 is bbolt's default); see importMmapSize.
func openBoltFileSized(path string, timeout time.Duration, readOnly bool, mmap int) (*bbolt.DB, *os.File, error) {
	// bbolt does not return the handle when it panics, so keep the file
	// to release its descriptor and lock ourselves.
	var file *os.File
	opts := &bbolt.Options{
		Timeout:         timeout,
		ReadOnly:        readOnly,
		PreLoadFreelist: true,
		InitialMmapSize: mmap,
		OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
			f, err := openFile(name, flag, mode)
			if err == nil && file == nil {
				file = f
			}
			return f, err
		},
	}
	var db *bbolt.DB
	err := guard(func() error {
		var err error
		db, err = bbolt.Open(path, fileMode, opts)
		if err == nil {
			db.AllocSize = allocSize
		}
		return err
	})
	if err != nil {
		if db == nil && file != nil {
			// Closing an *os.File twice is harmless, so this is safe
			// whether bbolt closed it or panicked first.
			_ = file.Close()
		}
		return nil, nil, openError(err)
	}
	return db, file, nil
}

// openFile is os.OpenFile, replaceable in tests to meet a read-only disk.
var openFile = os.OpenFile

// openError maps an error of bbolt.Open to the sentinel the UI explains.
// Only what bbolt found wrong in the file's bytes is damage; an error of
// the system (opening, locking, reading or mapping the file: a read-only
// disk, a missing permission, a failing stick) carries its error number
// or the path it failed on, and is returned as it is, so that a sound file on a read-only disk is
// never called damaged. bbolt's other words ("file size too small",
// "mmap too large", a bad checksum) are about the bytes.
func openError(err error) error {
	var errno syscall.Errno
	var pe *fs.PathError
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return ErrLocked
	case errors.Is(err, ErrCorrupt):
		return err
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return fmt.Errorf("%w: %w", ErrForeign, err)
	case errors.As(err, &errno), errors.As(err, &pe):
		return err
	}
	return fmt.Errorf("%w: %w", ErrCorrupt, err)
}

// create makes a new, initialised database at path. It is built under a
// temporary name and then moved into place, so that a crash half-way
// never leaves a file at path that a later Open would refuse as foreign.
func create(path string, timeout time.Duration, plan schemaPlan) (err error) {
	dir := filepath.Dir(path)
	defer func() { namePath(err, dir, path) }()
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return fmt.Errorf("create database directory: %w", err)
	}
	removeStaleTemps(dir)
	// CreateTemp makes the file with mode 0600, the mode we want.
	tmp, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		return fmt.Errorf("create database: %w", err)
	}
	name := tmp.Name()
	defer func() {
		// After a successful Link the temporary name is only a second
		// link; after a successful Rename it is gone and this is a no-op.
		_ = os.Remove(name)
	}()
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("create database: %w", err)
	}

	db, err := bbolt.Open(name, fileMode, &bbolt.Options{Timeout: timeout})
	if err != nil {
		return fmt.Errorf("create database: %w", err)
	}
	db.AllocSize = allocSize
	err = guard(func() error {
		return db.Update(func(tx *bbolt.Tx) error {
			return unsafeInitialise(tx, plan, time.Now())
		})
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("initialise database: %w", err)
	}

	// Link fails if another digikomp created path meanwhile; theirs wins
	// and is opened like any existing file. Rename would replace it, so it
	// is only the fallback for file systems without hard links.
	if err := os.Link(name, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil
		}
		if err := os.Rename(name, path); err != nil {
			return fmt.Errorf("create database: %w", err)
		}
	}
	syncDir(dir)
	return nil
}

// allocSize is how far bbolt grows the file beyond what a commit needs
// (its default is 16 MiB). A person's answers add a few hundred bytes at
// a time, so a small step costs a rare extra truncate and keeps the file
// the size of its data: every byte of it is copied to a stick, mailed,
// backed up and checked.
const allocSize = 1 << 20

// namePath makes an error about the temporary file a creation works on
// name the database path instead: the person never chose that name, and
// the system's detail shown to them should be the file they know.
func namePath(err error, dir, path string) {
	var pe *fs.PathError
	if errors.As(err, &pe) && filepath.Dir(pe.Path) == dir && strings.HasPrefix(filepath.Base(pe.Path), ".digikomp-") {
		pe.Path = path
	}
}

// tempPattern names a database being created, before it takes its name.
const tempPattern = ".digikomp-*.tmp"

// staleAfter is the age from which a temporary file is taken to be left
// by a digikomp killed while creating its database; creating one takes
// milliseconds, so a younger one may be another window's, in progress.
const staleAfter = time.Minute

// removeStaleTemps removes what creations killed half-way left behind.
func removeStaleTemps(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, tempPattern))
	for _, name := range names {
		if info, err := os.Lstat(name); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > staleAfter {
			_ = os.Remove(name)
		}
	}
}

// syncDir makes a new directory entry durable. It is best effort: if it
// fails, a power cut may lose the new, still empty database, and the next
// Open simply creates it again. Windows cannot sync a directory handle.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
