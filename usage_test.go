package main

import (
	"errors"
	"strings"
	"testing"

	"digikomp/internal/langcheck"
	"digikomp/survey"
	"digikomp/ui"
)

// Every kind of error Go's flag package can return is said from the
// catalogue. The errors come from the real parser, so a change of
// wording in a new Go release fails here.
func TestFlagMessages(t *testing.T) {
	cases := []struct {
		args []string
		sv   string
	}{
		{[]string{"--bogus"}, "Det finns ingen flagga som heter --bogus"},
		{[]string{"-x"}, "Det finns ingen flagga som heter -x"},
		{[]string{"--db"}, "Flaggan --db behöver ett värde efter sig"},
		{[]string{"--version=kanske"}, "”kanske” är inget giltigt värde för --version"},
		{[]string{"---x"}, "”---x” går inte att läsa som en flagga"},
		{[]string{"-=x"}, "”-=x” går inte att läsa som en flagga"},
	}
	for _, c := range cases {
		fs, _ := newFlagSet()
		fs.Bool("version", false, "")
		err := fs.Parse(c.args)
		if err == nil {
			t.Fatalf("%q parsed without an error", c.args)
		}
		if got := flagMessage(ui.Messages(survey.Swedish), err); got != c.sv {
			t.Errorf("%q: %q\nwant %q (flag said %q)", c.args, got, c.sv, err)
		}
		if got := flagMessage(ui.Messages(survey.English), err); strings.Contains(got, "%!") || got == ui.Messages(survey.English).ErrFlagsUnreadable {
			t.Errorf("%q in English: %q", c.args, got)
		}
	}
}

func TestLangFromArgs(t *testing.T) {
	cases := []struct {
		args []string
		lang string
		ok   bool
	}{
		{nil, "", false},
		{[]string{"--bogus", "--lang", "en"}, "en", true},
		{[]string{"-lang=sv", "check"}, "sv", true},
		{[]string{"--lang", "en", "--lang", "sv"}, "sv", true},
		{[]string{"--db", "--lang", "check"}, "", false}, // "--lang" is --db's value
		{[]string{"--questions", "f.toml", "--lang=en"}, "en", true},
		{[]string{"--", "--lang", "en"}, "", false},
		{[]string{"--lang"}, "", false},
		{[]string{"workshop", "--clear-after", "--lang", "en"}, "", false}, // "--lang" is --clear-after's value
	}
	for _, c := range cases {
		if lang, ok := langFromArgs(c.args); lang != c.lang || ok != c.ok {
			t.Errorf("langFromArgs(%q) = %q, %v; want %q, %v", c.args, lang, ok, c.lang, c.ok)
		}
	}
}

// An error nothing else names is still introduced in the person's
// language; only the detail line quotes it.
func TestUnexpectedError(t *testing.T) {
	err := errors.New("program was killed: context canceled")
	got := unexpected(ui.Messages(survey.Swedish), err)
	sentence, detail, _ := strings.Cut(got, "\n")
	if w := langcheck.English(sentence); len(w) > 0 || !strings.Contains(sentence, "oväntat fel") {
		t.Errorf("sentence %q (English: %q)", sentence, w)
	}
	if !strings.HasPrefix(detail, "Detaljer: ") || !strings.Contains(detail, err.Error()) {
		t.Errorf("detail line %q", detail)
	}
}
