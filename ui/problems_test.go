package ui

import (
	"fmt"
	"strings"
	"testing"

	"digikomp/internal/langcheck"
	"digikomp/store"
	"digikomp/survey"
)

// Every problem check can report has a sentence of its own in both
// languages, with every argument used and quoted text made harmless.
func TestCheckProblemSentences(t *testing.T) {
	// The kinds whose Detail is an id or a value the sentence quotes.
	quotesID := map[store.ProblemKind]bool{
		store.ProblemProfileName: true, store.ProblemNoProfile: true, store.ProblemNoShape: true,
		store.ProblemUnfinishedWrong: true, store.ProblemNotUnfinished: true, store.ProblemPageType: true,
	}
	// The kinds Verify gives no Detail.
	noDetail := map[store.ProblemKind]bool{
		store.ProblemPageBeyondEnd: true, store.ProblemPageID: true, store.ProblemPageOverflow: true,
		store.ProblemBucketMissing: true, store.ProblemPositionDone: true,
		store.ProblemNoResultsRow: true, store.ProblemResultsRow: true,
		store.ProblemCounts: true, store.ProblemMore: true,
	}
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
			// A decoder's English stays on the Detail line (other kinds
			// quote an id there).
			english := cat.CheckProblem(store.Problem{Kind: kind, Record: "0a1b", Numbers: []int{7, 8, 9}, Detail: "record could not be read"})
			if first, _, _ := strings.Cut(english, "\n"); lang == survey.Swedish && !quotesID[kind] && len(langcheck.English(first)) > 0 {
				t.Errorf("%s: English in the Swedish sentence %q", kind, first)
			}
			if !strings.Contains(english, "record could not be read") && !noDetail[kind] {
				t.Errorf("%s %s: the detail is lost: %q", lang, kind, english)
			}
		}
	}
}

// Every rule of a questions file has a sentence of its own in both
// languages; items are named by id, or by place when the id cannot be
// shown; nothing quoted from the file reaches the terminal raw.
func TestQuestionsProblemSentences(t *testing.T) {
	parent := &survey.Item{Kind: survey.ItemBackground, ID: "role", Index: 2}
	for _, lang := range []survey.Lang{survey.Swedish, survey.English} {
		cat := Messages(lang)
		seen := map[string]survey.Code{}
		fallback, _, _ := strings.Cut(cat.QOther, "%")
		for _, code := range survey.Codes {
			p := survey.Problem{Code: code, Item: survey.Item{Kind: survey.ItemFile}, Field: "text", Lang: survey.English,
				Value: "v\u202eal\x1b]0;x\x07", N: 300, M: 255, Line: 3, Column: 4, Detail: "toml: \u2066bad\x1b[2J"}
			got := cat.questionsProblem(p)
			if strings.Contains(got, "%!") {
				t.Errorf("%s %s: %q has a format error", lang, code, got)
			}
			if strings.HasPrefix(got, fallback) {
				t.Errorf("%s %s: no sentence of its own: %q", lang, code, got)
			}
			if prev, dup := seen[got]; dup {
				t.Errorf("%s: %s and %s read the same: %q", lang, prev, code, got)
			}
			seen[got] = code
			msg := cat.QuestionsError("q.toml", &survey.Problems{List: []survey.Problem{p}})
			if strings.ContainsAny(msg, "\u202e\u2066\x1b\x07") {
				t.Errorf("%s %s: %q prints control characters", lang, code, msg)
			}
		}
		items := map[string]survey.Item{
			"by id":           {Kind: survey.ItemStatement, ID: "s1", Index: 4},
			"by place":        {Kind: survey.ItemStatement, Index: 4},
			"bidi id":         {Kind: survey.ItemStatement, ID: "s\u202e1", Index: 4},
			"option":          {Kind: survey.ItemOption, ID: "x", Index: 1, Parent: parent},
			"option by place": {Kind: survey.ItemOption, Index: 1, Parent: parent},
		}
		for name, it := range items {
			got := cat.questionsItem(it)
			if strings.ContainsAny(got, "\u202e%") || got == "" {
				t.Errorf("%s %s: %q", lang, name, got)
			}
			if strings.Contains(name, "place") || name == "bidi id" {
				if !strings.Contains(got, "4") && !strings.Contains(got, "1") {
					t.Errorf("%s %s: %q does not give the place", lang, name, got)
				}
			}
		}
	}
}

// However many problems a file has, the message lists MaxProblems and
// counts the rest, so it stays a screenful.
func TestQuestionsErrorIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("id = \"x\"\nversion = 1\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "[[statements]]\nid = \"%s%d\"\n", strings.Repeat("\u202e", 40), i)
	}
	_, err := survey.Parse([]byte(b.String()))
	if err == nil {
		t.Fatal("Parse accepted it")
	}
	for _, lang := range []survey.Lang{survey.Swedish, survey.English} {
		msg := Messages(lang).QuestionsError("q.toml", err)
		if lines := strings.Count(msg, "\n"); lines > survey.MaxProblems+2 {
			t.Errorf("%s: %d lines", lang, lines)
		}
		if len(msg) > 8<<10 {
			t.Errorf("%s: %d bytes", lang, len(msg))
		}
		if more, _, _ := strings.Cut(Messages(lang).QMore, "%"); !strings.Contains(msg, more) {
			t.Errorf("%s: the count of the rest is missing:\n%s", lang, msg)
		}
	}
}
