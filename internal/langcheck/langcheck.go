// Package langcheck finds English in text meant to be Swedish. The tests
// of the catalogue, the questionnaire and the end-to-end runs in Swedish
// mode share it, so a message that slips past the catalogue (Go's own
// flag errors, an operating-system error, a library's words) is caught
// wherever it surfaces. It is used only by tests.
package langcheck

import (
	"slices"
	"strings"
	"unicode"
)

// EnglishWords never occur in Swedish text. Each is matched as a whole
// word, ignoring case. Words that are also Swedish are left out, however
// English they look: "in", "for" (past of fara), "man", "under", "test",
// "version", "problem", "argument", "IT", "all", "be", "sent", "so", "as",
// "by" (a village), "a" (the review screen's "a)"), "line" (a name); and
// the command names "check" and "backup", which Swedish text quotes.
var EnglishWords = []string{
	// The small words every English sentence needs.
	"the", "of", "to", "is", "are", "was", "were", "has", "have", "had",
	"with", "from", "this", "that", "these", "there", "which", "while",
	"and", "or", "on", "at", "an", "its", "been", "into",
	"not", "no", "cannot", "can", "could", "would", "should", "will",
	"does", "did", "please", "unable", "such", "too", "than", "then",
	// What error messages are made of.
	"file", "files", "error", "errors", "failed", "failure", "invalid",
	"unknown", "unexpected", "provided", "defined", "database", "directory",
	"permission", "denied", "exists", "already", "missing", "expected",
	"value", "large", "space", "device", "read", "write", "open", "close",
	"flag", "language", "use", "found", "needs", "damaged", "checked",
	"copy", "saved", "answer", "answers", "statement", "statements",
	"skip", "skipped", "quit", "paused",
}

// English returns the words of EnglishWords that text contains, in the
// order they occur, each once. Words are runs of letters, so "can't"
// gives "can" and "flag" does not match "flaggan". A command-line flag
// quoted in the text ("--with-names", "[--with-text]") is a name, not
// language, and is skipped.
func English(text string) []string {
	var found []string
	for _, token := range strings.Fields(text) {
		if strings.HasPrefix(strings.TrimLeft(token, "[(”“\"'"), "--") {
			continue
		}
		for _, w := range strings.FieldsFunc(token, func(r rune) bool { return !unicode.IsLetter(r) }) {
			w = strings.ToLower(w)
			if slices.Contains(EnglishWords, w) && !slices.Contains(found, w) {
				found = append(found, w)
			}
		}
	}
	return found
}
