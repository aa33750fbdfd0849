package store

import (
	"encoding/binary"
	"fmt"

	"go.etcd.io/bbolt"
)

// The municipalities bucket (since schema 3) numbers the municipality
// names this file's attempts have given as background answers:
//
//	municipalities  code (uint16, from 0) → name
//
// An attempt record stores the code, two bytes at most, instead of the
// name. The numbering is the file's own, assigned in the order names are
// first saved and never changed, so it does not depend on the list of
// municipalities a later digikomp ships with: a renamed or added
// municipality simply gets the next code.

// maxPlaces is how many codes the table hands out; a name beyond it is
// stored as text in the attempt record.
const maxPlaces = 1 << 16

// places is the municipality table of one transaction. The name index is
// built on the first lookup by name, which only writes need.
type places struct {
	b      *bbolt.Bucket
	byName map[string]uint64
	names  map[uint64]string // names read so far
}

func newPlaces(b *bbolt.Bucket) *places { return &places{b: b} }

// name returns the name with the given code.
func (p *places) name(code uint64) (string, error) {
	if code >= maxPlaces {
		return "", fmt.Errorf("municipality code %d out of range", code)
	}
	if name, ok := p.names[code]; ok {
		return name, nil
	}
	v := p.b.Get(placeKey(code))
	if v == nil {
		return "", fmt.Errorf("municipality code %d is not in the table", code)
	}
	if p.names == nil {
		p.names = map[uint64]string{}
	}
	p.names[code] = string(v)
	return string(v), nil
}

// code returns the code of name, adding it to the table if add is set;
// ok is false if the name has no code (and add is false, or the table is
// full).
func (p *places) code(name string, add bool) (uint64, bool, error) {
	if p.byName == nil {
		p.byName = map[string]uint64{}
		err := p.b.ForEach(func(k, v []byte) error {
			if len(k) != 2 {
				return fmt.Errorf("%w: municipality key %x", ErrCorrupt, k)
			}
			p.byName[string(v)] = uint64(binary.BigEndian.Uint16(k))
			return nil
		})
		if err != nil {
			return 0, false, err
		}
	}
	if c, ok := p.byName[name]; ok {
		return c, true, nil
	}
	n := uint64(len(p.byName))
	if !add || n >= maxPlaces {
		return 0, false, nil
	}
	if p.b.Get(placeKey(n)) != nil {
		return 0, false, fmt.Errorf("%w: municipality table has gaps", ErrCorrupt)
	}
	if err := p.b.Put(placeKey(n), []byte(name)); err != nil {
		return 0, false, err
	}
	p.byName[name] = n
	return n, true, nil
}

func placeKey(code uint64) []byte {
	return binary.BigEndian.AppendUint16(nil, uint16(code))
}
