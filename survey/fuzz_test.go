package survey

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParse feeds questionnaire files to Parse: it must never panic, and
// whatever it accepts must be valid and usable by the rest of the package.
func FuzzParse(f *testing.F) {
	builtin, err := dataFS.ReadFile(questionnaireFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(builtin)
	// Texts with a window title sequence, a screen clear and a
	// right-to-left override, which must come back cleaned.
	f.Add(bytes.ReplaceAll(builtin, []byte(`text.sv = "`), []byte(`text.sv = "\u001b]0;x\u0007\u001b[2J\u202e`)))
	f.Add([]byte(""))
	f.Add([]byte("id = \"x\"\nversion = 1\n[scale]\nmin = 1\nmax = 7\n"))
	f.Add([]byte("[[statements]]\nid = 3\n"))
	for _, src := range hostileFiles() {
		if len(src) < 4<<10 {
			f.Add([]byte(src))
		}
	}
	f.Add([]byte("x = {a = {b = {c = {d = {e = {f = {g = {h = {i = 1}}}}}}}}}\n"))
	f.Add([]byte("a = \"\"\"x\"\"\"\"\nb.c.d = 'y'\n# [[[\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := Parse(data)
		if err != nil {
			// Any file's answer is a short list of problems.
			var ps *Problems
			if !errors.As(err, &ps) || len(ps.List) == 0 || len(ps.List) > MaxProblems {
				t.Fatalf("Parse error %T %v, want 1..%d problems", err, err, MaxProblems)
			}
			return
		}
		if err := q.Validate(); err != nil {
			t.Fatalf("Parse accepted an invalid questionnaire: %v", err)
		}
		checkTextsClean(t, q)
		// What the loader accepts the store can keep.
		if len(q.Statements) > MaxStatements || int64(q.Version) > MaxVersion || q.Scale.Max > MaxRating {
			t.Fatalf("Parse accepted a questionnaire past the limits: %d statements, version %d, scale max %d", len(q.Statements), q.Version, q.Scale.Max)
		}
		for _, s := range q.Statements {
			if CheckID(s.ID) != "" {
				t.Fatalf("Parse accepted statement id %q", s.ID)
			}
		}
		r := Ratings{}
		for i, s := range q.Statements {
			r[s.ID] = q.Scale.Min + i%q.Scale.Points()
		}
		res := Score(q, r)
		if res.Answered != len(q.Statements) {
			t.Fatalf("Score answered %d of %d", res.Answered, len(q.Statements))
		}
		tl := NewTally(q)
		vals := make([]byte, len(q.Statements))
		ids := make([]string, len(q.Statements))
		for i, s := range q.Statements {
			ids[i], vals[i] = s.ID, byte(r[s.ID])
		}
		tl.Add(tl.Index(ids), vals)
		if g := tl.Summary(); g.All.N != len(q.Statements) {
			t.Fatalf("Tally counted %d of %d", g.All.N, len(q.Statements))
		}
	})
}

// checkTextsClean: every text Parse returns is safe to show, since the
// interface shows them as they are.
func checkTextsClean(t *testing.T, q *Questionnaire) {
	t.Helper()
	var texts []Text
	texts = append(texts, q.Title, q.Scale.MinLabel, q.Scale.MaxLabel)
	for _, a := range q.Areas {
		texts = append(texts, a.Name)
	}
	for _, b := range q.Background {
		texts = append(texts, b.Prompt)
		for _, o := range b.Options {
			texts = append(texts, o.Label)
		}
	}
	for _, s := range q.Statements {
		texts = append(texts, s.Text)
	}
	for _, d := range q.Discussion {
		texts = append(texts, d.Text)
	}
	for _, tx := range texts {
		for _, s := range []string{tx.SV, tx.EN} {
			if CleanText(s) != s {
				t.Fatalf("Parse returned the text %q, which is not clean", s)
			}
		}
	}
}

// FuzzDefinition feeds bytes to DecodeDefinition: it must never panic,
// and whatever it accepts is valid, clean, and encodes to the very same
// bytes (the encoding is canonical).
func FuzzDefinition(f *testing.F) {
	builtin, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	for _, q := range []*Questionnaire{builtin} {
		raw, err := EncodeDefinition(q)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
		f.Add(raw[:len(raw)/2])
	}
	if q, err := Parse([]byte(validTOML)); err == nil {
		raw, _ := EncodeDefinition(q)
		f.Add(raw)
	}
	f.Add([]byte{})
	f.Add([]byte{definitionFormat, 1, 'x', 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := DecodeDefinition(data)
		if err != nil {
			if !errors.Is(err, ErrDefinition) || q != nil {
				t.Fatalf("DecodeDefinition = %v, %v; want nil and ErrDefinition", q, err)
			}
			return
		}
		if err := q.Validate(); err != nil {
			t.Fatalf("DecodeDefinition accepted an invalid questionnaire: %v", err)
		}
		checkTextsClean(t, q)
		raw, err := EncodeDefinition(q)
		if err != nil {
			t.Fatalf("EncodeDefinition of a decoded questionnaire: %v", err)
		}
		if !bytes.Equal(raw, data) {
			t.Fatalf("DecodeDefinition accepted %x, which encodes as %x", data, raw)
		}
	})
}
