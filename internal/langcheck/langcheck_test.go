package langcheck

import (
	"slices"
	"testing"
)

func TestEnglish(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"flag provided but not defined: -x", []string{"flag", "provided", "not", "defined"}},
		{`unknown language "xx" (use sv or en)`, []string{"unknown", "language", "use", "or"}},
		{"Kunde inte spara: write /tmp/x: file too large", []string{"write", "file", "too", "large"}},
		{"The file can't be read. The FILE", []string{"the", "file", "can", "read"}},
		{"Det finns ingen flagga som heter --bogus. Se digikomp --help.", nil},
		{"Kör digikomp check för att se vad som är fel; digikomp backup FIL", nil},
		{"a) 2. Jag kan visa en besökare hur man granskar information på nätet.", nil},
	}
	for _, c := range cases {
		if got := English(c.text); !slices.Equal(got, c.want) {
			t.Errorf("English(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// A flag quoted in Swedish text is a name, not English; the same word
// outside a flag still is.
func TestFlagsAreNames(t *testing.T) {
	if got := English("Lägg till [--with-names] eller --with-text."); len(got) != 0 {
		t.Errorf("flags taken for English: %v", got)
	}
	if got := English("Lägg till with namn."); len(got) != 1 || got[0] != "with" {
		t.Errorf("English outside a flag: %v", got)
	}
}
