package survey

import (
	"strconv"
	"strings"
	"testing"
)

func TestParseRejectsUnknownKeys(t *testing.T) {
	tests := []struct {
		name string
		edit edit
		want string
	}{
		{"top level", edit{"version = 1\n", "version = 1\nauthor = \"x\"\n"}, `file unknown-key "author"`},
		{"in a statement", edit{"competence = \"2.1\"\n", "competence = \"2.1\"\ncolour = \"red\"\n"}, `file unknown-key "statements.colour"`},
		{"third language", edit{"text.en = \"I can b1.\"\n", "text.en = \"I can b1.\"\ntext.fi = \"Osaan b1.\"\n"}, `file unknown-key "statements.text.fi"`},
		{"in an option", edit{"label.en = \"Y\"\n", "label.en = \"Y\"\nvalue = 2\n"}, `file unknown-key "background.options.value"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(mutate(t, tt.edit)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want one containing %s", err, tt.want)
			}
		})
	}
}

func TestParseSyntaxErrorHasLine(t *testing.T) {
	src := mutate(t, edit{`text.sv = "Jag kan b1."`, `text.sv = "Jag kan b1.`})
	line := 1 + strings.Count(src[:strings.Index(src, `"Jag kan b1.`)], "\n")
	_, err := Parse([]byte(src))
	if err == nil {
		t.Fatal("Parse succeeded on an unterminated string")
	}
	if want := " at " + strconv.Itoa(line) + ":"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}
}

func TestParseWrongType(t *testing.T) {
	_, err := Parse([]byte(mutate(t, edit{"version = 1\n", "version = \"one\"\n"})))
	if err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("Parse error = %v, want one naming version", err)
	}
}

func TestLoadReturnsIndependentCopies(t *testing.T) {
	q1, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	want := q1.Statements[0].Text.SV
	q1.Statements[0].Text.SV = "ändrad"
	q1.Background[1].Options[0].ID = "ändrad"
	q1.Areas = nil

	q2, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := q2.Statements[0].Text.SV; got != want {
		t.Errorf("second Load sees first caller's change: statement text %q", got)
	}
	if got := q2.Background[1].Options[0].ID; got == "ändrad" {
		t.Error("second Load sees first caller's change to an option")
	}
	if len(q2.Areas) != 5 {
		t.Errorf("second Load has %d areas, want 5", len(q2.Areas))
	}
}
