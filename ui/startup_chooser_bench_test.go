package ui_test

import (
	"fmt"
	"strings"
	"testing"

	"digikomp/bench/gen"
	"digikomp/bench/startup"
	"digikomp/survey"
	"digikomp/ui"
)

// BenchmarkStartupChooser is start-up to the first frame when no profile
// is given: the interface lists the people (Profiles, and whether the
// default profile has a test) and draws "Vem är du?". A database of n
// attempts holds n/20 profiles, each named, so this is the list of 5,000
// people at n=100000; nothing of any attempt is read.
func BenchmarkStartupChooser(b *testing.B) {
	q, err := survey.Load()
	if err != nil {
		b.Fatal(err)
	}
	dir, err := gen.Dir(b.TempDir)
	if err != nil {
		b.Fatal(err)
	}
	title := ui.Messages(survey.Swedish).Profiles.ChooserTitle
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			path := gen.ForBenchmark(b, dir, q, n)
			frame, err := startup.FirstFrame(path, q, "")
			if err != nil {
				b.Fatal(err)
			}
			if !strings.Contains(frame, title) {
				b.Fatalf("first frame is not the chooser:\n%s", frame)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := startup.FirstFrame(path, q, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
