package survey

import (
	"bytes"
	"encoding/binary"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// sameQuestionnaire compares two questionnaires field by field, an empty
// list equal to none.
func sameQuestionnaire(t *testing.T, got, want *Questionnaire) {
	t.Helper()
	norm := func(q *Questionnaire) *Questionnaire {
		c := q.Clone()
		if len(c.Areas) == 0 {
			c.Areas = nil
		}
		if len(c.Statements) == 0 {
			c.Statements = nil
		}
		if len(c.Background) == 0 {
			c.Background = nil
		}
		if len(c.Discussion) == 0 {
			c.Discussion = nil
		}
		for i := range c.Background {
			if len(c.Background[i].Options) == 0 {
				c.Background[i].Options = nil
			}
		}
		return c
	}
	if g, w := norm(got), norm(want); !reflect.DeepEqual(g, w) {
		t.Fatalf("decoded questionnaire differs:\n got %+v\nwant %+v", g, w)
	}
}

func roundTrip(t *testing.T, q *Questionnaire) []byte {
	t.Helper()
	raw, err := EncodeDefinition(q)
	if err != nil {
		t.Fatalf("EncodeDefinition: %v", err)
	}
	got, err := DecodeDefinition(raw)
	if err != nil {
		t.Fatalf("DecodeDefinition: %v", err)
	}
	sameQuestionnaire(t, got, q)
	again, err := EncodeDefinition(got)
	if err != nil || !bytes.Equal(again, raw) {
		t.Fatalf("encoding the decoded questionnaire gave other bytes (%v)", err)
	}
	return raw
}

func TestDefinitionRoundTripBuiltin(t *testing.T) {
	q, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	raw := roundTrip(t, q)
	// Smaller than the TOML it came from: it is kept once per version.
	toml, _ := dataFS.ReadFile(questionnaireFile)
	if len(raw) >= len(toml) {
		t.Errorf("definition is %d bytes, the TOML %d", len(raw), len(toml))
	}
	t.Logf("built-in questionnaire: %d bytes of TOML, %d bytes of definition", len(toml), len(raw))
}

func TestDefinitionRoundTripCustom(t *testing.T) {
	q := mustParse(t, validTOML)
	roundTrip(t, q)

	// Other scale, more areas, statements in two lines, a competence
	// list, no background and no discussion questions.
	other := mustParse(t, mutate(t,
		edit{"min = 1\nmax = 7", "min = 2\nmax = 5"},
		edit{"text.sv = \"Jag kan a1.\"", "text.sv = \"\"\"Jag kan a1,\noch mer: å ä ö.\"\"\""},
		edit{"competence = \"2.1\"", "competence = \"2.1 5.4\""},
	))
	other.Background, other.Discussion = nil, nil
	roundTrip(t, other)
}

func TestDefinitionIsCanonical(t *testing.T) {
	q := mustParse(t, validTOML)
	a, _ := EncodeDefinition(q)
	b, _ := EncodeDefinition(q.Clone())
	if !bytes.Equal(a, b) {
		t.Fatal("two encodings of one questionnaire differ")
	}
	// The same questionnaire with a longer scale label encodes otherwise.
	c := q.Clone()
	c.Scale.MaxLabel.EN += "!"
	if d, _ := EncodeDefinition(c); bytes.Equal(a, d) {
		t.Fatal("a changed label encodes as before")
	}
}

// Encoding cleans texts as Parse would; a text that is nothing but
// controls is then missing, and refused as Parse refuses it.
func TestEncodeDefinitionCleansAndValidates(t *testing.T) {
	q := mustParse(t, validTOML)
	q.Title.SV = "Test\x1b]0;x\x07\u202e"
	raw, err := EncodeDefinition(q)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeDefinition(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title.SV != "Test]0;x" {
		t.Errorf("title %q, want it cleaned", got.Title.SV)
	}
	if q.Title.SV != "Test\x1b]0;x\x07\u202e" {
		t.Error("EncodeDefinition changed its argument")
	}

	q.Title.EN = "\x1b\x07"
	_, err = EncodeDefinition(q)
	var ps *Problems
	if !errors.As(err, &ps) || ps.List[0].Code != CodeMissingText {
		t.Fatalf("EncodeDefinition of a title of controls: %v, want a missing text", err)
	}
	if _, err := EncodeDefinition(nil); !errors.Is(err, ErrDefinition) {
		t.Fatalf("EncodeDefinition(nil): %v", err)
	}
	bad := mustParse(t, validTOML)
	bad.Statements[1].Area = "nowhere"
	if _, err := EncodeDefinition(bad); !errors.As(err, &ps) || ps.List[0].Code != CodeUnknownArea {
		t.Fatalf("EncodeDefinition of a statement of no area: %v", err)
	}
}

func TestDecodeDefinitionRefuses(t *testing.T) {
	q := mustParse(t, validTOML)
	good, err := EncodeDefinition(q)
	if err != nil {
		t.Fatal(err)
	}
	// A hand-written definition: the encoding of q with one change.
	with := func(change func(*Questionnaire)) []byte {
		c := q.Clone()
		change(c)
		return c.appendDefinition(nil)
	}
	overlong := append([]byte{definitionFormat}, 0x81, 0x00) // length 1 in two bytes
	overlong = append(overlong, good[2:]...)
	cases := map[string][]byte{
		"empty":           nil,
		"format 0":        append([]byte{0}, good[1:]...),
		"format 2":        append([]byte{2}, good[1:]...),
		"cut short":       good[:len(good)-1],
		"trailing byte":   append(bytes.Clone(good), 0),
		"overlong number": overlong,
		"huge count":      append(bytes.Clone(good[:len(good)-len(q.Discussion[0].ID)-30]), 0xff, 0xff, 0xff, 0xff, 0x0f),
		"unclean text":    with(func(c *Questionnaire) { c.Statements[0].Text.SV = "a\x1b[2J" }),
		"tab in a name":   with(func(c *Questionnaire) { c.Areas[0].Name.EN = "A\tB" }),
		"no statements":   with(func(c *Questionnaire) { c.Statements = nil; c.Areas = nil }),
		"duplicate id":    with(func(c *Questionnaire) { c.Statements[1].ID = c.Statements[0].ID }),
		"bad scale":       with(func(c *Questionnaire) { c.Scale.Min = 0 }),
		"unknown kind":    with(func(c *Questionnaire) { c.Background[0].Kind = "other" }),
		"bad competence":  with(func(c *Questionnaire) { c.Statements[0].Competence = "x" }),
		"version 0":       with(func(c *Questionnaire) { c.Version = 0 }),
		"too large":       append(bytes.Clone(good), make([]byte, MaxFileSize)...),
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := DecodeDefinition(raw)
			if err == nil || !errors.Is(err, ErrDefinition) || got != nil {
				t.Fatalf("DecodeDefinition = %v, %v; want ErrDefinition", got, err)
			}
		})
	}
	// The overlong case is refused for its form alone: the same bytes
	// with a short number decode.
	if _, err := DecodeDefinition(good); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(func() string { _, err := DecodeDefinition(overlong); return err.Error() }(), "canonical") {
		t.Error("an overlong number is not refused as not canonical")
	}
}

// A count is bounded by the bytes left, so a short input that claims
// millions of items allocates nothing of the sort.
func TestDecodeDefinitionBoundedAllocation(t *testing.T) {
	b := []byte{definitionFormat}
	b = binary.AppendUvarint(b, 1)
	b = append(b, 'x')
	b = binary.AppendUvarint(b, 1) // version
	for range 6 {
		b = binary.AppendUvarint(b, 1)
		b = append(b, 'x')
	}
	b = binary.AppendUvarint(b, 1<<40) // areas
	allocs := testing.AllocsPerRun(10, func() { _, _ = DecodeDefinition(b) })
	if allocs > 50 {
		t.Errorf("%v allocations for a %d-byte input", allocs, len(b))
	}
}
