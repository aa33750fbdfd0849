//go:build !windows

// Helpers for the end-to-end tests that work on database files: running
// "digikomp check" without a terminal, seeds and counts from the
// environment, a sample database built through the store API, a
// comparable snapshot of everything the store can read, and a map of the
// bytes of a bbolt file that bbolt actually reads.

package main

import (
	"bytes"
	"crypto/sha256"
	bin "encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// checkTimeout bounds one "digikomp check": longer is a hang.
const checkTimeout = 20 * time.Second

// stackTraceMarks are what a Go panic or runtime crash prints; no output
// of digikomp may ever contain them.
var stackTraceMarks = []string{"goroutine ", "panic:", "runtime error", "SIGBUS", "SIGSEGV", "[signal "}

// stackTraceIn returns the first mark of a Go crash found in out, or "".
func stackTraceIn(out string) string {
	for _, m := range stackTraceMarks {
		if strings.Contains(out, m) {
			return m
		}
	}
	return ""
}

// e2eResult is one finished run of the binary without a terminal.
type e2eResult struct {
	code           int // exit code; -1 if killed by a signal
	stdout, stderr string
	took           time.Duration
	hung           bool // killed after the timeout
}

func (r e2eResult) String() string {
	return fmt.Sprintf("exit %d after %v\nstdout:\n%s\nstderr:\n%s", r.code, r.took.Round(time.Millisecond), r.stdout, r.stderr)
}

// e2eRunCmd runs the binary with args in its own process group, with stdin
// from /dev/null, and kills the whole group if it has not finished within
// timeout: "check" runs its verification in a child process, which must
// not outlive a hung parent.
func e2eRunCmd(t testing.TB, env appEnv, timeout time.Duration, args ...string) e2eResult {
	t.Helper()
	cmd := exec.Command(binary(t.(*testing.T)), args...)
	cmd.Env = env.environ()
	cmd.Dir = env.home
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if env.nobody {
		asNobody(t.(*testing.T), cmd)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = time.Second
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting digikomp %q: %v", args, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	hung := false
	select {
	case err = <-done:
	case <-time.After(timeout):
		hung = true
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		err = <-done
	}
	// Whatever the parent did, nothing it started may live on.
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	r := e2eResult{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(begin), hung: hung}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case errors.Is(err, exec.ErrWaitDelay):
		// Exited, but something it started kept stdout open.
		r.code = cmd.ProcessState.ExitCode()
	default:
		t.Fatalf("running digikomp %q: %v", args, err)
	}
	return r
}

// e2eCheck runs "digikomp check --db path".
func e2eCheck(t testing.TB, env appEnv, path string) e2eResult {
	t.Helper()
	return e2eRunCmd(t, env, checkTimeout, "check", "--db", path)
}

// e2eEnvInt reads a positive count from the environment, else def.
func e2eEnvInt(t *testing.T, name string, def int) int {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive whole number", name, s)
	}
	return n
}

// e2eEnvSeed reads a seed from the environment, else takes one from the
// clock; either way it is logged, so a failure can be reproduced.
func e2eEnvSeed(t *testing.T, name string) int64 {
	t.Helper()
	seed := time.Now().UnixNano()
	if s := os.Getenv(name); s != "" {
		var err error
		if seed, err = strconv.ParseInt(s, 10, 64); err != nil {
			t.Fatalf("%s=%q: want a whole number", name, s)
		}
	}
	t.Logf("seed %d (reproduce with %s=%d)", seed, name, seed)
	return seed
}

// e2eFileState is what must not change about a file that digikomp refused
// or only read.
type e2eFileState struct {
	sum   [sha256.Size]byte
	size  int64
	mode  os.FileMode
	mtime time.Time
}

func e2eStatFile(t testing.TB, path string) e2eFileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return e2eFileState{sum: sha256.Sum256(data), size: info.Size(), mode: info.Mode(), mtime: info.ModTime()}
}

func (a e2eFileState) diff(b e2eFileState) string {
	var d []string
	if a.sum != b.sum {
		d = append(d, fmt.Sprintf("sha256 %x… → %x…", a.sum[:6], b.sum[:6]))
	}
	if a.size != b.size {
		d = append(d, fmt.Sprintf("size %d → %d", a.size, b.size))
	}
	if a.mode != b.mode {
		d = append(d, fmt.Sprintf("mode %v → %v", a.mode, b.mode))
	}
	if !a.mtime.Equal(b.mtime) {
		d = append(d, fmt.Sprintf("mtime %v → %v", a.mtime, b.mtime))
	}
	return strings.Join(d, ", ")
}

