//go:build !windows

// Command ptystart times the real digikomp from exec to its menu on the
// screen, as a person waits for it: the binary runs in an 80×24
// pseudo-terminal that answers the background-colour query (OSC 11) and
// the cursor-position query (CSI 6n) as a terminal does, its output goes
// through a VT emulator, and the clock stops when the screen shows the
// given text. The process is then killed (nothing is written at the menu).
//
//	ptystart -bin digikomp -runs 21 -db empty.db -want Avsluta -db big.db -want "Se ditt senaste resultat" -via "Vem är du?"
//
// A file with named people opens on "Vem är du?" with the computer's
// first profile chosen: -via gives that screen's text, one per -db (""
// for none), and Enter is pressed on it once, as the person would.
//
// Databases are run in turns, so that all see the same machine; it prints
// one line per database: "median_ns N min_ns N max_ns N db PATH".
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	bin := flag.String("bin", "digikomp", "the digikomp binary")
	runs := flag.Int("runs", 21, "timed runs per database, after one warm-up")
	var dbs, wants, vias list
	flag.Var(&dbs, "db", "a database (repeat for more)")
	flag.Var(&wants, "want", "the text that shows the menu is drawn, one per -db")
	flag.Var(&vias, "via", "the text of a screen to press Enter on first, one per -db or none")
	flag.Parse()
	if len(dbs) == 0 || len(dbs) != len(wants) || (len(vias) != 0 && len(vias) != len(dbs)) {
		fmt.Fprintln(os.Stderr, "ptystart: give -db and -want in pairs, and -via for each or none")
		os.Exit(2)
	}
	if len(vias) == 0 {
		vias = make(list, len(dbs))
	}
	times := make([][]time.Duration, len(dbs))
	for r := -1; r < *runs; r++ {
		for i, db := range dbs {
			d, err := firstFrame(*bin, db, wants[i], vias[i])
			if err != nil {
				fmt.Fprintln(os.Stderr, "ptystart:", err)
				os.Exit(1)
			}
			if r >= 0 {
				times[i] = append(times[i], d)
			}
		}
	}
	for i, db := range dbs {
		t := times[i]
		slices.Sort(t)
		fmt.Printf("median_ns %d min_ns %d max_ns %d db %s\n", t[len(t)/2].Nanoseconds(), t[0].Nanoseconds(), t[len(t)-1].Nanoseconds(), db)
	}
}

// firstFrame starts bin on db and returns the time until the screen
// shows want, pressing Enter once when it shows via (if not "").
func firstFrame(bin, db, want, via string) (time.Duration, error) {
	cmd := exec.Command(bin, "--db", db, "--lang", "sv")
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	var (
		mu  sync.Mutex
		ptm *os.File
	)
	reply := writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return ptm.Write(p)
	})
	vt := vt10x.New(vt10x.WithSize(80, 24), vt10x.WithWriter(reply))
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		return 0, err
	}
	mu.Lock()
	ptm = f
	mu.Unlock()
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = f.Close()
	}()
	found := make(chan time.Duration, 1)
	go func() {
		buf := make([]byte, 64*1024)
		var raw bytes.Buffer
		for {
			n, err := f.Read(buf)
			if n > 0 {
				raw.Write(buf[:n])
				// A terminal answers the colour query before the cursor
				// query sent with it.
				for range bytes.Count(buf[:n], []byte("\x1b]11;?")) {
					_, _ = reply.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\"))
				}
				_, _ = vt.Write(buf[:n])
				screen := vt.String()
				if strings.Contains(screen, want) {
					found <- time.Since(start)
					return
				}
				if via != "" && strings.Contains(screen, via) && strings.Contains(screen, "q avsluta") {
					// The whole screen is drawn (its key help comes last).
					via = ""
					_, _ = reply.Write([]byte("\r"))
				}
			}
			if err != nil {
				close(found)
				return
			}
		}
	}()
	select {
	case d, ok := <-found:
		if !ok {
			return 0, errors.New("digikomp ended before showing " + want)
		}
		return d, nil
	case <-time.After(30 * time.Second):
		return 0, fmt.Errorf("%q not on the screen after 30 s:\n%s", want, vt.String())
	}
}

type writerFunc func([]byte) (int, error)

func (w writerFunc) Write(p []byte) (int, error) { return w(p) }
