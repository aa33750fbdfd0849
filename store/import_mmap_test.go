package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// leastRecords are n attempts as small as an import can bring them:
// unfinished, no answers, no workshop, no profile id (an anonymous
// profile each, as from an export).
func leastRecords(n int) []ImportRecord {
	records := make([]ImportRecord, n)
	for i := range records {
		at := t0.Add(time.Duration(i) * time.Second)
		records[i].Attempt = Attempt{ID: NewAttemptID(at), Started: at}
	}
	return records
}

// hintOf counts records as the import command does.
func hintOf(records []ImportRecord) ImportHint {
	h := ImportHint{Attempts: len(records)}
	for _, r := range records {
		if !r.Attempt.Finished.IsZero() {
			h.Finished++
		}
	}
	return h
}

// leafBytes is the leaf data in use in every bucket of the file.
func leafBytes(t *testing.T, s *Store) int {
	t.Helper()
	sum := 0
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(_ []byte, b *bbolt.Bucket) error {
			st := b.Stats()
			sum += st.LeafInuse + st.InlineBucketInuse
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// TestImportBytesPerAttempt: importMmapSize is a lower bound on the
// leaf data an import adds, for the least attempts, finished or not, and
// for records as an export gives them.
func TestImportBytesPerAttempt(t *testing.T) {
	const n = 500
	for _, c := range []struct {
		name    string
		records []ImportRecord
	}{
		{"least", leastRecords(n)},
		{"least finished", func() []ImportRecord {
			r := leastRecords(n)
			for i := range r {
				r[i].Attempt.Finished = r[i].Attempt.Started.Add(time.Hour)
			}
			return r
		}()},
		{"finished with plan", func() []ImportRecord {
			w := &Workshop{ID: "0123456789abcdef", Name: "Träff", Place: "Lund", Round: "höst", Date: t0}
			r := make([]ImportRecord, n)
			for i := range r {
				r[i] = importable(t0.Add(time.Duration(i)*time.Minute), w)
			}
			return r
		}()},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			before := leafBytes(t, s)
			rep, err := s.ImportRecords(testQ, c.records)
			if err != nil || rep.Added != n {
				t.Fatalf("import: %+v, %v", rep, err)
			}
			added := leafBytes(t, s) - before
			t.Logf("%d bytes of leaf data per attempt", added/n)
			if bound := importMmapSize(hintOf(c.records)); added < bound {
				t.Errorf("%d bytes of leaf data added by %d attempts, below importMmapSize's %d", added, n, bound)
			}
		})
	}
}

// TestImportMmapKeepsFileSize: a file imported into with Options.Import
// ends exactly as large as one imported into without it, from a few
// attempts (the file is its mapping, a power of two) to more than fill
// allocSize, into a new file and into one that has data; and it is never
// the mapping's size when the data is smaller.
func TestImportMmapKeepsFileSize(t *testing.T) {
	if m := importMmapSize(ImportHint{Attempts: 20000}); runtime.GOOS != "windows" && m <= allocSize {
		t.Fatalf("importMmapSize of 20,000 attempts = %d: the test would not cover a mapping wider than allocSize", m)
	}
	for _, n := range []int{3, 400, 5000, 20000} {
		for _, existing := range []bool{false, true} {
			t.Run(fmt.Sprintf("n=%d,existing=%v", n, existing), func(t *testing.T) {
				// After the existing ones; every other one finished.
				records := leastRecords(n + 3000)[3000:]
				for i := 0; i < n; i += 2 {
					records[i].Attempt.Finished = records[i].Attempt.Started.Add(time.Hour)
				}
				size := func(hint ImportHint) int64 {
					path := filepath.Join(t.TempDir(), "digikomp.db")
					if existing {
						s, err := Open(path, Options{})
						if err != nil {
							t.Fatal(err)
						}
						if _, err := s.ImportRecords(testQ, leastRecords(3000)); err != nil {
							t.Fatal(err)
						}
						if err := s.Close(); err != nil {
							t.Fatal(err)
						}
					}
					s, err := Open(path, Options{Import: hint})
					if err != nil {
						t.Fatal(err)
					}
					if rep, err := s.ImportRecords(testQ, records); err != nil || rep.Added != n {
						t.Fatalf("import: %+v, %v", rep, err)
					}
					if err := s.Close(); err != nil {
						t.Fatal(err)
					}
					info, err := os.Stat(path)
					if err != nil {
						t.Fatal(err)
					}
					return info.Size()
				}
				without, with := size(ImportHint{}), size(hintOf(records))
				t.Logf("%d bytes, mapping asked for %d", with, importMmapSize(hintOf(records)))
				if with != without {
					t.Errorf("the file is %d bytes imported with Options.Import, %d without", with, without)
				}
				if m := importMmapSize(hintOf(records)); m > 0 && int64(m) != without && with == int64(m) {
					t.Errorf("the file was cut to the mapping's %d bytes", m)
				}
			})
		}
	}
}

func TestImportMmapSize(t *testing.T) {
	if runtime.GOOS == "windows" {
		if got := importMmapSize(ImportHint{Attempts: 100000}); got != 0 {
			t.Errorf("on Windows importMmapSize = %d, want 0 (bbolt sizes the file to the mapping)", got)
		}
		return
	}
	for h, want := range map[ImportHint]int{
		{}:                                     0,
		{Attempts: -1}:                         0,
		{Attempts: 1}:                          importAttemptBytes,
		{Attempts: 1, Finished: 5}:             importAttemptBytes + importFinishedBytes,
		{Attempts: 100000, Finished: 97001}:    100000*importAttemptBytes + 97001*importFinishedBytes,
		{Attempts: 1 << 40, Finished: 1 << 40}: importMmapCap,
	} {
		if got := importMmapSize(h); got != want {
			t.Errorf("importMmapSize(%+v) = %d, want %d", h, got, want)
		}
	}
}
