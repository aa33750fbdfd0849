package store_test

// Benchmarks against the limits in BENCHMARKS.md; bench/run.sh runs them
// and prints the table. Databases of many attempts come from
// digikomp/bench/gen and are kept in $DIGIKOMP_BENCH_DIR when it is set
// (see gen.EnvDir); n=100000 is left out under -short unless it is.
// Run them one package at a time (go test -p 1): two test binaries
// sharing $DIGIKOMP_BENCH_DIR would wait on each other's file locks.

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/bench/gen"
	"digikomp/store"
	"digikomp/survey"
)

// benchTimeout is the lock wait of the benchmarks' Open: far longer than
// any uncontended open, so a second test binary on the same directory
// makes a run slow rather than failing it.
const benchTimeout = time.Minute

func benchQuestionnaire(b *testing.B) *survey.Questionnaire {
	b.Helper()
	q, err := survey.Load()
	if err != nil {
		b.Fatal(err)
	}
	return q
}

func benchDir(b *testing.B) string {
	b.Helper()
	dir, err := gen.Dir(b.TempDir)
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkSaveRating is one answer saved durably: SaveRating on an
// unfinished attempt, one committed bbolt transaction (which writes the
// dirty pages and fdatasyncs, then writes the meta page and fdatasyncs).
func BenchmarkSaveRating(b *testing.B) {
	q := benchQuestionnaire(b)
	tmp, err := os.MkdirTemp(benchDir(b), "saverating-*")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	st, err := store.Open(filepath.Join(tmp, "digikomp.db"), store.Options{Timeout: benchTimeout})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	t0 := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	a, err := st.StartAttempt(store.LocalProfile, q, t0)
	if err != nil {
		b.Fatal(err)
	}
	n := len(q.Statements)
	i := 0
	for b.Loop() {
		next := store.Position{Stage: store.StageStatements, Cursor: (i + 1) % n}
		if err := st.SaveRating(a.ID, q.Statements[i%n].ID, 1+i%7, next); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkBareCommit is the floor SaveRating stands on: a bbolt
// transaction with none of the store's code, putting one value of the
// size of an unfinished attempt's record (about 50 bytes) under a
// 16-byte key, committed and synced, in the same directory.
func BenchmarkBareCommit(b *testing.B) {
	tmp, err := os.MkdirTemp(benchDir(b), "barecommit-*")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	db, err := bbolt.Open(filepath.Join(tmp, "bare.db"), 0o600, &bbolt.Options{Timeout: benchTimeout})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	key, value := make([]byte, 16), make([]byte, 50)
	if err := db.Update(func(tx *bbolt.Tx) error {
		_, err := tx.CreateBucket([]byte("attempts"))
		return err
	}); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		value[0] = byte(i)
		if err := db.Update(func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte("attempts")).Put(key, value)
		}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkRawWriteFsync is the floor any durable save stands on: 4 KiB
// written over the start of a file and fsynced, in the directory of
// BenchmarkSaveRating's database.
func BenchmarkRawWriteFsync(b *testing.B) {
	f, err := os.CreateTemp(benchDir(b), "rawfsync-*")
	if err != nil {
		b.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	buf := make([]byte, 4096)
	if _, err := f.Write(buf); err != nil {
		b.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		buf[0] = byte(i)
		if _, err := f.WriteAt(buf, 0); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkOpen is store.Open and Close of an existing database: the
// read-only probe, the read-write open and the schema check, as at every
// start of the app.
func BenchmarkOpen(b *testing.B) {
	q := benchQuestionnaire(b)
	dir := benchDir(b)
	for _, n := range []int{0, 1000, 10000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			path := gen.ForBenchmark(b, dir, q, n)
			for b.Loop() {
				st, err := store.Open(path, store.Options{Timeout: benchTimeout})
				if err != nil {
					b.Fatal(err)
				}
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGroupSummary is the statistics of every finished attempt, on
// a store opened once. ns/attempt is the time per attempt in the
// database, finished or not.
func BenchmarkGroupSummary(b *testing.B) {
	q := benchQuestionnaire(b)
	dir := benchDir(b)
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			path := gen.ForBenchmark(b, dir, q, n)
			st, err := store.Open(path, store.Options{Timeout: benchTimeout})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			g, err := st.GroupSummary(q, store.Span{})
			if err != nil {
				b.Fatal(err)
			}
			if g.Attempts < n*9/10 || g.Attempts > n {
				b.Fatalf("%d finished attempts in a database of %d", g.Attempts, n)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := st.GroupSummary(q, store.Span{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/attempt")
		})
	}
}

// BenchmarkDeleteProfile is DeleteProfile of one profile (20 attempts) in
// a database of n attempts, compaction included: the transaction that
// removes its records, bbolt's Compact into a new file, its sync, the
// rename and the swap. Each round deletes from a fresh copy of the
// generated database (not timed).
func BenchmarkDeleteProfile(b *testing.B) {
	q := benchQuestionnaire(b)
	dir := benchDir(b)
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			src := gen.ForBenchmark(b, dir, q, n)
			raw, err := os.ReadFile(src)
			if err != nil {
				b.Fatal(err)
			}
			tmp, err := os.MkdirTemp(dir, "delete-*")
			if err != nil {
				b.Fatal(err)
			}
			defer os.RemoveAll(tmp)
			path := filepath.Join(tmp, "digikomp.db")
			victim := gen.ProfileID(gen.Profiles(n) / 2)
			var after int64
			b.StopTimer()
			for i := 0; i < b.N; i++ {
				if err := os.WriteFile(path, raw, 0o600); err != nil {
					b.Fatal(err)
				}
				st, err := store.Open(path, store.Options{Timeout: benchTimeout})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := st.DeleteProfile(victim); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				info, err := os.Stat(path)
				if err != nil {
					b.Fatal(err)
				}
				after = info.Size()
			}
			b.ReportMetric(float64(len(raw))/1e6, "MB-before")
			b.ReportMetric(float64(after)/1e6, "MB-after")
		})
	}
}

// BenchmarkPINHash is CheckPIN with the right PIN under the real argon2id
// parameters (the tests use cheap ones): one key derivation, a read
// transaction and a constant-time comparison.
func BenchmarkPINHash(b *testing.B) {
	defer store.RealPINs()()
	st, err := store.Open(filepath.Join(b.TempDir(), "digikomp.db"), store.Options{Timeout: benchTimeout})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	at := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	p, err := st.AddProfile("Anna", "1234", at)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c, err := st.CheckPIN(p.ID, "1234", at)
		if err != nil || !c.OK {
			b.Fatalf("CheckPIN: %+v, %v", c, err)
		}
	}
}
