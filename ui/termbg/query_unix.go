//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package termbg

import (
	"errors"
	"io"
	"os"
	"regexp"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// The two answers: OSC 11 with the background colour, ended by BEL or ST,
// and the cursor position report, which every terminal sends and which
// therefore marks the end of whatever the terminal had to say.
var (
	oscReply = regexp.MustCompile(`\x1b\]11;([^\x07\x1b]*)(?:\x07|\x1b\\)`)
	dsrReply = regexp.MustCompile(`\x1b\[[0-9]*;[0-9]*R`)
)

// query writes OSC 11 and CSI 6n to out and reads in until the cursor
// report arrives or wait has passed. It returns the colour of an OSC 11
// answer and whether there was one. Bytes typed meanwhile are read along
// with the answer and lost, as with termenv; the wait is short so that
// hardly any can be.
func query(in, out *os.File, wait time.Duration) (string, bool) {
	if in == nil || out == nil || !canQuery(os.Getenv("TERM")) {
		return "", false
	}
	fd := int(in.Fd())
	if !term.IsTerminal(fd) || !term.IsTerminal(int(out.Fd())) || !foreground(fd) {
		return "", false
	}
	old, err := term.MakeRaw(fd)
	if err != nil {
		return "", false
	}
	defer func() { _ = term.Restore(fd, old) }()
	if _, err := io.WriteString(out, "\x1b]11;?\x1b\\\x1b[6n"); err != nil {
		return "", false
	}
	deadline := time.Now().Add(wait)
	var got []byte
	buf := make([]byte, 256)
	for len(got) < 4096 {
		left := time.Until(deadline)
		if left <= 0 {
			return "", false
		}
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, int(left/time.Millisecond)+1)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil || n == 0 || fds[0].Revents&unix.POLLIN == 0 {
			return "", false
		}
		k, err := unix.Read(fd, buf)
		if err != nil || k <= 0 {
			return "", false
		}
		got = append(got, buf[:k]...)
		end := dsrReply.FindIndex(got)
		if end == nil {
			continue
		}
		if m := oscReply.FindSubmatch(got[:end[0]]); m != nil {
			return string(m[1]), true
		}
		return "", false
	}
	return "", false
}

// foreground reports whether this process's group owns the terminal: a
// program started in the background must not read from it.
func foreground(fd int) bool {
	pgrp, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP)
	return err == nil && pgrp == unix.Getpgrp()
}
