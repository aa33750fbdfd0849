//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// makeAnswered builds a database with one finished and one unfinished
// attempt through the store, as the app would have left it.
func makeAnswered(t *testing.T, path string) {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for round := range 2 {
		a, err := s.StartAttempt(store.LocalProfile, q, at)
		if err != nil {
			t.Fatal(err)
		}
		for i, st := range q.Statements[:20+round] {
			if err := s.SaveRating(a.ID, st.ID, 1+i%7, store.Position{Stage: store.StageStatements, Cursor: i + 1}); err != nil {
				t.Fatal(err)
			}
		}
		if round == 0 {
			if err := s.Finish(a.ID, at.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		at = at.Add(24 * time.Hour)
	}
}

func TestE2ECheckAndBackup(t *testing.T) {
	env := newEnv(t, "en")
	makeAnswered(t, env.db)
	before, err := os.ReadFile(env.db)
	if err != nil {
		t.Fatal(err)
	}

	code, out, errOut := runPlain(t, env, nil, "check")
	if code != exitOK || !strings.Contains(out, "No problems found in "+env.db+". Profiles: 1. Tests: 2 (finished: 1).") {
		t.Fatalf("check = %d\n%s%s", code, out, errOut)
	}
	// Flags may come before the command, and --db overrides DIGIKOMP_DB.
	other := env
	other.db = filepath.Join(env.home, "elsewhere.db")
	if code, _, errOut := runPlain(t, other, nil, "--db", env.db, "--lang", "sv", "check"); code != exitOK || errOut != "" {
		t.Errorf("check with leading flags = %d %s", code, errOut)
	}

	dst := filepath.Join(env.home, "copy.db")
	code, out, errOut = runPlain(t, env, nil, "backup", dst)
	if code != exitOK || !strings.Contains(out, "saved and checked: "+dst) {
		t.Fatalf("backup = %d\n%s%s", code, out, errOut)
	}
	info, err := os.Stat(dst)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, %v", info, err)
	}
	copyEnv := env
	copyEnv.db = dst
	if code, out, errOut := runPlain(t, copyEnv, nil, "check"); code != exitOK {
		t.Errorf("check of the backup = %d\n%s%s", code, out, errOut)
	}
	if entries, _ := os.ReadDir(env.home); len(entries) != 1 {
		t.Errorf("backup left more than the copy in its folder: %v", entries)
	}

	// An existing file is refused, and replaced only with --force.
	copyBytes, _ := os.ReadFile(dst)
	if err := os.WriteFile(dst, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runPlain(t, env, nil, "backup", dst)
	if code != exitUsage || !strings.Contains(errOut, "already exists") {
		t.Errorf("backup over a file = %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(dst); string(b) != "keep me" {
		t.Error("a refused backup changed the existing file")
	}
	if code, _, errOut := runPlain(t, env, nil, "backup", dst, "--force"); code != exitOK {
		t.Errorf("backup --force = %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(dst); len(b) != len(copyBytes) {
		t.Errorf("forced backup is %d bytes, the first was %d", len(b), len(copyBytes))
	}
	if code, _, errOut := runPlain(t, env, nil, "backup", env.db, "--force"); code != exitUsage || !strings.Contains(errOut, "database itself") {
		t.Errorf("backup onto the database = %d %q", code, errOut)
	}
	// A folder that is not there is the backup's problem, not the database's.
	missing := filepath.Join(env.home, "missing", "copy.db")
	if code, _, errOut := runPlain(t, env, nil, "backup", missing); code != exitError || !strings.Contains(errOut, "The backup could not be written") {
		t.Errorf("backup into a missing folder = %d %q", code, errOut)
	}
	if code, _, errOut := runPlain(t, env, nil, "backup"); code != exitUsage || !strings.Contains(errOut, "Name a file") {
		t.Errorf("backup without a file = %d %q", code, errOut)
	}

	after, _ := os.ReadFile(env.db)
	if string(after) != string(before) {
		t.Error("check or backup changed the database")
	}
}

func TestE2ECheckRefusals(t *testing.T) {
	env := newEnv(t, "en")
	if code, _, errOut := runPlain(t, env, nil, "check"); code != exitRefused || !strings.Contains(errOut, "There is no database") {
		t.Errorf("check of a missing file = %d %q", code, errOut)
	}
	if _, err := os.Stat(env.db); err == nil {
		t.Error("check created the database")
	}
	if code, _, errOut := runPlain(t, env, nil, "backup", filepath.Join(env.home, "c.db")); code != exitRefused {
		t.Errorf("backup of a missing file = %d %q", code, errOut)
	}

	makeAnswered(t, env.db)
	// A database open in another window is locked for check and backup.
	s, err := store.Open(env.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runPlain(t, env, nil, "check")
	if code != exitLocked || !strings.Contains(errOut, "already open") {
		t.Errorf("check of a locked file = %d %q", code, errOut)
	}
	if code, _, _ := runPlain(t, env, nil, "backup", filepath.Join(env.home, "c.db")); code != exitLocked {
		t.Errorf("backup of a locked file = %d", code)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// A file cut short after its meta pages is damaged: exit 6 or, when
	// the cut reaches the structure bbolt checks first, refused (4).
	data, err := os.ReadFile(env.db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(env.db, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runPlain(t, env, nil, "check")
	if code != exitDamaged && code != exitRefused {
		t.Errorf("check of a truncated file = %d\n%s%s", code, out, errOut)
	}
	for _, bad := range []string{"panic", "goroutine "} {
		if strings.Contains(out+errOut, bad) {
			t.Errorf("check printed %q:\n%s%s", bad, out, errOut)
		}
	}
}
