package ui

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/bench/gen"
	"digikomp/store"
	"digikomp/survey"
)

// groupBenchStore holds 100 000 synthetic finished respondents (counts
// only: 1 000 distinct rows passed in turn) in 10 workshops of 5 rounds,
// "r0" … "r4", 20 000 per round.
func groupBenchStore(b *testing.B, q *survey.Questionnaire) *memStore {
	b.Helper()
	rows := groupFixture(b, q, 1000)
	ms := newMemStore()
	g := ms.groups()
	for i := range 10 {
		id := fmt.Sprintf("bb%02d", i)
		ms.addWorkshop(store.Workshop{ID: id, Name: "Träff " + id, Round: fmt.Sprintf("r%d", i%5)})
		g.rows[id] = rows.group.rows["aa0"+fmt.Sprint(1+i%2)]
		g.answers[id] = rows.group.answers["aa02"]
		g.count[id] = 10_000
	}
	return ms
}

// BenchmarkGroupView: the group view of one round (20 000 of 100 000
// respondents) and of all of them, built and drawn as the facilitator
// opens it at 120×40: the load command streaming the respondents into a
// GroupTally (memStore: no disk), the report, the Update that builds
// the screen, and the first View.
func BenchmarkGroupView(b *testing.B) {
	q, err := survey.Load()
	if err != nil {
		b.Fatal(err)
	}
	ms := groupBenchStore(b, q)
	for _, tc := range []struct {
		name string
		pick groupPick
		n    int
	}{{"round-of-100k", pickRound("r3"), 20_000}, {"all-100k", groupPick{filter: store.GroupFilter{All: true}, name: "alla"}, 100_000}} {
		b.Run(tc.name, func(b *testing.B) {
			m := New(Config{Store: ms, Questionnaire: q, Lang: survey.Swedish})
			next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			m = next.(Model)
			b.ReportAllocs()
			for b.Loop() {
				next, cmd, _ := m.actGroup(intentGroup{pick: tc.pick})
				loaded := cmd()
				mm, _ := next.(Model).Update(loaded)
				view := mm.(Model).View()
				if mm.(Model).g.view.data.report.Finished != tc.n || len(view) == 0 {
					b.Fatalf("the view counts %d, want %d", mm.(Model).g.view.data.report.Finished, tc.n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(tc.n), "ns/respondent")
		})
	}
}

// BenchmarkGroupViewFile is BenchmarkGroupView on a real file: 100,000
// generated attempts in 50 workshops of 4 rounds (the store benchmarks'
// layout, so the cached database is shared), opened once; the view of
// one round (a quarter of the file, read through the workshop index) at
// 120×40, the file's read included.
func BenchmarkGroupViewFile(b *testing.B) {
	q, err := survey.Load()
	if err != nil {
		b.Fatal(err)
	}
	dir, err := gen.Dir(b.TempDir)
	if err != nil {
		b.Fatal(err)
	}
	const n = 100_000
	path := gen.ForBenchmarkLayout(b, dir, q, n, gen.Layout{Workshops: 50, Rounds: 4})
	st, err := store.Open(path, store.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	m := New(Config{Store: st, Questionnaire: q, Lang: survey.Swedish})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = next.(Model)
	pick := pickRound(gen.RoundName(0))
	read := 0
	b.ReportAllocs()
	for b.Loop() {
		next, cmd, _ := m.actGroup(intentGroup{pick: pick})
		loaded := cmd()
		if err := loaded.(groupLoadedMsg).err; err != nil {
			b.Fatal(err)
		}
		mm, _ := next.(Model).Update(loaded)
		r := mm.(Model).g.view.data.report
		read = r.Finished + r.Unfinished
		if len(mm.(Model).View()) == 0 || read == 0 || read >= n {
			b.Fatalf("the round read %d of %d attempts", read, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(read), "ns/attempt")
}
