//go:build !windows

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"digikomp/internal/langcheck"
	"digikomp/store"
	"digikomp/survey"
)

// groupAnswer is the free text every generated participant gives: å ä
// ö, commas, quotes and a line break, all of which must survive a trip
// through either export format.
const groupAnswer = "Vi lånar ut läsplattor, cyklar och \"symaskiner\";\nnästa rad: åäö ÅÄÖ, klart."

// takeGroup gives the database at path n finished anonymous attempts
// and one unfinished one, as a workshop would leave them: every
// background question answered (roles and years varied), every
// statement rated, a discussion answer, and a plan with the needs
// inventory; the named profile (if any) takes one more, with its name
// shown beside what it can teach.
func takeGroup(t *testing.T, path string, n int, named string) {
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
	roles := []string{"librarian", "librarian", "assistant", "manager", "librarian", "other"}
	years := []string{"0-2", "3-5", "6-10", "11-20", "21+"}
	at := time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)
	take := func(profileID string, i int, finish bool, plan store.Plan) {
		a, err := s.StartAttempt(profileID, q, at)
		if err != nil {
			t.Fatal(err)
		}
		bg := map[string]string{"municipality": "Växjö", "role": roles[i%len(roles)], "years": years[i%len(years)], "library_size": "16-50", "digiteket": []string{"yes", "no"}[i%2]}
		for id, v := range bg {
			if err := s.SaveBackground(a.ID, id, v, store.Position{Stage: store.StageBackground}); err != nil {
				t.Fatal(err)
			}
		}
		for j, st := range q.Statements {
			v := 1 + (i+j)%7
			if (i+j)%11 == 0 {
				v = store.Skipped
			}
			if err := s.SaveRating(a.ID, st.ID, v, store.Position{Stage: store.StageStatements, Cursor: j + 1}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.SaveDiscussion(a.ID, q.Discussion[0].ID, groupAnswer, store.Position{Stage: store.StageDiscussion, Cursor: 1}); err != nil {
			t.Fatal(err)
		}
		if !finish {
			return
		}
		if err := s.Finish(a.ID, at.Add(20*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := s.SavePlan(a.ID, plan); err != nil {
			t.Fatal(err)
		}
		at = at.Add(30 * time.Minute)
	}
	learn := [][]string{{"kallkritik", "gdpr"}, {"gdpr"}, {"kallkritik"}}
	for i := range n {
		p, err := s.AddAnonymous(at)
		if err != nil {
			t.Fatal(err)
		}
		take(p.ID, i, true, store.Plan{Learn: learn[i%len(learn)], Teach: []string{"kallkritik"}, Goal: "Mål, med \"citat\"\noch rad " + fmt.Sprint(i)})
	}
	if named != "" {
		p, err := s.AddProfile(named, "", at)
		if err != nil {
			t.Fatal(err)
		}
		take(p.ID, n, true, store.Plan{Learn: []string{"gdpr"}, Teach: []string{"gdpr"}, ShowName: true})
	}
	p, err := s.AddAnonymous(at)
	if err != nil {
		t.Fatal(err)
	}
	take(p.ID, 0, false, store.Plan{})
}

// reportJSON runs report --format json and returns its "report" part.
func reportJSON(t *testing.T, env appEnv) map[string]any {
	t.Helper()
	code, out, errOut := runPlain(t, env, nil, "report", "--format", "json")
	if code != exitOK {
		t.Fatalf("report = %d %q", code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	rep, _ := doc["report"].(map[string]any)
	// The unfinished attempt is not exported: only the finished ones
	// travel, and only they are compared.
	delete(rep, "Unfinished")
	return rep
}

// TestE2EExportImportReport: a group exported in either format and
// imported into a second database gives the same report there; a second
// import of the same file adds nothing and leaves the file's bytes as
// they were.
func TestE2EExportImportReport(t *testing.T) {
	src := newEnv(t, "sv")
	takeGroup(t, src.db, 12, "Åsa Öberg, Växjö")
	want := reportJSON(t, src)
	if want["Finished"] != float64(13) {
		t.Fatalf("source report: %v", want)
	}
	for _, format := range []string{"csv", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			file := filepath.Join(src.home, "grupp."+format)
			code, out, errOut := runPlain(t, src, nil, "export", "--all", "--format", format, "--out", file, "--with-names", "--with-text")
			if code != exitOK || !strings.Contains(out, "13") {
				t.Fatalf("export = %d %q %q", code, out, errOut)
			}
			if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("export file: %v %v", info, err)
			}
			data, _ := os.ReadFile(file)
			for _, s := range []string{"Åsa Öberg, Växjö", "läsplattor", "symaskiner"} {
				if !strings.Contains(string(data), s) && !strings.Contains(string(data), strings.ReplaceAll(s, `"`, `""`)) {
					t.Errorf("%q is not in the export", s)
				}
			}
			dst := newEnv(t, "sv")
			code, out, errOut = runPlain(t, dst, nil, "import", file)
			if code != exitOK || !strings.Contains(out, "importerade test: 13; test som fanns redan: 0") {
				t.Fatalf("import = %d %q %q", code, out, errOut)
			}
			got := reportJSON(t, dst)
			if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
				t.Errorf("the report differs after the import:\n got %s\nwant %s", g, w)
			}
			// The free text came through whole.
			code, out, _ = runPlain(t, dst, nil, "export", "--all", "--format", "jsonl", "--with-text", "--with-names")
			if code != exitOK || !strings.Contains(out, `nästa rad: åäö ÅÄÖ, klart.`) || !strings.Contains(out, `\"symaskiner\";\n`) || !strings.Contains(out, "Åsa Öberg, Växjö") {
				t.Errorf("re-export = %d\n%s", code, out)
			}
			before, _ := os.ReadFile(dst.db)
			code, out, errOut = runPlain(t, dst, nil, "import", file)
			if code != exitOK || !strings.Contains(out, "alla test i filen fanns redan") {
				t.Errorf("second import = %d %q %q", code, out, errOut)
			}
			if after, _ := os.ReadFile(dst.db); !bytes.Equal(before, after) {
				t.Error("a second import of the same file changed the database")
			}
		})
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestE2EImportRefusals: a foreign, binary, truncated or partly invalid
// file changes nothing in the database (its bytes are compared), says
// why with line numbers, and exits 9; --partial imports the valid
// records of a partly invalid file.
func TestE2EImportRefusals(t *testing.T) {
	src := newEnv(t, "en")
	takeGroup(t, src.db, 6, "")
	good := filepath.Join(src.home, "group.csv")
	if code, _, errOut := runPlain(t, src, nil, "export", "--all", "--out", good); code != exitOK {
		t.Fatalf("export = %d %q", code, errOut)
	}
	data, _ := os.ReadFile(good)
	lines := strings.SplitAfter(string(data), "\r\n")
	if len(lines) != 2+6+1 { // header rows, records, the empty rest
		t.Fatalf("%d lines:\n%s", len(lines), data)
	}
	// A record whose first rating is 9 (off the scale) and one with a
	// broken date, on lines 4 and 6.
	partly := append([]string(nil), lines...)
	cols := strings.Split(lines[1], ",")
	ratingCol := -1
	for i, c := range cols {
		if strings.HasPrefix(c, "rating:") {
			ratingCol = i
			break
		}
	}
	cells := strings.Split(partly[3], ",")
	cells[ratingCol] = "9"
	partly[3] = strings.Join(cells, ",")
	dateCol := -1
	for i, c := range cols {
		if c == "date" {
			dateCol = i
		}
	}
	cells = strings.Split(partly[5], ",")
	cells[dateCol] = "igår"
	partly[5] = strings.Join(cells, ",")
	files := map[string]string{
		"foreign.csv":   "name,score\r\nÅsa,5\r\n",
		"binary.db":     "\x00\x00\x00\x00\xed\xda\x0c\xed" + strings.Repeat("\x00", 100),
		"truncated.csv": strings.Join(lines[:5], ""),
		"cut.csv":       string(data[:len(data)-40]),
		"newer.csv":     strings.Replace(string(data), "version=1", "version=2", 1),
		"partly.csv":    strings.Join(partly, ""),
	}
	env := newEnv(t, "en")
	takeGroup(t, env.db, 1, "")
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(env.home, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.ReadFile(env.db)
	cases := []struct{ file, want string }{
		{"foreign.csv", "is not a digikomp export"},
		{"binary.db", "is not a digikomp export"},
		{"truncated.csv", "does not hold as many records as its first line says"},
		{"cut.csv", "line 8: the line does not have as many fields"},
		{"newer.csv", "written by a newer digikomp"},
		{"partly.csv", "line 4: the answer to the statement"},
		{"missing.csv", "could not be opened"},
	}
	for _, c := range cases {
		code, out, errOut := runPlain(t, env, nil, "import", filepath.Join(env.home, c.file))
		if code != exitImport || !strings.Contains(errOut, c.want) {
			t.Errorf("import %s = %d, want %d and %q:\n%s%s", c.file, code, exitImport, c.want, out, errOut)
		}
		if after, _ := os.ReadFile(env.db); !bytes.Equal(before, after) {
			t.Fatalf("import of %s changed the database", c.file)
		}
	}
	code, _, errOut := runPlain(t, env, nil, "import", filepath.Join(env.home, "partly.csv"))
	if !strings.Contains(errOut, "line 6: “date” is not a time") || !strings.Contains(errOut, "Nothing from") || code != exitImport {
		t.Errorf("partly valid = %d\n%s", code, errOut)
	}
	// --partial: the four good records go in, the two bad ones are named.
	code, out, errOut := runPlain(t, env, nil, "import", "--partial", filepath.Join(env.home, "partly.csv"))
	if code != exitImport || !strings.Contains(out, "tests imported: 4;") || !strings.Contains(errOut, "line 4:") {
		t.Errorf("--partial = %d %q %q", code, out, errOut)
	}
	if rep := reportJSON(t, env); rep["Finished"] != float64(5) {
		t.Errorf("after --partial: %v finished", rep["Finished"])
	}
	// Files refused whole do not even create a database that is not there.
	fresh := newEnv(t, "en")
	if code, _, errOut := runPlain(t, fresh, nil, "import", filepath.Join(env.home, "foreign.csv"), filepath.Join(env.home, "truncated.csv")); code != exitImport || !strings.Contains(errOut, "truncated.csv does not hold") {
		t.Errorf("import of refused files into no database = %d %q", code, errOut)
	}
	if _, err := os.Stat(fresh.db); err == nil {
		t.Error("refused files created a database")
	}
	// In Swedish, every one of these says it in Swedish.
	sv := env
	sv.lang = "sv"
	for _, c := range cases {
		code, out, errOut := runPlain(t, sv, nil, "import", filepath.Join(env.home, c.file))
		if code != exitImport {
			t.Errorf("Swedish import %s = %d", c.file, code)
		}
		if words := langcheck.English(strings.ReplaceAll(out+errOut, filepath.Join(env.home, c.file), "")); len(words) > 0 {
			t.Errorf("Swedish import of %s has English %v:\n%s%s", c.file, words, out, errOut)
		}
	}
	// The database itself is refused as an import file.
	if code, _, errOut := runPlain(t, env, nil, "import", env.db); code != exitUsage || !strings.Contains(errOut, "the database itself") {
		t.Errorf("import of the database = %d %q", code, errOut)
	}
}

// TestE2EGroupExportRefusals: into a missing folder, onto the database,
// with two filters or a format a group has not.
func TestE2EGroupExportRefusals(t *testing.T) {
	env := newEnv(t, "sv")
	takeGroup(t, env.db, 3, "")
	before, _ := os.ReadFile(env.db)
	missing := filepath.Join(env.home, "saknas", "grupp.csv")
	code, _, errOut := runPlain(t, env, nil, "export", "--all", "--out", missing)
	if code != exitError || !strings.Contains(errOut, "mappen "+filepath.Dir(missing)+" finns inte") {
		t.Errorf("export into a missing folder = %d %q", code, errOut)
	}
	if code, _, errOut := runPlain(t, env, nil, "export", "--all", "--out", env.db); code != exitUsage || !strings.Contains(errOut, "själva databasen") {
		t.Errorf("export onto the database = %d %q", code, errOut)
	}
	if code, _, errOut := runPlain(t, env, nil, "export", "--all", "--round", "vår", "--out", "x.csv"); code != exitUsage || !strings.Contains(errOut, "välj bara en av") {
		t.Errorf("two filters = %d %q", code, errOut)
	}
	if code, _, errOut := runPlain(t, env, nil, "export", "--all", "--format", "json"); code != exitUsage || !strings.Contains(errOut, "välj csv eller jsonl") {
		t.Errorf("--format json for a group = %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(env.db); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
	if entries, _ := os.ReadDir(env.home); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestE2EGroupExportDiskFull: a disk that fills while a group's export
// is written says so, and leaves no file and an earlier one as it was.
func TestE2EGroupExportDiskFull(t *testing.T) {
	env := newEnv(t, "en")
	takeGroup(t, env.db, 3, "")
	dst := filepath.Join(env.home, "group.csv")
	if err := os.WriteFile(dst, []byte("earlier"), 0o600); err != nil {
		t.Fatal(err)
	}
	full := env
	full.shell = "ulimit -f 0"
	a := start(t, full, "export", "--all", "--out", dst)
	code := a.wait()
	out := a.output()
	if code != exitError || !strings.Contains(out, "The export could not be written. The disk is full.") {
		t.Errorf("export onto a full disk = %d\n%s", code, a.tail())
	}
	if b, _ := os.ReadFile(dst); string(b) != "earlier" {
		t.Errorf("the earlier export is now %q", b)
	}
	if entries, _ := os.ReadDir(env.home); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestE2EReportText: the report in Swedish has decimal commas, says
// "för få svar" for groups under five, names alpha in words, ranks the
// needs, and names only the teacher who chose to be named; in English
// the same in English.
func TestE2EReportText(t *testing.T) {
	env := newEnv(t, "sv")
	takeGroup(t, env.db, 12, "Åsa Öberg")
	code, out, errOut := runPlain(t, env, nil, "report")
	if code != exitOK {
		t.Fatalf("report = %d %q", code, errOut)
	}
	// The text is the app's group view (ui.GroupText) under a line
	// naming the group; the named teacher chose to show her name, the
	// anonymous ones did not.
	for _, s := range []string{"Gruppens resultat: hela databasen", "Avslutade test: 13 · Inte avslutade: 1", "för få svar",
		"Samstämmighet (Cronbachs alfa)", "— poäng: ", ", valt av: ", "Namn (bara de som valt att visa sitt): Åsa Öberg\n", "Har en profil i Digiteket"} {
		if !strings.Contains(out, s) {
			t.Errorf("the Swedish report lacks %q:\n%s", s, out)
		}
	}
	if words := langcheck.English(out); len(words) > 0 {
		t.Errorf("the Swedish report has English %v:\n%s", words, out)
	}
	if !strings.Contains(out, ",") || strings.Contains(out, "4.") {
		t.Errorf("no decimal comma:\n%s", out)
	}
	for i, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line %d is %d characters wide: %q", i+1, n, line)
		}
	}
	code, out, _ = runPlain(t, env, nil, "report", "--lang", "en", "--format", "text")
	if code != exitOK || !strings.Contains(out, "too few answers") || !strings.Contains(out, "The group's result") {
		t.Errorf("English report = %d\n%s", code, out)
	}
	code, out, _ = runPlain(t, env, nil, "report", "--format", "csv")
	if code != exitOK || !strings.HasPrefix(out, "section,id,option,n,mean") || !strings.Contains(out, "need,kallkritik") {
		t.Errorf("CSV report = %d\n%s", code, out)
	}
}
