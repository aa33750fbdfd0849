package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// The records of schemas 1 and 2, read only by the migration to schema 3:
// a JSON header in the attempts bucket and a ratings record, keyed by
// statement id with a time per rating, in the answers bucket.

// answersBucket held the ratings records of schemas 1 and 2, and
// finishedBucket their finished index: profile id, NUL, finish unix-ns
// (uint64), attempt id → empty.
var (
	answersBucket  = []byte("answers")
	finishedBucket = []byte("finished")
)

// legacyHeader is the JSON header of an attempt in schemas 1 and 2.
type legacyHeader struct {
	Questionnaire string            `json:"questionnaire"`
	Version       int               `json:"version"`
	Profile       string            `json:"profile"`
	Started       time.Time         `json:"started"`
	Finished      time.Time         `json:"finished,omitzero"`
	Background    map[string]string `json:"background,omitempty"`
	Discussion    map[string]string `json:"discussion,omitempty"`
	Position      legacyPosition    `json:"position"`
}

type legacyPosition struct {
	Stage  uint8 `json:"stage"`
	Cursor int   `json:"cursor"`
}

// decodeLegacyHeader decodes a header and checks what the migration
// relies on.
func decodeLegacyHeader(raw []byte) (legacyHeader, error) {
	var r legacyHeader
	if err := json.Unmarshal(raw, &r); err != nil {
		return legacyHeader{}, fmt.Errorf("%w: attempt header: %w", ErrCorrupt, err)
	}
	switch {
	case r.Profile == "":
		return legacyHeader{}, fmt.Errorf("%w: attempt header has no profile", ErrCorrupt)
	case Stage(r.Position.Stage) > StageDone || r.Position.Cursor < 0:
		return legacyHeader{}, fmt.Errorf("%w: attempt header has position %+v", ErrCorrupt, r.Position)
	}
	return r, nil
}

// legacyRatingsFormat is the first byte of a schema 1 and 2 answers record.
const legacyRatingsFormat = 1

// legacyMinRatingLen is the fewest bytes one encoded rating takes.
const legacyMinRatingLen = 4

// decodeLegacyRatings parses an answers record of schemas 1 and 2:
//
//	[format byte = 1][uvarint count]
//	count × [uvarint len(statement id)][statement id][uvarint value][varint unix ms]
//
// The times are dropped: nothing ever showed them.
func decodeLegacyRatings(b []byte) (map[string]int, error) {
	corrupt := func(what string) error {
		return fmt.Errorf("%w: answers record: %s", ErrCorrupt, what)
	}
	if len(b) == 0 {
		return nil, corrupt("empty")
	}
	if b[0] != legacyRatingsFormat {
		return nil, corrupt(fmt.Sprintf("format %d, want %d", b[0], legacyRatingsFormat))
	}
	b = b[1:]
	count, n := binary.Uvarint(b)
	if n <= 0 {
		return nil, corrupt("bad count")
	}
	b = b[n:]
	if count > uint64(len(b)/legacyMinRatingLen) {
		return nil, corrupt(fmt.Sprintf("count %d does not fit in %d bytes", count, len(b)))
	}
	ratings := make(map[string]int, count)
	for i := uint64(0); i < count; i++ {
		l, n := binary.Uvarint(b)
		if n <= 0 || l == 0 || l > maxIDLen || l > uint64(len(b)-n) {
			return nil, corrupt(fmt.Sprintf("rating %d: bad id length", i))
		}
		b = b[n:]
		id := string(b[:l])
		b = b[l:]
		if err := checkID("statement id", id); err != nil {
			return nil, corrupt(fmt.Sprintf("rating %d: %v", i, err))
		}
		if _, dup := ratings[id]; dup {
			return nil, corrupt(fmt.Sprintf("rating %d: statement %q twice", i, id))
		}
		v, n := binary.Uvarint(b)
		if n <= 0 || v > maxRating {
			return nil, corrupt(fmt.Sprintf("rating %d: bad value", i))
		}
		b = b[n:]
		if _, n := binary.Varint(b); n <= 0 {
			return nil, corrupt(fmt.Sprintf("rating %d: bad time", i))
		} else {
			b = b[n:]
		}
		ratings[id] = int(v)
	}
	if len(b) != 0 {
		return nil, corrupt(fmt.Sprintf("%d trailing bytes", len(b)))
	}
	return ratings, nil
}

// encodeShapeV1 writes a shape record of schema 2 (format 1):
// [format][uvarint min][uvarint max][uvarint count] count × [uvarint len][id].
func encodeShapeV1(sh shape) []byte {
	b := []byte{shapeFormatV1}
	b = binary.AppendUvarint(b, uint64(sh.min))
	b = binary.AppendUvarint(b, uint64(sh.max))
	return appendStrings(b, sh.statements)
}

// finishedKey is a key of the finished index of schemas 1 and 2.
func finishedKey(profileID string, at time.Time, id AttemptID) []byte {
	k := append([]byte(profileID), 0)
	k = binary.BigEndian.AppendUint64(k, uint64(at.UnixNano()))
	return append(k, id[:]...)
}

// readLegacyAttempt reads one attempt of a schema 1 or 2 file, keyed k
// with header v: its id, its header and its ratings record.
func readLegacyAttempt(answers *bbolt.Bucket, k, v []byte) (AttemptID, legacyHeader, map[string]int, error) {
	id, err := indexedID(k)
	if err != nil {
		return id, legacyHeader{}, nil, err
	}
	h, err := decodeLegacyHeader(v)
	if err != nil {
		return id, h, nil, fmt.Errorf("attempt %s: %w", id, err)
	}
	raw := answers.Get(k)
	if raw == nil {
		return id, h, nil, fmt.Errorf("%w: attempt %s has no answers record", ErrCorrupt, id)
	}
	ratings, err := decodeLegacyRatings(raw)
	if err != nil {
		return id, h, nil, fmt.Errorf("attempt %s: %w", id, err)
	}
	return id, h, ratings, nil
}
