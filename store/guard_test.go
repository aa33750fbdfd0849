package store

import (
	"errors"
	"runtime/debug"
	"testing"
)

func TestGuardTurnsPanicIntoErrCorrupt(t *testing.T) {
	err := guard(func() error { panic("page 7: invalid page type") })
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("guard = %v, want ErrCorrupt", err)
	}
	if want := "the digikomp database is damaged: page 7: invalid page type"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

func TestGuardPassesResultsThrough(t *testing.T) {
	if err := guard(func() error { return nil }); err != nil {
		t.Errorf("guard(nil) = %v", err)
	}
	if err := guard(func() error { return ErrNotFound }); err != ErrNotFound {
		t.Errorf("guard(ErrNotFound) = %v", err)
	}
}

func TestGuardRestoresPanicOnFault(t *testing.T) {
	for _, before := range []bool{false, true} {
		debug.SetPanicOnFault(before)
		var during bool
		_ = guard(func() error {
			during = debug.SetPanicOnFault(true)
			return nil
		})
		_ = guard(func() error { panic("x") })
		if after := debug.SetPanicOnFault(false); after != before || !during {
			t.Errorf("before %v: during %v, after %v", before, during, after)
		}
	}
}
