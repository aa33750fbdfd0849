//go:build !windows

package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"digikomp/internal/langcheck"
	"digikomp/survey"
)

// TestE2EDamagedFile is the sweep behind the fault-table row "corrupt,
// truncated, empty or foreign file". It builds a real database through
// the store API, makes many damaged copies of it and, for each one:
//
//  1. runs "digikomp check --db COPY": it must exit 0, 4 or 6 within 20 s,
//     say why, naming the file, and never print a stack trace. It must not
//     call damaged a copy whose damage reached only bytes bbolt never reads.
//     If it calls the copy sound, the store must read every attempt, and
//     read what was written; except that a changed byte inside a value
//     that still decodes cannot be seen without checksums, which bbolt
//     does not keep for data pages: such copies are counted and logged,
//     and fail only with DIGIKOMP_DAMAGE_STRICT=1. A damaged newest meta
//     page, which makes bbolt silently fall back to the previous
//     transaction, is not excused;
//  2. starts the app on the copy in a terminal: it must either refuse the
//     file with a sentence (exit 4, or 1 or 3) or show the welcome menu and
//     quit cleanly on q; never a stack trace, a hang or an error screen;
//  3. checks that neither changed a byte of the copy, nor its size, mode or
//     modification time;
//  4. in Swedish, fails on English in the refusal or in what check says.
//
// The subtests are named after the damage, so that one kind can be run on
// its own: overwrite-meta, overwrite-data, overwrite-live, bitflip,
// truncate, swap-pages, empty, zeros and random (a foreign file).
// DIGIKOMP_DAMAGE_N sets the number of copies (200 by default) and
// DIGIKOMP_DAMAGE_SEED the seed, which is logged; a subtest run on its own
// with the same seed and count gets the same damage at the same offsets.
// The sample's layout is nearly always the same too, but not always: bbolt
// writes a transaction's buckets in map order, and the local profile's
// creation time and attempt ids come from the clock and crypto/rand. So a
// copy that fails is kept under $TMPDIR/digikomp-e2e-kept, with the
// undamaged sample it was made from: those files are the exact
// reproduction ("digikomp check --db FILE", "digikomp --db FILE").
func TestE2EDamagedFile(t *testing.T) {
	n := e2eEnvInt(t, "DIGIKOMP_DAMAGE_N", 200)
	seed := e2eEnvSeed(t, "DIGIKOMP_DAMAGE_SEED")
	q := loadQuestionnaire(t)
	binary(t) // build before the workers start

	base := filepath.Join(t.TempDir(), "sample.db")
	buildSampleDB(t, base)
	orig, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	bm, err := mapBolt(orig)
	if err != nil {
		t.Fatalf("reading the sample database's layout: %v", err)
	}
	want := e2eReadStore(base, q, sampleProfiles)
	if want.err != nil {
		t.Fatalf("the store cannot read the undamaged sample database: %v", want.err)
	}
	pages := map[string]int{}
	for _, k := range bm.kind {
		pages[k]++
	}
	t.Logf("sample database: %d bytes, %d pages of %d bytes, high-water mark %d, pages %v", len(orig), len(bm.kind), bm.pageSize, bm.hwm, pages)

	d := &damageSweep{q: q, orig: orig, bm: bm, want: want, seed: seed, base: base, tally: map[string]int{}}
	// The undamaged file passes, or the sweep proves nothing.
	t.Run("undamaged", func(t *testing.T) { d.run(t, damageCase{kind: "undamaged"}) })
	if t.Failed() {
		t.FailNow()
	}

	cases := damagePlan(n)
	jobs := make(chan damageCase)
	var wg sync.WaitGroup
	workers := max(4, 2*runtime.NumCPU())
	begin := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				t.Run(c.name(), func(t *testing.T) { d.run(t, c) })
			}
		}()
	}
	for _, c := range cases {
		jobs <- c
	}
	close(jobs)
	wg.Wait()

	var rows []string
	copies := 0
	for k, v := range d.tally {
		copies += v
		rows = append(rows, fmt.Sprintf("%-56s %4d", k, v))
	}
	slices.Sort(rows)
	t.Logf("%d copies checked in %v with %d workers; kind / damage reached live bytes / check exit / app:\n%s",
		copies, time.Since(begin).Round(time.Millisecond), workers, strings.Join(rows, "\n"))
}

// damageCase is one damaged copy: its kind and number within the kind.
type damageCase struct {
	kind  string
	index int
}

func (c damageCase) name() string {
	switch c.kind {
	case "empty", "zeros", "random", "undamaged":
		return c.kind
	}
	return fmt.Sprintf("%s/%03d", c.kind, c.index)
}

