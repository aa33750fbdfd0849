package survey

import (
	"strings"
	"testing"
)

func TestValidTOMLIsValid(t *testing.T) {
	mustParse(t, validTOML)
}

func TestValidateNamesOffendingItem(t *testing.T) {
	optionY := "[[background.options]]\nid = \"y\"\nlabel.sv = \"Y\"\nlabel.en = \"Y\"\n"
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		{"empty id", []edit{{`id = "t"`, `id = ""`}}, "empty id"},
		{"no version", []edit{{"version = 1\n", ""}}, "version must be a positive number, got 0"},
		{"title without en", []edit{{"title.en = \"Test\"\n", ""}}, "title: missing en text"},
		{"blank title sv", []edit{{`title.sv = "Test"`, `title.sv = "  "`}}, "title: missing sv text"},
		{"negative min", []edit{{"min = 1\n", "min = -1\n"}}, "scale: min -1 is below 1"},
		{"zero min", []edit{{"min = 1\n", "min = 0\n"}}, "scale: min 0 is below 1"},
		{"max not above min", []edit{{"max = 7\n", "max = 1\n"}}, "scale: max 1 is not above min 1"},
		{"too many points", []edit{{"max = 7\n", "max = 12\n"}}, "scale: 12 points, at most 11"},
		{"max label without sv", []edit{{"max_label.sv = \"Hög\"\n", ""}}, "scale max_label: missing sv text"},
		{"min label without en", []edit{{"min_label.en = \"Low\"\n", ""}}, "scale min_label: missing en text"},
		{"duplicate area id", []edit{{`id = "b"`, `id = "a"`}}, `area "a": duplicate id`},
		{"duplicate area number", []edit{{"number = 2", "number = 1"}}, `area "b": number 1 already used by area "a"`},
		{"area number zero", []edit{{"number = 2", "number = 0"}}, `area "b": number must be positive`},
		{"area without en name", []edit{{"name.en = \"Area B\"\n", ""}}, `area "b" name: missing en text`},
		{"empty area id", []edit{{`id = "b"`, `id = ""`}}, "area #2: empty id"},
		{"duplicate statement id", []edit{{`id = "b1"`, `id = "a1"`}}, `statement "a1": duplicate id`},
		{"empty statement id", []edit{{`id = "b1"`, `id = ""`}}, "statement #2: empty id"},
		{"unknown area", []edit{{`area = "b"`, `area = "zz"`}}, `statement "b1": unknown area "zz"`},
		{"unused area", []edit{{`area = "b"`, `area = "a"`}}, `area "b": no statements`},
		{"missing area", []edit{{"area = \"b\"\n", ""}}, `statement "b1": unknown area ""`},
		{"statement without sv", []edit{{"text.sv = \"Jag kan b1.\"\n", ""}}, `statement "b1" text: missing sv text`},
		{"statement without en", []edit{{"text.en = \"I can a1.\"\n", ""}}, `statement "a1" text: missing en text`},
		{"bad competence", []edit{{`competence = "2.1"`, `competence = "2.1 two"`}}, `statement "b1": competence "two" is not`},
		{"empty competence", []edit{{`competence = "2.1"`, `competence = " "`}}, `statement "b1": empty competence`},
		{"unknown kind", []edit{{`kind = "choice"`, `kind = "free"`}}, `background question "role": unknown kind "free"`},
		{"one option", []edit{{optionY, ""}}, `background question "role": a choice needs at least 2 options, has 1`},
		{"duplicate option", []edit{{`id = "y"`, `id = "x"`}}, `background question "role" option "x": duplicate id`},
		{"empty option id", []edit{{`id = "y"`, `id = ""`}}, `background question "role" option #2: empty id`},
		{"option without en", []edit{{"label.en = \"Y\"\n", ""}}, `background question "role" option "y" label: missing en text`},
		{"municipality with options", []edit{{`kind = "choice"`, `kind = "municipality"`}}, `background question "role": kind "municipality" takes no options`},
		{"duplicate background id", []edit{{`id = "role"`, `id = "municipality"`}}, `background question "municipality": duplicate id`},
		{"prompt without sv", []edit{{"prompt.sv = \"Kommun\"\n", ""}}, `background question "municipality" prompt: missing sv text`},
		{"duplicate discussion id", []edit{{`id = "d2"`, `id = "d1"`}}, `discussion question "d1": duplicate id`},
		{"empty discussion id", []edit{{`id = "d1"`, `id = ""`}}, "discussion question #1: empty id"},
		{"discussion without en", []edit{{"text.en = \"Question two?\"\n", ""}}, `discussion question "d2" text: missing en text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(mutate(t, tt.edits...)))
			if err == nil {
				t.Fatalf("Parse succeeded, want error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\ndoes not contain %q", err, tt.want)
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	src := mutate(t,
		edit{`id = "b1"`, `id = "a1"`},
		edit{"max = 7\n", "max = 0\n"},
		edit{"text.en = \"Question two?\"\n", ""},
	)
	_, err := Parse([]byte(src))
	if err == nil {
		t.Fatal("Parse succeeded, want three problems")
	}
	for _, want := range []string{`statement "a1": duplicate id`, "scale: max 0", `discussion question "d2" text: missing en`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q\ndoes not contain %q", err, want)
		}
	}
}
