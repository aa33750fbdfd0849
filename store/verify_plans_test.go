package store

import (
	"bytes"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// check reports each way a plan or a definition can be wrong, and a file
// with both, sound, as sound.
func TestVerifyPlansAndDefinitions(t *testing.T) {
	tests := []struct {
		name   string
		damage func(tx *bbolt.Tx, finished, open AttemptID) error
		want   ProblemKind
		detail string
	}{
		{"sound", func(tx *bbolt.Tx, f, _ AttemptID) error {
			return tx.Bucket(plansBucket).Put(f[:], encodePlan(testPlan))
		}, "", ""},
		{"plan damaged", func(tx *bbolt.Tx, f, _ AttemptID) error {
			return tx.Bucket(plansBucket).Put(f[:], []byte{planFormat, 0, 1})
		}, ProblemPlan, "plan record"},
		{"plan invalid", func(tx *bbolt.Tx, f, _ AttemptID) error {
			return tx.Bucket(plansBucket).Put(f[:], encodePlan(Plan{Learn: []string{"a", "a"}}))
		}, ProblemPlan, "twice"},
		{"plan of an unfinished attempt", func(tx *bbolt.Tx, _, o AttemptID) error {
			return tx.Bucket(plansBucket).Put(o[:], encodePlan(testPlan))
		}, ProblemPlan, "not finished"},
		{"plan of no attempt", func(tx *bbolt.Tx, _, _ AttemptID) error {
			id := NewAttemptID(t0)
			return tx.Bucket(plansBucket).Put(id[:], encodePlan(testPlan))
		}, ProblemPlan, "does not exist"},
		{"plan key short", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(plansBucket).Put([]byte("kort"), encodePlan(testPlan))
		}, ProblemPlan, "4-byte"},
		{"definition of no version", func(tx *bbolt.Tx, _, _ AttemptID) error {
			b := tx.Bucket(definitionsBucket)
			_, v := b.Cursor().First()
			return b.Put(u64Bytes(99), bytes.Clone(v))
		}, ProblemDefinition, "no questionnaire version"},
		{"definition key short", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(definitionsBucket).Put([]byte{1}, []byte{1})
		}, ProblemDefinition, "1 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := makeDB(t, t.TempDir())
			var finished, open AttemptID
			withBolt(t, path, func(tx *bbolt.Tx) error {
				copy(open[:], tx.Bucket(unfinishedBucket).Get([]byte(LocalProfile)))
				return tx.Bucket(attemptsBucket).ForEach(func(k, _ []byte) error {
					if !bytes.Equal(k, open[:]) {
						copy(finished[:], k)
					}
					return nil
				})
			})
			withBolt(t, path, func(tx *bbolt.Tx) error { return tt.damage(tx, finished, open) })
			before := takeSnapshot(t, path)
			v, err := Verify(path, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if !v.Sound() {
					t.Errorf("problems %+v in a sound file", v.Problems)
				}
			} else if !hasProblem(v, tt.want, tt.detail) || len(v.Problems) != 1 {
				t.Errorf("problems %+v, want one %s with detail %q", v.Problems, tt.want, tt.detail)
			}
			before.assertUnchanged(t)
		})
	}
}
