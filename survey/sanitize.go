package survey

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text that reaches the terminal from a questionnaire file, an import or a
// database written elsewhere is terminal input: an escape sequence in it can
// clear the screen or rename the window, and a bidirectional override can
// make an id read as something it is not. Typed and pasted answers are
// cleaned by the text fields themselves; everything else passes through one
// of these before it is shown.

// CleanText returns s as it may be shown where text can hold lines: line
// feeds are kept, tabs become spaces, and every other C0 or C1 control
// character, DEL, bidirectional override or isolate, and byte that is not
// UTF-8 is removed (a lone byte 0x9b is a C1 CSI to some terminals).
func CleanText(s string) string { return clean(s, true) }

// CleanLine is CleanText for text shown on one line (names, ids, options):
// line feeds become spaces as well.
func CleanLine(s string) string { return clean(s, false) }

// Visible returns s for quoting in an error message: every character that
// CleanText would remove, line feeds and tabs included, is written out as
// <U+XXXX>, and a byte that is not UTF-8 as <0xNN>, so the person sees what
// the file really holds and the terminal receives none of it.
func Visible(s string) string {
	if !needsCleaning(s, false) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, "<0x%02X>", s[i])
		case unsafeRune(r) || r == '\n' || r == '\t':
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func clean(s string, keepLines bool) string {
	if !needsCleaning(s, keepLines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n <= 1:
		case r == '\n' && keepLines:
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case unsafeRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// needsCleaning reports whether clean would change s; most texts are clean,
// and this spares them a copy.
func needsCleaning(s string, keepLines bool) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n <= 1) || (r == '\n' && !keepLines) || r == '\t' || unsafeRune(r) {
			return true
		}
		i += n
	}
	return false
}

// unsafeRune reports the characters that act on the terminal or reorder the
// text around them: C0 controls (line feed and tab are judged by callers),
// DEL and C1 controls, and the bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069).
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 && r != '\n' && r != '\t':
		return true
	case r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// cleanTexts makes every text of q safe to show: those that may hold lines
// (statements, discussion questions) with CleanText, the rest with
// CleanLine. Ids are keys, not texts, and are left to validation; a text
// that was nothing but controls is empty afterwards, and validation
// reports it as missing.
func (q *Questionnaire) cleanTexts() {
	line := func(t Text) Text { return Text{SV: CleanLine(t.SV), EN: CleanLine(t.EN)} }
	lines := func(t Text) Text { return Text{SV: CleanText(t.SV), EN: CleanText(t.EN)} }
	q.Title = line(q.Title)
	q.Scale.MinLabel = line(q.Scale.MinLabel)
	q.Scale.MaxLabel = line(q.Scale.MaxLabel)
	for i := range q.Areas {
		q.Areas[i].Name = line(q.Areas[i].Name)
	}
	for i := range q.Statements {
		q.Statements[i].Text = lines(q.Statements[i].Text)
	}
	for i := range q.Background {
		b := &q.Background[i]
		b.Prompt = line(b.Prompt)
		for j := range b.Options {
			b.Options[j].Label = line(b.Options[j].Label)
		}
	}
	for i := range q.Discussion {
		q.Discussion[i].Text = lines(q.Discussion[i].Text)
	}
}
