package ui_test

// BenchmarkStartup is start-up to the first frame, against the limit in
// BENCHMARKS.md (bench/run.sh runs it). Databases come from
// digikomp/bench/gen and are kept in $DIGIKOMP_BENCH_DIR when it is set;
// n=100000 is left out under -short unless it is.

import (
	"fmt"
	"strings"
	"testing"

	"digikomp/bench/gen"
	"digikomp/bench/startup"
	"digikomp/survey"
	"digikomp/ui"
)

// BenchmarkStartup opens a database of n attempts, builds the root model
// as main does, runs Init and feeds its messages to Update until the
// welcome menu has its data, sends an 80×24 WindowSizeMsg, renders the
// first frame and closes the store. The profile is gen.ProfileID(0),
// which (for n > 0) has both finished attempts and one to continue, so
// the menu shows everything it can.
func BenchmarkStartup(b *testing.B) {
	q, err := survey.Load()
	if err != nil {
		b.Fatal(err)
	}
	dir, err := gen.Dir(b.TempDir)
	if err != nil {
		b.Fatal(err)
	}
	cat := ui.Messages(survey.Swedish)
	profile := gen.ProfileID(0)
	for _, n := range []int{0, 1000, 10000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			path := gen.ForBenchmark(b, dir, q, n)

			// The frame must be the welcome menu with the profile's data,
			// not the loading screen or an error.
			frame, err := startup.FirstFrame(path, q, profile)
			if err != nil {
				b.Fatal(err)
			}
			want := []string{cat.MenuDiscussion, cat.MenuQuit}
			if n > 0 {
				want = append(want, cat.MenuLatest, cat.MenuStartOver)
			}
			for _, w := range want {
				if !strings.Contains(frame, w) {
					b.Fatalf("first frame lacks %q:\n%s", w, frame)
				}
			}

			b.ReportAllocs()
			for b.Loop() {
				if _, err := startup.FirstFrame(path, q, profile); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
