package survey

import (
	"strings"
	"testing"
)

// validTOML is the smallest questionnaire that passes Validate with every
// kind of item present once or twice. Tests mutate it one line at a time.
const validTOML = `
id = "t"
version = 1
title.sv = "Test"
title.en = "Test"

[scale]
min = 1
max = 7
min_label.sv = "Låg"
min_label.en = "Low"
max_label.sv = "Hög"
max_label.en = "High"

[[areas]]
id = "a"
number = 1
name.sv = "Område A"
name.en = "Area A"

[[areas]]
id = "b"
number = 2
name.sv = "Område B"
name.en = "Area B"

[[statements]]
id = "a1"
area = "a"
competence = "1.1"
text.sv = "Jag kan a1."
text.en = "I can a1."

[[statements]]
id = "b1"
area = "b"
competence = "2.1"
text.sv = "Jag kan b1."
text.en = "I can b1."

[[background]]
id = "role"
kind = "choice"
prompt.sv = "Roll"
prompt.en = "Role"

[[background.options]]
id = "x"
label.sv = "X"
label.en = "X"

[[background.options]]
id = "y"
label.sv = "Y"
label.en = "Y"

[[background]]
id = "municipality"
kind = "municipality"
prompt.sv = "Kommun"
prompt.en = "Municipality"

[[discussion]]
id = "d1"
text.sv = "Fråga ett?"
text.en = "Question one?"

[[discussion]]
id = "d2"
text.sv = "Fråga två?"
text.en = "Question two?"
`

// edit is one textual change to validTOML.
type edit struct{ old, new string }

// mutate applies edits to validTOML. Each old text must occur exactly once,
// so that a test cannot pass because its edit silently missed.
func mutate(t *testing.T, edits ...edit) string {
	t.Helper()
	s := validTOML
	for _, e := range edits {
		if n := strings.Count(s, e.old); n != 1 {
			t.Fatalf("edit target %q occurs %d times in validTOML, want 1", e.old, n)
		}
		s = strings.Replace(s, e.old, e.new, 1)
	}
	return s
}

// mustParse parses TOML that the test expects to be valid.
func mustParse(t *testing.T, src string) *Questionnaire {
	t.Helper()
	q, err := Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return q
}
