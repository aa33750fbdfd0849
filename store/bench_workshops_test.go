package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"digikomp/bench/gen"
	"digikomp/store"
	"digikomp/survey"
)

// benchLayout is how the workshop benchmarks spread their attempts: 50
// workshops in 4 collection rounds, so one round is a quarter of the file.
var benchLayout = gen.Layout{Workshops: 50, Rounds: 4}

// BenchmarkGroupReport is a group report as `digikomp report` and the
// group view make it: EachRespondent streaming into a survey.GroupTally,
// then its Report, on a store opened once, in a database of n attempts
// spread over 50 workshops in 4 rounds. one-round reads a quarter of the
// attempts through the workshop index, one-workshop a fiftieth, all walks
// every attempt. ns/respondent is per attempt the report reads.
func BenchmarkGroupReport(b *testing.B) {
	q := benchQuestionnaire(b)
	dir := benchDir(b)
	for _, n := range []int{10000, 100000} {
		for _, c := range []struct {
			name string
			f    store.GroupFilter
		}{
			{"one-workshop", store.GroupFilter{Workshop: gen.WorkshopID(0)}},
			{"one-round", store.GroupFilter{Round: gen.RoundName(0)}},
			{"all", store.GroupFilter{All: true}},
		} {
			b.Run(fmt.Sprintf("%s/n=%d", c.name, n), func(b *testing.B) {
				path := gen.ForBenchmarkLayout(b, dir, q, n, benchLayout)
				st, err := store.Open(path, store.Options{Timeout: benchTimeout})
				if err != nil {
					b.Fatal(err)
				}
				defer st.Close()
				report := func() survey.GroupReport {
					t := survey.NewGroupTally(q)
					unfinished, err := st.EachRespondent(q, c.f, t.Add)
					if err != nil {
						b.Fatal(err)
					}
					for range unfinished {
						t.AddUnfinished()
					}
					return t.Report()
				}
				r := report()
				read := r.Finished + r.Unfinished
				if want := n / benchLayout.Workshops; c.f.Workshop != "" && read != want {
					b.Fatalf("%d attempts in one workshop, want %d", read, want)
				}
				if c.f.All && read != n {
					b.Fatalf("%d attempts read of %d", read, n)
				}
				runtime.GC()
				b.ReportAllocs()
				for b.Loop() {
					report()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(read), "ns/respondent")
			})
		}
	}
}

// BenchmarkImportRecords is the import of n attempts (with their 50
// workshops, managers' answers and plans, none of them in the file, and
// no profile ids, as an export gives them) into
// a new, empty database: one ImportRecords call, one transaction, Open
// and Close included. The records are made before timing starts.
func BenchmarkImportRecords(b *testing.B) {
	q := benchQuestionnaire(b)
	dir := benchDir(b)
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			if gen.SkipLarge(n, testing.Short()) {
				b.Skipf("%d attempts: left out with -short unless %s is set", n, gen.EnvDir)
			}
			g := gen.New(q).WithLayout(benchLayout)
			workshops := make([]store.Workshop, benchLayout.Workshops)
			for k := range workshops {
				workshops[k] = g.Workshop(k, n)
			}
			records := make([]store.ImportRecord, n)
			for i := range records {
				records[i] = g.Record(i, n, workshops)
				// An export carries no profile ids: each attempt gets
				// an anonymous profile of its own, as `digikomp import`
				// gives it.
				records[i].Attempt.ProfileID = ""
			}
			hint := store.ImportHint{Attempts: n}
			for _, r := range records {
				if !r.Attempt.Finished.IsZero() {
					hint.Finished++
				}
			}
			tmp, err := os.MkdirTemp(dir, "import-*")
			if err != nil {
				b.Fatal(err)
			}
			defer os.RemoveAll(tmp)
			runtime.GC()
			i := 0
			for b.Loop() {
				path := filepath.Join(tmp, fmt.Sprintf("%d.db", i))
				i++
				// Opened as `digikomp import` opens it.
				st, err := store.Open(path, store.Options{Timeout: benchTimeout, Import: hint})
				if err != nil {
					b.Fatal(err)
				}
				rep, err := st.ImportRecords(q, records)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Added != n {
					b.Fatalf("%d of %d added: %+v", rep.Added, n, rep.Results[0])
				}
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				_ = os.Remove(path)
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/attempt")
		})
	}
}
