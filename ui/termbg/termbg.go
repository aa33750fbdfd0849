// Package termbg decides whether the terminal's background is dark, which
// picks the light or dark variant of every adaptive colour.
//
// Bubble Tea v1 asks the terminal in its own package init (tea_init.go
// calls lipgloss.HasDarkBackground, which makes termenv write OSC 11 and
// CSI 6n and wait up to 5 s per byte for the answer). That runs before
// main in every digikomp process, --version, check, backup and the
// line-by-line mode included, and in a terminal that never answers each
// start stalls for 5 s, prints the query's bytes and, switching the
// terminal out of line mode to read the answer, swallows lines typed
// ahead. This package's init settles the question before Bubble Tea's
// runs: Go initialises packages in the order of their import paths among
// those whose imports are ready, so "digikomp/…", importing only lipgloss
// and termenv, always comes before "github.com/charmbracelet/bubbletea",
// which imports lipgloss too. Only the full-screen interface asks the
// terminal, briefly, with Detect.
package termbg

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func init() {
	// Dark until a terminal says otherwise: most terminals are, and
	// both palettes are readable on either background.
	lipgloss.SetHasDarkBackground(true)
}

// Wait bounds how long Detect waits for the terminal's answer. A local
// terminal answers within milliseconds and a remote one within a round
// trip; one that has not answered by then is taken as one that never
// will, so a silent terminal delays the first screen by no more than this.
const Wait = 300 * time.Millisecond

// Detect asks the terminal on in and out for its background colour and
// sets lipgloss's dark-background value from the answer, or from
// COLORFGBG when there is none. Without an answer within Wait, or
// without colour at all (NO_COLOR), the default of init stays. It
// reports whether a value was found.
func Detect(in, out *os.File) bool {
	if lipgloss.ColorProfile() == termenv.Ascii {
		return false // no colour is drawn, so the background does not matter
	}
	dark, ok := false, false
	if spec, answered := query(in, out, Wait); answered {
		dark, ok = isDark(spec)
	}
	if !ok {
		dark, ok = colorFGBG(os.Getenv("COLORFGBG"))
	}
	if ok {
		lipgloss.SetHasDarkBackground(dark)
	}
	return ok
}

// canQuery reports whether the terminal named by TERM may be asked:
// screen and tmux may be attached to several terminals at once and do
// not pass the question on, and a dumb terminal understands none.
func canQuery(term string) bool {
	for _, p := range []string{"screen", "tmux", "dumb"} {
		if strings.HasPrefix(term, p) {
			return false
		}
	}
	return term != ""
}

// isDark reads an XParseColor "rgb:R/G/B" answer (one to four hex digits
// a channel; "rgba:" too) and reports whether its lightness is below
// half, as termenv judges it.
func isDark(spec string) (dark, ok bool) {
	rest, found := strings.CutPrefix(spec, "rgb:")
	if !found {
		if rest, found = strings.CutPrefix(spec, "rgba:"); !found {
			return false, false
		}
	}
	parts := strings.Split(rest, "/")
	if len(parts) < 3 {
		return false, false
	}
	lo, hi := 1.0, 0.0
	for _, p := range parts[:3] {
		if len(p) < 1 || len(p) > 4 {
			return false, false
		}
		n, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return false, false
		}
		v := float64(n) / float64(uint64(1)<<(4*len(p))-1)
		lo, hi = min(lo, v), max(hi, v)
	}
	return (lo+hi)/2 < 0.5, true
}

// colorFGBG reads rxvt's COLORFGBG ("15;0", "15;default;0"): its last
// field is the background's ANSI colour number, and of the sixteen only
// 0–6 are dark.
func colorFGBG(v string) (dark, ok bool) {
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return false, false
	}
	n, err := strconv.Atoi(v[i+1:])
	if err != nil || n < 0 || n > 15 {
		return false, false
	}
	return n <= 6, true
}
