//go:build !windows

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// takeAttempts gives profile id (store.LocalProfile or one of
// addProfile's) finished attempts through the store, as the app would
// have left them: one per values function, a day apart from start, each
// rating statement i value(i) and answering the first discussion
// question with discussion.
func takeAttempts(t *testing.T, path, profileID string, start time.Time, discussion string, values ...func(i int) int) {
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
	at := start
	for _, value := range values {
		a, err := s.StartAttempt(profileID, q, at)
		if err != nil {
			t.Fatal(err)
		}
		for i, st := range q.Statements {
			if err := s.SaveRating(a.ID, st.ID, value(i), store.Position{Stage: store.StageStatements, Cursor: i + 1}); err != nil {
				t.Fatal(err)
			}
		}
		if discussion != "" {
			if err := s.SaveDiscussion(a.ID, q.Discussion[0].ID, discussion, store.Position{Stage: store.StageDiscussion, Cursor: 1}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Finish(a.ID, at.Add(30*time.Minute)); err != nil {
			t.Fatal(err)
		}
		at = at.AddDate(0, 3, 0)
	}
}

// addProfile creates a profile through the store and returns its id.
func addProfile(t *testing.T, path, name, pin string) string {
	t.Helper()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.AddProfile(name, pin, time.Date(2026, 1, 15, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}

func constant(v int) func(int) int { return func(int) int { return v } }

// TestE2EProfileCommands adds, lists, renames and deletes a profile with
// the real binary, and checks the mistakes on the way.
func TestE2EProfileCommands(t *testing.T) {
	env := newEnv(t, "en")
	run := func(stdin string, args ...string) (int, string, string) {
		t.Helper()
		var in *strings.Reader
		if stdin != "" {
			in = strings.NewReader(stdin)
		}
		if in == nil {
			return runPlain(t, env, nil, args...)
		}
		return runPlain(t, env, in, args...)
	}
	// Nothing to list yet: said, and nothing created.
	if code, _, errOut := run("", "profile", "list"); code != exitRefused || !strings.Contains(errOut, "There is no database") {
		t.Errorf("list without a database = %d %q", code, errOut)
	}
	if code, out, errOut := run("", "profile", "add", "Åsa Öberg"); code != exitOK || !strings.Contains(out, "“Åsa Öberg” is created") {
		t.Fatalf("add = %d %q %q", code, out, errOut)
	}
	takeAttempts(t, env.db, store.LocalProfile, time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC), "", constant(4), constant(5))
	code, out, errOut := run("", "profile", "list")
	if code != exitOK || !strings.Contains(out, "the default profile") || !strings.Contains(out, "finished tests: 2, latest 2026-05-01") ||
		!strings.Contains(out, "Åsa Öberg") || !strings.Contains(out, "no finished tests") {
		t.Errorf("list = %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := run("", "profile", "add", "åsa öberg"); code != exitUsage || !strings.Contains(errOut, "already a profile called") {
		t.Errorf("add of a taken name = %d %q", code, errOut)
	}
	if code, out, errOut := run("", "profile", "rename", "ÅSA ÖBERG", "Åsa Lind"); code != exitOK || !strings.Contains(out, "is now called “Åsa Lind”") {
		t.Errorf("rename = %d %q %q", code, out, errOut)
	}
	if code, _, errOut := run("", "profile", "rename", "Åsa Öberg", "X"); code != exitNoProfile || !strings.Contains(errOut, "no profile called “Åsa Öberg”") {
		t.Errorf("rename of the old name = %d %q", code, errOut)
	}
	// Without a terminal a deletion needs --yes.
	if code, _, errOut := run("", "profile", "delete", "Åsa Lind"); code != exitUsage || !strings.Contains(errOut, "Add --yes") {
		t.Errorf("delete without --yes = %d %q", code, errOut)
	}
	if _, out, _ := run("", "profile", "list"); !strings.Contains(out, "Åsa Lind") {
		t.Errorf("a refused deletion deleted:\n%s", out)
	}
	if code, out, errOut := run("", "profile", "delete", "--yes", "Åsa Lind"); code != exitOK || !strings.Contains(out, "are deleted") {
		t.Errorf("delete --yes = %d %q %q", code, out, errOut)
	}
	if _, out, _ := run("", "profile", "list"); strings.Contains(out, "Åsa") || !strings.Contains(out, "only the default profile") {
		t.Errorf("list after deletion:\n%s", out)
	}
	// Mistakes.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"profile"}, "needs one of the words"},
		{[]string{"profile", "frobnicate"}, "does not know “frobnicate”"},
		{[]string{"profile", "add"}, "Name the new profile"},
		{[]string{"profile", "rename", "a"}, "Name the profile and its new name"},
		{[]string{"profile", "delete"}, "Name the profile to delete"},
		{[]string{"profile", "list", "extra"}, "does not know what “extra” means"},
		{[]string{"profile", "add", "--bogus", "x"}, "no flag called --bogus"},
	} {
		if code, _, errOut := run("", c.args...); code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%q = %d %q, want %q", c.args, code, errOut, c.want)
		}
	}
	// The default profile's attempts were never touched.
	if code, out, errOut := run("", "history", "--json"); code != exitOK || strings.Count(out, `"finished"`) != 2 {
		t.Errorf("history of the default profile = %d\n%s%s", code, out, errOut)
	}
}

// TestE2EProfilePrompts: on a terminal, a new PIN is typed twice without
// echo, a protected profile's PIN is asked before anything else, and
// delete asks, deleting only on the full confirming word.
func TestE2EProfilePrompts(t *testing.T) {
	env := newEnv(t, "sv")
	a := start(t, env, "profile", "add", "Bo", "--pin")
	a.waitOutput("Ny PIN-kod:", 1)
	a.line("8642")
	a.waitOutput("Skriv den nya PIN-koden en gång till:", 1)
	a.line("8642")
	if code := a.wait(); code != exitOK || !strings.Contains(a.output(), "skyddad med PIN-kod") {
		t.Fatalf("add --pin = %d\n%s", code, a.tail())
	}
	if strings.Contains(a.output(), "8642") || strings.Contains(a.output(), "\x1b") {
		t.Errorf("the PIN was echoed, or escape sequences written:\n%s", a.tail())
	}
	a = start(t, env, "profile", "delete", "Bo")
	a.waitOutput("PIN-kod för ”Bo”:", 1)
	a.line("8642")
	a.waitOutput("Skriv ja för att ta bort:", 1)
	a.line("j")
	if code := a.wait(); code != exitOK || !strings.Contains(a.output(), "Ingenting togs bort.") {
		t.Fatalf("answer j = %d\n%s", code, a.tail())
	}
	a = start(t, env, "profile", "delete", "bo")
	a.waitOutput("PIN-kod för ”Bo”:", 1)
	a.line("8642")
	a.waitOutput("Ta bort profilen ”Bo”? Den har inga test.", 1)
	a.line("JA")
	if code := a.wait(); code != exitOK || !strings.Contains(a.output(), "är borttaget") {
		t.Fatalf("answer JA = %d\n%s", code, a.tail())
	}
	if code, out, _ := runPlain(t, env, nil, "profile", "list"); code != exitOK || strings.Contains(out, "Bo") {
		t.Errorf("list after deletion = %d\n%s", code, out)
	}
}

// TestE2EMissingProfile: --profile or DIGIKOMP_PROFILE naming a profile
// the file does not have stops before any screen, naming the profile and
// the commands that list and create profiles.
func TestE2EMissingProfile(t *testing.T) {
	env := newEnv(t, "en")
	addProfile(t, env.db, "Anna", "")
	before, err := os.ReadFile(env.db)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, code int, out string) {
		t.Helper()
		if code != exitNoProfile {
			t.Errorf("%s: exit %d, want %d\n%s", what, code, exitNoProfile, out)
		}
		for _, want := range []string{"There is no profile called “Anni”", "digikomp profile list", "digikomp profile add NAME"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s did not say %q:\n%s", what, want, out)
			}
		}
	}
	a := start(t, env, "--profile", "Anni")
	code := a.wait()
	check("--profile", code, a.output())
	withEnv := env
	withEnv.extra = []string{profileEnv + "=Anni"}
	a = start(t, withEnv)
	code = a.wait()
	check(profileEnv, code, a.output())
	a = start(t, withEnv, "--accessible")
	code = a.wait()
	check("--accessible", code, a.output())
	for _, args := range [][]string{{"history", "--profile", "Anni"}, {"export", "--profile", "Anni"}, {"profile", "delete", "Anni", "--yes"}} {
		code, _, errOut := runPlain(t, env, nil, args...)
		check(strings.Join(args, " "), code, errOut)
	}
	if after, _ := os.ReadFile(env.db); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
	// The flag wins over the environment, and an existing profile starts.
	a = start(t, withEnv, "--profile", "anna")
	a.waitFor("Take the test")
	a.send("q")
	if code := a.wait(); code != exitOK {
		t.Errorf("--profile anna = %d\n%s", code, a.tail())
	}
}

