package survey

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanText(t *testing.T) {
	for _, tc := range []struct{ in, text, line, visible string }{
		{"Jag söker i databaser", "Jag söker i databaser", "Jag söker i databaser", "Jag söker i databaser"},
		{"två\nrader", "två\nrader", "två rader", "två<U+000A>rader"},
		{"a\tb", "a b", "a b", "a<U+0009>b"},
		{"\x1b]0;pwned\x07titel", "]0;pwnedtitel", "]0;pwnedtitel", "<U+001B>]0;pwned<U+0007>titel"},
		{"\x1b[2Jrensa", "[2Jrensa", "[2Jrensa", "<U+001B>[2Jrensa"},
		{"id\u202Efdp.exe", "idfdp.exe", "idfdp.exe", "id<U+202E>fdp.exe"},
		{"\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069x", "x", "x", "<U+202A><U+202B><U+202C><U+202D><U+2066><U+2067><U+2068><U+2069>x"},
		{"rad\r\nnästa", "rad\nnästa", "rad nästa", "rad<U+000D><U+000A>nästa"},
		{"del\x7f c1\u0085\u009b", "del c1", "del c1", "del<U+007F> c1<U+0085><U+009B>"},
		{"bad\x9b[31mbyte\xff", "bad[31mbyte", "bad[31mbyte", "bad<0x9B>[31mbyte<0xFF>"},
		{"nul\x00", "nul", "nul", "nul<U+0000>"},
		// Marks that belong to right-to-left text, and the replacement
		// character itself, are text, not controls.
		{"\u200f\u061c\ufffd", "\u200f\u061c\ufffd", "\u200f\u061c\ufffd", "\u200f\u061c\ufffd"},
		{"", "", "", ""},
	} {
		if got := CleanText(tc.in); got != tc.text {
			t.Errorf("CleanText(%q) = %q, want %q", tc.in, got, tc.text)
		}
		if got := CleanLine(tc.in); got != tc.line {
			t.Errorf("CleanLine(%q) = %q, want %q", tc.in, got, tc.line)
		}
		if got := Visible(tc.in); got != tc.visible {
			t.Errorf("Visible(%q) = %q, want %q", tc.in, got, tc.visible)
		}
	}
}

// FuzzSanitize: whatever the input, the cleaned and visible forms hold no
// byte that acts on a terminal, cleaning twice changes nothing, and text
// that needs no cleaning comes back unchanged.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "Växjö", "a\nb\tc", "\x1b]0;x\x07", "\u202e", "\xff\x9b", "\u2069\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text, line, vis := CleanText(s), CleanLine(s), Visible(s)
		for name, out := range map[string]string{"CleanText": text, "CleanLine": line, "Visible": vis} {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q is not UTF-8", name, s, out)
			}
			for _, r := range out {
				if unsafeRune(r) || r == '\t' || (r == '\n' && name != "CleanText") {
					t.Fatalf("%s(%q) = %q holds %U", name, s, out, r)
				}
			}
		}
		if CleanText(text) != text || CleanLine(line) != line || CleanLine(text) != line {
			t.Fatalf("cleaning %q is not idempotent", s)
		}
		if Visible(line) != line {
			t.Fatalf("Visible changed clean text %q to %q", line, Visible(line))
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return unsafeRune(r) || r == '\t' || r == '\n' }) {
			if text != s || line != s || vis != s {
				t.Fatalf("clean text %q was changed", s)
			}
		}
		if len(text) > len(s) || len(line) > len(s) {
			t.Fatalf("cleaning %q made it longer", s)
		}
	})
}