// damageKinds are the kinds of damage drawn at random, with their shares.
var damageKinds = []struct {
	kind  string
	share float64
}{
	{"overwrite-meta", 0.16}, // random bytes in meta page 0 or 1
	{"overwrite-data", 0.20}, // random bytes anywhere after the meta pages
	{"overwrite-live", 0.18}, // random bytes starting at a byte bbolt reads
	{"bitflip", 0.10},        // one bit of a byte bbolt reads
	{"truncate", 0.24},       // cut short, half of them at a page boundary
	{"swap-pages", 0.12},     // two pages exchanged
}

// damagePlan splits n copies among the kinds: one each of the whole-file
// kinds, the rest by share. The plan depends only on n, so subtest names
// are stable.
func damagePlan(n int) []damageCase {
	cases := []damageCase{{kind: "empty"}, {kind: "zeros"}, {kind: "random"}}
	rest := max(n-len(cases), 0)
	given := 0
	for i, k := range damageKinds {
		count := int(float64(rest) * k.share)
		if i == len(damageKinds)-1 {
			count = rest - given
		}
		given += count
		for j := range count {
			cases = append(cases, damageCase{kind: k.kind, index: j})
		}
	}
	return cases[:min(n, len(cases))]
}

// damageSweep is what every copy shares.
type damageSweep struct {
	q    *survey.Questionnaire
	orig []byte
	bm   *boltMap
	want e2eStoreView
	seed int64
	base string    // the undamaged sample
	keep sync.Once // keeps the sample at the first failure

	mu    sync.Mutex
	tally map[string]int
}

// damage makes the copy for c. Its random numbers depend only on the
// seed, the kind and the index.
func (d *damageSweep) damage(c damageCase) ([]byte, string) {
	kindNo := uint64(0)
	for _, ch := range c.kind {
		kindNo = kindNo*31 + uint64(ch)
	}
	rng := rand.New(rand.NewPCG(uint64(d.seed), kindNo<<20|uint64(c.index)))
	data := bytes.Clone(d.orig)
	ps := d.bm.pageSize
	npages := len(data) / ps
	overwrite := func(off int) string {
		n := 1 + rng.IntN(64)
		off = min(off, len(data)-1)
		n = min(n, len(data)-off)
		for i := range n {
			data[off+i] = byte(rng.IntN(256))
		}
		return fmt.Sprintf("%d random bytes at %d, %s", n, off, d.bm.pageOf(off))
	}
	randomLive := func(from int) int {
		for {
			off := from + rng.IntN(len(data)-from)
			if d.bm.live[off] {
				return off
			}
		}
	}
	switch c.kind {
	case "undamaged":
		return data, "no damage"
	case "empty":
		return nil, "an empty file"
	case "zeros":
		return make([]byte, len(data)), fmt.Sprintf("%d zero bytes", len(data))
	case "random":
		for i := range data {
			data[i] = byte(rng.IntN(256))
		}
		return data, fmt.Sprintf("%d random bytes", len(data))
	case "overwrite-meta":
		page := rng.IntN(2)
		// Mostly within the page header and the meta itself (80 bytes),
		// now and then in the unused rest of the page.
		off := rng.IntN(96)
		if rng.IntN(5) == 0 {
			off = rng.IntN(ps)
		}
		return data, overwrite(page*ps + off)
	case "overwrite-data":
		return data, overwrite(2*ps + rng.IntN(len(data)-2*ps))
	case "overwrite-live":
		return data, overwrite(randomLive(2 * ps))
	case "bitflip":
		off := randomLive(0)
		bit := rng.IntN(8)
		data[off] ^= 1 << bit
		return data, fmt.Sprintf("bit %d of byte %d flipped, %s", bit, off, d.bm.pageOf(off))
	case "truncate":
		var size int
		switch rng.IntN(4) {
		case 0, 1: // at a page boundary
			size = rng.IntN(npages) * ps
		case 2: // anywhere
			size = rng.IntN(len(data))
		default: // within the pages in use
			size = 1 + rng.IntN(min(len(data), (d.bm.hwm+1)*ps)-1)
		}
		if size == 0 {
			size = ps // an empty file is a kind of its own
		}
		return data[:size], fmt.Sprintf("cut to %d of %d bytes (%d pages and %d bytes)", size, len(data), size/ps, size%ps)
	case "swap-pages":
		first := 2
		if rng.IntN(4) == 0 {
			first = 0
		}
		a := first + rng.IntN(min(npages, d.bm.hwm)-first)
		b := a
		for b == a {
			b = first + rng.IntN(min(npages, d.bm.hwm)-first)
		}
		pa := bytes.Clone(data[a*ps : (a+1)*ps])
		copy(data[a*ps:(a+1)*ps], data[b*ps:(b+1)*ps])
		copy(data[b*ps:(b+1)*ps], pa)
		return data, fmt.Sprintf("pages %d (%s) and %d (%s) swapped", a, d.bm.kind[a], b, d.bm.kind[b])
	}
	panic("unknown damage " + c.kind)
}

