package store

import (
	"encoding/binary"

	"digikomp/internal/wire"
)

// u64Bytes encodes v big-endian, so that bbolt's byte order of keys is
// numeric order.
func u64Bytes(v uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, v)
}

// u64 decodes what u64Bytes encoded; b must be 8 bytes long.
func u64(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// reader decodes a record field by field (see wire.Reader); the
// store's own fields (ids, texts) are read by its methods in record.go.
type reader struct{ wire.Reader }
