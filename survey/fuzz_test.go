package survey

import (
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
	f.Add([]byte(""))
	f.Add([]byte("id = \"x\"\nversion = 1\n[scale]\nmin = 1\nmax = 7\n"))
	f.Add([]byte("[[statements]]\nid = 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := Parse(data)
		if err != nil {
			return
		}
		if err := q.Validate(); err != nil {
			t.Fatalf("Parse accepted an invalid questionnaire: %v", err)
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
