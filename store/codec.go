package store

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// u64Bytes encodes v big-endian, so that bbolt's byte order of keys is
// numeric order.
func u64Bytes(v uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, v)
}

// u64 decodes what u64Bytes encoded; b must be 8 bytes long.
func u64(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// reader decodes a record field by field. The first problem sticks in err
// and every later read returns zero values, so a decoder checks once at
// the end; lengths are checked against what is left before slicing.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = errors.New(what)
	}
	r.b = nil
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail("cut short")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// uvarint reads a number and refuses one above limit.
func (r *reader) uvarint(limit uint64) uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("bad number")
		return 0
	}
	if v > limit {
		r.fail(fmt.Sprintf("number %d above %d", v, limit))
		return 0
	}
	r.b = r.b[n:]
	return v
}

// bytes returns the next n bytes, aliasing the input.
func (r *reader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.fail(fmt.Sprintf("length %d, only %d bytes left", n, len(r.b)))
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}
