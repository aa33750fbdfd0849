package ui

import (
	"strings"
	"testing"

	"digikomp/store"
	"digikomp/survey"
)

// Every problem check can report has a sentence of its own in both
// languages, with every argument used and quoted text made harmless.
func TestCheckProblemSentences(t *testing.T) {
	for _, lang := range []survey.Lang{survey.Swedish, survey.English} {
		cat := Messages(lang)
		seen := map[string]store.ProblemKind{}
		for _, kind := range store.ProblemKinds {
			p := store.Problem{Kind: kind, Record: "rec\u202eord", Numbers: []int{7, 8, 9}, Detail: "det\x1b[2Jail"}
			got := cat.CheckProblem(p)
			if strings.Contains(got, "%!") {
				t.Errorf("%s %s: %q has a format error", lang, kind, got)
			}
			if fallback, _, _ := strings.Cut(cat.CheckOther, "%"); strings.HasPrefix(got, fallback) {
				t.Errorf("%s %s: no sentence of its own: %q", lang, kind, got)
			}
			if strings.ContainsAny(got, "\u202e\x1b") {
				t.Errorf("%s %s: %q prints control characters", lang, kind, got)
			}
			if prev, dup := seen[got]; dup {
				t.Errorf("%s: %s and %s read the same: %q", lang, prev, kind, got)
			}
			seen[got] = kind
		}
	}
}
