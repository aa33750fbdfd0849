package ui

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/survey"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata/")

// TestGoldenScreens keeps a picture of each screen at 80×24 in both
// languages, so a change to any of them shows up in review as a diff of
// what people will see. Regenerate with: go test ./ui -run Golden -update
func TestGoldenScreens(t *testing.T) {
	for _, lang := range survey.Langs {
		h := newHarness(t, lang)
		shot := func(name string) {
			t.Helper()
			checkGolden(t, string(lang)+"-"+name, h.screen())
		}
		shot("welcome")
		h.keys("<enter>")
		shot("intro")
		h.keys("<enter>vax")
		shot("municipality")
		h.keys("<down><enter>")
		shot("role")
		h.keys("<esc>")
		shot("statement-first")
		h.keys("5<left>")
		shot("statement-answered")
		h.keys("?")
		shot("help")
		h.keys("?")
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("5s32145671234567123456")})
		h.keys("67")
		shot("discussion")
		h.keys("<esc>")
		shot("review")
		h.keys("<enter>")
		shot("result")
		h.keys("<esc>")
		shot("welcome-again")
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -run Golden -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("screen %s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}
