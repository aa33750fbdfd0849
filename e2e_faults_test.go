//go:build !windows

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fault table in the README: each row's situation, run against the
// real binary. Rows covered elsewhere: locked (TestE2ESecondInstance),
// corrupt, truncated, empty and foreign files (TestE2ERefusedDatabase and
// the damage sweep), stdin or stdout not a terminal (TestE2ENotATerminal),
// a too small terminal (TestE2EResize).

// TestE2EDiskFull runs digikomp with a file-size limit of zero, so every
// write to the database fails as on a full disk: the person sees that the
// answer was not saved, can quit normally, and the file is unchanged.
func TestE2EDiskFull(t *testing.T) {
	path := validDatabase(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	env := newEnv(t, "en")
	env.db = path
	env.shell = "ulimit -f 0"
	a := start(t, env)
	u := languages[1]
	a.waitFor(u.start)
	a.send("\r")
	a.waitFor("Could not save")
	a.send("q")
	a.exitOK("q after a failed save")
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a failed save changed the database file")
	}
	for _, bad := range []string{"panic", "goroutine "} {
		if strings.Contains(a.output(), bad) {
			t.Errorf("output contains %q", bad)
		}
	}
}

// TestE2EDiskFullAtCreation: a new database cannot be created; a sentence
// says so and why, the exit code is 1, and no file or temporary file is
// left.
func TestE2EDiskFullAtCreation(t *testing.T) {
	env := newEnv(t, "en")
	env.db = filepath.Join(env.home, "new", "answers.db")
	env.shell = "ulimit -f 0"
	a := start(t, env)
	if code := a.wait(); code != exitError {
		t.Errorf("exit code %d, want %d\n%s", code, exitError, a.output())
	}
	if !strings.Contains(a.output(), "Could not open") {
		t.Errorf("no sentence about the failure:\n%s", a.output())
	}
	// The detail names the file the person chose, never the temporary
	// one it is built under.
	if !strings.Contains(a.output(), "The disk is full") || !strings.Contains(a.output(), "EFBIG, "+env.db) {
		t.Errorf("the sentence does not say the disk is full, with the database's path as detail:\n%s", a.output())
	}
	if entries, _ := os.ReadDir(filepath.Dir(env.db)); len(entries) != 0 {
		t.Errorf("a failed creation left %v", entries)
	}
}

// TestE2EReadOnlyFolder: a new database in a folder the person may not
// write to is refused with a sentence and exit code 1, before any screen.
// The child runs without privileges (asNobody), so it holds as root too.
func TestE2EReadOnlyFolder(t *testing.T) {
	env := nobodyEnv(t, "en")
	dir := filepath.Join(env.home, "locked")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	nobodyOwn(t, dir)
	env.db = filepath.Join(dir, "answers.db")
	a := start(t, env)
	if code := a.wait(); code != exitError {
		t.Errorf("exit code %d, want %d\n%s", code, exitError, a.output())
	}
	if !strings.Contains(a.output(), "Could not open") || !strings.Contains(a.output(), "permission to write") || !strings.Contains(a.output(), "EACCES") {
		t.Errorf("no sentence about the folder:\n%s", a.output())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused creation left %v", entries)
	}
}

// TestE2EMissingFolder: a database path in folders that do not exist yet
// is created, folders included, owner-only.
func TestE2EMissingFolder(t *testing.T) {
	env := newEnv(t, "en")
	env.db = filepath.Join(env.home, "a", "b", "answers.db")
	a := start(t, env)
	a.waitFor(languages[1].start)
	a.send("q")
	a.exitOK("q on the welcome menu")
	for _, p := range []string{filepath.Dir(env.db), env.db} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		want := os.FileMode(0o600)
		if info.IsDir() {
			want = 0o700
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, info.Mode().Perm(), want)
		}
	}
}

