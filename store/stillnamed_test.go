package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestStillNamed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	if err := os.WriteFile(path, []byte("a"), 0o600); err != nil {
		t.Fatal(err)
	}
	ident, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if same, err := stillNamed(path, ident); !same || err != nil {
		t.Errorf("the file itself: %v, %v", same, err)
	}
	other := filepath.Join(dir, "b.db")
	if err := os.WriteFile(other, []byte("b"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
	if same, err := stillNamed(path, ident); same || err != nil {
		t.Errorf("another file renamed over it: %v, %v", same, err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err := stillNamed(path, ident); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("removed: %v", err)
	}
}