// damageText is what the app shows, per language, that the sweep looks
// for: the welcome menu's quit item and the start of an error screen.
var damageText = map[survey.Lang]struct{ quitItem, fatal string }{
	survey.Swedish: {"Avsluta", "Kunde inte"},
	survey.English: {"Quit", "Could not"},
}

// run damages one copy and checks digikomp's behaviour on it.
func (d *damageSweep) run(t *testing.T, c damageCase) {
	data, what := d.damage(c)
	lang := languages[c.index%len(languages)].lang
	env := newEnv(t, string(lang))
	path := filepath.Join(filepath.Dir(env.db), "copy.db")
	env.db = path
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, past, past); err != nil {
		t.Fatal(err)
	}
	before := e2eStatFile(t, path)
	live := d.bm.liveChanged(d.orig, data)
	reach := map[bool]string{true: "live", false: "unused"}[live]
	kept := ""
	fail := func(format string, args ...any) {
		t.Helper()
		d.keep.Do(func() {
			t.Logf("the undamaged sample is kept at %s", e2eKeepFile(t, d.base, fmt.Sprintf("damage-%d-sample.db", d.seed)))
		})
		if kept == "" {
			kept = e2eKeepFile(t, path, fmt.Sprintf("damage-%d-%s.db", d.seed, strings.ReplaceAll(c.name(), "/", "-")))
		}
		t.Errorf("%s (%s, damage reached %s bytes; seed %d; copy kept at %s)\n%s", what, c.name(), reach, d.seed, kept, fmt.Sprintf(format, args...))
	}

	// 1. digikomp check.
	r := e2eCheck(t, env, path)
	out := r.stdout + r.stderr
	switch {
	case r.hung:
		fail("digikomp check did not finish within %v: %v", checkTimeout, r)
	case stackTraceIn(out) != "":
		fail("digikomp check printed %q, part of a Go stack trace or panic message: %v", stackTraceIn(out), r)
	case r.code != 0 && r.code != 4 && r.code != 6:
		fail("digikomp check exited %d, want 0, 4 or 6: %v", r.code, r)
	case r.code != 0 && !strings.Contains(out, path):
		fail("digikomp check exited %d without a message naming the file: %v", r.code, r)
	}
	if diff := before.diff(e2eStatFile(t, path)); diff != "" {
		fail("digikomp check changed the file: %s", diff)
	}
	if r.code == 0 {
		// Sound: the store reads it, and reads what was written.
		got := e2eReadStore(path, d.q, sampleProfiles)
		switch {
		case got.err != nil:
			fail("digikomp check found the file sound, but the store cannot read it: %v", got.err)
		case got.String() == d.want.String():
		case d.bm.newestMetaChanged(d.orig, data):
			// bbolt ignores a meta page whose checksum fails and opens the
			// file at the other one, the previous transaction's: the last
			// save is silently gone, and nothing says so.
			fail("digikomp check found the file sound, but the newest meta page is damaged, so bbolt reads the previous transaction's state and the last save is lost:\n%s", lineDiff(d.want.String(), got.String()))
		default:
			// bbolt keeps no checksums of data pages, so a changed byte in a
			// value that still decodes (a digit of a time, a letter of a
			// text) cannot be noticed by any check. Counted, and a failure
			// only when asked for.
			reach = "live, undetectable"
			if os.Getenv("DIGIKOMP_DAMAGE_STRICT") != "" {
				fail("digikomp check found the file sound, but the store reads other answers than were written (DIGIKOMP_DAMAGE_STRICT is set):\n%s", lineDiff(d.want.String(), got.String()))
			} else {
				t.Logf("%s: check finds the file sound, and the store reads changed values that no check can see without checksums:\n%s", what, lineDiff(d.want.String(), got.String()))
			}
		}
	} else if !live {
		fail("digikomp check exited %d although the damage reached only bytes bbolt never reads: %v", r.code, r)
	}

	// 2. The app, as a person would start it.
	a := start(t, env)
	outcome, code, screen := d.appOutcome(t, a, lang)
	appOut := a.output()
	if m := stackTraceIn(appOut); m != "" {
		fail("the app printed %q, part of a Go stack trace or panic message:\n%s", m, a.tail())
	}
	switch outcome {
	case "refused":
		switch {
		case code != 4 && code != 1 && code != 3:
			fail("the app exited %d, want 4 (or 1 or 3 with a message):\n%s", code, a.tail())
		case !strings.Contains(appOut, path):
			fail("the app exited %d without a message naming the file:\n%s", code, a.tail())
		case r.code == 0:
			fail("the app refused (exit %d) a file digikomp check finds sound:\n%s", code, a.tail())
		}
	case "welcome":
		if c.kind == "undamaged" && !strings.Contains(screen, fmt.Sprintf(languages[c.index%len(languages)].cont, sampleUnfinishedRatings, len(d.q.Statements))) {
			fail("on the undamaged sample the welcome menu does not offer to continue %d answers:\n%s", sampleUnfinishedRatings, screen)
		}
		if r.code == 4 {
			fail("the app opened a file digikomp check calls not a digikomp database (exit 4): %v\n%s", r, screen)
		}
	case "error screen":
		fail("the app opened the file, then showed an error instead of the menu (check exit %d), and exited %d on q:\n%s", r.code, code, screen)
	}
	if diff := before.diff(e2eStatFile(t, path)); diff != "" {
		fail("the app (%s) changed the file: %s", outcome, diff)
	}

	// 4. In Swedish, no English: the refusal, and all check says (bbolt's
	// and the decoders' own words stand on detail lines, which may be).
	if lang == survey.Swedish {
		said := out
		if outcome == "refused" {
			said += "\n" + appOut
		}
		said = swedishText(strings.ReplaceAll(said, path, "FIL"), filepath.Dir(path))
		if w := langcheck.English(said); len(w) > 0 {
			fail("Swedish mode printed English %q:\n%s", w, said)
		}
	}

	d.mu.Lock()
	d.tally[fmt.Sprintf("%-15s %-6s check %d  app %s %d", c.kind, reach, r.code, outcome, code)]++
	d.mu.Unlock()
}

