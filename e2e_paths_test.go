//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestE2EDatabasePathMistakes: an empty --db was taken as the current
// folder ("… is not a digikomp database"), and with no home folder the
// default path showed as "?" and --help printed an empty default. Each now
// says what is wrong and to use --db, and nothing is created.
func TestE2EDatabasePathMistakes(t *testing.T) {
	noHome := []string{"HOME=", "XDG_DATA_HOME=", "DIGIKOMP_DB="}
	cases := []struct {
		name   string
		extra  []string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"empty-db", nil, []string{"--db="}, exitUsage, "", "--db needs the path of the database file"},
		{"empty-db-check", nil, []string{"check", "--db", ""}, exitUsage, "", "--db needs the path"},
		{"empty-db-backup", nil, []string{"backup", "--db=", "copy.db"}, exitUsage, "", "--db needs the path"},
		{"no-home", noHome, nil, exitError, "", "--db or DIGIKOMP_DB"},
		{"no-home-check", noHome, []string{"check"}, exitError, "", "--db or DIGIKOMP_DB"},
		{"no-home-help", noHome, []string{"--help"}, exitOK, "(none, since the home folder is unknown: use --db)", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, "en")
			env.extra = c.extra
			code, stdout, stderr := runPlain(t, env, nil, c.args...)
			if code != c.code || !strings.Contains(stdout, c.stdout) || !strings.Contains(stderr, c.stderr) {
				t.Errorf("digikomp %q: exit %d, want %d with %q / %q\nstdout: %s\nstderr: %s", c.args, code, c.code, c.stdout, c.stderr, stdout, stderr)
			}
			for _, bad := range []string{"?", "not a digikomp database"} {
				if strings.Contains(stderr, bad) {
					t.Errorf("stderr contains %q:\n%s", bad, stderr)
				}
			}
			if entries, _ := os.ReadDir(env.home); len(entries) != 0 {
				t.Errorf("something was created: %v", entries)
			}
		})
	}
}

// TestE2EBackupOnlyReplacesFiles: `backup FILE --force` replaced a device
// node or FIFO with a regular file (as root, /dev/full). Only a regular
// file is replaced; a FIFO, a folder or a link to one is refused with a
// sentence and exit 2, and stays what it was.
func TestE2EBackupOnlyReplacesFiles(t *testing.T) {
	env := newEnv(t, "en")
	makeAnswered(t, env.db)
	fifo := filepath.Join(env.home, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(env.home, "folder")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(env.home, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, dst := range []string{fifo, dir, link} {
		for _, force := range []bool{true, false} {
			args := []string{"backup", dst}
			if force {
				args = append(args, "--force")
			}
			code, _, stderr := runPlain(t, env, nil, args...)
			if code != exitUsage || !strings.Contains(stderr, "is not an ordinary file") {
				t.Errorf("digikomp %q: exit %d, want %d and a sentence: %s", args, code, exitUsage, stderr)
			}
		}
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is no longer one: %v %v", info, err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer one: %v %v", info, err)
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		t.Errorf("the folder is no longer one: %v %v", info, err)
	}
}
