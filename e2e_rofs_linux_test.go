//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// readOnlyMount returns a sh command line that makes dir a read-only bind
// mount of itself, for a child in a mount namespace of its own (see
// inMountNamespace): the mount is gone with the child, and nothing else
// ever sees it. Mount events are kept from spreading back first.
func readOnlyMount(dir string) string {
	return fmt.Sprintf("mount --make-rprivate / && mount --bind '%[1]s' '%[1]s' && mount -o remount,bind,ro '%[1]s' || exit 97", dir)
}

// inMountNamespace gives the child a mount namespace of its own.
func inMountNamespace(cmd *exec.Cmd) {
	cmd.SysProcAttr.Cloneflags |= syscall.CLONE_NEWNS
}

// requireReadOnlyMount skips the test where this machine cannot make a
// read-only mount (not root, no mount command, a container without the
// right to mount); TestE2EReadOnlyDatabase covers a read-only file there.
func requireReadOnlyMount(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("a read-only mount needs root")
	}
	cmd := exec.Command("/bin/sh", "-c", readOnlyMount(dir)+` && ! touch "$0/probe" 2>/dev/null`, dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{}
	inMountNamespace(cmd)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("this machine cannot make a read-only mount: %v %s", err, out)
	}
}

// TestE2EReadOnlyDisk: a sound database on a read-only file system (a
// write-protected stick, a read-only mount) was called damaged (exit 4),
// because bbolt's EROFS fell into the damage branch. It opens read-only,
// the welcome screen says the disk or file is write-protected, starting
// over says it cannot save, and nothing in the notice is English.
func TestE2EReadOnlyDisk(t *testing.T) {
	env := newEnv(t, "sv")
	dir := filepath.Join(env.home, "stick")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	requireReadOnlyMount(t, dir)
	env.db = filepath.Join(dir, "answers.db")
	makeAnswered(t, env.db)
	before := e2eStatFile(t, env.db)
	env.shell = readOnlyMount(dir)
	env.prepare = inMountNamespace
	a := start(t, env)
	a.waitFor("filen kan bara läsas")
	a.waitFor("skrivskyddad")
	a.waitFor(fmt.Sprintf(languages[0].cont, 21, 24))
	a.send("\x1b[B\r") // start over
	a.waitFor("Kunde inte spara.")
	a.send("q")
	a.exitOK("q on the read-only welcome menu")
	if out := a.output(); strings.Contains(out, "skadad") {
		t.Errorf("a sound file on a read-only disk was called damaged:\n%s", out)
	}
	if d := before.diff(e2eStatFile(t, env.db)); d != "" {
		t.Errorf("the file on the read-only disk changed: %s", d)
	}
}