// chooserTitle is "Vem är du?" in each language.
var chooserTitle = map[survey.Lang]string{survey.Swedish: "Vem är du?", survey.English: "Who are you?"}

// quitItemRE matches the welcome menu's quit item on a line of its own.
var quitItemRE = func() map[survey.Lang]*regexp.Regexp {
	m := map[survey.Lang]*regexp.Regexp{}
	for l, s := range damageText {
		m[l] = regexp.MustCompile(`(?m)^\s*(› )?` + regexp.QuoteMeta(s.quitItem) + `\s*$`)
	}
	return m
}()

// appOutcome waits until the app has exited ("refused"), shows the
// welcome menu ("welcome") or an error screen ("error screen"). In the
// two latter cases it quits with q and requires a clean exit. It returns
// the outcome, the exit code and the screen as it was seen.
func (d *damageSweep) appOutcome(t *testing.T, a *app, lang survey.Lang) (string, int, string) {
	t.Helper()
	var outcome, screen string
	deadline := time.Now().Add(waitTimeout)
	chose := false
	for outcome == "" {
		select {
		case <-a.waitDone:
			outcome = "refused"
			continue
		default:
		}
		s := a.screen()
		switch {
		case !chose && strings.Contains(s, chooserTitle[lang]):
			// The sample holds named people: "Vem är du?" comes first,
			// and the default profile, which has the tests, is its first
			// entry.
			chose = true
			a.send("\r")
		case chose && strings.Contains(s, chooserTitle[lang]) && time.Now().Before(deadline):
			time.Sleep(pollEvery)
		case quitItemRE[lang].MatchString(s):
			outcome, screen = "welcome", a.dump()
		case strings.Contains(s, damageText[lang].fatal):
			outcome, screen = "error screen", a.dump()
		case time.Now().After(deadline):
			t.Fatalf("the app neither exited nor showed the menu within %v\n%s", waitTimeout, a.dump())
		default:
			time.Sleep(pollEvery)
		}
	}
	if outcome != "refused" {
		a.send("q")
	}
	code := a.wait()
	if outcome == "welcome" && code != 0 {
		t.Errorf("after q on the welcome menu the exit code is %d, want 0\n%s", code, a.tail())
	}
	if outcome == "refused" {
		screen = a.tail()
	}
	return outcome, code, screen
}

// lineDiff shows the lines of two texts that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			if shown++; shown > 8 {
				fmt.Fprintf(&b, "… (more lines differ)\n")
				break
			}
			fmt.Fprintf(&b, "- %s\n+ %s\n", shorten(wl), shorten(gl))
		}
	}
	return b.String()
}

func shorten(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