// TestE2EFolderCannotBeCreated: the same refusal for a folder that cannot
// be made at all (a file is in the way); unlike TestE2EReadOnlyFolder it
// also runs as root.
func TestE2EFolderCannotBeCreated(t *testing.T) {
	env := newEnv(t, "en")
	blocker := filepath.Join(env.home, "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	env.db = filepath.Join(blocker, "answers.db")
	a := start(t, env)
	if code := a.wait(); code != exitError {
		t.Errorf("exit code %d, want %d\n%s", code, exitError, a.output())
	}
	if !strings.Contains(a.output(), "Could not open") {
		t.Errorf("no sentence about the folder:\n%s", a.output())
	}
	if b, _ := os.ReadFile(blocker); string(b) != "x" {
		t.Error("the file in the way was changed")
	}
}

// TestE2EMalformedQuestions: a questions file that is not valid TOML, or
// valid TOML that is not a usable questionnaire, is refused with the
// file, the line or the item, and exit code 5, before the database is
// opened or created.
func TestE2EMalformedQuestions(t *testing.T) {
	builtin, err := os.ReadFile(filepath.Join("survey", "data", "questionnaire.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		content string
		want    string
	}{
		"syntax":      {"id = \"x\"\nversion = [\n", "Line 2, column 12"},
		"unknown key": {string(builtin) + "\ncolour = \"red\"\n", `colour" in a questions file`},
		"invalid":     {strings.Replace(string(builtin), "max = 7", "max = 0", 1), "The scale: max (0)"},
		"missing":     {"", "There is no file"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, "en")
			file := filepath.Join(env.home, "questions.toml")
			if name != "missing" {
				if err := os.WriteFile(file, []byte(c.content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			a := start(t, env, "--questions", file)
			if code := a.wait(); code != exitQuestion {
				t.Errorf("exit code %d, want %d\n%s", code, exitQuestion, a.output())
			}
			out := a.output()
			if !strings.Contains(out, c.want) {
				t.Errorf("message does not say what is wrong (%q):\n%s", c.want, out)
			}
			if _, err := os.Stat(env.db); err == nil {
				t.Error("the database was created anyway")
			}
		})
	}
}

// TestE2EOtherQuestionsDoNotResume: an unfinished test of the built-in
// questions is not resumed against another questionnaire.
func TestE2EOtherQuestionsDoNotResume(t *testing.T) {
	env := newEnv(t, "en")
	a := start(t, env)
	toStatement(a, languages[1])
	a.send("4")
	a.waitFor(counter(2, 24))
	a.send("q")
	a.exitOK("q on a statement")

	builtin, err := os.ReadFile(filepath.Join("survey", "data", "questionnaire.toml"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(env.home, "regional.toml")
	other := strings.Replace(string(builtin), `id = "digikomp"`, `id = "regional"`, 1)
	if other == string(builtin) {
		t.Fatal("the built-in questionnaire's id line was not found")
	}
	if err := os.WriteFile(file, []byte(other), 0o600); err != nil {
		t.Fatal(err)
	}
	b := start(t, env, "--questions", file)
	if code := b.wait(); code != exitQuestion || !strings.Contains(b.output(), "unfinished test with other questions (digikomp, version 1)") {
		t.Errorf("exit %d\n%s", code, b.output())
	}
}

// TestE2EReadOnlyDatabase: a sound database the person may read but not
// write (a file of another user, a write-protected copy) is never called
// damaged: it opens read-only, the welcome screen says nothing can be
// saved and why, the latest result can be seen, continuing says it cannot
// save, and the file is left as it was. The child runs without
// privileges, so the file is read-only to it even when CI runs as root.
func TestE2EReadOnlyDatabase(t *testing.T) {
	env := nobodyEnv(t, "en")
	makeAnswered(t, env.db)
	if err := os.Chmod(env.db, 0o444); err != nil {
		t.Fatal(err)
	}
	before := e2eStatFile(t, env.db)
	a := start(t, env)
	a.waitFor("file can only be read")
	a.waitFor("permission to write")
	a.waitFor(fmt.Sprintf(languages[1].cont, 21, 24))
	a.send("\r") // continue
	a.waitFor("Could not save.")
	a.send("\x1b[B\x1b[B\r") // see the latest result
	a.waitFor(languages[1].result)
	a.send("\x1b")
	a.waitFor("file can only be read")
	a.send("q")
	a.exitOK("q on the read-only welcome menu")
	if strings.Contains(a.output(), "damaged") {
		t.Errorf("a sound read-only file was called damaged:\n%s", a.output())
	}
	if d := before.diff(e2eStatFile(t, env.db)); d != "" {
		t.Errorf("the read-only file changed: %s", d)
	}
}
