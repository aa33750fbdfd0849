//go:build !windows

package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// damagedPlaces builds a database whose municipality table is damaged
// where opening and the welcome menu never look: two earlier attempts
// named Lund and Mora, and in the file Mora's name is overwritten with
// Lund's, so the table holds one name twice. The latest result and the
// unfinished attempt name no municipality, so only answering the
// municipality question reads the table; the unfinished attempt waits at
// that question.
func damagedPlaces(t *testing.T, path string) {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, town := range []string{"Lund", "Mora", ""} {
		a, err := s.StartAttempt(store.LocalProfile, q, at)
		if err == nil && town != "" {
			err = s.SaveBackground(a.ID, "municipality", town, store.Position{Stage: store.StageBackground, Cursor: 1})
		}
		if err == nil {
			err = s.SaveRating(a.ID, q.Statements[0].ID, 5, store.Position{Stage: store.StageStatements, Cursor: 1})
		}
		if err == nil {
			err = s.Finish(a.ID, at.Add(time.Hour))
		}
		if err != nil {
			t.Fatal(err)
		}
		at = at.Add(24 * time.Hour)
	}
	a, err := s.StartAttempt(store.LocalProfile, q, at)
	if err == nil {
		err = s.SavePosition(a.ID, store.Position{Stage: store.StageBackground})
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("Mora")) {
		t.Fatal("the municipality table's names are not where the test expects them")
	}
	if err := os.WriteFile(path, bytes.ReplaceAll(data, []byte("Mora"), []byte("Lund")), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestE2EDamageMetWhenAnswering: damage that opening and the menu never
// read is met by an answer. The app stops at once with the damaged-file
// sentence and exit 4 and writes nothing more. Its sentence is true: "not
// changed" when this run saved nothing, and when it had saved (here the
// step from the introduction to the background questions), that it wrote
// nothing since the damage was found (here starting over saved first).
func TestE2EDamageMetWhenAnswering(t *testing.T) {
	for _, wrote := range []bool{false, true} {
		name := map[bool]string{false: "nothing-saved-before", true: "saved-before"}[wrote]
		t.Run(name, func(t *testing.T) {
			env := newEnv(t, "en")
			damagedPlaces(t, env.db)
			before := e2eStatFile(t, env.db)
			a := start(t, env)
			a.waitFor("Continue where you left off")
			if wrote {
				a.send("\x1b[B\r") // start over: the unfinished attempt is discarded
				a.waitFor("y = yes")
				a.send("y")
				a.waitFor(languages[1].intro)
			}
			a.send("\r")
			a.waitFor("Background 1 / ")
			a.send("Växjö")
			a.waitFor("Växjö")
			a.send("\r")
			if code := a.wait(); code != exitRefused {
				t.Fatalf("exit %d, want %d\n%s", code, exitRefused, a.output())
			}
			out := a.output()
			if !strings.Contains(out, "is damaged and cannot be read") {
				t.Errorf("no damaged-file sentence:\n%s", out)
			}
			unchanged := strings.Contains(out, "The file has not been changed")
			if wrote == unchanged {
				t.Errorf("after a run that saved=%v the sentence claims unchanged=%v:\n%s", wrote, unchanged, out)
			}
			if wrote && !strings.Contains(out, "has written nothing to it since the damage was found") {
				t.Errorf("the sentence does not say nothing was written after the damage:\n%s", out)
			}
			if d := before.diff(e2eStatFile(t, env.db)); !wrote && d != "" {
				t.Errorf("a run that met damage before saving anything changed the file: %s", d)
			}
		})
	}
}

// TestE2EPauseDraftNotSaved: pausing keeps a half-written discussion
// answer, and when that save fails it says so and exits 1 instead of
// "Paused. Your answers are saved …" and 0. Here the database file is
// removed while the app runs, which every save then reports (the write
// would go to a file no one sees again).
func TestE2EPauseDraftNotSaved(t *testing.T) {
	env := newEnv(t, "en")
	a := start(t, env)
	toStatement(a, languages[1])
	a.send(strings.Repeat("4", 24))
	a.waitFor("Question 1 / ")
	a.send("half an answer")
	a.waitFor("half an answer")
	if err := os.Remove(env.db); err != nil {
		t.Fatal(err)
	}
	a.send("\x03")
	if code := a.wait(); code != exitError {
		t.Fatalf("exit %d, want %d\n%s", code, exitError, a.output())
	}
	out := a.output()
	if !strings.Contains(out, "could not be saved") || !strings.Contains(out, "removed or replaced") {
		t.Errorf("no sentence saying the draft was not saved and why:\n%s", out)
	}
	if strings.Contains(out, "Paused.") {
		t.Errorf("claims everything was kept:\n%s", out)
	}
}
