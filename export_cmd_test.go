package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
	"digikomp/ui"
)

// exportFake is an exportStore holding the attempts and plans given.
type exportFake struct {
	attempts []store.Attempt
	plans    map[store.AttemptID]store.Plan
}

func (f exportFake) Attempts(string) ([]store.Attempt, error) { return f.attempts, nil }

func (f exportFake) Plan(id store.AttemptID) (store.Plan, bool, error) {
	p, ok := f.plans[id]
	return p, ok, nil
}

func exportSample(t *testing.T) (*survey.Questionnaire, exportDoc) {
	t.Helper()
	q := builtin(t)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	done := ratedAttempt(t, q, at, func(i int) int { return 1 + i%7 })
	done.SetRating(q.Statements[2].ID, store.Rating{Value: store.Skipped})
	done.SetBackground(q.Background[0].ID, "Öckerö")
	done.SetBackground(q.Background[1].ID, q.Background[1].Options[0].ID)
	done.SetDiscussion(q.Discussion[0].ID, "Vi lånar ut läsplattor, cyklar och symaskiner;\n\"och\" mer, åäö.")
	open := store.Attempt{
		ID: store.NewAttemptID(at.AddDate(0, 1, 0)), QuestionnaireID: q.ID, QuestionnaireVersion: q.Version,
		ProfileID: "p1", Started: at.AddDate(0, 1, 0),
	}
	open.SetRating(q.Statements[0].ID, store.Rating{Value: 6})
	open.SetDiscussion(q.Discussion[0].ID, "=SUMMA(A1:A9)")
	fake := exportFake{
		attempts: []store.Attempt{done, open},
		plans:    map[store.AttemptID]store.Plan{done.ID: {Topics: []string{"kallkritik", "gdpr"}, Goal: "Kunna granska källor, på riktigt", Learn: []string{"gdpr"}, ShowName: true}},
	}
	p := store.Profile{ID: "p1", Name: "Åsa, från Öckerö", Created: at.AddDate(0, -1, 0)}
	doc, err := exportDocument(fake, p, onlyBuiltin(q), at.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return q, doc
}

func TestExportJSON(t *testing.T) {
	q, doc := exportSample(t)
	var buf bytes.Buffer
	if code := writeJSON(&buf, doc, ui.Messages(survey.Swedish), &buf); code != exitOK {
		t.Fatal(buf.String())
	}
	var back exportDoc
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Format != exportFormat || back.Profile.Name != "Åsa, från Öckerö" || back.Profile.Created != "2026-02-01T09:00:00Z" {
		t.Errorf("head: %+v", back)
	}
	if len(back.Attempts) != 2 {
		t.Fatalf("%d attempts", len(back.Attempts))
	}
	done, open := back.Attempts[0], back.Attempts[1]
	if done.Finished == nil || open.Finished != nil {
		t.Errorf("finished: %v, %v", done.Finished, open.Finished)
	}
	if v := done.Ratings[q.Statements[1].ID]; v == nil || *v != 2 {
		t.Errorf("rating %v", v)
	}
	if v, ok := done.Ratings[q.Statements[2].ID]; !ok || v != nil {
		t.Errorf("a skipped statement is %v, %v; want null", v, ok)
	}
	if _, ok := open.Ratings[q.Statements[1].ID]; ok {
		t.Error("a statement not reached is in the export")
	}
	if done.Discussion[q.Discussion[0].ID] != "Vi lånar ut läsplattor, cyklar och symaskiner;\n\"och\" mer, åäö." {
		t.Errorf("discussion %q", done.Discussion[q.Discussion[0].ID])
	}
	if done.Plan == nil || done.Plan.Goal != "Kunna granska källor, på riktigt" || len(done.Plan.Topics) != 2 || !done.Plan.ShowName {
		t.Errorf("plan %+v", done.Plan)
	}
	if open.Plan != nil {
		t.Errorf("an unfinished attempt has a plan: %+v", open.Plan)
	}
	if done.Background[q.Background[0].ID] != "Öckerö" || done.Background[q.Background[1].ID] != q.Background[1].Options[0].ID {
		t.Errorf("background %v", done.Background)
	}
}

func TestExportCSV(t *testing.T) {
	q, doc := exportSample(t)
	var buf bytes.Buffer
	writeCSV(&buf, ui.Messages(survey.Swedish), doc, true)
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatalf("no byte-order mark: %q", data[:10])
	}
	rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want a heading and one per attempt", len(rows))
	}
	head := rows[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %q in %q", name, head)
		return -1
	}
	done, open := rows[1], rows[2]
	if done[col("profil")] != "Åsa, från Öckerö" {
		t.Errorf("profile %q", done[col("profil")])
	}
	if got := done[col("diskussion: "+q.Discussion[0].ID)]; got != "Vi lånar ut läsplattor, cyklar och symaskiner;\n\"och\" mer, åäö." {
		t.Errorf("discussion %q", got)
	}
	if got := open[col("diskussion: "+q.Discussion[0].ID)]; got != "'=SUMMA(A1:A9)" {
		t.Errorf("a formula is not defused: %q", got)
	}
	if done[col(q.Statements[1].ID)] != "2" || done[col(q.Statements[2].ID)] != "0" || open[col(q.Statements[1].ID)] != "" {
		t.Errorf("ratings %q %q %q", done[col(q.Statements[1].ID)], done[col(q.Statements[2].ID)], open[col(q.Statements[1].ID)])
	}
	if done[col("plan: ämnen")] != "kallkritik | gdpr" || done[col("namnet får visas")] != "ja" || open[col("plan: mål")] != "" {
		t.Errorf("plan cells %q %q", done[col("plan: ämnen")], done[col("namnet får visas")])
	}
	if done[col("avslutat")] == "" || open[col("avslutat")] != "" {
		t.Errorf("finished %q %q", done[col("avslutat")], open[col("avslutat")])
	}
	// Statements in the questionnaire's order.
	if col(q.Statements[0].ID) > col(q.Statements[1].ID) {
		t.Error("statements out of order")
	}
}

