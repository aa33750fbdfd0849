//go:build unix

package main

import (
	"runtime"
	"syscall"
)

// peakKiB is the process's peak resident set size in KiB.
func peakKiB() (int64, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, err
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) / 1024, nil // bytes there, KiB elsewhere
	}
	return int64(ru.Maxrss), nil
}
