package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// Unique strings of the profile a test deletes, grepped for in the file.
const (
	secretName   = "Zyxwvu Erasable-Person"
	secretAnswer = "qqq-discussion-answer-that-must-vanish-7788"
	secretPlan   = "ppp-plan-text-that-must-vanish-9911"
)

// fillProfile gives a profile finished attempts with a discussion
// answer and a plan, and an unfinished one.
func fillProfile(t *testing.T, s *Store, id string, n int, answer string) {
	t.Helper()
	for i := range n {
		a, err := s.StartAttempt(id, testQ, t0.Add(time.Duration(i)*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveRating(a.ID, "s01", 1+i%7, Position{StageStatements, 1}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveDiscussion(a.ID, "d1", answer, Position{StageStatements, 1}); err != nil {
			t.Fatal(err)
		}
		if err := s.Finish(a.ID, t0.Add(time.Duration(i)*time.Hour+time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := s.SavePlan(a.ID, Plan{Goal: answer + "-plan", Topics: []string{"kallkritik"}}); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.StartAttempt(id, testQ, t0.Add(time.Duration(n)*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDiscussion(a.ID, "d1", answer, Position{StageStatements, 0}); err != nil {
		t.Fatal(err)
	}
}

// erasureFixture is a file with the default profile, a profile to keep
// and the profile to delete, whose name and answers are unique strings.
func erasureFixture(t *testing.T, dir string) (path string, victim, keep Profile) {
	t.Helper()
	path = filepath.Join(dir, "digikomp.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	victim, err = s.AddProfile(secretName, "1234", t0)
	if err != nil {
		t.Fatal(err)
	}
	keep, err = s.AddProfile("Bertil", "", t0)
	if err != nil {
		t.Fatal(err)
	}
	fillProfile(t, s, victim.ID, 30, secretAnswer)
	fillProfile(t, s, keep.ID, 20, "bertil's answer")
	fillProfile(t, s, LocalProfile, 5, "local answer")
	// A plan of the victim's first attempt with its own unique text.
	list, err := s.Attempts(victim.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SavePlan(list[0].ID, Plan{Goal: secretPlan, Other: secretPlan}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertTrace(t, path, true)
	return path, victim, keep
}

func mustBuckets(tx *bbolt.Tx) buckets {
	b, err := unsafeBuckets(tx)
	if err != nil {
		panic(err)
	}
	return b
}

// assertTrace checks whether the file's raw bytes hold the deleted
// profile's name, discussion answer and plan.
func assertTrace(t *testing.T, path string, want bool) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{secretName, secretAnswer, secretPlan} {
		if got := bytes.Contains(raw, []byte(s)); got != want {
			t.Errorf("the file holds %q: %v, want %v", s, got, want)
		}
	}
}

// assertErased checks the file after the victim's deletion: gone from
// every bucket, the others whole, the file sound.
func assertErased(t *testing.T, s *Store, victim, keep Profile) {
	t.Helper()
	if _, ok, err := s.Profile(victim.ID); ok || err != nil {
		t.Errorf("the deleted profile is still there: %v, %v", ok, err)
	}
	if _, ok, _ := s.ProfileByName(secretName); ok {
		t.Error("the deleted profile's name still finds it")
	}
	if list, err := s.Attempts(victim.ID); err != nil || len(list) != 0 {
		t.Errorf("attempts of the deleted profile: %d, %v", len(list), err)
	}
	if list, err := s.Attempts(keep.ID); err != nil || len(list) != 21 {
		t.Errorf("attempts of the kept profile: %d, %v", len(list), err)
	}
	if list, err := s.Attempts(LocalProfile); err != nil || len(list) != 6 {
		t.Errorf("attempts of the default profile: %d, %v", len(list), err)
	}
	err := s.view(func(tx *bbolt.Tx) error {
		b := mustBuckets(tx)
		for _, bucket := range []*bbolt.Bucket{b.history, b.unfinished, b.profiles} {
			if bucket.Get([]byte(victim.ID)) != nil {
				t.Errorf("a record of the deleted profile is left")
			}
		}
		if n := tx.Bucket(plansBucket).Stats().KeyN; n != 25 {
			t.Errorf("%d plans left, want 25", n)
		}
		if n := b.results.Stats().KeyN; n != 25 {
			t.Errorf("%d results rows left, want 25", n)
		}
		if tx.Bucket(metaBucket).Get(metaEraseKey) != nil {
			t.Error("the erasure is still marked pending")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDeleteProfileLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	path, victim, keep := erasureFixture(t, dir)
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.DeleteProfile(victim.ID); err != nil {
		t.Fatal(err)
	}
	// The store goes on with the new file: reads, writes, and the
	// bytes it grepped are gone while it still holds it open.
	assertErased(t, s, victim, keep)
	assertTrace(t, path, false)
	if _, err := s.AddProfile("After", "", t0); err != nil {
		t.Errorf("writing after the deletion: %v", err)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(before, after) || after.Mode().Perm() != 0o600 || after.Size() >= before.Size() {
		t.Errorf("file after compaction: same %v, mode %v, %d bytes (was %d)", os.SameFile(before, after), after.Mode().Perm(), after.Size(), before.Size())
	}
	if names := dirEntries(t, dir); len(names) != 1 {
		t.Errorf("files left in the folder: %v", names)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if v, err := Verify(path, time.Second); err != nil || !v.Sound() || v.Profiles != 3 {
		t.Errorf("Verify: %+v, %v", v, err)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.ProfileByName("After"); !ok {
		t.Error("the write after the deletion was lost")
	}
	if err := s.DeleteProfile(victim.ID); !errors.Is(err, ErrNoProfile) {
		t.Errorf("deleting it again: %v", err)
	}
	if err := s.DeleteProfile(""); !errors.Is(err, ErrInvalid) {
		t.Errorf("DeleteProfile(\"\"): %v", err)
	}
}

// Deleting the default profile erases its records and keeps it, empty.
func TestDeleteLocalProfile(t *testing.T) {
	path, victim, keep := erasureFixture(t, t.TempDir())
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetPIN(LocalProfile, "9876"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteProfile(LocalProfile); err != nil {
		t.Fatal(err)
	}
	p, ok, err := s.Profile(LocalProfile)
	if err != nil || !ok || p.Name != "" || p.Protected {
		t.Errorf("the default profile after deleting it: %+v, %v, %v", p, ok, err)
	}
	if list, err := s.Attempts(LocalProfile); err != nil || len(list) != 0 {
		t.Errorf("its attempts: %d, %v", len(list), err)
	}
	if list, _ := s.Profiles(); len(list) != 3 || list[0].ID != LocalProfile {
		t.Errorf("profiles: %+v", list)
	}
	if list, err := s.Attempts(victim.ID); err != nil || len(list) != 31 {
		t.Errorf("another profile's attempts: %d, %v", len(list), err)
	}
	_ = keep
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("local answer")) {
		t.Error("the default profile's answers are still in the file")
	}
}

func TestDeleteProfileReadOnly(t *testing.T) {
	path, victim, _ := erasureFixture(t, t.TempDir())
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.DeleteProfile(victim.ID); !errors.Is(err, ErrReadOnly) {
		t.Errorf("DeleteProfile on a read-only store: %v", err)
	}
}

// TestDeleteKilled kills a digikomp (this test binary, see
// TestDeleteChild) at each step of a deletion: the file at the path is
// always there, the old one or the compacted one, opens, has lost the
// profile and nothing else, and once opened again holds no trace of it.
func TestDeleteKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for _, step := range []string{"delete: removed, not committed", "delete: committed", "delete: compacted", "delete: renamed"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path, victim, keep := erasureFixture(t, dir)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			killChildAt(t, "TestDeleteChild", "DIGIKOMP_DELETE_CHILD", step+"|"+path+"|"+victim.ID)

			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no file at the path after a kill at %q: %v", step, err)
			}
			if step == "delete: removed, not committed" {
				if !bytes.Equal(before, after) {
					t.Error("a kill before the commit changed the file")
				}
			}
			if v, err := Verify(path, time.Second); err != nil || !v.Sound() {
				t.Errorf("Verify after the kill: %+v, %v", v, err)
			}
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open after the kill: %v", err)
			}
			defer s.Close()
			if step == "delete: removed, not committed" {
				if _, ok, err := s.Profile(victim.ID); !ok || err != nil {
					t.Fatalf("the profile is gone though the deletion never committed: %v", err)
				}
				if err := s.DeleteProfile(victim.ID); err != nil {
					t.Fatal(err)
				}
			}
			// The Open above finished an interrupted erasure.
			assertErased(t, s, victim, keep)
			assertTrace(t, path, false)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if v, err := Verify(path, time.Second); err != nil || !v.Sound() {
				t.Errorf("Verify at the end: %+v, %v", v, err)
			}
		})
	}
}

// killChildAt runs the test named child in a new process of this binary
// with env set to arg, waits until it prints that it reached its step,
// and kills it with SIGKILL.
func killChildAt(t *testing.T, child, env, arg string) {
	t.Helper()
	step, _, _ := strings.Cut(arg, "|")
	cmd := exec.Command(os.Args[0], "-test.run=^"+child+"$")
	cmd.Env = append(os.Environ(), env+"="+arg)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reached := make(chan bool, 1)
	var lines []string
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "at "+step {
				reached <- true
				return
			}
			lines = append(lines, sc.Text())
		}
		reached <- false
	}()
	if !<-reached {
		_ = cmd.Wait()
		t.Fatalf("the child ended before step %q:\n%s", step, strings.Join(lines, "\n"))
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
}

// TestDeleteChild is the process TestDeleteKilled kills: it deletes the
// profile named in its environment and stops at the step named there.
func TestDeleteChild(t *testing.T) {
	env := os.Getenv("DIGIKOMP_DELETE_CHILD")
	if env == "" {
		t.Skip("run by TestDeleteKilled")
	}
	parts := strings.SplitN(env, "|", 3)
	step, path, id := parts[0], parts[1], parts[2]
	testHookFunc = func(at string) {
		if at == step {
			fmt.Printf("at %s\n", at)
			select {} // until killed
		}
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteProfile(id); err != nil {
		t.Fatal(err)
	}
	t.Fatal("the deletion never reached step " + step)
}

// A profile deleted while another window waits on the lock: the window
// opened the old file and waits for its lock when the deletion renames
// the compacted file over the path. Once it gets that lock it must notice
// that the path names another file, open the new one (waiting for the
// deleting store in turn), and so never read or write the old file.
func TestDeleteWhileAnotherWindowWaits(t *testing.T) {
	dir := t.TempDir()
	path, victim, keep := erasureFixture(t, dir)

	// The waiting window's read-write open of the path stops once it has
	// the old file open, before it asks for the lock.
	opened, proceed := make(chan struct{}), make(chan struct{})
	var armed atomic.Bool
	armed.Store(true)
	openFile = func(name string, flag int, mode os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, mode)
		if name == path && flag&os.O_RDWR != 0 && armed.CompareAndSwap(true, false) {
			close(opened)
			<-proceed
		}
		return f, err
	}
	defer func() { openFile = os.OpenFile }()
	type result struct {
		s   *Store
		err error
	}
	waiting := make(chan result, 1)
	go func() {
		s, err := Open(path, Options{Timeout: time.Minute})
		waiting <- result{s, err}
	}()
	<-opened
	old, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	testHookFunc = func(step string) {
		if step == "delete: compacted" {
			// The other window now asks for the old file's lock,
			// which this store holds until it has swapped files.
			close(proceed)
		}
	}
	defer func() { testHookFunc = nil }()
	if err := s.DeleteProfile(victim.ID); err != nil {
		t.Fatal(err)
	}
	testHookFunc = nil
	if _, err := s.AddProfile("Written by the first window", "", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	r := <-waiting
	if r.err != nil {
		t.Fatalf("the waiting window: %v", r.err)
	}
	w := r.s
	defer w.Close()
	if now, err := os.Stat(path); err != nil || os.SameFile(old, now) {
		t.Fatalf("the path still names the old file: %v", err)
	}
	assertErased(t, w, victim, keep)
	if _, ok, err := w.ProfileByName("Written by the first window"); !ok || err != nil {
		t.Errorf("the waiting window does not see the first window's write: %v, %v", ok, err)
	}
	if _, err := w.AddProfile("Written by the second window", "", t0); err != nil {
		t.Fatalf("the waiting window cannot write: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok, err := s.ProfileByName("Written by the second window"); !ok || err != nil {
		t.Errorf("the waiting window wrote somewhere else: %v, %v", ok, err)
	}
	assertTrace(t, path, false)
}

// Reads and writes of other goroutines while DeleteProfile swaps files
// either see the old file or the new one, never a closed handle (run it
// with -race).
func TestDeleteProfileWhileOthersUseTheStore(t *testing.T) {
	path, victim, keep := erasureFixture(t, t.TempDir())
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stop := make(chan struct{})
	errs := make(chan error, 2)
	go func() {
		for {
			select {
			case <-stop:
				errs <- nil
				return
			default:
			}
			if list, err := s.Attempts(keep.ID); err != nil || len(list) != 21 {
				errs <- fmt.Errorf("Attempts: %d, %v", len(list), err)
				return
			}
		}
	}()
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				errs <- nil
				return
			default:
			}
			if _, err := s.CheckPIN(victim.ID, "0000", t0.Add(time.Duration(i)*time.Minute)); err != nil && !errors.Is(err, ErrNoProfile) {
				errs <- fmt.Errorf("CheckPIN: %v", err)
				return
			}
		}
	}()
	if err := s.DeleteProfile(victim.ID); err != nil {
		t.Fatal(err)
	}
	close(stop)
	for range 2 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	assertErased(t, s, victim, keep)
	assertTrace(t, path, false)
}