func TestAtomicExport(t *testing.T) {
	cat := ui.Messages(survey.English)
	dir := t.TempDir()
	db := filepath.Join(dir, "answers.db")
	if err := os.WriteFile(db, []byte("db"), 0o600); err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	dst := filepath.Join(dir, "export.json")
	if code := writeExport(cat, dst, db, []byte("first"), &errOut); code != exitOK {
		t.Fatalf("%d %s", code, errOut.String())
	}
	if code := writeExport(cat, dst, db, []byte("second"), &errOut); code != exitOK {
		t.Fatalf("%d %s", code, errOut.String())
	}
	info, err := os.Stat(dst)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("%v %v", info.Mode(), err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "second" {
		t.Errorf("content %q", b)
	}
	errOut.Reset()
	if code := writeExport(cat, db, db, []byte("x"), &errOut); code != exitUsage || !strings.Contains(errOut.String(), "database itself") {
		t.Errorf("onto the database: %d %q", code, errOut.String())
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(db, link); err == nil {
		errOut.Reset()
		if code := writeExport(cat, link, db, []byte("x"), &errOut); code != exitUsage {
			t.Errorf("onto a link to the database: %d %q", code, errOut.String())
		}
	}
	if b, _ := os.ReadFile(db); string(b) != "db" {
		t.Error("the database was changed")
	}
	errOut.Reset()
	if code := writeExport(cat, filepath.Join(dir, "no", "x.json"), db, []byte("x"), &errOut); code != exitError || !strings.Contains(errOut.String(), "does not exist") {
		t.Errorf("missing folder: %d %q", code, errOut.String())
	}
	errOut.Reset()
	if code := writeExport(cat, dir, db, []byte("x"), &errOut); code != exitUsage || !strings.Contains(errOut.String(), "not an ordinary file") {
		t.Errorf("onto a folder: %d %q", code, errOut.String())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{"": "", "ok": "ok", "=1+1": "'=1+1", "+46": "'+46", "-x": "'-x", "@a": "'@a", "\tx": "'\tx", "a=b": "a=b"} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}
