package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"digikomp/internal/langcheck"
	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

func TestFormatTenthsAndChange(t *testing.T) {
	cases := []struct {
		tenths   int
		sv, en   string
		svC, enC string
	}{
		{42, "4,2", "4.2", "+4,2", "+4.2"},
		{8, "0,8", "0.8", "+0,8", "+0.8"},
		{0, "0,0", "0.0", "±0,0", "±0.0"},
		{-3, "−0,3", "−0.3", "−0,3", "−0.3"},
		{-17, "−1,7", "−1.7", "−1,7", "−1.7"},
	}
	for _, c := range cases {
		if got := formatTenths(survey.Swedish, c.tenths); got != c.sv {
			t.Errorf("formatTenths(sv, %d) = %q, want %q", c.tenths, got, c.sv)
		}
		if got := formatTenths(survey.English, c.tenths); got != c.en {
			t.Errorf("formatTenths(en, %d) = %q, want %q", c.tenths, got, c.en)
		}
		if got := formatChange(survey.Swedish, c.tenths); got != c.svC {
			t.Errorf("formatChange(sv, %d) = %q, want %q", c.tenths, got, c.svC)
		}
		if got := formatChange(survey.English, c.tenths); got != c.enC {
			t.Errorf("formatChange(en, %d) = %q, want %q", c.tenths, got, c.enC)
		}
	}
}

// ratedAttempt is a finished attempt of q rating every statement
// value(i), the i-th statement in q's order.
func ratedAttempt(t *testing.T, q *survey.Questionnaire, at time.Time, value func(i int) int) store.Attempt {
	t.Helper()
	a := store.Attempt{
		ID:                   store.NewAttemptID(at),
		QuestionnaireID:      q.ID,
		QuestionnaireVersion: q.Version,
		ProfileID:            store.LocalProfile,
		Started:              at,
		Finished:             at.Add(20 * time.Minute),
		Position:             store.Position{Stage: store.StageDone},
	}
	for i, s := range q.Statements {
		a.SetRating(s.ID, store.Rating{Value: value(i)})
	}
	return a
}

