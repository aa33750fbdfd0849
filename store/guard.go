package store

import (
	"fmt"
	"runtime/debug"
)

// guard runs f and turns a panic, including a memory fault, into
// ErrCorrupt. bbolt panics on some damaged pages instead of returning an
// error, and reading a page past the end of a truncated, memory-mapped
// file raises SIGBUS; SetPanicOnFault turns the latter into a panic this
// goroutine can recover. The setting is per goroutine, so f must not hand
// the bbolt work to another goroutine.
func guard(f func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	return f()
}