// sampleProfiles are the profiles of the sample database.
var sampleProfiles = []string{store.LocalProfile, "anna", "bosse", "cecilia", "dragan", "eira"}

// sampleUnfinishedRatings is how many statements the local profile's
// unfinished attempt in the sample database has answered (no skips).
const sampleUnfinishedRatings = 9

// buildSampleDB writes a database at path the way digikomp and an import
// would: the local profile with finished attempts taken answer by answer
// and one unfinished attempt, and further profiles imported with
// finished and unfinished attempts, one with discussion answers long
// enough to need overflow pages. All times are fixed, so that the file's
// layout is the same on every run.
func buildSampleDB(t *testing.T, path string) {
	t.Helper()
	q := loadQuestionnaire(t)
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	defer func() {
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}()
	day := time.Date(2024, 9, 2, 9, 0, 0, 0, time.UTC)
	value := func(i, j int) int { return 1 + (i*3+j*5+i*j)%7 }

	// The local profile, answer by answer, as the app saves them.
	for n := range 3 {
		at := day.Add(time.Duration(n) * 30 * 24 * time.Hour)
		a, err := st.StartAttempt(store.LocalProfile, q, at)
		if err != nil {
			t.Fatalf("StartAttempt: %v", err)
		}
		for bi, bq := range q.Background {
			v := ""
			switch {
			case bq.Kind == survey.KindMunicipality:
				v = "Växjö"
			case len(bq.Options) > 0:
				v = bq.Options[(n+bi)%len(bq.Options)].ID
			}
			if err := st.SaveBackground(a.ID, bq.ID, v, store.Position{Stage: store.StageBackground, Cursor: bi + 1}); err != nil {
				t.Fatalf("SaveBackground: %v", err)
			}
		}
		count := len(q.Statements)
		if n == 2 {
			count = sampleUnfinishedRatings
		}
		for i := range count {
			v := value(n, i)
			if n == 0 && i == 5 {
				v = store.Skipped
			}
			next := store.Position{Stage: store.StageStatements, Cursor: i + 1}
			if err := st.SaveRating(a.ID, q.Statements[i].ID, v, next); err != nil {
				t.Fatalf("SaveRating: %v", err)
			}
		}
		if n == 2 {
			break // left unfinished
		}
		for i, dq := range q.Discussion {
			text := fmt.Sprintf("Svar %d på fråga %d: vi behöver mer tid för fortbildning i Växjö och Malmö.", n, i+1)
			next := store.Position{Stage: store.StageDiscussion, Cursor: i + 1}
			if err := st.SaveDiscussion(a.ID, dq.ID, text, next); err != nil {
				t.Fatalf("SaveDiscussion: %v", err)
			}
		}
		if err := st.Finish(a.ID, at.Add(40*time.Minute)); err != nil {
			t.Fatalf("Finish: %v", err)
		}
		if n == 0 {
			// A learning plan, so that damage can reach one.
			p := store.Plan{Topics: []string{"kallkritik", "gdpr"}, Goal: "Granska tre nyheter i veckan.",
				Learn: []string{"gdpr"}, Teach: []string{"makerspace"}, Other: "Excel", ShowName: true}
			if err := st.SavePlan(a.ID, p); err != nil {
				t.Fatalf("SavePlan: %v", err)
			}
		}
	}

	// Other profiles, imported in one transaction.
	var imported []store.Attempt
	for pi, p := range sampleProfiles[1:] {
		for n := range 4 + pi {
			// Never the same nanosecond as a local attempt, whose id ends in
			// random bytes: the order of the keys, and so the file's
			// layout, stays the same on every run.
			started := day.Add(time.Duration(pi*97+n*13)*time.Hour + 17*time.Minute)
			a := store.Attempt{ProfileID: p, Started: started}
			bin.BigEndian.PutUint64(a.ID[:8], uint64(started.UnixNano()))
			bin.BigEndian.PutUint64(a.ID[8:], uint64(pi*1000+n+1))
			a.Ratings = map[string]store.Rating{}
			last := n == 3+pi
			count := len(q.Statements)
			if last && pi%2 == 0 {
				count = 5 + pi // this profile's unfinished attempt
				a.Position = store.Position{Stage: store.StageStatements, Cursor: count}
			} else {
				a.Finished = started.Add(25 * time.Minute)
			}
			for i := range count {
				a.Ratings[q.Statements[i].ID] = store.Rating{Value: value(pi+n, i)}
			}
			a.Background = map[string]string{}
			for bi, bq := range q.Background {
				if len(bq.Options) > 0 {
					a.Background[bq.ID] = bq.Options[(pi+n+bi)%len(bq.Options)].ID
				}
			}
			a.Discussion = map[string]string{}
			for i, dq := range q.Discussion {
				text := fmt.Sprintf("%s, försök %d, fråga %d: lånekort, e-legitimation och källkritik.", p, n+1, i+1)
				if pi == 1 && n == 0 {
					// Long enough that the attempt's record spans pages.
					text = strings.Repeat("Vi pratade länge om källkritik, AI och bibliotekets roll. ", 120)
				}
				a.Discussion[dq.ID] = text
			}
			imported = append(imported, a)
		}
	}
	if err := st.Import(q, imported); err != nil {
		t.Fatalf("Import: %v", err)
	}
}