func builtin(t *testing.T) *survey.Questionnaire {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// onlyBuiltin knows the built-in questionnaire and nothing else.
func onlyBuiltin(q *survey.Questionnaire) definitionFunc {
	return func(id string, version int) (*survey.Questionnaire, bool, error) {
		if id == q.ID && version == q.Version {
			return q, true, nil
		}
		return nil, false, nil
	}
}

func historyRows(t *testing.T) (*survey.Questionnaire, []scoredAttempt) {
	t.Helper()
	q := builtin(t)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	first := ratedAttempt(t, q, at, func(i int) int { return 3 })
	second := ratedAttempt(t, q, at.AddDate(0, 3, 0), func(i int) int {
		if i%2 == 0 {
			return 4 // every other statement one point higher: +0,5 overall
		}
		return 3
	})
	// A skip is not a rating.
	second.SetRating(q.Statements[1].ID, store.Rating{Value: store.Skipped})
	other := ratedAttempt(t, q, at.AddDate(0, 6, 0), func(int) int { return 5 })
	other.QuestionnaireID = "egna-frågor"
	rows, err := scoreAttempts([]store.Attempt{first, second, other}, onlyBuiltin(q))
	if err != nil {
		t.Fatal(err)
	}
	return q, rows
}

func TestScoreAttempts(t *testing.T) {
	_, rows := historyRows(t)
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	if rows[0].HasChange || rows[0].Result.MeanTenths() != 30 {
		t.Errorf("first: change %v, mean %d", rows[0].HasChange, rows[0].Result.MeanTenths())
	}
	// 12 fours and 11 threes (one skipped): 81/23 = 3,52 → 3,5, a change
	// of +0,5 from 3,0.
	if r := rows[1]; !r.HasChange || r.Change != 5 || r.Result.MeanTenths() != 35 || r.Result.Answered != 23 {
		t.Errorf("second: change %v %d, mean %d, answered %d", r.HasChange, r.Change, r.Result.MeanTenths(), r.Result.Answered)
	}
	if r := rows[2]; r.Q != nil || r.HasChange {
		t.Errorf("an attempt of unknown questions was scored: %+v", r.Result)
	}
}

func TestWriteHistory(t *testing.T) {
	_, rows := historyRows(t)
	var sv, en bytes.Buffer
	writeHistory(&sv, ui.Messages(survey.Swedish), survey.Swedish, "Åsa Öberg", rows)
	writeHistory(&en, ui.Messages(survey.English), survey.English, "Åsa Öberg", rows)
	for _, want := range []string{"Åsa Öberg", "2026-03-01", "3,0", "3,5", "+0,5", "Informations- och datakompetens", "egna-frågor, version 1"} {
		if !strings.Contains(sv.String(), want) {
			t.Errorf("Swedish history lacks %q:\n%s", want, sv.String())
		}
	}
	for _, want := range []string{"3.5", "+0.5", "Information and data literacy"} {
		if !strings.Contains(en.String(), want) {
			t.Errorf("English history lacks %q:\n%s", want, en.String())
		}
	}
	if w := langcheck.English(sv.String()); len(w) > 0 {
		t.Errorf("Swedish history has English %q:\n%s", w, sv.String())
	}
	var none bytes.Buffer
	writeHistory(&none, ui.Messages(survey.Swedish), survey.Swedish, "standardprofilen", nil)
	if !strings.Contains(none.String(), "inga avslutade test") {
		t.Errorf("empty history: %q", none.String())
	}
}

func TestHistoryJSON(t *testing.T) {
	_, rows := historyRows(t)
	p := store.Profile{ID: "abc", Name: "Åsa", Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	var buf bytes.Buffer
	if code := writeJSON(&buf, historyDocument(p, rows, survey.English), ui.Messages(survey.English), &buf); code != exitOK {
		t.Fatal(buf.String())
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if doc["format"] != float64(historyFormat) {
		t.Errorf("format %v", doc["format"])
	}
	prof := doc["profile"].(map[string]any)
	if prof["name"] != "Åsa" || prof["created"] != "2026-01-02T03:04:05Z" || prof["default"] != false {
		t.Errorf("profile %v", prof)
	}
	attempts := doc["attempts"].([]any)
	if len(attempts) != 3 {
		t.Fatalf("%d attempts", len(attempts))
	}
	second := attempts[1].(map[string]any)
	if m, ok := second["mean"].(float64); !ok || m != 81.0/23 {
		t.Errorf("mean %v (%T)", second["mean"], second["mean"])
	}
	if c, ok := second["change"].(float64); !ok || c != 0.5 {
		t.Errorf("change %v", second["change"])
	}
	if _, err := time.Parse(time.RFC3339, second["finished"].(string)); err != nil {
		t.Error(err)
	}
	if q := second["questionnaire"].(map[string]any); q["id"] != "digikomp" || q["version"] != float64(1) {
		t.Errorf("questionnaire %v", q)
	}
	areas := second["areas"].([]any)
	if len(areas) != 5 {
		t.Fatalf("%d areas", len(areas))
	}
	for _, a := range areas {
		if _, ok := a.(map[string]any)["mean"].(float64); !ok {
			t.Errorf("area mean is not a number: %v", a)
		}
	}
	if first := attempts[0].(map[string]any); first["change"] != nil {
		t.Errorf("the first attempt has a change: %v", first["change"])
	}
	if third := attempts[2].(map[string]any); third["scored"] != false || third["mean"] != nil {
		t.Errorf("an unscored attempt: %v", third)
	}
	if second["id"] != rows[1].Attempt.ID.String() {
		t.Errorf("id %v", second["id"])
	}
}

// Characters a terminal could act on are escaped in JSON output, and
// the document still reads back as the same text.
func TestJSONEscapesTerminalControls(t *testing.T) {
	name := "Eva\u202e\u009b2J\u007fåäö"
	var buf bytes.Buffer
	if code := writeJSON(&buf, map[string]string{"name": name}, ui.Messages(survey.Swedish), &buf); code != exitOK {
		t.Fatal(buf.String())
	}
	if strings.ContainsFunc(buf.String(), unsafeRune) {
		t.Errorf("unescaped: %q", buf.String())
	}
	var back map[string]string
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back["name"] != name {
		t.Errorf("read back %q, %v", back["name"], err)
	}
}
