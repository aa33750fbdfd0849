//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package ui

import (
	"os"

	"golang.org/x/sys/unix"
)

// echoOff switches the terminal's echo off, keeping line editing, and
// returns what switches it back. huh's password prompt switches echo off
// only once it has printed its prompt, so a PIN typed the moment the
// line before it appeared would be echoed by the terminal itself; a PIN
// loop therefore holds echo off from its first line to its last.
func echoOff(f *os.File) func() {
	fd := int(f.Fd())
	old, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil || old.Lflag&unix.ECHO == 0 {
		return func() {}
	}
	quiet := *old
	quiet.Lflag &^= unix.ECHO
	if unix.IoctlSetTermios(fd, ioctlSetTermios, &quiet) != nil {
		return func() {}
	}
	return func() { _ = unix.IoctlSetTermios(fd, ioctlSetTermios, old) }
}
