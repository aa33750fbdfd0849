//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package termbg

import (
	"os"
	"time"
)

// query does not ask: the Windows console does not answer OSC 11.
func query(in, out *os.File, wait time.Duration) (string, bool) { return "", false }