// TestE2EProfileSelectsAttempts: --profile starts the app as that profile:
// its own latest result is offered, not the default profile's.
func TestE2EProfileSelectsAttempts(t *testing.T) {
	env := newEnv(t, "en")
	id := addProfile(t, env.db, "Cecilia", "")
	takeAttempts(t, env.db, id, time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC), "", constant(6))
	a := start(t, env, "--profile", "Cecilia")
	a.waitFor("See your latest result")
	a.send("q")
	a.wait()
	// Without --profile: the welcome menu of the default profile, or the
	// interface's "Who are you?"; neither offers Cecilia's result.
	a = start(t, env)
	a.waitUntil("the welcome menu or the chooser", func(s string) bool {
		return strings.Contains(s, "Take the test") || strings.Contains(s, "Who are you?")
	})
	if strings.Contains(a.screen(), "See your latest result") {
		t.Errorf("the first screen shows Cecilia's result:\n%s", a.dump())
	}
	a.send("q")
	a.wait()
}

// TestE2EWrongPINs: wrong PINs tried again and again from new processes.
// The fourth and later wrong tries make the next wait (1 s, then 2 s),
// and the wait holds in the next run because it is kept in the file; a
// try during the wait is not judged, the right PIN neither. The right PIN
// after the wait shows the history and resets the count.
func TestE2EWrongPINs(t *testing.T) {
	env := newEnv(t, "en")
	if code, out, errOut := runPlain(t, env, strings.NewReader("2468\n"), "profile", "add", "Dan", "--pin"); code != exitOK || !strings.Contains(out, "protected by a PIN") {
		t.Fatalf("add --pin = %d %q %q", code, out, errOut)
	}
	// Nothing of a protected profile but its name is listed.
	if _, out, _ := runPlain(t, env, nil, "profile", "list"); !regexp.MustCompile(`(?m)^Dan +\(protected by a PIN\)$`).MatchString(out) {
		t.Errorf("list:\n%s", out)
	}
	try := func(pin string) (int, string, time.Time) {
		t.Helper()
		launched := time.Now()
		code, out, errOut := runPlain(t, env, strings.NewReader(pin+"\n"), "history", "--profile", "Dan", "--json")
		if code != exitOK && out != "" {
			t.Errorf("a refused history printed %q", out)
		}
		return code, errOut, launched
	}
	for i := 1; i <= 3; i++ {
		if code, errOut, _ := try("0000"); code != exitPIN || strings.TrimSpace(errOut) != "Wrong PIN for “Dan”." {
			t.Fatalf("wrong try %d = %d %q", i, code, errOut)
		}
	}
	code, errOut, launched := try("1111")
	if code != exitPIN || !strings.Contains(errOut, "Wrong PIN for “Dan”. The next try can be made in 1 second.") {
		t.Fatalf("fourth wrong try = %d %q", code, errOut)
	}
	waitUntil := launched.Add(time.Second) // the wait ends no earlier
	// A new process, at once: the right PIN is not judged during the wait.
	code, errOut, _ = try("2468")
	if time.Now().Before(waitUntil) {
		if code != exitPIN || !strings.Contains(errOut, "Too many wrong tries. Wait 1 second") {
			t.Errorf("during the wait = %d %q", code, errOut)
		}
	} else {
		t.Logf("the machine took over a second to run digikomp; the try during the wait was not judged by this test (%d %q)", code, errOut)
	}
	if code == exitOK {
		t.Skip("the right PIN came after the wait and reset the count; the rest needs a fresh count")
	}
	time.Sleep(time.Until(waitUntil) + 100*time.Millisecond)
	code, errOut, launched = try("3333")
	if code != exitPIN || !strings.Contains(errOut, "in 2 seconds") {
		t.Fatalf("fifth wrong try = %d %q", code, errOut)
	}
	waitUntil = launched.Add(2 * time.Second)
	code, errOut, _ = try("2468")
	if time.Now().Before(waitUntil) && (code != exitPIN || !strings.Contains(errOut, "Wait ")) {
		t.Errorf("during the second wait = %d %q", code, errOut)
	}
	time.Sleep(time.Until(waitUntil) + 100*time.Millisecond)
	code, out, errOut := runPlain(t, env, strings.NewReader("2468\n"), "history", "--profile", "Dan", "--json")
	if code != exitOK || !strings.Contains(out, `"format": 1`) {
		t.Fatalf("right PIN after the wait = %d %q %q", code, out, errOut)
	}
	// The count starts again: a wrong try now waits for nothing.
	if code, errOut, _ := try("0000"); code != exitPIN || strings.TrimSpace(errOut) != "Wrong PIN for “Dan”." {
		t.Errorf("wrong try after the right one = %d %q", code, errOut)
	}
}

