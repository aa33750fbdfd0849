// Package gen builds digikomp databases of many realistic attempts for the
// benchmarks. It is shared by the store and ui benchmarks and by the
// bench/gendb command; nothing in the application imports it.
//
// A database of n attempts is the same every time: a fixed seed, one
// random stream per attempt and one per profile (so batching never
// changes the data), and attempt ids drawn from those streams. It is written through
// store.Import, 1,000 attempts per transaction, so 100,000 attempts take
// seconds, not one fsync per answer.
//
// The attempts are of the given questionnaire (the benchmarks use the
// built-in one, survey.Load):
//
//   - one profile per PerProfile attempts, ids "local" (the profile the
//     app shows, so that the real binary starts with a history),
//     "p00002", "p00003", …;
//   - start and finish times spread evenly over two years (2023 and
//     2024), written in time order as a real database is, each profile's
//     attempts spread over the whole period;
//   - ratings from a skewed distribution on the scale (most 4–6), shifted
//     per person and per statement, about 5% of them Skipped;
//   - background answers from the questionnaire's options and Sweden's
//     municipalities, each given with probability 0.85 and mostly the same
//     for all attempts of a profile;
//   - discussion text in about 4% of attempts;
//   - about 3% unfinished: the newest attempt of 60% of the profiles
//     (the most recent ones in the database), never more than one per
//     profile (the store enforces it). Profile
//     "local" always has one, so start-up finds both a result and an
//     attempt to continue.
package gen

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// Seed is the fixed seed of every generated database.
const Seed = 0x6469_6769_6b6f_6d70 // "digikomp"

// PerProfile is how many attempts each profile has (the last profile may
// have fewer).
const PerProfile = 20

// BatchSize is how many attempts one Import call writes.
const BatchSize = 1000

// unfinishedShare is the probability that a profile's newest attempt is
// unfinished: 0.6 of one in PerProfile is 3% of all attempts.
const unfinishedShare = 0.6

// Period is when the generated attempts were taken.
var (
	PeriodStart = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	PeriodEnd   = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
)

// ProfileID is the id of the i-th profile, counting from 0: "local",
// then "p00002", "p00003", ….
func ProfileID(i int) string {
	if i == 0 {
		return store.LocalProfile
	}
	return fmt.Sprintf("p%05d", i+1)
}

// FileName is the name of the cached database of n attempts.
func FileName(n int) string { return fmt.Sprintf("attempts-%d.db", n) }

// ratingWeights is the distribution of a rating before the person's and
// the statement's shifts, for a seven-point scale: self-assessments lean
// to the confident side.
var ratingWeights = []float64{2, 4, 9, 17, 26, 26, 16}

// discussionTexts are answers to the network meetings' questions.
var discussionTexts = []string{
	"Vi vill gärna fortsätta träffas digitalt en gång per termin och dela lektionsupplägg.",
	"Ett gemensamt Teams-rum för hela regionen skulle räcka, med en kontaktperson per bibliotek.",
	"Mer stöd kring källkritik för äldre besökare, gärna färdiga övningar.",
	"Vi använder Digiteket på arbetsplatsträffar, en modul i månaden.",
	"Regionbiblioteket kunde samordna utbildning i upphovsrätt och öppna licenser.",
	"Nätverket ger oss mod att prova nytt, t.ex. makerspace och programmering för barn.",
}

// Generator makes the attempts of one questionnaire.
type Generator struct {
	q              *survey.Questionnaire
	municipalities []string
	difficulty     []int // per statement, added to every rating of it
	layout         Layout
	topics         []string // topic ids, for plans (with workshops only)
}

// Layout spreads a database's attempts over workshops (issue 12). The
// zero Layout is no workshops: the database is byte for byte what it was
// before workshops existed, so the older benchmarks keep their files.
//
// With Workshops > 0, attempt i of n is taken in workshop i·Workshops/n
// (attempts are in start order, so each workshop is one slice of the
// period and its date the start of that slice), workshop k belongs to
// round k·Rounds/Workshops ("Runda 1" … in date order), every manager
// answers the managers' question, and about a third of the finished
// attempts have a plan with a needs and resources inventory.
type Layout struct {
	Workshops, Rounds int
}

// WithLayout returns the generator spreading attempts as l says.
func (g *Generator) WithLayout(l Layout) *Generator {
	if l.Workshops > 0 {
		l.Rounds = min(max(l.Rounds, 1), l.Workshops)
		if ts, err := survey.Topics(); err == nil {
			for _, t := range ts {
				g.topics = append(g.topics, t.ID)
			}
		}
	}
	g.layout = l
	return g
}

