//go:build linux

package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestE2EDiskFullWhileAnswering: the disk fills in the middle of the
// test. Two answers are saved; then the running program's file-size
// limit is lowered under its database's data pages, so the third
// answer's save fails as on a full disk: "Could not save" under the same
// statement, nothing moves on. Once space is back, the same answer is
// given again and saved, and the next start counts exactly the three.
func TestE2EDiskFullWhileAnswering(t *testing.T) {
	u := languages[1]
	env := newEnv(t, "en")
	a := start(t, env)
	toStatement(a, u)
	a.send("5")
	a.waitFor(counter(2, 24))
	a.send("6")
	a.waitFor(counter(3, 24))

	// Below the limit lie only the two meta pages; every save writes its
	// changed data pages past them first, and fails there.
	pid := a.cmd.Process.Pid
	var was unix.Rlimit
	if err := unix.Prlimit(pid, unix.RLIMIT_FSIZE, nil, &was); err != nil {
		t.Fatal(err)
	}
	full := was
	full.Cur = uint64(2 * os.Getpagesize())
	if err := unix.Prlimit(pid, unix.RLIMIT_FSIZE, &full, nil); err != nil {
		t.Fatal(err)
	}
	a.send("7")
	a.waitFor("Could not save")
	if !strings.Contains(a.screen(), counter(3, 24)) {
		t.Fatalf("the screen moved on after a failed save\n%s", a.dump())
	}

	if err := unix.Prlimit(pid, unix.RLIMIT_FSIZE, &was, nil); err != nil {
		t.Fatal(err)
	}
	a.send("7")
	a.waitFor(counter(4, 24))
	a.send("q")
	a.exitOK("q after the disk had room again")

	b := start(t, env)
	b.waitFor(fmt.Sprintf(u.cont, 3, 24))
	b.send("q")
	b.exitOK("q on the welcome menu")
}
