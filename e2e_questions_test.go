//go:build !windows

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"digikomp/internal/langcheck"
	"digikomp/survey"
)

// builtinQuestions returns the built-in questionnaire file's text.
func builtinQuestions(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("survey", "data", "questionnaire.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// writeQuestions writes a questions file under env's home and returns it.
func writeQuestions(t *testing.T, env appEnv, name, content string) string {
	t.Helper()
	file := filepath.Join(env.home, name)
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestE2EChangedQuestionsSameVersion: questions of one's own, recorded
// under their id and version, then changed (a statement renamed) without a
// new version. check judges the attempts by what the file records, so it
// calls the file sound; the changed questions are then refused at start
// (exit 5, before any screen) and the file is left as it was. A questions
// file that claims the built-in questions' id and version with other
// statements is refused as it is loaded, before any database is opened:
// otherwise the file would hold a shape under the built-in id that no
// check could tell from damage.
func TestE2EChangedQuestionsSameVersion(t *testing.T) {
	builtin := builtinQuestions(t)
	own := strings.Replace(builtin, `id = "digikomp"`, `id = "region"`, 1)
	changed := strings.Replace(own, `id = "info-search"`, `id = "info-search-2"`, 1)
	ownID := strings.Replace(builtin, `id = "info-search"`, `id = "info-search-2"`, 1)
	if own == builtin || changed == own || ownID == builtin {
		t.Fatal("the built-in questionnaire's id or first statement was not found")
	}
	for _, u := range languages {
		t.Run(string(u.lang), func(t *testing.T) {
			env := newEnv(t, string(u.lang))
			a := start(t, env, "--questions", writeQuestions(t, env, "own.toml", own))
			toStatement(a, u)
			a.send("4")
			a.waitFor(counter(2, 24))
			a.send("q")
			a.exitOK("q on a statement")

			if r := e2eCheck(t, env, env.db); r.code != exitOK {
				t.Fatalf("check calls a file made with other questions damaged: %v", r)
			}

			before := e2eStatFile(t, env.db)
			b := start(t, env, "--questions", writeQuestions(t, env, "changed.toml", changed))
			code := b.wait()
			want := map[bool]string{true: "behöver ett nytt versionsnummer", false: "need a new version number"}[u.lang == "sv"]
			if code != exitQuestion || !strings.Contains(b.output(), want) {
				t.Errorf("changed questions over a recorded version 1: exit %d, want %d and %q\n%s", code, exitQuestion, want, b.output())
			}
			if strings.Contains(b.output(), u.start) {
				t.Error("the menu was shown before the refusal")
			}
			if d := before.diff(e2eStatFile(t, env.db)); d != "" {
				t.Errorf("the refused start changed the file: %s", d)
			}
		})
		t.Run(string(u.lang)+"-builtin-id", func(t *testing.T) {
			env := newEnv(t, string(u.lang))
			b := start(t, env, "--questions", writeQuestions(t, env, "mine.toml", ownID))
			code := b.wait()
			want := map[bool]string{true: "Ge dina frågor ett eget id", false: "Give your questions an id of their own"}[u.lang == "sv"]
			if code != exitQuestion || !strings.Contains(b.output(), want) {
				t.Errorf("other statements under the built-in id and version: exit %d, want %d and %q\n%s", code, exitQuestion, want, b.output())
			}
			if _, err := os.Stat(env.db); !os.IsNotExist(err) {
				t.Errorf("the refused questions created or touched the database: %v", err)
			}
		})
	}
}

// TestE2EQuestionsRules: questions files that break the one set of rules
// (the store's limits among them) are refused when the file is loaded,
// before the database is opened, in the person's language, with every
// quoted id made visible and the message a screenful however many items
// are wrong; a file nested thousands deep is answered at once. The
// detail lines ("Detaljer: …") are the TOML parser's own words.
func TestE2EQuestionsRules(t *testing.T) {
	builtin := builtinQuestions(t)
	var many strings.Builder
	many.WriteString(builtin)
	for i := range 300 {
		fmt.Fprintf(&many, "[[statements]]\nid = \"extra-%d\"\narea = \"information\"\ncompetence = \"1.1\"\ntext.sv = \"x\"\ntext.en = \"x\"\n", i)
	}
	var broken strings.Builder
	broken.WriteString(builtin)
	for i := range 500 {
		fmt.Fprintf(&broken, "[[discussion]]\nid = \"d\\u202e%d\"\n", i)
	}
	cases := map[string]struct {
		content string
		sv, en  string
	}{
		"too many statements": {many.String(), "för många påståenden (324), men högst 255", "too many statements (324), but at most 255"},
		"long id": {strings.Replace(builtin, `id = "info-search"`, `id = "`+strings.Repeat("x", 129)+`"`, 1),
			"id är 129 byte långt", "id is 129 bytes long"},
		"NUL in id":     {strings.Replace(builtin, `id = "info-search"`, `id = "info\u0000search"`, 1), `"info<U+0000>search"`, `"info<U+0000>search"`},
		"bidi in id":    {strings.Replace(builtin, `id = "info-search"`, `id = "info\u202Esearch"`, 1), `"info<U+202E>search"`, `"info<U+202E>search"`},
		"version":       {strings.Replace(builtin, "version = 1\n", "version = 4294967296\n", 1), "version är 4294967296", "version is 4294967296"},
		"deep nesting":  {"x = " + strings.Repeat("{a = ", 5000) + "1" + strings.Repeat("}", 5000) + "\n", "Rad 1: tabeller", "Line 1: tables"},
		"many problems": {broken.String(), "Fler fel som inte visas här: 1480", "More problems not shown here: 1480"},
		"syntax":        {"id = \"x\"\nversion = [\n", "Rad 2, tecken 12", "Line 2, column 12"},
	}
	for name, c := range cases {
		for _, u := range languages {
			t.Run(name+"/"+string(u.lang), func(t *testing.T) {
				t.Parallel()
				env := newEnv(t, string(u.lang))
				file := writeQuestions(t, env, "questions.toml", c.content)
				a := start(t, env, "--questions", file)
				if code := a.wait(); code != exitQuestion {
					t.Errorf("exit code %d, want %d\n%s", code, exitQuestion, a.output())
				}
				out := a.output()
				want := map[bool]string{true: c.sv, false: c.en}[u.lang == "sv"]
				if !strings.Contains(out, want) {
					t.Errorf("the message does not say %q:\n%s", want, out)
				}
				if strings.ContainsAny(out, "\u202e\x00") {
					t.Errorf("the message prints the file's control characters raw: %q", out)
				}
				if n := strings.Count(out, "\n"); n > 2*survey.MaxProblems+3 {
					t.Errorf("the message has %d lines", n)
				}
				if u.lang == "sv" {
					for _, line := range strings.Split(strings.ReplaceAll(out, file, "FIL"), "\n") {
						if strings.HasPrefix(strings.TrimSpace(line), "Detaljer:") {
							continue // the parser's detail
						}
						if words := langcheck.English(line); len(words) > 0 {
							t.Errorf("English %q in Swedish mode: %q", words, line)
						}
					}
				}
				if _, err := os.Stat(env.db); err == nil {
					t.Error("the database was created anyway")
				}
			})
		}
	}
}