// TestE2EHistoryJSON: two attempts of a named profile, as history --json
// and as the Swedish table.
func TestE2EHistoryJSON(t *testing.T) {
	env := newEnv(t, "sv")
	id := addProfile(t, env.db, "Eva Ek", "")
	first := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	takeAttempts(t, env.db, id, first, "", constant(3), func(i int) int { return 3 + i%2 })
	takeAttempts(t, env.db, store.LocalProfile, first, "", constant(7))
	code, out, errOut := runPlain(t, env, nil, "history", "--profile", "eva ek", "--json")
	if code != exitOK {
		t.Fatalf("history --json = %d %q", code, errOut)
	}
	var doc struct {
		Format  int `json:"format"`
		Profile struct {
			Name string `json:"name"`
		} `json:"profile"`
		Attempts []struct {
			ID            string `json:"id"`
			Questionnaire struct {
				ID      string `json:"id"`
				Version int    `json:"version"`
			} `json:"questionnaire"`
			Finished string   `json:"finished"`
			Mean     float64  `json:"mean"`
			Change   *float64 `json:"change"`
			Areas    []struct {
				ID   string  `json:"id"`
				Mean float64 `json:"mean"`
			} `json:"areas"`
		} `json:"attempts"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Format != 1 || doc.Profile.Name != "Eva Ek" || len(doc.Attempts) != 2 {
		t.Fatalf("document:\n%s", out)
	}
	a, b := doc.Attempts[0], doc.Attempts[1]
	if a.Mean != 3 || b.Mean != 3.5 || a.Change != nil || b.Change == nil || *b.Change != 0.5 {
		t.Errorf("means %v, %v, change %v", a.Mean, b.Mean, b.Change)
	}
	if finished, err := time.Parse(time.RFC3339, b.Finished); err != nil || !finished.Equal(first.AddDate(0, 3, 0).Add(30*time.Minute)) {
		t.Errorf("finished %q: %v", b.Finished, err)
	}
	if len(b.Areas) != 5 || a.Questionnaire.ID != "digikomp" || a.Questionnaire.Version != 1 || len(a.ID) != 32 || a.ID == b.ID {
		t.Errorf("attempt:\n%s", out)
	}
	code, out, errOut = runPlain(t, env, nil, "history", "--profile", "Eva Ek")
	if code != exitOK || !strings.Contains(out, "Avslutade test för Eva Ek") || !strings.Contains(out, "3,5") || !strings.Contains(out, "+0,5") {
		t.Errorf("history = %d\n%s%s", code, out, errOut)
	}
	// The default profile's own.
	if code, out, _ := runPlain(t, env, nil, "history"); code != exitOK || !strings.Contains(out, "7,0") || strings.Contains(out, "3,5") {
		t.Errorf("default history = %d\n%s", code, out)
	}
}

// TestE2EExport: everything of a profile, as JSON and CSV, with text that
// has å ä ö, commas, quotes and line feeds, written 0600 and atomically.
func TestE2EExport(t *testing.T) {
	env := newEnv(t, "sv")
	id := addProfile(t, env.db, "Åke, från Ödeshög", "")
	answer := "Vi lånar ut läsplattor, cyklar och \"symaskiner\";\nnästa rad: åäö ÅÄÖ."
	takeAttempts(t, env.db, id, time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC), answer, constant(5), constant(6))
	goal := "Granska källor, bättre\noch oftare: åäö"
	func() {
		s, err := store.Open(env.db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		finished, err := s.History(id)
		if err != nil || len(finished) != 2 {
			t.Fatalf("history: %d, %v", len(finished), err)
		}
		plan := store.Plan{Topics: []string{"kallkritik", "gdpr"}, Goal: goal, Learn: []string{"gdpr"}, Teach: []string{"makerspace"}, Other: "Teams, Slack", ShowName: true}
		if err := s.SavePlan(finished[0].ID, plan); err != nil {
			t.Fatal(err)
		}
	}()
	dir := filepath.Join(env.home, "ut")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	jsonFile := filepath.Join(dir, "export.json")
	code, out, errOut := runPlain(t, env, nil, "export", "--profile", "Åke, från Ödeshög", "--out", jsonFile)
	if code != exitOK || !strings.Contains(out, "är skrivet till "+jsonFile) {
		t.Fatalf("export = %d %q %q", code, out, errOut)
	}
	if info, err := os.Stat(jsonFile); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("export file: %v %v", info, err)
	}
	data, _ := os.ReadFile(jsonFile)
	var doc exportDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if doc.Format != exportFormat || doc.Profile.Name != "Åke, från Ödeshög" || doc.Profile.Created == "" || len(doc.Attempts) != 2 {
		t.Fatalf("export:\n%s", data)
	}
	q, _ := survey.Load()
	for _, a := range doc.Attempts {
		if a.Discussion[q.Discussion[0].ID] != answer || len(a.Ratings) != len(q.Statements) || a.Finished == nil {
			t.Errorf("attempt %+v", a)
		}
	}
	if p := doc.Attempts[0].Plan; p == nil || p.Goal != goal || strings.Join(p.Topics, ",") != "kallkritik,gdpr" || p.Other != "Teams, Slack" || !p.ShowName || strings.Join(p.Teach, ",") != "makerspace" {
		t.Errorf("plan %+v", p)
	}
	if doc.Attempts[1].Plan != nil {
		t.Errorf("the second attempt has a plan: %+v", doc.Attempts[1].Plan)
	}
	// To standard output, the same document.
	code, out, _ = runPlain(t, env, nil, "export", "--profile", "Åke, från Ödeshög")
	var fromStdout exportDoc
	if err := json.Unmarshal([]byte(out), &fromStdout); code != exitOK || err != nil || len(fromStdout.Attempts) != 2 {
		t.Errorf("export to stdout = %d %v", code, err)
	}

	csvFile := filepath.Join(dir, "export.csv")
	if code, _, errOut := runPlain(t, env, nil, "export", "--profile", "Åke, från Ödeshög", "--format", "csv", "--out", csvFile); code != exitOK {
		t.Fatalf("export csv = %d %q", code, errOut)
	}
	data, _ = os.ReadFile(csvFile)
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Errorf("no byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("csv: %v, %d rows\n%s", err, len(rows), data)
	}
	disc := -1
	for i, h := range rows[0] {
		if h == "diskussion: "+q.Discussion[0].ID {
			disc = i
		}
	}
	if disc < 0 || rows[1][disc] != answer || rows[2][0] != "Åke, från Ödeshög" {
		t.Errorf("csv rows: %q", rows)
	}
	if n := len(rows[0]); rows[0][n-5] != "plan: mål" || rows[1][n-5] != goal || rows[1][n-6] != "kallkritik | gdpr" || rows[1][n-2] != "Teams, Slack" || rows[2][n-5] != "" {
		t.Errorf("csv plan columns: %q\n%q\n%q", rows[0], rows[1], rows[2])
	}

	// Refusals: the database itself, a folder that is not there.
	before, _ := os.ReadFile(env.db)
	if code, _, errOut := runPlain(t, env, nil, "export", "--profile", "Åke, från Ödeshög", "--out", env.db); code != exitUsage || !strings.Contains(errOut, "själva databasen") {
		t.Errorf("export onto the database = %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(env.db); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
	missing := filepath.Join(env.home, "saknas", "x.json")
	if code, _, errOut := runPlain(t, env, nil, "export", "--profile", "Åke, från Ödeshög", "--out", missing); code != exitError || !strings.Contains(errOut, "mappen "+filepath.Dir(missing)+" finns inte") {
		t.Errorf("export into a missing folder = %d %q", code, errOut)
	}
	if code, _, errOut := runPlain(t, env, nil, "export", "--format", "xml"); code != exitUsage || !strings.Contains(errOut, "Formatet ”xml” finns inte") {
		t.Errorf("--format xml = %d %q", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the export folder holds %d entries, want 2", len(entries))
	}
}

// TestE2EProfileErasure: after profile delete --yes, neither the
// profile's unique name nor its discussion answer is anywhere in the
// database file's bytes, while another profile's are kept.
func TestE2EProfileErasure(t *testing.T) {
	env := newEnv(t, "en")
	name := "Zelmerlöw-Erasable-7314"
	answer := "Qvintus-hemligt-svar-9137 om läsplattor"
	id := addProfile(t, env.db, name, "")
	takeAttempts(t, env.db, id, time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC), answer, constant(2), constant(3))
	keep := addProfile(t, env.db, "Kept-Profile-5521", "")
	takeAttempts(t, env.db, keep, time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC), "Kept-answer-8642", constant(4))
	before, _ := os.ReadFile(env.db)
	for _, s := range []string{name, answer} {
		if !bytes.Contains(before, []byte(s)) {
			t.Fatalf("the file never held %q: the test could not fail", s)
		}
	}
	if code, out, errOut := runPlain(t, env, nil, "profile", "delete", name, "--yes"); code != exitOK {
		t.Fatalf("delete = %d %q %q", code, out, errOut)
	}
	after, err := os.ReadFile(env.db)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{name, answer, "Qvintus"} {
		if bytes.Contains(after, []byte(s)) {
			t.Errorf("%q is still in the file's bytes after deletion", s)
		}
	}
	for _, s := range []string{"Kept-Profile-5521", "Kept-answer-8642"} {
		if !bytes.Contains(after, []byte(s)) {
			t.Errorf("the other profile's %q is gone", s)
		}
	}
	if info, err := os.Stat(env.db); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("database after compaction: %v %v", info, err)
	}
	if code, out, errOut := runPlain(t, env, nil, "check"); code != exitOK {
		t.Errorf("check after deletion = %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := runPlain(t, env, nil, "history", "--profile", "Kept-Profile-5521"); code != exitOK || !strings.Contains(out, "4.0") {
		t.Errorf("the other profile's history = %d\n%s", code, out)
	}
}

// TestE2EExportDiskFull: a disk that fills while the export is written
// (a file size limit of 0 here, so EFBIG) is said as a full disk, leaves
// no file behind, and an earlier export of the same name as it was.
func TestE2EExportDiskFull(t *testing.T) {
	env := newEnv(t, "en")
	takeAttempts(t, env.db, store.LocalProfile, time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC), "Ett svar", constant(4))
	dst := filepath.Join(env.home, "export.json")
	if err := os.WriteFile(dst, []byte("earlier"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(env.db)
	full := env
	full.shell = "ulimit -f 0"
	a := start(t, full, "export", "--out", dst)
	code := a.wait()
	out := a.output()
	if code != exitError || !strings.Contains(out, "The export could not be written. The disk is full.") || !strings.Contains(out, "No existing file has been changed.") {
		t.Errorf("export onto a full disk = %d\n%s", code, a.tail())
	}
	if b, _ := os.ReadFile(dst); string(b) != "earlier" {
		t.Errorf("the earlier export is now %q", b)
	}
	if after, _ := os.ReadFile(env.db); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
	entries, _ := os.ReadDir(env.home)
	for _, e := range entries {
		if e.Name() != "export.json" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestE2EHistoryOtherVersion: an attempt taken with another version of
// the questions is scored against that version, which the file keeps,
// not against the built-in questions the binary has; the change is on
// the statements both versions share.
func TestE2EHistoryOtherVersion(t *testing.T) {
	env := newEnv(t, "en")
	takeAttempts(t, env.db, store.LocalProfile, time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC), "", constant(2))
	q2, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	q2.Version = 2
	dropped := q2.Statements[0].ID
	q2.Statements = q2.Statements[1:]
	s, err := store.Open(env.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	a, err := s.StartAttempt(store.LocalProfile, q2, at)
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range q2.Statements {
		if err := s.SaveRating(a.ID, st.ID, 5, store.Position{Stage: store.StageStatements, Cursor: i + 1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Finish(a.ID, at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errOut := runPlain(t, env, nil, "history", "--json")
	if code != exitOK {
		t.Fatalf("history = %d %q", code, errOut)
	}
	var doc historyDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Attempts) != 2 {
		t.Fatalf("%v\n%s", err, out)
	}
	second := doc.Attempts[1]
	if !second.Scored || second.Questionnaire.Version != 2 || second.Answered != len(q2.Statements) || second.Skipped != 0 || second.Mean == nil || *second.Mean != 5 {
		t.Errorf("the version 2 attempt: %+v", second)
	}
	if second.Change == nil || *second.Change != 3 {
		t.Errorf("change %v, want +3.0 on the shared statements", second.Change)
	}
	if strings.Contains(out, dropped) {
		t.Errorf("the statement version 2 dropped is in the history: %s", dropped)
	}
	if code, out, _ := runPlain(t, env, nil, "history"); code != exitOK || !strings.Contains(out, "+3.0") || strings.Contains(out, "not kept in the file") {
		t.Errorf("history table = %d\n%s", code, out)
	}
}
