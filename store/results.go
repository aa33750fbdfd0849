package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/internal/wire"
	"digikomp/survey"
)

// The results bucket holds one small row per finished attempt, written in
// the transaction that finishes it:
//
//	key   finish unix-ns (uint64) + attempt id  → rows in finish order
//	value [format = 2][uvarint questionnaire version's shape number][uvarint n][n rating bytes]
//
// The rating bytes follow the questionnaire version's shape, 0 meaning no
// rating. A group report reads only this bucket, in one pass, so its cost
// is a tight scan of about 27 bytes of row per attempt and needs no
// decoding of records or statement ids; a time range is a seek, not a
// filter. (Format 1, in schema 2, named the version by its key.)

// resultFormat is the first byte of a results row.
const resultFormat = 2

// resultKey orders rows by finish time; the id keeps two attempts
// finished in the same nanosecond apart.
func resultKey(at time.Time, id AttemptID) []byte {
	k := make([]byte, 0, 8+len(id))
	k = binary.BigEndian.AppendUint64(k, uint64(at.UnixNano()))
	return append(k, id[:]...)
}

// encodeResult builds the row of an attempt from its ratings in the order
// of sh.
func encodeResult(sh shape, values []byte) []byte {
	b := make([]byte, 0, 2+binary.MaxVarintLen32+len(sh.statements))
	b = append(b, resultFormat)
	b = binary.AppendUvarint(b, sh.number)
	b = binary.AppendUvarint(b, uint64(len(sh.statements)))
	for i := range sh.statements {
		v := byte(0) // no rating, or Skipped
		if i < len(values) && values[i] > 1 {
			v = values[i] - 1
		}
		b = append(b, v)
	}
	return b
}

// decodeResult splits a row into its shape number and rating bytes,
// the latter aliasing raw. It is on the scan's hot path, so it checks
// lengths but leaves the values to the caller.
func decodeResult(raw []byte) (number uint64, values []byte, err error) {
	r := reader{wire.Reader{B: raw}}
	if f := r.Byte(); f != resultFormat && r.Err == nil {
		return 0, nil, fmt.Errorf("%w: results row: format %d, want %d", ErrCorrupt, f, resultFormat)
	}
	number = r.Uvarint(math.MaxUint32)
	values = r.Bytes(r.Uvarint(255))
	if r.Err == nil && len(r.B) != 0 {
		r.Fail(fmt.Sprintf("%d trailing bytes", len(r.B)))
	}
	if r.Err != nil {
		return 0, nil, fmt.Errorf("%w: results row: %v", ErrCorrupt, r.Err)
	}
	return number, values, nil
}

// resultRow is the results row of an attempt.
func resultRow(rec attemptRecord, sh shape) []byte {
	return encodeResult(sh, rec.Values)
}

// unsafePutResult writes the results row of a finished attempt.
func unsafePutResult(b buckets, sh shape, id AttemptID, rec attemptRecord) error {
	return b.results.Put(resultKey(rec.Finished, id), resultRow(rec, sh))
}

// Span selects finished attempts by finish time: From inclusive, To
// exclusive; a zero bound is open.
type Span struct {
	From, To time.Time
}

// GroupSummary tallies every attempt of questionnaire q (all its
// versions, statements matched by id) finished within span, in one read
// transaction over the results rows. It is what group reports stand on:
// counts, never individual answers, leave it.
func (s *Store) GroupSummary(q *survey.Questionnaire, span Span) (_ survey.GroupSummary, err error) {
	defer s.withPath(&err)
	t, err := s.tally(q, span)
	if err != nil {
		return survey.GroupSummary{}, err
	}
	return t.Summary(), nil
}

// tally is the scan behind GroupSummary.
func (s *Store) tally(q *survey.Questionnaire, span Span) (*survey.Tally, error) {
	if q == nil {
		return nil, fmt.Errorf("%w: no questionnaire", ErrInvalid)
	}
	t := survey.NewTally(q)
	var start, end []byte
	if !span.From.IsZero() {
		start = binary.BigEndian.AppendUint64(nil, uint64(max(span.From.UnixNano(), 0)))
	}
	if !span.To.IsZero() {
		end = binary.BigEndian.AppendUint64(nil, uint64(max(span.To.UnixNano(), 0)))
	}
	// Rows of one questionnaire version share their shape number, so the
	// index of the last number seen is reused until the number changes.
	indexes := map[uint64][]int{}
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := unsafeBuckets(tx)
		if err != nil {
			return err
		}
		c := b.results.Cursor()
		k, v := c.First()
		if start != nil {
			k, v = c.Seek(start)
		}
		lastNumber := uint64(0) // no shape has number 0
		var index []int
		scan := s.results.scan(tx)
		defer scan.done()
		for ; k != nil; k, v = c.Next() {
			if end != nil && bytes.Compare(k, end) >= 0 {
				break
			}
			scan.see(v)
			number, values, err := decodeResult(v)
			if err != nil {
				return fmt.Errorf("row %x: %w", k, err)
			}
			if number != lastNumber {
				index, err = unsafeIndexFor(b, t, q, indexes, number)
				if err != nil {
					return err
				}
				lastNumber = number
			}
			if index != nil {
				t.Add(index, values)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// unsafeIndexFor returns the tally index for a shape number, nil for
// versions of other questionnaires, remembering each in indexes.
func unsafeIndexFor(b buckets, t *survey.Tally, q *survey.Questionnaire, indexes map[uint64][]int, number uint64) ([]int, error) {
	if index, ok := indexes[number]; ok {
		return index, nil
	}
	qid, _, sh, err := b.shapeNumber(number)
	if err != nil {
		return nil, fmt.Errorf("results row: %w", err)
	}
	var index []int
	if qid == q.ID {
		index = t.Index(sh.statements)
	}
	indexes[number] = index
	return index, nil
}
