//go:build !windows

package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// testdata/schema2.db was written by the last schema 2 digikomp
// (4da952b, bench/gendb -n 60): 60 attempts of three profiles, 58
// finished, and the local profile.
const schema2File = "testdata/schema2.db"

// A database written by an earlier digikomp is upgraded when the app
// first opens it: check, which never writes, leaves it as it is; the app
// starts as usual; afterwards the file holds the same attempts, checks
// sound and is smaller. (store.TestUpgradeKilled kills a process at each
// step of the upgrade.)
func TestE2EUpgradesOlderFile(t *testing.T) {
	env := newEnv(t, "en")
	old, err := os.ReadFile(schema2File)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(env.db, old, 0o600); err != nil {
		t.Fatal(err)
	}
	before := e2eRunCmd(t, env, checkTimeout, "check", "--db", env.db)
	if before.code != 0 || !strings.Contains(before.stdout, "older format (version 2)") {
		t.Fatalf("check of the schema 2 file: %v", before)
	}
	if now, _ := os.ReadFile(env.db); !bytes.Equal(now, old) {
		t.Fatal("check changed the schema 2 file")
	}

	a := start(t, env)
	a.waitFor("Quit")
	a.send("q")
	if code := a.wait(); code != 0 {
		t.Fatalf("digikomp exited %d\n%s", code, a.dump())
	}

	after := e2eRunCmd(t, env, checkTimeout, "check", "--db", env.db)
	if after.code != 0 {
		t.Fatalf("check of the upgraded file: %v", after)
	}
	if !strings.Contains(after.stdout, "Profiles: 4. Tests: 60 (finished: 58).") {
		t.Errorf("check of the upgraded file does not count the same profiles and attempts:\n%v", after)
	}
	info, err := os.Stat(env.db)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() >= int64(len(old)) || info.Mode().Perm() != 0o600 {
		t.Errorf("upgraded file: %d bytes (was %d), mode %v", info.Size(), len(old), info.Mode().Perm())
	}
	// The app opens the upgraded file again without another upgrade.
	a = start(t, env)
	a.waitFor("Quit")
	a.send("q")
	if code := a.wait(); code != 0 {
		t.Fatalf("second start exited %d\n%s", code, a.dump())
	}
}

// testdata/schema3.db was written by the last schema 3 digikomp
// (d902f6e, bench/gendb -n 60): 60 attempts of the local profile and two
// generated ones, 58 finished.
const schema3File = "testdata/schema3.db"

// A schema 3 file is upgraded in place by the real binary the first time
// it opens it (here `profile list`, which does not depend on the first
// screen the app shows for several profiles): the same file afterwards
// (not a copy renamed over it), the same attempts, sound, the generated
// profiles named after their ids.
func TestE2EUpgradesSchema3InPlace(t *testing.T) {
	env := newEnv(t, "en")
	old, err := os.ReadFile(schema3File)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(env.db, old, 0o600); err != nil {
		t.Fatal(err)
	}
	before := e2eRunCmd(t, env, checkTimeout, "check", "--db", env.db)
	if before.code != 0 || !strings.Contains(before.stdout, "older format (version 3)") {
		t.Fatalf("check of the schema 3 file: %v", before)
	}
	info, err := os.Stat(env.db)
	if err != nil {
		t.Fatal(err)
	}
	list := e2eRunCmd(t, env, checkTimeout, "profile", "list", "--db", env.db)
	if list.code != 0 || !strings.Contains(list.stdout, "p00002") || !strings.Contains(list.stdout, "p00003") {
		t.Fatalf("profile list of the schema 3 file:\n%v", list)
	}
	after := e2eRunCmd(t, env, checkTimeout, "check", "--db", env.db)
	if after.code != 0 || !strings.Contains(after.stdout, "Profiles: 3. Tests: 60 (finished: 58).") {
		t.Errorf("check of the upgraded file:\n%v", after)
	}
	now, err := os.Stat(env.db)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(info, now) || now.Mode().Perm() != 0o600 {
		t.Errorf("the schema 3 file was replaced (same file: %v) or its mode changed (%v)", os.SameFile(info, now), now.Mode().Perm())
	}
}
