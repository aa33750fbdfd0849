package store

import (
	"errors"
	"testing"

	"go.etcd.io/bbolt"
)

func TestClosedStoreRefusesWork(t *testing.T) {
	s := newStore(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartAttempt(LocalProfile, testQ, t0); !errors.Is(err, bbolt.ErrDatabaseNotOpen) {
		t.Errorf("StartAttempt on a closed store = %v", err)
	}
}

func TestGuardedTransactionPanicIsErrCorrupt(t *testing.T) {
	s := newStore(t)
	err := s.update(func(tx *bbolt.Tx) error { panic("bad page") })
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("update = %v, want ErrCorrupt", err)
	}
	// The panicking transaction was rolled back and released the writer
	// lock, so the store still works.
	if _, err := s.StartAttempt(LocalProfile, testQ, t0); err != nil {
		t.Errorf("StartAttempt after a panic: %v", err)
	}
	if err := s.view(func(tx *bbolt.Tx) error { panic("bad page") }); !errors.Is(err, ErrCorrupt) {
		t.Errorf("view = %v, want ErrCorrupt", err)
	}
}