// e2eStoreView is everything the store API can read from a database, in a
// form that compares and prints: the result of each read per profile, or
// its error.
type e2eStoreView struct {
	lines []string
	err   error // the first read error
}

func (v e2eStoreView) String() string { return strings.Join(v.lines, "\n") }

// e2eReadStore opens path read-only with the store package and reads every
// attempt of every profile in sampleProfiles (or of profiles), the
// unfinished and latest ones, and the group summary.
func e2eReadStore(path string, q *survey.Questionnaire, profiles []string) e2eStoreView {
	var v e2eStoreView
	fail := func(what string, err error) {
		v.lines = append(v.lines, fmt.Sprintf("%s: error %v", what, err))
		if v.err == nil {
			v.err = fmt.Errorf("%s: %w", what, err)
		}
	}
	st, err := store.Open(path, store.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		fail("open", err)
		return v
	}
	defer st.Close()
	for _, p := range profiles {
		list, err := st.Attempts(p)
		if err != nil {
			fail("Attempts("+p+")", err)
			continue
		}
		v.lines = append(v.lines, fmt.Sprintf("profile %s: %d attempts", p, len(list)))
		for _, a := range list {
			v.lines = append(v.lines, "  "+attemptLine(a))
		}
		if a, ok, err := st.Unfinished(p); err != nil {
			fail("Unfinished("+p+")", err)
		} else if ok {
			v.lines = append(v.lines, "  unfinished "+a.ID.String())
		}
		if a, ok, err := st.LatestFinished(p); err != nil {
			fail("LatestFinished("+p+")", err)
		} else if ok {
			v.lines = append(v.lines, "  latest "+a.ID.String())
		}
		if h, err := st.History(p); err != nil {
			fail("History("+p+")", err)
		} else {
			v.lines = append(v.lines, fmt.Sprintf("  history of %d", len(h)))
		}
		if plan, id, ok, err := st.LatestPlan(p); err != nil {
			fail("LatestPlan("+p+")", err)
		} else if ok {
			v.lines = append(v.lines, fmt.Sprintf("  plan of %s: %+v", id, plan))
		}
	}
	if d, ok, err := st.Definition(q.ID, q.Version); err != nil {
		fail("Definition", err)
	} else if ok {
		raw, err := survey.EncodeDefinition(d)
		v.lines = append(v.lines, fmt.Sprintf("definition %s %d: %d bytes, crc %08x, %v", d.ID, d.Version, len(raw), crc32.ChecksumIEEE(raw), err))
	}
	if g, err := st.GroupSummary(q, store.Span{}); err != nil {
		fail("GroupSummary", err)
	} else {
		v.lines = append(v.lines, fmt.Sprintf("group: %+v", g))
	}
	return v
}

