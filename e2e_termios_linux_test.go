//go:build linux

package main

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// notCooked reads the terminal modes through the pty's master (on Linux
// the master reports its slave's modes) and names those a program left
// changed: line editing, echo, Ctrl+C as a signal, CR/NL translation.
func notCooked(t *testing.T, ptm *os.File) string {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(ptm.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatalf("reading the terminal modes: %v", err)
	}
	var off []string
	for _, f := range []struct {
		set  bool
		name string
	}{
		{tio.Lflag&unix.ICANON != 0, "ICANON (line editing)"},
		{tio.Lflag&unix.ECHO != 0, "ECHO"},
		{tio.Lflag&unix.ISIG != 0, "ISIG (Ctrl+C as a signal)"},
		{tio.Iflag&unix.ICRNL != 0, "ICRNL"},
		{tio.Oflag&unix.OPOST != 0, "OPOST"},
	} {
		if !f.set {
			off = append(off, f.name+" off")
		}
	}
	return strings.Join(off, ", ")
}
