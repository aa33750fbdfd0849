package store

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestAtPath(t *testing.T) {
	path := "/home/anna/.local/share/digikomp/digikomp.db"
	tests := []struct {
		in   error
		want string
		is   error
	}{
		{ErrLocked, "digikomp is already open in another window (" + path + ")", ErrLocked},
		{fmt.Errorf("%w: attempt 00ff", ErrNotFound), "not found: attempt 00ff (" + path + ")", ErrNotFound},
		{&fs.PathError{Op: "open", Path: path, Err: fs.ErrPermission}, "open " + path + ": permission denied", fs.ErrPermission},
	}
	for _, tc := range tests {
		got := atPath(tc.in, path)
		if got.Error() != tc.want {
			t.Errorf("atPath(%v) = %q, want %q", tc.in, got, tc.want)
		}
		if !errors.Is(got, tc.is) {
			t.Errorf("atPath(%v) is not %v", tc.in, tc.is)
		}
	}
	if atPath(nil, path) != nil {
		t.Error("atPath(nil) != nil")
	}
}

func TestSentinelsAreDistinct(t *testing.T) {
	all := []error{ErrLocked, ErrForeign, ErrCorrupt, ErrEmpty, ErrNewerSchema, ErrNotFound,
		ErrFinished, ErrUnfinishedExists, ErrReadOnly, ErrInvalid}
	for i, a := range all {
		for j, b := range all {
			if i != j && (errors.Is(a, b) || a.Error() == b.Error()) {
				t.Errorf("%v and %v cannot be told apart", a, b)
			}
		}
	}
}
