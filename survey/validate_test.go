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
		{"empty id", []edit{{`id = "t"`, `id = ""`}}, "questionnaire empty-id"},
		{"no version", []edit{{"version = 1\n", ""}}, "questionnaire version 0/4294967295"},
		{"title without en", []edit{{"title.en = \"Test\"\n", ""}}, "questionnaire missing-text title.en"},
		{"blank title sv", []edit{{`title.sv = "Test"`, `title.sv = "  "`}}, "questionnaire missing-text title.sv"},
		{"negative min", []edit{{"min = 1\n", "min = -1\n"}}, "scale scale-min -1/"},
		{"zero min", []edit{{"min = 1\n", "min = 0\n"}}, "scale scale-min;"},
		{"max not above min", []edit{{"max = 7\n", "max = 1\n"}}, "scale scale-order 1/1"},
		{"too many points", []edit{{"max = 7\n", "max = 12\n"}}, "scale scale-points 12/11"},
		{"max label without sv", []edit{{"max_label.sv = \"Hög\"\n", ""}}, "scale missing-text max_label.sv"},
		{"min label without en", []edit{{"min_label.en = \"Low\"\n", ""}}, "scale missing-text min_label.en"},
		{"duplicate area id", []edit{{`id = "b"`, `id = "a"`}}, `area "a" duplicate-id`},
		{"duplicate area number", []edit{{"number = 2", "number = 1"}}, `area "b" number-used "a" 1/0`},
		{"area number zero", []edit{{"number = 2", "number = 0"}}, `area "b" area-number`},
		{"area without en name", []edit{{"name.en = \"Area B\"\n", ""}}, `area "b" missing-text name.en`},
		{"empty area id", []edit{{`id = "b"`, `id = ""`}}, "area #2 empty-id"},
		{"duplicate statement id", []edit{{`id = "b1"`, `id = "a1"`}}, `statement "a1" duplicate-id`},
		{"empty statement id", []edit{{`id = "b1"`, `id = ""`}}, "statement #2 empty-id"},
		{"unknown area", []edit{{`area = "b"`, `area = "zz"`}}, `statement "b1" unknown-area "zz"`},
		{"unused area", []edit{{`area = "b"`, `area = "a"`}}, `area "b" area-unused`},
		{"missing area", []edit{{"area = \"b\"\n", ""}}, `statement "b1" unknown-area;`},
		{"statement without sv", []edit{{"text.sv = \"Jag kan b1.\"\n", ""}}, `statement "b1" missing-text text.sv`},
		{"statement without en", []edit{{"text.en = \"I can a1.\"\n", ""}}, `statement "a1" missing-text text.en`},
		{"bad competence", []edit{{`competence = "2.1"`, `competence = "2.1 two"`}}, `statement "b1" competence "two"`},
		{"empty competence", []edit{{`competence = "2.1"`, `competence = " "`}}, `statement "b1" no-competence`},
		{"unknown kind", []edit{{`kind = "choice"`, `kind = "free"`}}, `background "role" unknown-kind "free"`},
		{"one option", []edit{{optionY, ""}}, `background "role" few-options 1/0`},
		{"duplicate option", []edit{{`id = "y"`, `id = "x"`}}, `background "role" option "x" duplicate-id`},
		{"empty option id", []edit{{`id = "y"`, `id = ""`}}, `background "role" option #2 empty-id`},
		{"option without en", []edit{{"label.en = \"Y\"\n", ""}}, `background "role" option "y" missing-text label.en`},
		{"municipality with options", []edit{{`kind = "choice"`, `kind = "municipality"`}}, `background "role" options-not-allowed "municipality"`},
		{"duplicate background id", []edit{{`id = "role"`, `id = "municipality"`}}, `background "municipality" duplicate-id`},
		{"prompt without sv", []edit{{"prompt.sv = \"Kommun\"\n", ""}}, `background "municipality" missing-text prompt.sv`},
		{"duplicate discussion id", []edit{{`id = "d2"`, `id = "d1"`}}, `discussion "d1" duplicate-id`},
		{"empty discussion id", []edit{{`id = "d1"`, `id = ""`}}, "discussion #1 empty-id"},
		{"discussion without en", []edit{{"text.en = \"Question two?\"\n", ""}}, `discussion "d2" missing-text text.en`},
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
	for _, want := range []string{`statement "a1" duplicate-id`, "scale scale-order 0/1", `discussion "d2" missing-text text.en`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q\ndoes not contain %q", err, want)
		}
	}
}