// WorkshopID is the id of workshop k (from 0).
func WorkshopID(k int) string { return fmt.Sprintf("%016x", 0xd161_0000_0000+k) }

// RoundName is the name of round r (from 0).
func RoundName(r int) string { return fmt.Sprintf("Runda %d", r+1) }

// Workshop returns workshop k of a database of n attempts, as an import
// creates it.
func (g *Generator) Workshop(k, n int) store.Workshop {
	step := (int64(PeriodEnd.Sub(PeriodStart)) - int64(time.Hour)) / int64(n)
	first := (k*n + g.layout.Workshops - 1) / g.layout.Workshops // its first attempt
	date := PeriodStart.Add(time.Duration(int64(first) * step))
	return store.Workshop{
		ID:      WorkshopID(k),
		Name:    fmt.Sprintf("Nätverksträff %d", k+1),
		Place:   g.municipalities[(k*37)%len(g.municipalities)],
		Round:   RoundName(k * g.layout.Rounds / g.layout.Workshops),
		Date:    date,
		Created: date,
	}
}

// Record returns attempt i of n as ImportRecords takes it: with its
// workshop (nil without workshops) and plan.
func (g *Generator) Record(i, n int, workshops []store.Workshop) store.ImportRecord {
	a := g.Attempt(i, n)
	rec := store.ImportRecord{Attempt: a}
	if g.layout.Workshops == 0 {
		return rec
	}
	rec.Workshop = &workshops[i*g.layout.Workshops/n]
	rec.Attempt.Workshop = rec.Workshop.ID
	r := rand.New(rand.NewPCG(Seed+2, uint64(i)))
	if survey.IsManager(a.Background) {
		rec.Attempt.Manager = []string{survey.ManagerYes, survey.ManagerYes, survey.ManagerPartly, survey.ManagerNo, survey.ManagerDontKnow}[r.IntN(5)]
	}
	if a.Done() && len(g.topics) > 0 && r.IntN(3) == 0 {
		p := &store.Plan{ShowName: r.IntN(4) == 0}
		for _, j := range r.Perm(len(g.topics))[:min(1+r.IntN(store.MaxPlanLearn), len(g.topics))] {
			p.Learn = append(p.Learn, g.topics[j])
		}
		if r.IntN(4) == 0 {
			p.Teach = []string{g.topics[r.IntN(len(g.topics))]}
		}
		rec.Plan = p
	}
	return rec
}

// New returns a generator for q.
func New(q *survey.Questionnaire) *Generator {
	g := &Generator{q: q}
	for _, m := range survey.Municipalities() {
		g.municipalities = append(g.municipalities, m.Name)
	}
	r := rand.New(rand.NewPCG(Seed, 0xd1ff))
	g.difficulty = make([]int, len(q.Statements))
	for i := range g.difficulty {
		g.difficulty[i] = []int{-1, 0, 0, 0, 1}[r.IntN(5)]
	}
	return g
}

// profile is what stays the same across a profile's attempts.
type profile struct {
	id         string
	background map[string]string
	shift      int  // the person's confidence, added to every rating
	unfinished bool // whether the profile's newest attempt is unfinished
}

func (g *Generator) profile(p int) profile {
	r := rand.New(rand.NewPCG(Seed, uint64(p)+1))
	return profile{
		id:         ProfileID(p),
		background: g.background(r),
		shift:      []int{-1, 0, 0, 0, 1}[r.IntN(5)],
		unfinished: p == 0 || r.Float64() < unfinishedShare,
	}
}

// Profiles is the number of profiles in a database of n attempts.
func Profiles(n int) int { return (n + PerProfile - 1) / PerProfile }

