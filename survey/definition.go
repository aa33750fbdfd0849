package survey

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"digikomp/internal/wire"
)

// A definition is a whole questionnaire version in a compact binary form,
// for a database to keep beside the attempts taken with it: the result of
// an old attempt is then scored against the questions it was answered
// with, whatever questions file is loaded today.
//
// The encoding is canonical (one questionnaire, one byte string) and
// versioned by its first byte. All numbers are unsigned varints and every
// string is a varint length and its bytes; a Text is its Swedish string,
// then its English one:
//
//	[format = 1]
//	id, version, title
//	scale: min, max, min_label, max_label
//	count × area:       id, number, name
//	count × statement:  id, area, competence, text
//	count × background: id, kind, prompt, count × option: id, label
//	count × discussion: id, text
//
// A definition holds what Parse would have returned: its texts are
// cleaned as Parse cleans them, and decoding refuses anything Parse would
// refuse (the same validation and limits) or would have cleaned.

// definitionFormat is the first byte of an encoded definition.
const definitionFormat = 1

// ErrDefinition means bytes are not the definition of a questionnaire:
// cut short, of another format, not canonical, or a questionnaire that a
// questions file could not hold.
var ErrDefinition = errors.New("not a questionnaire definition")

// EncodeDefinition returns the canonical encoding of q. The texts are
// encoded as Parse leaves them (cleaned), and q must be valid after that,
// as a loaded questions file is; its error otherwise is a *Problems.
func EncodeDefinition(q *Questionnaire) ([]byte, error) {
	if q == nil {
		return nil, fmt.Errorf("%w: no questionnaire", ErrDefinition)
	}
	c := q.Clone()
	c.cleanTexts()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	b := c.appendDefinition(make([]byte, 0, 1024))
	if len(b) > MaxFileSize {
		return nil, &Problems{List: []Problem{{Code: CodeTooLarge, Item: Item{Kind: ItemFile}, N: len(b), M: MaxFileSize}}}
	}
	return b, nil
}

func (q *Questionnaire) appendDefinition(b []byte) []byte {
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(n int) { b = binary.AppendUvarint(b, uint64(n)) }
	text := func(t Text) { str(t.SV); str(t.EN) }

	b = append(b, definitionFormat)
	str(q.ID)
	num(q.Version)
	text(q.Title)
	num(q.Scale.Min)
	num(q.Scale.Max)
	text(q.Scale.MinLabel)
	text(q.Scale.MaxLabel)
	num(len(q.Areas))
	for _, a := range q.Areas {
		str(a.ID)
		num(a.Number)
		text(a.Name)
	}
	num(len(q.Statements))
	for _, s := range q.Statements {
		str(s.ID)
		str(s.Area)
		str(s.Competence)
		text(s.Text)
	}
	num(len(q.Background))
	for _, bq := range q.Background {
		str(bq.ID)
		str(bq.Kind)
		text(bq.Prompt)
		num(len(bq.Options))
		for _, o := range bq.Options {
			str(o.ID)
			text(o.Label)
		}
	}
	num(len(q.Discussion))
	for _, d := range q.Discussion {
		str(d.ID)
		text(d.Text)
	}
	return b
}

// DecodeDefinition parses what EncodeDefinition wrote. It is strict: any
// byte string that EncodeDefinition would not have written for some
// questionnaire is refused with an error wrapping ErrDefinition (a
// questionnaire that breaks a rule of questions files also returns its
// *Problems). It never panics, and what it allocates is bounded by the
// length of b.
func DecodeDefinition(b []byte) (*Questionnaire, error) {
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrDefinition, len(b), MaxFileSize)
	}
	d := defReader{wire.Reader{B: b}}
	if f := d.Byte(); f != definitionFormat && d.Err == nil {
		return nil, fmt.Errorf("%w: format %d, want %d", ErrDefinition, f, definitionFormat)
	}
	var q Questionnaire
	q.ID = d.str()
	q.Version = d.num(MaxVersion)
	q.Title = d.text()
	q.Scale.Min = d.num(MaxRating)
	q.Scale.Max = d.num(MaxRating)
	q.Scale.MinLabel = d.text()
	q.Scale.MaxLabel = d.text()
	// Every item takes at least two bytes (an id length and a text), so
	// a count above half the bytes left is damage, and no slice is ever
	// made larger than the input.
	if n := d.count(math.MaxInt); n > 0 {
		q.Areas = make([]Area, n)
		for i := range q.Areas {
			q.Areas[i] = Area{ID: d.str(), Number: d.num(math.MaxInt), Name: d.text()}
		}
	}
	if n := d.count(MaxStatements); n > 0 {
		q.Statements = make([]Statement, n)
		for i := range q.Statements {
			q.Statements[i] = Statement{ID: d.str(), Area: d.str(), Competence: d.str(), Text: d.text()}
		}
	}
	if n := d.count(MaxBackground); n > 0 {
		q.Background = make([]BackgroundQuestion, n)
		for i := range q.Background {
			bq := BackgroundQuestion{ID: d.str(), Kind: d.str(), Prompt: d.text()}
			if no := d.count(MaxOptions); no > 0 {
				bq.Options = make([]Option, no)
				for j := range bq.Options {
					bq.Options[j] = Option{ID: d.str(), Label: d.text()}
				}
			}
			q.Background[i] = bq
		}
	}
	if n := d.count(math.MaxInt); n > 0 {
		q.Discussion = make([]DiscussionQuestion, n)
		for i := range q.Discussion {
			q.Discussion[i] = DiscussionQuestion{ID: d.str(), Text: d.text()}
		}
	}
	if d.Err == nil && len(d.B) != 0 {
		d.Fail(fmt.Sprintf("%d trailing bytes", len(d.B)))
	}
	if d.Err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDefinition, d.Err)
	}
	// Texts as Parse leaves them: a text it would have cleaned was not
	// written by EncodeDefinition.
	clean := q.Clone()
	clean.cleanTexts()
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDefinition, err)
	}
	// One byte string per questionnaire: an overlong number or a text
	// that cleaning changes encodes differently.
	if !bytes.Equal(clean.appendDefinition(make([]byte, 0, len(b))), b) {
		return nil, fmt.Errorf("%w: not in canonical form", ErrDefinition)
	}
	return &q, nil
}

// defReader reads a definition (see wire.Reader).
type defReader struct{ wire.Reader }

func (d *defReader) num(limit uint64) int { return int(d.Uvarint(limit)) }

// count reads a number of items, each at least two bytes long.
func (d *defReader) count(limit uint64) int {
	n := d.Uvarint(limit)
	if d.Err == nil && n > uint64(len(d.B))/2 {
		d.Fail(fmt.Sprintf("%d items in %d bytes", n, len(d.B)))
	}
	if d.Err != nil {
		return 0
	}
	return int(n)
}

func (d *defReader) str() string {
	n := d.Uvarint(MaxFileSize)
	if d.Err == nil && n > uint64(len(d.B)) {
		d.Fail(fmt.Sprintf("length %d, only %d bytes left", n, len(d.B)))
	}
	if d.Err != nil {
		return ""
	}
	s := string(d.B[:n])
	d.B = d.B[n:]
	return s
}

func (d *defReader) text() Text { return Text{SV: d.str(), EN: d.str()} }
