package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"go.etcd.io/bbolt"
)

// upgrade migrates the older file at path to plan.target without ever
// writing to it:
//
//  1. the file is opened read-write, which takes its exclusive lock and
//     writes nothing, so no other digikomp changes it meanwhile;
//  2. it is copied, as bbolt's hot backup does (Tx.WriteTo), into a new
//     file next to it (owner-only, named like a database being created,
//     so a copy left by a crash is removed as stale later);
//  3. the migration runs on the copy in one transaction;
//  4. the copy is compacted once more into the final file, which frees
//     what the migration replaced, so an upgraded file is as small as a
//     new one; that file is synced and closed;
//  5. it is renamed over the original and the directory is synced.
//
// A crash or kill before the rename leaves the original as it was (the
// next start migrates again); after it, the upgraded file is complete.
// Where the original may stay open while it is renamed over (not on
// Windows), the rename happens under its lock, and open checks after
// locking that the file at path is still the one it locked.
func upgrade(path string, timeout time.Duration, plan schemaPlan) (err error) {
	orig, err := openBolt(path, timeout, false)
	if err != nil {
		return err
	}
	origOpen := true
	defer func() {
		if origOpen {
			_ = orig.Close()
		}
	}()
	var version uint64
	err = guard(func() error {
		return orig.View(func(tx *bbolt.Tx) error {
			var err error
			version, err = unsafeReadSchema(tx)
			return err
		})
	})
	if err != nil {
		return err
	}
	if err := checkSchema(version, plan); err != nil || version == plan.target {
		return err // another window upgraded it meanwhile, or it is newer now
	}

	dir := filepath.Dir(path)
	removeStaleTemps(dir)
	copyPath, err := tempFile(dir)
	if err != nil {
		return err
	}
	defer os.Remove(copyPath)
	finalPath, err := tempFile(dir)
	if err != nil {
		return err
	}
	defer os.Remove(finalPath) // a no-op after the rename

	var size int64
	err = guard(func() error {
		return orig.View(func(tx *bbolt.Tx) error {
			size = tx.Size()
			f, err := os.OpenFile(copyPath, os.O_WRONLY|os.O_TRUNC, fileMode)
			if err != nil {
				return err
			}
			_, err = tx.WriteTo(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("upgrade: copy: %w", err)
	}
	testHook("copied")
	// The copy is thrown away in any case, so it is not synced; the final
	// file is, once, before it is renamed. Mapping room for the copy to
	// grow spares the migration bbolt's remapping as it does.
	work, err := bbolt.Open(copyPath, fileMode, &bbolt.Options{
		NoSync: true, NoFreelistSync: true, InitialMmapSize: int(min(2*size, 1<<30)),
	})
	if err != nil {
		return fmt.Errorf("upgrade: %w", err)
	}
	defer work.Close()
	err = guard(func() error {
		return work.Update(func(tx *bbolt.Tx) error {
			if err := unsafeMigrate(tx, plan, version); err != nil {
				return err
			}
			testHook("migrated, not committed")
			return nil
		})
	})
	if err != nil {
		return err
	}
	testHook("migrated")

	final, err := bbolt.Open(finalPath, fileMode, &bbolt.Options{NoSync: true})
	if err != nil {
		return fmt.Errorf("upgrade: %w", err)
	}
	final.AllocSize = allocSize
	err = guard(func() error { return bbolt.Compact(final, work, compactTxSize) })
	if err == nil {
		err = final.Sync()
	}
	if cerr := final.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("upgrade: compact: %w", err)
	}
	if err := work.Close(); err != nil {
		return fmt.Errorf("upgrade: %w", err)
	}
	if err := syncFile(finalPath); err != nil {
		return fmt.Errorf("upgrade: %w", err)
	}
	testHook("compacted")

	if runtime.GOOS == "windows" {
		// Windows cannot rename over an open file (PITFALLS 28).
		origOpen = false
		if err := orig.Close(); err != nil {
			return fmt.Errorf("upgrade: %w", err)
		}
	}
	if err := os.Rename(finalPath, path); err != nil {
		return fmt.Errorf("upgrade: %w", err)
	}
	syncDir(dir)
	testHook("renamed")
	return nil
}

// compactTxSize bounds the bytes one transaction of Compact copies, so
// that copying a large file does not hold all of it in memory at once.
const compactTxSize = 8 << 20

// tempFile creates an empty owner-only file in dir for a database being
// built, named so that removeStaleTemps recognises it.
func tempFile(dir string) (string, error) {
	f, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		return "", fmt.Errorf("upgrade: %w", err)
	}
	name := f.Name()
	if err := f.Close(); err != nil {
		_ = os.Remove(name)
		return "", fmt.Errorf("upgrade: %w", err)
	}
	return name, nil
}

// syncFile flushes a closed file's data and metadata to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// testHook is called at each step of an upgrade; tests set it to stop a
// child process there and kill it. It is nil outside tests.
var testHookFunc func(step string)

func testHook(step string) {
	if testHookFunc != nil {
		testHookFunc(step)
	}
}

// stillAtPath reports whether the open database is still the file at path:
// an upgrade in another process may have renamed a new file over it
// while this one waited for the lock.
func stillAtPath(file *os.File, path string) (bool, error) {
	a, err := file.Stat()
	if err != nil {
		return false, err
	}
	b, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return os.SameFile(a, b), nil
}
