//go:build !windows && !linux

package main

import (
	"os"
	"testing"
)

// notCooked checks the terminal modes only on Linux, where a pty's
// master reports its slave's modes.
func notCooked(t *testing.T, ptm *os.File) string { return "" }
