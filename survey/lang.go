package survey

import "fmt"

// Lang is a user-interface language. Swedish is the default because the
// self-assessment was written for Swedish public libraries.
type Lang string

// The languages digikomp speaks.
const (
	Swedish Lang = "sv"
	English Lang = "en"
)

// Langs lists every supported language, default first.
var Langs = []Lang{Swedish, English}

// ParseLang accepts "sv" or "en" (case-insensitive) and reports anything
// else as an error naming the accepted values.
func ParseLang(s string) (Lang, error) {
	switch s {
	case "sv", "SV", "Sv":
		return Swedish, nil
	case "en", "EN", "En":
		return English, nil
	}
	return "", fmt.Errorf("unknown language %q (use sv or en)", s)
}

// Text is a string in both languages. Every user-facing text in the
// questionnaire is a Text so that a missing translation is a validation
// error rather than a blank line on screen.
type Text struct {
	SV string `toml:"sv"`
	EN string `toml:"en"`
}

// In returns the text in lang, falling back to Swedish.
func (t Text) In(lang Lang) string {
	if lang == English && t.EN != "" {
		return t.EN
	}
	return t.SV
}
