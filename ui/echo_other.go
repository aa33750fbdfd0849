//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package ui

import "os"

// echoOff does nothing where the terminal is not a termios one (Windows):
// huh's password prompt hides the PIN there by itself.
func echoOff(*os.File) func() { return func() {} }