// Attempt returns attempt i (0 ≤ i < n) of a database of n attempts.
//
// Attempts are numbered in start order: attempt i starts in the i-th of n
// equal slices of the period, so a database is written in time order, as
// a real one is. It belongs to profile i mod Profiles(n) and is that
// profile's (i div Profiles(n))-th attempt; the profile's last one may be
// unfinished.
func (g *Generator) Attempt(i, n int) store.Attempt {
	profiles := Profiles(n)
	p, round := i%profiles, i/profiles
	pr := g.profile(p)
	r := rand.New(rand.NewPCG(Seed+1, uint64(i)))

	// Leave an hour at the end so every finish lies in the period.
	step := (int64(PeriodEnd.Sub(PeriodStart)) - int64(time.Hour)) / int64(n)
	started := PeriodStart.Add(time.Duration(int64(i)*step + r.Int64N(max(step, 1))))
	a := store.Attempt{
		ProfileID: pr.id,
		Started:   started,
		Ratings:   make(map[string]store.Rating, len(g.q.Statements)),
	}
	binary.BigEndian.PutUint64(a.ID[:8], uint64(started.UnixNano()))
	binary.BigEndian.PutUint64(a.ID[8:], r.Uint64())

	// Mostly the profile's answers; now and then one left out.
	a.Background = make(map[string]string, len(pr.background))
	for k, v := range pr.background {
		if r.Float64() < 0.95 {
			a.Background[k] = v
		}
	}

	answered := len(g.q.Statements)
	open := pr.unfinished && i+profiles >= n // the profile's last attempt
	if open {
		answered = r.IntN(len(g.q.Statements))
		a.Position = store.Position{Stage: store.StageStatements, Cursor: answered}
	}
	// Progression: later attempts of a profile are a little surer.
	progress := 0
	if r.IntN(PerProfile*2) < round {
		progress = 1
	}
	at := started.Add(time.Minute)
	for j, s := range g.q.Statements[:answered] {
		at = at.Add(time.Duration(5+r.IntN(40)) * time.Second)
		v := store.Skipped
		if r.Float64() >= 0.05 {
			v = g.rating(r, pr.shift+progress+g.difficulty[j])
		}
		a.Ratings[s.ID] = store.Rating{Value: v}
	}
	if !open {
		if r.Float64() < 0.04 {
			a.Discussion = g.discussion(r)
		}
		a.Finished = at.Add(time.Duration(30+r.IntN(600)) * time.Second)
	}
	return a
}

// rating draws one value on the scale, shifted and clamped.
func (g *Generator) rating(r *rand.Rand, shift int) int {
	sc := g.q.Scale
	x := r.Float64() * 100
	v := sc.Max
	for i, w := range ratingWeights {
		if x < w {
			// Stretch the seven weights over the scale, whatever its length.
			v = sc.Min + i*(sc.Max-sc.Min)/(len(ratingWeights)-1)
			break
		}
		x -= w
	}
	return min(max(v+shift, sc.Min), sc.Max)
}

// background picks a profile's answers to the background questions.
func (g *Generator) background(r *rand.Rand) map[string]string {
	m := make(map[string]string, len(g.q.Background))
	for _, bq := range g.q.Background {
		if r.Float64() >= 0.85 {
			continue
		}
		switch {
		case bq.Kind == survey.KindMunicipality:
			// Square the draw so that the first names are picked more
			// often, like the large municipalities are.
			f := r.Float64()
			m[bq.ID] = g.municipalities[int(f*f*float64(len(g.municipalities)))]
		case len(bq.Options) > 0:
			m[bq.ID] = bq.Options[r.IntN(len(bq.Options))].ID
		}
	}
	return m
}

// discussion picks one to three answers to discussion questions.
func (g *Generator) discussion(r *rand.Rand) map[string]string {
	m := map[string]string{}
	if len(g.q.Discussion) == 0 {
		return m
	}
	for range 1 + r.IntN(3) {
		dq := g.q.Discussion[r.IntN(len(g.q.Discussion))]
		m[dq.ID] = discussionTexts[r.IntN(len(discussionTexts))]
	}
	return m
}