// attemptLine prints an attempt with its maps in key order.
func attemptLine(a store.Attempt) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s v%d %s started %s finished %s position %d/%d",
		a.ID, a.QuestionnaireID, a.QuestionnaireVersion, a.ProfileID,
		a.Started.UTC().Format(time.RFC3339Nano), a.Finished.UTC().Format(time.RFC3339Nano),
		a.Position.Stage, a.Position.Cursor)
	for _, k := range slices.Sorted(maps.Keys(a.Ratings)) {
		r := a.Ratings[k]
		fmt.Fprintf(&b, " %s=%d", k, r.Value)
	}
	for _, k := range slices.Sorted(maps.Keys(a.Background)) {
		fmt.Fprintf(&b, " b:%s=%q", k, a.Background[k])
	}
	for _, k := range slices.Sorted(maps.Keys(a.Discussion)) {
		fmt.Fprintf(&b, " d:%s=%d:%x", k, len(a.Discussion[k]), sha256.Sum256([]byte(a.Discussion[k])))
	}
	return b.String()
}

// boltMap tells, for each byte of a bbolt file, whether bbolt reads it
// when it opens the file and walks every bucket: both meta pages, the
// freelist of the newest meta and every page reachable from its root
// (page headers, element headers, keys and values, inline buckets and
// overflow pages). Everything else (the rest of a page after its data,
// free pages, pages past the high-water mark, the file's tail) is unused.
type boltMap struct {
	pageSize int
	live     []bool
	kind     []string // per page: meta, freelist, branch, leaf, overflow, free or unused
	hwm      int      // pages in use according to the newest meta
	newest   int      // the meta page (0 or 1) with the higher transaction id
}

const (
	boltBranch   = 0x01
	boltLeaf     = 0x02
	boltMeta     = 0x04
	boltFreelist = 0x10
	boltBucket   = 0x01 // leaf element flag: the value is a nested bucket
)

// mapBolt parses an undamaged bbolt file.
func mapBolt(data []byte) (*boltMap, error) {
	le := bin.LittleEndian
	if len(data) < 0x1000 || le.Uint32(data[16:]) != 0xED0CDAED {
		return nil, errors.New("not a bbolt file")
	}
	ps := int(le.Uint32(data[24:]))
	if ps < 512 || len(data) < 2*ps {
		return nil, fmt.Errorf("page size %d", ps)
	}
	m := &boltMap{pageSize: ps, live: make([]bool, len(data)), kind: make([]string, (len(data)+ps-1)/ps)}
	for i := range m.kind {
		m.kind[i] = "unused"
	}
	mark := func(off, n int) error {
		if off < 0 || n < 0 || off+n > len(data) {
			return fmt.Errorf("range %d+%d outside the file", off, n)
		}
		for i := off; i < off+n; i++ {
			m.live[i] = true
		}
		return nil
	}
	// Meta pages: the page header and the 64-byte meta both count, and
	// the newer one (by txid) is the one bbolt uses.
	var root, freelist uint64
	var txid uint64
	for i := range 2 {
		off := i * ps
		m.kind[i] = "meta"
		if err := mark(off, 16+64); err != nil {
			return nil, err
		}
		meta := data[off+16:]
		if id := le.Uint64(meta[48:]); i == 0 || id > txid {
			txid, m.newest = id, i
			root, freelist = le.Uint64(meta[16:]), le.Uint64(meta[32:])
			m.hwm = int(le.Uint64(meta[40:]))
		}
	}
	// The freelist.
	if off := int(freelist) * ps; freelist != 0xFFFFFFFFFFFFFFFF {
		if off+16 > len(data) {
			return nil, errors.New("freelist past the end")
		}
		n, first := int(le.Uint16(data[off+10:])), off+16
		if n == 0xFFFF {
			n, first = int(le.Uint64(data[off+16:])), off+24
		}
		if err := mark(off, first-off+8*n); err != nil {
			return nil, err
		}
		m.kind[freelist] = "freelist"
		for i := range int(le.Uint32(data[off+12:])) {
			m.kind[int(freelist)+1+i] = "overflow"
		}
		for i := range n {
			if id := int(le.Uint64(data[first+8*i:])); id < len(m.kind) {
				m.kind[id] = "free"
			}
		}
	}
	// The tree. page walks a page at file offset off (inline pages live
	// inside a leaf value).
	var page func(off int, depth int) error
	page = func(off int, depth int) error {
		if depth > 64 {
			return errors.New("tree too deep")
		}
		if err := mark(off, 16); err != nil {
			return err
		}
		flags, count := le.Uint16(data[off+8:]), int(le.Uint16(data[off+10:]))
		if err := mark(off+16, 16*count); err != nil {
			return err
		}
		for i := range count {
			e := off + 16 + 16*i
			switch {
			case flags&boltBranch != 0:
				pos, ksize, child := int(le.Uint32(data[e:])), int(le.Uint32(data[e+4:])), le.Uint64(data[e+8:])
				if err := mark(e+pos, ksize); err != nil {
					return err
				}
				if err := boltWalk(m, data, child, func(o int) error { return page(o, depth+1) }); err != nil {
					return err
				}
			case flags&boltLeaf != 0:
				eflags, pos := le.Uint32(data[e:]), int(le.Uint32(data[e+4:]))
				ksize, vsize := int(le.Uint32(data[e+8:])), int(le.Uint32(data[e+12:]))
				if err := mark(e+pos, ksize+vsize); err != nil {
					return err
				}
				if eflags&boltBucket == 0 {
					continue
				}
				v := e + pos + ksize
				if r := le.Uint64(data[v:]); r != 0 {
					if err := boltWalk(m, data, r, func(o int) error { return page(o, depth+1) }); err != nil {
						return err
					}
				} else if err := page(v+16, depth+1); err != nil {
					return err
				}
			default:
				return fmt.Errorf("page at %d has flags %#x", off, flags)
			}
		}
		return nil
	}
	if err := boltWalk(m, data, root, func(o int) error { return page(o, 0) }); err != nil {
		return nil, err
	}
	return m, nil
}

