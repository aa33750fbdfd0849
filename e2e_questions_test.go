//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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

// TestE2EChangedQuestionsSameVersion: a questions file that keeps the
// built-in id and version but renames a statement. On a new database it
// is taken as it is, and check judges the attempts by what the file
// records, so it calls the file sound; the built-in questions, now the
// other shape under the same id and version, are then refused at start
// (exit 5, before any screen) and the file is left as it was.
func TestE2EChangedQuestionsSameVersion(t *testing.T) {
	builtin := builtinQuestions(t)
	changed := strings.Replace(builtin, `id = "info-search"`, `id = "info-search-2"`, 1)
	if changed == builtin {
		t.Fatal("the built-in questionnaire's first statement was not found")
	}
	for _, u := range languages {
		t.Run(string(u.lang), func(t *testing.T) {
			env := newEnv(t, string(u.lang))
			file := writeQuestions(t, env, "changed.toml", changed)
			a := start(t, env, "--questions", file)
			toStatement(a, u)
			a.send("4")
			a.waitFor(counter(2, 24))
			a.send("q")
			a.exitOK("q on a statement")

			if r := e2eCheck(t, env, env.db); r.code != exitOK {
				t.Fatalf("check calls a file made with other questions damaged: %v", r)
			}

			before := e2eStatFile(t, env.db)
			b := start(t, env)
			code := b.wait()
			want := map[bool]string{true: "behöver ett nytt versionsnummer", false: "need a new version number"}[u.lang == "sv"]
			if code != exitQuestion || !strings.Contains(b.output(), want) {
				t.Errorf("the built-in questions over a changed version 1: exit %d, want %d and %q\n%s", code, exitQuestion, want, b.output())
			}
			if strings.Contains(b.output(), u.start) {
				t.Error("the menu was shown before the refusal")
			}
			if d := before.diff(e2eStatFile(t, env.db)); d != "" {
				t.Errorf("the refused start changed the file: %s", d)
			}
		})
	}
}
