package store

import (
	"errors"
	"testing"

	"go.etcd.io/bbolt"
)

func TestCreateBucketsIsIdempotentAndComplete(t *testing.T) {
	s := newStore(t)
	err := s.update(func(tx *bbolt.Tx) error {
		if name := missingBucket(tx); name != "" {
			t.Errorf("new store lacks bucket %s", name)
		}
		if err := unsafeCreateBuckets(tx); err != nil {
			return err
		}
		if err := tx.DeleteBucket(answersBucket); err != nil {
			return err
		}
		if name := missingBucket(tx); name != string(answersBucket) {
			t.Errorf("missingBucket = %q, want answers", name)
		}
		if _, err := unsafeBuckets(tx); !errors.Is(err, ErrCorrupt) {
			t.Errorf("unsafeBuckets without answers = %v, want ErrCorrupt", err)
		}
		return errors.New("roll back")
	})
	if err == nil {
		t.Fatal("update did not roll back")
	}
}
