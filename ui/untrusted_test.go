package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// hostile is what a questionnaire file or another program's database can
// put in a text: a window title (OSC 0), a screen clear, a right-to-left
// override, an 8-bit CSI and a bidirectional isolate.
const hostile = "\x1b]0;pwned\x07\x1b[2J\u202e\u009b31m\u2066"

// hostileTOML is hostile as TOML escapes, for a questionnaire file.
const hostileTOML = `\u001b]0;pwned\u0007\u001b[2J\u202e\u009b31m\u2066`

// terminalBytes lists what of hostile must never reach the terminal. The
// views are drawn without colour in tests, but bold and reverse still
// write CSI … m, so a bare ESC is allowed; the sequences above are not.
var terminalBytes = []string{"\x07", "\x1b]", "\x1b[2J", "\u202e", "\u009b", "\u2066"}

// checkClean fails if view holds any of terminalBytes.
func checkClean(t *testing.T, where, view string) {
	t.Helper()
	for _, b := range terminalBytes {
		if strings.Contains(view, b) {
			t.Fatalf("%s: the view holds %q:\n%q", where, b, view)
		}
	}
}

// hostileQuestionnaire is the built-in questionnaire file with hostile
// in front of every text: titles, scale labels, area names, statements,
// background prompts and options, discussion questions.
func hostileQuestionnaire(t *testing.T) *survey.Questionnaire {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "survey", "data", "questionnaire.toml"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^((?:text|name|label|prompt|title|min_label|max_label)\.(?:sv|en) = ")`)
	hostileFile := re.ReplaceAll(data, []byte("${1}"+hostileTOML))
	if n := strings.Count(string(hostileFile), hostileTOML); n < 60 {
		t.Fatalf("only %d texts were changed", n)
	}
	q, err := survey.Parse(hostileFile)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// TestFileTextsReachNoTerminal walks every screen of a questionnaire file
// whose texts hold escape sequences and bidirectional overrides: the text
// is shown, the control characters are not.
func TestFileTextsReachNoTerminal(t *testing.T) {
	for _, lang := range survey.Langs {
		t.Run(string(lang), func(t *testing.T) {
			st, err := store.Open(filepath.Join(t.TempDir(), "test.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			h := newHarnessWith(t, st, hostileQuestionnaire(t), lang)
			look := func(where string) {
				t.Helper()
				checkClean(t, where, h.m.View())
			}
			// The text around the controls is shown. (The harness's see
			// strips escape sequences, and would not find "pwned" in an
			// uncleaned title sequence.)
			shows := func(what string) {
				t.Helper()
				if !strings.Contains(h.m.View(), "pwned") {
					t.Fatalf("%s is not shown:\n%s", what, h.screen())
				}
			}
			look("welcome")
			h.keys("<down><enter>")
			shows("the discussion questions")
			look("questions page")
			h.keys("<esc><enter>")
			look("intro")
			h.keys("<enter>")
			shows("the municipality prompt")
			look("municipality")
			h.keys("<enter>")
			shows("a choice question and its options")
			look("role")
			h.keys("<esc>")
			for i := range 24 {
				shows(fmt.Sprint("statement ", i+1))
				look(fmt.Sprint("statement ", i+1))
				h.keys("4")
			}
			for i := range 6 {
				shows(fmt.Sprint("discussion ", i+1))
				look(fmt.Sprint("discussion ", i+1))
				h.keys("<enter>")
			}
			look("review")
			h.keys("<enter>")
			shows("the area names")
			look("result")
		})
	}
}

// TestStoredTextsReachNoTerminal: a database written elsewhere can hold
// any text as a discussion answer or a municipality. Both are shown
// cleaned: the municipality in its field, the answer in its text box, on
// the questions page and in the line-by-line mode.
func TestStoredTextsReachNoTerminal(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "test.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	a, err := st.StartAttempt(store.LocalProfile, q, at)
	if err != nil {
		t.Fatal(err)
	}
	pos := store.Position{Stage: store.StageBackground}
	if err := st.SaveBackground(a.ID, "municipality", "Växjö"+hostile, pos); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveDiscussion(a.ID, q.Discussion[0].ID, "mitt svar"+hostile+"\nrad två", pos); err != nil {
		t.Fatal(err)
	}

	// The line-by-line mode reads the attempt through its own door: the
	// questions page (3) with the answer, then quit (4).
	out, _ := runLines(t, st, survey.Swedish, []string{"3", "4"})
	if !strings.Contains(out, "mitt svar") {
		t.Fatalf("the line-by-line questions page lacks the answer:\n%s", out)
	}
	checkClean(t, "line-by-line questions page", out)

	h := newHarnessOn(t, st, survey.Swedish)
	h.keys("<down><down><enter>")
	h.see("mitt svar")
	checkClean(t, "questions page", h.m.View())
	h.keys("<esc><enter>")
	h.see("Växjö")
	checkClean(t, "municipality", h.m.View())
	h.keys("<esc>")
	h.keys(strings.Repeat("4", 24))
	h.see("mitt svar", "rad två")
	checkClean(t, "discussion", h.m.View())
}
