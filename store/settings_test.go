package store

import (
	"errors"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

func TestSettings(t *testing.T) {
	s := newStore(t)
	if set, err := s.Settings(); err != nil || set.RetakeAfter != 90*24*time.Hour {
		t.Fatalf("default settings: %+v, %v", set, err)
	}
	for _, days := range []int{1, 30, 3650} {
		if err := s.SaveSettings(Settings{RetakeAfter: time.Duration(days) * 24 * time.Hour}); err != nil {
			t.Fatalf("SaveSettings(%d days): %v", days, err)
		}
		s = reopen(t, s)
		if set, err := s.Settings(); err != nil || set.RetakeAfter != time.Duration(days)*24*time.Hour {
			t.Errorf("after saving %d days: %+v, %v", days, set, err)
		}
	}
	for _, d := range []time.Duration{0, -24 * time.Hour, 3651 * 24 * time.Hour, 36 * time.Hour, time.Hour, 1 << 62} {
		if err := s.SaveSettings(Settings{RetakeAfter: d}); !errors.Is(err, ErrInvalid) {
			t.Errorf("SaveSettings(%v) = %v", d, err)
		}
	}
	if set, _ := s.Settings(); set.RetakeAfter != 3650*24*time.Hour {
		t.Errorf("a refused setting changed it: %v", set.RetakeAfter)
	}
}

func TestSettingsDamaged(t *testing.T) {
	for _, raw := range [][]byte{{}, {0}, {0x80}, {0xff, 0xff, 0xff, 0x7f}, {5, 5}} {
		path := makeDB(t, t.TempDir())
		withBolt(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(metaBucket).Put(metaRetakeKey, raw) })
		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Settings(); !errors.Is(err, ErrCorrupt) {
			t.Errorf("retake % x: %v", raw, err)
		}
		s.Close()
	}
}

func TestVerifyReportsDamagedSetting(t *testing.T) {
	path := makeDB(t, t.TempDir())
	withBolt(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(metaBucket).Put(metaRetakeKey, []byte{0}) })
	v, err := Verify(path, time.Second)
	if err != nil || !hasProblem(v, ProblemBuckets, "retake") {
		t.Errorf("Verify: %+v, %v", v, err)
	}
}
