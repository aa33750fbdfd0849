//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestGuardTurnsFaultIntoErrCorrupt reads a mapped page beyond the end of
// its file, which is what bbolt does on a truncated database: without the
// guard this SIGBUS would kill the program.
func TestGuardTurnsFaultIntoErrCorrupt(t *testing.T) {
	ps := os.Getpagesize()
	path := filepath.Join(t.TempDir(), "short")
	if err := os.WriteFile(path, make([]byte, ps), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	mem, err := syscall.Mmap(int(f.Fd()), 0, 2*ps, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	defer syscall.Munmap(mem)
	var b byte
	err = guard(func() error {
		b = mem[ps] // past the end of the file
		return nil
	})
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("guard = %v (read %d), want ErrCorrupt", err, b)
	}
}