// boltWalk records the kind of page id and its overflow pages and walks it.
func boltWalk(m *boltMap, data []byte, id uint64, f func(off int) error) error {
	off := int(id) * m.pageSize
	if id < 2 || off+16 > len(data) {
		return fmt.Errorf("page %d out of range", id)
	}
	le := bin.LittleEndian
	switch flags := le.Uint16(data[off+8:]); {
	case flags&boltBranch != 0:
		m.kind[id] = "branch"
	case flags&boltLeaf != 0:
		m.kind[id] = "leaf"
	}
	for i := range int(le.Uint32(data[off+12:])) {
		m.kind[int(id)+1+i] = "overflow"
	}
	return f(off)
}

// liveIn reports whether any byte in [from, to) is live.
func (m *boltMap) liveIn(from, to int) bool {
	for i := max(from, 0); i < min(to, len(m.live)); i++ {
		if m.live[i] {
			return true
		}
	}
	return false
}

// liveChanged reports whether damaged differs from the original in a
// live byte, or lacks one.
func (m *boltMap) liveChanged(orig, damaged []byte) bool {
	for i, l := range m.live {
		if l && (i >= len(damaged) || damaged[i] != orig[i]) {
			return true
		}
	}
	return false
}

// newestMetaChanged reports whether damaged differs from the original in
// the live bytes of the newest meta page, which makes bbolt fall back to
// the previous transaction's meta page.
func (m *boltMap) newestMetaChanged(orig, damaged []byte) bool {
	off := m.newest * m.pageSize
	for i := off; i < off+16+64; i++ {
		if i >= len(damaged) || damaged[i] != orig[i] {
			return true
		}
	}
	return false
}

// pageOf names the page an offset falls in, for messages.
func (m *boltMap) pageOf(off int) string {
	p := off / m.pageSize
	if p >= len(m.kind) {
		return fmt.Sprintf("past the end (page %d)", p)
	}
	return fmt.Sprintf("page %d (%s)", p, m.kind[p])
}

// e2eKeepFile copies a file that made a test fail to a directory that
// outlives the test, so that it can be examined and fed to digikomp by
// hand, and returns the copy's path.
func e2eKeepFile(t testing.TB, path, name string) string {
	t.Helper()
	dir := filepath.Join(os.TempDir(), "digikomp-e2e-kept")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Logf("cannot keep %s: %v", path, err)
		return ""
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Logf("cannot keep %s: %v", path, err)
		return ""
	}
	dst := filepath.Join(dir, name)
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		t.Logf("cannot keep %s: %v", path, err)
		return ""
	}
	return dst
}
