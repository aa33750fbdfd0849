//go:build !windows

package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// takeWorkshop holds a workshop at path: n anonymous participants in
// turn, each rating statement j low+(i+j)%3, with roles varied and the
// first a manager who answers the managers' question with manager.
func takeWorkshop(t *testing.T, path, name, round string, date time.Time, n, low int, manager string) {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w, err := s.AddWorkshop(store.Workshop{Name: name, Place: "Stadsbiblioteket", Round: round, Date: date}, "4711", date)
	if err != nil {
		t.Fatal(err)
	}
	at := date.Add(9 * time.Hour)
	for i := range n {
		p, err := s.AddAnonymous(at)
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.StartWorkshopAttempt(w.ID, p.ID, q, at)
		if err != nil {
			t.Fatal(err)
		}
		role := []string{survey.RoleManager, "librarian", "assistant"}[i%3]
		for id, v := range map[string]string{"role": role, "digiteket": []string{"yes", "yes", "no"}[i%3]} {
			if err := s.SaveBackground(a.ID, id, v, store.Position{Stage: store.StageBackground}); err != nil {
				t.Fatal(err)
			}
		}
		for j, st := range q.Statements {
			if err := s.SaveRating(a.ID, st.ID, low+(i+j)%3, store.Position{Stage: store.StageStatements, Cursor: j + 1}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Finish(a.ID, at.Add(15*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if role == survey.RoleManager {
			if err := s.SaveManagerAnswer(a.ID, manager); err != nil {
				t.Fatal(err)
			}
		}
		at = at.Add(20 * time.Minute)
	}
}

// TestE2EReportCompareRounds: two rounds compared in Swedish and as
// JSON; a round's export holds its workshop's attempts only; the whole
// file imported elsewhere brings its workshops and rounds along, and the
// comparison there is the same.
func TestE2EReportCompareRounds(t *testing.T) {
	src := newEnv(t, "sv")
	takeWorkshop(t, src.db, "Vår Växjö", "baslinje", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), 6, 2, survey.ManagerNo)
	takeWorkshop(t, src.db, "Höst Kalmar", "2026 höst", time.Date(2026, 10, 6, 0, 0, 0, 0, time.UTC), 7, 4, survey.ManagerYes)
	code, out, errOut := runPlain(t, src, nil, "report", "--round", "baslinje", "--compare", "2026 höst")
	if code != exitOK {
		t.Fatalf("report = %d %q", code, errOut)
	}
	// The text is the app's group view and rounds compared (ui.GroupText,
	// ui.RoundsText) under a line naming the group.
	for _, s := range []string{"Gruppens resultat: omgången ”baslinje”", "Avslutade test: 6 · Inte avslutade: 0",
		"Början: omgången ”baslinje” · slutet: omgången ”2026 höst”", "Högre vid slutet än vid början: ja",
		"början 3,0 (n 6, 6–7: 0 %) → slutet 5,0 (n 7, 6–7: 33 %) · ändring +2,0",
		"Indikatorer", "mål: högre vid slutet: uppfyllt · 3,0 → 5,0 (+2,0; n 6 → 7)"} {
		if !strings.Contains(out, s) {
			t.Errorf("the comparison lacks %q:\n%s", s, out)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line %d is %d characters wide: %q", i+1, n, line)
		}
	}
	compare := func(env appEnv) string {
		t.Helper()
		code, out, errOut := runPlain(t, env, nil, "report", "--round", "baslinje", "--compare", "2026 höst", "--format", "json")
		if code != exitOK {
			t.Fatalf("report json = %d %q", code, errOut)
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		return mustJSON(t, []any{doc["comparison"], doc["indicators"]})
	}
	want := compare(src)

	code, out, _ = runPlain(t, src, nil, "export", "--round", "2026 höst", "--format", "jsonl")
	if code != exitOK || strings.Count(out, "\n") != 1+7 || !strings.Contains(out, `"workshop_name":"Höst Kalmar"`) || strings.Contains(out, "Vår Växjö") {
		t.Errorf("export of a round = %d\n%s", code, out)
	}
	code, out, _ = runPlain(t, src, nil, "export", "--workshop", "vår växjö")
	if code != exitOK || strings.Count(out, "\r\n") != 2+6 {
		t.Errorf("export of a workshop by name = %d\n%s", code, out)
	}
	if code, _, errOut := runPlain(t, src, nil, "export", "--workshop", "Ingenstans"); code != exitNoProfile || !strings.Contains(errOut, "Det finns ingen workshop") {
		t.Errorf("a workshop that is not there = %d %q", code, errOut)
	}
	if code, _, errOut := runPlain(t, src, nil, "report", "--round", "2025"); code != exitNoProfile || !strings.Contains(errOut, "Ingen workshop hör till omgången") {
		t.Errorf("a round that is not there = %d %q", code, errOut)
	}

	file := src.home + "/alla.csv"
	if code, _, errOut := runPlain(t, src, nil, "export", "--all", "--out", file); code != exitOK {
		t.Fatalf("export = %d %q", code, errOut)
	}
	dst := newEnv(t, "sv")
	if code, out, errOut := runPlain(t, dst, nil, "import", file); code != exitOK || !strings.Contains(out, "importerade test: 13;") {
		t.Fatalf("import = %d %q %q", code, out, errOut)
	}
	if got := compare(dst); got != want {
		t.Errorf("the comparison differs after the import:\n got %s\nwant %s", got, want)
	}
}
