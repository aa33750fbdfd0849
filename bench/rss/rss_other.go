//go:build !unix

package main

import (
	"errors"
	"runtime"
)

func peakKiB() (int64, error) {
	return 0, errors.New("peak resident memory is not measured on " + runtime.GOOS)
}
