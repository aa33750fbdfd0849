// Package wire reads the compact binary records of the store and of
// questionnaire definitions: one reader, so that every decoder refuses
// damage the same way.
package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Reader decodes a record field by field. The first problem sticks in Err
// and every later read returns zero values, so a decoder checks once at
// the end; lengths are checked against what is left before slicing.
type Reader struct {
	B   []byte
	Err error
}

// Fail records the first problem and stops every later read.
func (r *Reader) Fail(what string) {
	if r.Err == nil {
		r.Err = errors.New(what)
	}
	r.B = nil
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if len(r.B) == 0 {
		r.Fail("cut short")
		return 0
	}
	c := r.B[0]
	r.B = r.B[1:]
	return c
}

// Uvarint reads a number and refuses one above limit.
func (r *Reader) Uvarint(limit uint64) uint64 {
	v, n := binary.Uvarint(r.B)
	if n <= 0 {
		r.Fail("bad number")
		return 0
	}
	if v > limit {
		r.Fail(fmt.Sprintf("number %d above %d", v, limit))
		return 0
	}
	r.B = r.B[n:]
	return v
}

// Bytes returns the next n bytes, aliasing the input.
func (r *Reader) Bytes(n uint64) []byte {
	if n > uint64(len(r.B)) {
		r.Fail(fmt.Sprintf("length %d, only %d bytes left", n, len(r.B)))
		return nil
	}
	out := r.B[:n]
	r.B = r.B[n:]
	return out
}
