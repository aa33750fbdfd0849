package main

import (
	"strings"
	"testing"
	"time"

	"digikomp/internal/langcheck"
	"digikomp/store"
	"digikomp/survey"
	"digikomp/transfer"
	"digikomp/ui"
)

// Every reason the format gives has its own sentence, in Swedish without
// English.
func TestWhyRejectedCoversEveryCode(t *testing.T) {
	codes := []transfer.Code{transfer.CodeSyntax, transfer.CodeFields, transfer.CodeUnknownKey, transfer.CodeMissing,
		transfer.CodeAttemptID, transfer.CodeDuplicate, transfer.CodeDate, transfer.CodeNumber, transfer.CodeText,
		transfer.CodeID, transfer.CodeTopic, transfer.CodeBool, transfer.CodeBlank}
	for _, lang := range survey.Langs {
		cat := ui.Messages(lang)
		seen := map[string]transfer.Code{}
		for _, c := range codes {
			s := whyRejected(cat, transfer.Problem{Line: 3, Code: c, Field: "rating:x"})
			if s == "" || strings.Contains(s, "%!") {
				t.Errorf("%s %s: %q", lang, c, s)
			}
			if other, ok := seen[s]; ok {
				t.Errorf("%s: %s and %s say the same: %q", lang, c, other, s)
			}
			seen[s] = c
			if lang == survey.Swedish {
				if w := langcheck.English(s); len(w) > 0 {
					t.Errorf("%s has English %v: %q", c, w, s)
				}
			}
		}
	}
}

// checkRecord holds a record to what a save would take.
func TestCheckRecord(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	cat := ui.Messages(survey.English)
	at := time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)
	good := func() transfer.Line {
		return transfer.Line{Line: 7, Record: transfer.Record{
			Attempt: "0000018a2b3c4d5e0011223344556677", Started: at, Finished: at.Add(time.Hour),
			Questionnaire: q.ID, QuestionnaireVersion: q.Version,
			Background: map[string]string{"role": survey.RoleManager, "municipality": "Växjö"},
			Ratings:    transfer.Scores{{ID: q.Statements[0].ID, Value: 7}, {ID: q.Statements[1].ID, Value: 0}},
			Manager:    survey.ManagerYes, Learn: []string{"kallkritik"},
			Workshop: "d1610000000a", WorkshopName: "Höst", Round: "2026 höst",
		}}
	}
	item, why := checkRecord(cat, q, good())
	if why != "" || item.Line != 7 || item.Attempt.Manager != survey.ManagerYes || len(item.Values) != len(q.Statements) ||
		item.Values[0] != 7 || item.Values[1] != store.Skipped || item.Values[2] != store.NotReached || len(item.Attempt.Ratings) != 0 ||
		item.Plan == nil || item.Plan.Learn[0] != "kallkritik" || item.Workshop.Round != "2026 höst" {
		t.Fatalf("good record: %q %+v", why, item)
	}
	cases := map[string]func(l *transfer.Line){
		"the statement":           func(l *transfer.Line) { l.Ratings.Set("no-such", 3) },
		"off the scale":           func(l *transfer.Line) { l.Ratings.Set(q.Statements[0].ID, 8) },
		"background question “x”": func(l *transfer.Line) { l.Background["x"] = "y" },
		"question “role”":         func(l *transfer.Line) { l.Background["role"] = "king" },
		"question “municipality”": func(l *transfer.Line) { l.Background["municipality"] = "Atlantis" },
		"managers' question":      func(l *transfer.Line) { l.Background["role"] = "librarian" },
		"discussion question":     func(l *transfer.Line) { l.Discussion = map[string]string{"nope": "x"} },
	}
	for want, spoil := range cases {
		l := good()
		spoil(&l)
		if _, why := checkRecord(cat, q, l); !strings.Contains(why, want) {
			t.Errorf("%s: %q", want, why)
		}
	}
}
