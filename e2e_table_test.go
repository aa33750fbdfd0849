//go:build !windows

// Rows of the README's fault table that need a file, a limit or a
// terminal set up just so: a file from a newer digikomp, a backup that
// fills the disk, a damaged newest meta page, and standard output
// redirected while input is a terminal.

package main

import (
	"bytes"
	bin "encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"digikomp/store"
)

// newerSchema returns a copy of a database's bytes whose schema number
// is one above this build's, as a newer digikomp would leave it: the meta
// bucket's "schema" key and its 8-byte big-endian value lie side by side
// in a leaf page, and bbolt keeps no checksum over data pages.
func newerSchema(t *testing.T, data []byte) []byte {
	t.Helper()
	key := []byte("schema")
	old := bin.BigEndian.AppendUint64(bytes.Clone(key), store.SchemaVersion)
	newer := bin.BigEndian.AppendUint64(bytes.Clone(key), store.SchemaVersion+1)
	if !bytes.Contains(data, old) {
		t.Fatalf("the schema record %q was not found in the database", old)
	}
	return bytes.ReplaceAll(data, old, newer)
}

// TestE2EBackupDiskFills: the disk fills while a backup is written (a
// file-size limit well under the database's size): a sentence, exit 1,
// no backup and no temporary file left, an earlier backup replaced with
// --force unchanged, and the database itself untouched.
func TestE2EBackupDiskFills(t *testing.T) {
	for _, force := range []bool{false, true} {
		t.Run(map[bool]string{false: "new", true: "force"}[force], func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, "en")
			makeAnswered(t, env.db)
			before := e2eStatFile(t, env.db)
			dir := filepath.Join(env.home, "backups")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			dest := filepath.Join(dir, "copy.db")
			earlier := []byte("an earlier backup")
			args := []string{"backup", dest}
			if force {
				if err := os.WriteFile(dest, earlier, 0o600); err != nil {
					t.Fatal(err)
				}
				args = append(args, "--force")
			}
			// dash counts ulimit -f in 512-byte blocks, bash in 1024:
			// 2 or 4 KB, either way far below the database.
			env.shell = "ulimit -f 4"
			a := start(t, env, args...)
			if code := a.wait(); code != exitError {
				t.Errorf("exit code %d, want %d\n%s", code, exitError, a.tail())
			}
			if !strings.Contains(a.output(), "The backup could not be written") || !strings.Contains(a.output(), "No existing file has been changed") {
				t.Errorf("no sentence about the failed backup\n%s", a.tail())
			}
			entries, _ := os.ReadDir(dir)
			switch {
			case force && (len(entries) != 1 || entries[0].Name() != "copy.db"):
				t.Errorf("the backup folder holds %v, want only the earlier copy.db", entries)
			case !force && len(entries) != 0:
				t.Errorf("a failed backup left %v", entries)
			}
			if force {
				if got, err := os.ReadFile(dest); err != nil || !bytes.Equal(got, earlier) {
					t.Errorf("the earlier backup was changed: %q, %v", got, err)
				}
			}
			if d := before.diff(e2eStatFile(t, env.db)); d != "" {
				t.Errorf("the database changed: %s", d)
			}
		})
	}
}

// TestE2EDamagedNewestMeta: the newest save's meta page is damaged, so
// bbolt falls back to the one before. The app opens that earlier state
// (one answer fewer) and exits 0; check names the damaged meta page and
// exits 6.
func TestE2EDamagedNewestMeta(t *testing.T) {
	u := languages[1]
	env := newEnv(t, "en")
	a := start(t, env)
	toStatement(a, u)
	a.send("5")
	a.waitFor(counter(2, 24))
	a.send("6")
	a.waitFor(counter(3, 24))
	// Killed, not quit, so that the second answer's save is the newest.
	a.kill()

	data, err := os.ReadFile(env.db)
	if err != nil {
		t.Fatal(err)
	}
	bm, err := mapBolt(data)
	if err != nil {
		t.Fatal(err)
	}
	// Flip a byte of the newest meta page's checksum.
	data[bm.newest*bm.pageSize+16+56] ^= 0xff
	if err := os.WriteFile(env.db, data, 0o600); err != nil {
		t.Fatal(err)
	}

	c := start(t, env, "check")
	if code := c.wait(); code != exitDamaged {
		t.Errorf("check: exit code %d, want %d\n%s", code, exitDamaged, c.tail())
	}
	if want := fmt.Sprintf("Meta page %d is damaged", bm.newest); !strings.Contains(c.output(), want) {
		t.Errorf("check does not say %q\n%s", want, c.tail())
	}

	b := start(t, env)
	b.waitFor(fmt.Sprintf(u.cont, 1, 24))
	b.send("\r")
	b.waitFor(counter(2, 24))
	b.send("q")
	b.exitOK("q on the earlier state")
}

// TestE2EStdoutRedirected: input is a terminal but output goes to a file
// or a pipe. The full screen cannot be drawn there: a sentence on
// standard error, exit 2, nothing on standard output, no database.
func TestE2EStdoutRedirected(t *testing.T) {
	for _, u := range languages {
		for _, out := range []string{"file", "pipe"} {
			t.Run(string(u.lang)+"/"+out, func(t *testing.T) {
				t.Parallel()
				env := newEnv(t, string(u.lang))
				ptm, tty, err := pty.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer ptm.Close()
				defer tty.Close()
				cmd := exec.Command(binary(t))
				cmd.Env, cmd.Dir = env.environ(), env.home
				cmd.Stdin = tty
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				file := filepath.Join(env.home, "out.txt")
				if out == "file" {
					f, err := os.Create(file)
					if err != nil {
						t.Fatal(err)
					}
					defer f.Close()
					cmd.Stdout = f
				}
				cmd.WaitDelay = exitTimeout
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				select {
				case <-done:
				case <-time.After(exitTimeout):
					_ = cmd.Process.Kill()
					<-done
					t.Fatalf("digikomp did not exit within %v", exitTimeout)
				}
				if code := cmd.ProcessState.ExitCode(); code != exitUsage {
					t.Errorf("exit code %d, want %d\nstderr: %s", code, exitUsage, stderr.String())
				}
				if !strings.Contains(stderr.String(), u.notTerminal) {
					t.Errorf("stderr %q does not mention %q", stderr.String(), u.notTerminal)
				}
				written := stdout.String()
				if out == "file" {
					b, _ := os.ReadFile(file)
					written = string(b)
				}
				if written != "" {
					t.Errorf("standard output got %q", written)
				}
				if _, err := os.Stat(env.db); err == nil {
					t.Error("a database was created")
				}
			})
		}
	}
}