// Batches calls each with the attempts of a database of n attempts in
// start order, BatchSize at a time. The slice is reused between calls.
func (g *Generator) Batches(n int, each func([]store.Attempt) error) error {
	batch := make([]store.Attempt, 0, BatchSize)
	for i := range n {
		batch = append(batch, g.Attempt(i, n))
		if len(batch) == BatchSize || i == n-1 {
			if err := each(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// Build creates a new database of n attempts of q at path, which must not
// exist, and calls each (if not nil) with every batch after it has been
// imported.
func Build(path string, q *survey.Questionnaire, n int, each func([]store.Attempt) error) (err error) {
	return BuildLayout(path, q, n, Layout{}, each)
}

// BuildLayout is Build with the attempts spread over workshops as l says
// (through store.ImportRecords, BatchSize records per transaction).
func BuildLayout(path string, q *survey.Questionnaire, n int, l Layout, each func([]store.Attempt) error) (err error) {
	if l.Workshops == 0 {
		return build(path, q, n, each)
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("build %s: %w", path, fs.ErrExist)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := st.Close(); err == nil {
			err = cerr
		}
	}()
	g := New(q).WithLayout(l)
	workshops := make([]store.Workshop, l.Workshops)
	for k := range workshops {
		workshops[k] = g.Workshop(k, n)
	}
	batch := make([]store.ImportRecord, 0, BatchSize)
	attempts := make([]store.Attempt, 0, BatchSize)
	for i := range n {
		batch = append(batch, g.Record(i, n, workshops))
		if len(batch) < BatchSize && i < n-1 {
			continue
		}
		rep, err := st.ImportRecords(q, batch)
		if err != nil {
			return err
		}
		if rep.Added != len(batch) {
			for _, r := range rep.Results {
				if r.Err != nil {
					return fmt.Errorf("attempt %s: %w", r.ID, r.Err)
				}
			}
			return fmt.Errorf("%d of %d attempts imported", rep.Added, len(batch))
		}
		if each != nil {
			attempts = attempts[:0]
			for _, r := range batch {
				attempts = append(attempts, r.Attempt)
			}
			if err := each(attempts); err != nil {
				return err
			}
		}
		batch = batch[:0]
	}
	return nil
}

// build is Build without workshops.
func build(path string, q *survey.Questionnaire, n int, each func([]store.Attempt) error) (err error) {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("build %s: %w", path, fs.ErrExist)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := st.Close(); err == nil {
			err = cerr
		}
	}()
	return New(q).Batches(n, func(batch []store.Attempt) error {
		if err := st.Import(q, batch); err != nil {
			return err
		}
		if each != nil {
			return each(batch)
		}
		return nil
	})
}

// Cached returns the path of dir/attempts-N.db, building it first if it
// does not exist. It is built under a temporary name and linked into
// place, so a run that is interrupted, or two test binaries building the
// same file at once, never leave a half-built file under the name.
//
// A cached file is trusted as it is: delete the directory after changing
// the generator.
func Cached(dir string, q *survey.Questionnaire, n int) (string, error) {
	return CachedLayout(dir, q, n, Layout{})
}

// WorkshopsFileName is the name of the cached database of n attempts
// spread as l says.
func WorkshopsFileName(n int, l Layout) string {
	return fmt.Sprintf("workshops-%d-%dw%dr.db", n, l.Workshops, l.Rounds)
}

// CachedLayout is Cached for a database spread over workshops as l says
// (FileName without workshops, WorkshopsFileName with).
func CachedLayout(dir string, q *survey.Questionnaire, n int, l Layout) (string, error) {
	name := FileName(n)
	if l.Workshops > 0 {
		name = WorkshopsFileName(n, l)
	}
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmpDir, err := os.MkdirTemp(dir, ".gen-*")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmpDir)
	tmp := filepath.Join(tmpDir, name)
	if err := BuildLayout(tmp, q, n, l, nil); err != nil {
		return "", fmt.Errorf("generate %d attempts: %w", n, err)
	}
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	return path, nil
}

// EnvDir names the directory the benchmarks keep their databases in, and
// write their durable-save files to. Set it to a directory on the disk
// you care about (not tmpfs) to measure fsync and to reuse databases
// between runs.
const EnvDir = "DIGIKOMP_BENCH_DIR"

// Large is the size from which a database takes seconds to build.
const Large = 100_000

// Dir returns $DIGIKOMP_BENCH_DIR, created if missing, or else temp()
// (such as b.TempDir), whose databases are built afresh every run.
func Dir(temp func() string) (string, error) {
	dir := os.Getenv(EnvDir)
	if dir == "" {
		return temp(), nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

// EnvMax, if set, is the largest database a benchmark may build: a quick
// run of bench/run.sh -n 10000 leaves out the 100,000-attempt ones.
const EnvMax = "DIGIKOMP_BENCH_MAX"

// SkipLarge reports whether a benchmark of n attempts is left out: with
// -short, unless $DIGIKOMP_BENCH_DIR holds (or will keep) the database,
// and above $DIGIKOMP_BENCH_MAX.
func SkipLarge(n int, short bool) bool {
	if limit, err := strconv.Atoi(os.Getenv(EnvMax)); err == nil && n > limit {
		return true
	}
	return n >= Large && short && os.Getenv(EnvDir) == ""
}

// ForBenchmark returns a database of n generated attempts in dir for a
// benchmark: skipped as SkipLarge says, built if needed, and with the
// garbage of building collected before timing starts.
func ForBenchmark(b testing.TB, dir string, q *survey.Questionnaire, n int) string {
	b.Helper()
	return ForBenchmarkLayout(b, dir, q, n, Layout{})
}

// ForBenchmarkLayout is ForBenchmark for a database spread over
// workshops as l says.
func ForBenchmarkLayout(b testing.TB, dir string, q *survey.Questionnaire, n int, l Layout) string {
	b.Helper()
	if SkipLarge(n, testing.Short()) {
		b.Skipf("%d attempts: left out with -short unless %s is set, or above %s", n, EnvDir, EnvMax)
	}
	path, err := CachedLayout(dir, q, n, l)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	return path
}
