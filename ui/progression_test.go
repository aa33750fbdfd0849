package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// The built-in questionnaire's areas have 4, 6, 5, 5 and 4 statements,
// in questionnaire order.
var areaSizes = []int{4, 6, 5, 5, 4}

// byArea gives the statements of area k (0-based) the value v[k].
func byArea(v ...int) func(int) int {
	return func(i int) int {
		for k, n := range areaSizes {
			if i < n {
				return v[k]
			}
			i -= n
		}
		panic("statement out of range")
	}
}

// progressStore holds one finished attempt of the local profile per
// rating function (statement index → value, store.Skipped to skip), each
// started on the 1st of a month three months after the one before, from
// March 2026, and finished an hour later.
func progressStore(t testing.TB, q *survey.Questionnaire, attempts ...func(int) int) *memStore {
	t.Helper()
	st := newMemStore()
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, rating := range attempts {
		a, err := st.StartAttempt(store.LocalProfile, q, at)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range q.Statements {
			if err := st.SaveRating(a.ID, s.ID, rating(i), store.Position{Stage: store.StageStatements, Cursor: i + 1}); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.Finish(a.ID, at.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		at = at.AddDate(0, 3, 0)
	}
	return st
}

func loadQ(t testing.TB) *survey.Questionnaire {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// lineWith returns the screen's line that contains s, trimmed.
func (h *harness) lineWith(s string) string {
	h.t.Helper()
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.Contains(l, s) {
			return strings.TrimSpace(l)
		}
	}
	h.t.Fatalf("no line with %q:\n%s", s, h.screen())
	return ""
}

// fitsWindow fails if the screen is taller or wider than 80×24.
func (h *harness) fitsWindow(what string) {
	h.t.Helper()
	lines := strings.Split(h.screen(), "\n")
	if len(lines) > 24 {
		h.t.Errorf("%s: %d lines:\n%s", what, len(lines), h.screen())
	}
	for _, l := range lines {
		if w := len([]rune(l)); w > 80 {
			h.t.Errorf("%s: a line of %d cells: %q", what, w, l)
		}
	}
}

// takeTest takes the test from the welcome menu's first entry, skipping
// the background and the discussion, answering with digits.
func (h *harness) takeTest(digits string) {
	h.t.Helper()
	h.keys("<enter>s")
	h.text(digits)
	h.keys("<esc><enter>")
	h.see(Messages(h.m.c.lang).ResultTitle)
}

// The result of a second attempt shows, beside each area, the change from
// the first, with the arrow and sign carrying the meaning; the first
// attempt's result says nothing of change. Hand-computed: every area at
// 3 the first time; then information 5 (+2), communication 1 (−2), the
// rest 3 again.
func TestResultShowsChangeFromPrevious(t *testing.T) {
	for _, c := range []struct {
		lang             survey.Lang
		up, down, same   string
		since            string
		firstDate        string
		information, com string
	}{
		{survey.Swedish, "5,0 ▲ +2,0", "1,0 ▼ −2,0", "3,0   ±0,0", "förändring sedan förra testet (2026-11-23)", "", "Informations- och datakompetens", "Kommunikation och samarbete"},
		{survey.English, "5.0 ▲ +2.0", "1.0 ▼ −2.0", "3.0   ±0.0", "change since the previous test (2026-11-23)", "", "Information and data literacy", "Communication and collaboration"},
	} {
		h := newHarness(t, c.lang)
		h.takeTest(strings.Repeat("3", 24))
		h.notSee("▲", "▼", "±", c.since)
		h.fitsWindow("first result")
		h.keys("<esc>")
		h.takeTest("5555" + "111111" + strings.Repeat("3", 14))
		h.see(c.since)
		if l := h.lineWith(c.information); !strings.HasSuffix(l, c.up) {
			t.Errorf("%s: information reads %q, want it to end in %q", c.lang, l, c.up)
		}
		if l := h.lineWith(c.com); !strings.HasSuffix(l, c.down) {
			t.Errorf("%s: communication reads %q, want it to end in %q", c.lang, l, c.down)
		}
		for _, name := range []string{"Säkerhet", "Safety"} {
			if strings.Contains(h.screen(), name) {
				if l := h.lineWith(name); !strings.HasSuffix(l, c.same) {
					t.Errorf("%s: safety reads %q, want it to end in %q", c.lang, l, c.same)
				}
			}
		}
		h.fitsWindow("second result")
		// The wheel of this result: filled, and the previous outlined.
		h.keys("w")
		h.see(string(glyphFill), string(glyphPrevious))
		h.fitsWindow("wheel")
		h.keys("<esc>")
		h.see(c.since)
	}
}

// The history lists every finished attempt, newest first, with its
// date, questionnaire, overall mean and the change from the one before;
// Enter opens an attempt's result against the one before it, Esc goes
// back to the list and then to the menu.
func TestHistoryScreen(t *testing.T) {
	q := loadQ(t)
	st := progressStore(t, q, byArea(2, 2, 2, 2, 2), byArea(4, 4, 4, 4, 4), byArea(4, 4, 4, 4, 1))
	h := newHarnessFor(t, st, q, survey.Swedish)
	h.keys("<down><down><enter>")
	h.see("Historik", "Avslutade test: 3", "Datum", "Frågor", "Medel", "Förändring")
	// Overall means: 2,0; 4,0; (20·4 + 4·1)/24 = 3,5.
	rows := regexp.MustCompile(`(?m)^ *(›)? *(\d{4}-\d\d-\d\d) +digikomp v1 +(\S+) +(.+?) *$`).FindAllStringSubmatch(h.screen(), -1)
	want := [][]string{
		{"›", "2026-09-01", "3,5", "▼ −0,5"},
		{"", "2026-06-01", "4,0", "▲ +2,0"},
		{"", "2026-03-01", "2,0", "första"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d:\n%s", len(rows), len(want), h.screen())
	}
	for i, r := range rows {
		if got := r[1:]; fmt.Sprint(got) != fmt.Sprint(want[i]) {
			t.Errorf("row %d: %q, want %q", i+1, got, want[i])
		}
	}
	h.fitsWindow("history")
	h.keys("<down><enter>")
	h.see("Ditt resultat", "2026-06-01", "förändring sedan förra testet (2026-03-01)", "Medelvärde totalt: 4,0 av 7")
	if l := h.lineWith("Säkerhet"); !strings.HasSuffix(l, "4,0 ▲ +2,0") {
		t.Errorf("safety of the second attempt reads %q", l)
	}
	h.see("esc tillbaka")
	h.keys("<esc>")
	h.see("Avslutade test: 3")
	if l := h.lineWith("›"); !strings.Contains(l, "2026-06-01") {
		t.Errorf("the cursor moved: %q", l)
	}
	// The first attempt: no change to show.
	h.keys("<down><enter>")
	h.see("2026-03-01")
	h.notSee("förra testet", "▲", "▼")
	h.keys("<esc><esc>")
	h.see("Gör testet igen", "Historik")
}

// The history scrolls: with 40 attempts the cursor stays on screen and
// End reaches the first attempt.
func TestHistoryScrolls(t *testing.T) {
	q := loadQ(t)
	var fs []func(int) int
	for k := range 40 {
		fs = append(fs, byArea(1+k%7, 4, 4, 4, 4))
	}
	st := progressStore(t, q, fs...)
	h := newHarnessFor(t, st, q, survey.English)
	h.keys("<down><down><enter>")
	h.see("Finished tests: 40")
	h.fitsWindow("history of 40")
	h.send(tea.KeyMsg{Type: tea.KeyEnd})
	if l := h.lineWith("›"); !strings.Contains(l, "2026-03-01") || !strings.Contains(l, "first") {
		t.Errorf("End: %q", l)
	}
	h.fitsWindow("history of 40 at the end")
	for range 5 {
		h.keys("<up>")
	}
	if !strings.Contains(h.screen(), "›") {
		t.Errorf("the cursor left the screen:\n%s", h.screen())
	}
}

// Progress: a sentence instead of a chart with one attempt; with three,
// a sparkline per area and the changes since the first and the previous,
// and the statements that moved most.
func TestProgressScreen(t *testing.T) {
	q := loadQ(t)
	h := newHarnessFor(t, progressStore(t, q, byArea(3, 3, 3, 3, 3)), q, survey.Swedish)
	h.keys("<down><down><down><enter>")
	h.see("Utveckling", "Du behöver minst två avslutade test")
	h.notSee("Sedan första")
	h.keys("<esc>")
	h.see("Gör testet igen")

	// Hand-computed: information 2 → 4 → 5 (+3,0 since the first, +1,0
	// since the previous); safety 6 → 6 → 4 (−2,0 both); the rest 4.
	st := progressStore(t, q, byArea(2, 4, 4, 6, 4), byArea(4, 4, 4, 6, 4), byArea(5, 4, 4, 4, 4))
	h = newHarnessFor(t, st, q, survey.Swedish)
	h.keys("<down><down><down><enter>")
	h.see("Område", "Nu", "Sedan första", "Sedan förra", "3 i allt")
	for name, want := range map[string]*regexp.Regexp{
		"Informations- och datakompetens": regexp.MustCompile(`[▁-█]{3} +5,0 +▲ \+3,0 +▲ \+1,0$`),
		"Säkerhet":                        regexp.MustCompile(`[▁-█]{3} +4,0 +▼ −2,0 +▼ −2,0$`),
		"Problemlösning":                  regexp.MustCompile(`[▁-█]{3} +4,0 +±0,0 +±0,0$`),
		// (4·5 + 20·4)/24 = 4,17 → 4,2; first (4·2 + 5·6 + 15·4)/24 = 4,08 → 4,1; previous (4·4+5·6+15·4)/24 = 4,42 → 4,4.
		"Totalt": regexp.MustCompile(`[▁-█]{3} +4,2 +▲ \+0,1 +▼ −0,2$`),
	} {
		if l := h.lineWith(name); !want.MatchString(l) {
			t.Errorf("%s reads %q, want %v", name, l, want)
		}
	}
	h.fitsWindow("progress")
	h.see("Steg mest sedan första testet", "2 → 5")
	h.send(tea.KeyMsg{Type: tea.KeyPgDown})
	h.see("Sjönk mest sedan första testet", "6 → 4")
	h.fitsWindow("progress scrolled")
}

// The wheel draws this attempt filled and the previous outlined with
// glyphs of their own, labels each area, keeps to 80×24 in both
// languages, and says when there is nothing to compare with.
func TestWheelScreen(t *testing.T) {
	q := loadQ(t)
	h := newHarnessFor(t, progressStore(t, q, byArea(6, 6, 6, 6, 6)), q, survey.Swedish)
	h.keys("<down><down><down><down><enter>")
	h.see("Kompetenshjulet", string(glyphFill), "detta test (2026-03-01)", "Inget tidigare test att jämföra med.", "Mitten är 0, ytterkanten 7.")
	h.notSee(string(glyphPrevious), "förra testet (")
	h.fitsWindow("wheel, one attempt")

	st := progressStore(t, q, byArea(7, 7, 7, 7, 7), byArea(2, 3, 4, 5, 6))
	for _, lang := range survey.Langs {
		h = newHarnessFor(t, st, q, lang)
		h.keys("<down><down><down><down><enter>")
		cat := Messages(lang).Progression
		h.see(string(glyphFill), string(glyphPrevious), string(glyphFrame),
			fmt.Sprintf(cat.WheelThis, "2026-06-01"), fmt.Sprintf(cat.WheelPrevious, "2026-03-01"))
		for _, a := range q.Areas {
			// Every name is there, perhaps wrapped: its first word.
			h.see(strings.Fields(a.Name.In(lang))[0])
		}
		h.fitsWindow(string(lang) + " wheel")
		// The previous attempt was at the edge everywhere: its outline
		// lies on the frame, so the frame's own dots are hidden there, and
		// the filled part is smaller than before.
		if n := strings.Count(h.screen(), string(glyphPrevious)); n < 20 {
			t.Errorf("%s: only %d cells of the previous outline:\n%s", lang, n, h.screen())
		}
		h.keys("<esc>")
		h.see(Messages(lang).MenuQuit)
	}
}

// Accessible mode: the same three entries as text; the wheel as a table.
func TestAccessibleProgression(t *testing.T) {
	st := openTemp(t)
	q := loadQ(t)
	for k, v := range []int{3, 5} {
		at := time.Date(2026, time.Month(3+3*k), 1, 12, 0, 0, 0, time.UTC)
		a, err := st.StartAttempt(store.LocalProfile, q, at)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range q.Statements {
			if err := st.SaveRating(a.ID, s.ID, v, store.Position{Stage: store.StageStatements, Cursor: i + 1}); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.Finish(a.ID, at.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	// Menu: 1 again, 2 latest, 3 history, 4 progress, 5 wheel, 6
	// discussion, 7 quit.
	out, _ := runLines(t, st, survey.Swedish, []string{"2", "3", "2", "4", "5", "7"})
	for _, want := range []string{
		"Informations- och datakompetens: 5,0, +2,0 sedan förra testet",
		"1. 2026-06-01, Frågor digikomp v1, Medel 5,0, Förändring +2,0",
		"2. 2026-03-01, Frågor digikomp v1, Medel 3,0, Förändring första",
		"Ditt resultat 2026-03-01",
		"Informations- och datakompetens: 5,0, +2,0 sedan första, +2,0 sedan förra",
		"Totalt: 5,0, +2,0 sedan första, +2,0 sedan förra",
		"1 Informations- och datakompetens: 5,0, förra testet 3,0, +2,0",
		"5 Problemlösning: 5,0, förra testet 3,0, +2,0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, out)
		}
	}
	for _, glyph := range []string{string(glyphFill), string(glyphPrevious), "▁", "▲", "▼"} {
		if strings.Contains(out, glyph) {
			t.Errorf("accessible output draws %q:\n%s", glyph, out)
		}
	}
}

// A questionnaire id read from the file reaches the history only cleaned.
func TestHistoryCleansQuestionnaireID(t *testing.T) {
	q := loadQ(t)
	evil := *q
	evil.ID = "evil\x1b]0;pwned\x07\u202eid"
	st := progressStore(t, &evil, byArea(3, 3, 3, 3, 3))
	h := newHarnessFor(t, st, q, survey.English)
	h.keys("<down><down><enter>")
	v := h.m.View()
	if strings.ContainsAny(v, "\x1b\x07\u202e") {
		t.Errorf("the history shows control characters: %q", v)
	}
	h.see("evil]0;pwnedid v1")
	h.keys("<enter>")
	if strings.ContainsAny(h.m.View(), "\x1b\x07\u202e") {
		t.Errorf("the result shows control characters: %q", h.m.View())
	}
}

// versionTwo is the built-in questionnaire as a version 2 without its
// first statement (an information statement).
func versionTwo(t testing.TB) *survey.Questionnaire {
	q2 := loadQ(t).Clone()
	q2.Version = 2
	q2.Statements = q2.Statements[1:]
	return q2
}

// An attempt of another questionnaire version is compared on the
// statements the two share, with the previous attempt scored against the
// definition the file keeps of its own version, and the result says so.
// Hand-computed: version 1 all 3 but its first statement 7 (information
// (7+3+3+3)/4 = 4,0); version 2 all 5. On the shared statements
// information was 3,0: +2,0, not the +1,0 that 4,0 → 5,0 would read.
func TestResultAcrossVersions(t *testing.T) {
	q1 := loadQ(t)
	st := progressStore(t, q1, func(i int) int {
		if i == 0 {
			return 7
		}
		return 3
	})
	st.putDefinition(q1)
	q2 := versionTwo(t)
	h := newHarnessFor(t, st, q2, survey.Swedish)
	h.takeTest(strings.Repeat("5", 23))
	h.see("förändring sedan förra testet (2026-03-01)", "jämförs på de påståenden")
	h.see("som båda har (23).")
	if l := h.lineWith("Informations- och datakompetens"); !strings.HasSuffix(l, "5,0 ▲ +2,0") {
		t.Errorf("information reads %q, want 5,0 ▲ +2,0", l)
	}
	h.fitsWindow("result across versions")
	// The history opens the old attempt with its own questions: 24
	// statements, information 4,0.
	h.keys("<esc><down><down><enter>")
	h.see("digikomp v2", "digikomp v1")
	h.keys("<down><enter>")
	h.see("Besvarade: 24 av 24")
	if l := h.lineWith("Informations- och datakompetens"); !strings.HasSuffix(l, "4,0") {
		t.Errorf("the old attempt's information reads %q, want 4,0", l)
	}
	// Progress says the versions differ. (The menu kept its cursor on
	// the history.)
	h.keys("<esc><esc><down><enter>")
	h.see("olika versioner av frågorna")
}

// Texts of a questionnaire definition read from the file reach the
// screens only cleaned, whatever the store returns.
func TestDefinitionTextsCleaned(t *testing.T) {
	q := loadQ(t)
	evil := q.Clone()
	evil.Version = 3
	evil.Areas[0].Name.SV = "Ond\x1b]0;titel\x07 \u202eyta"
	evil.Statements[0].Text.SV = "Jag kan\x1b[2J radera \u2066skärmen."
	st := progressStore(t, evil, byArea(6, 2, 2, 2, 2), byArea(7, 2, 2, 2, 2))
	st.putDefinition(evil)
	// From a fresh menu each time: the latest result, the history and an
	// older result from it, its wheel, the progress, the wheel.
	for _, keys := range []string{"<down><enter>", "<down><down><enter><down><enter>w", "<down><down><down><enter>", "<down><down><down><down><enter>"} {
		h := newHarnessFor(t, st, q, survey.Swedish)
		h.keys(keys)
		if h.m.screen == screenWelcome {
			t.Fatalf("%s did not leave the menu", keys)
		}
		if v := h.m.View(); strings.ContainsAny(v, "\x1b\x07\u202e\u2066") {
			t.Fatalf("after %s the screen holds control characters: %q", keys, v)
		}
		h.see("Ond]0;titel")
	}
}

// TestGoldenProgression keeps a picture of the history, progress and wheel
// screens and of a result with changes, at 80×24 in both languages with
// plain styles, as TestGoldenScreens does for the rest. Regenerate with
// go test ./ui -run Golden -update.
func TestGoldenProgression(t *testing.T) {
	q := loadQ(t)
	st := progressStore(t, q, byArea(2, 4, 4, 6, 4), byArea(4, 4, 3, 6, 4), byArea(5, 4, 4, 4, 7))
	for _, lang := range survey.Langs {
		shot := func(h *harness, name string) {
			t.Helper()
			h.fitsWindow(name)
			checkGolden(t, string(lang)+"-"+name, h.screen())
		}
		h := newHarnessFor(t, st, q, lang)
		h.keys("<down><enter>")
		shot(h, "result-change")
		h.keys("w")
		shot(h, "wheel")
		h.keys("<esc><esc><down><down><enter>")
		shot(h, "history")
		h.keys("<esc><down><enter>")
		shot(h, "progress")
	}
}

// The three screens keep to the window at the smallest size the app
// draws (50×16) and at 80×24, for questionnaires of 3 to 12 areas with
// long names and large area numbers (the wheel turns into a table past
// eight areas).
func TestProgressionScreensFitAnyQuestionnaire(t *testing.T) {
	base := loadQ(t)
	for _, n := range []int{3, 4, 7, 8, 12} {
		q := base.Clone()
		q.ID, q.Areas = fmt.Sprintf("areas-%d-with-a-very-long-questionnaire-id", n), nil
		for k := range n {
			name := fmt.Sprintf("Område nummer %d med ett mycket långt namn som aldrig tar slut", k+1)
			q.Areas = append(q.Areas, survey.Area{ID: fmt.Sprintf("a%d", k), Number: 1000 + k, Name: survey.Text{SV: name, EN: name}})
		}
		for i := range q.Statements {
			q.Statements[i].Area = fmt.Sprintf("a%d", i%n)
		}
		st := progressStore(t, q, func(i int) int { return 1 + i%7 }, func(i int) int { return 7 - i%7 })
		for _, size := range []tea.WindowSizeMsg{{Width: 50, Height: 16}, {Width: 80, Height: 24}} {
			for item, keys := range []string{"<down><enter>", "<down><enter>w", "<down><down><enter>", "<down><down><down><enter>", "<down><down><down><down><enter>"} {
				h := newHarnessFor(t, st, q, survey.Swedish)
				h.send(size)
				h.keys(keys)
				if h.m.screen == screenWelcome {
					t.Fatalf("%d areas: %s stayed on the menu", n, keys)
				}
				for range 2 {
					lines := strings.Split(h.screen(), "\n")
					if len(lines) > size.Height {
						t.Errorf("%d areas, %d×%d, entry %d: %d lines:\n%s", n, size.Width, size.Height, item, len(lines), h.screen())
					}
					for _, l := range lines {
						if w := len([]rune(l)); w > size.Width {
							t.Errorf("%d areas, %d×%d, entry %d: a line of %d cells: %q", n, size.Width, size.Height, item, w, l)
						}
					}
					h.send(tea.KeyMsg{Type: tea.KeyPgDown})
				}
			}
		}
	}
}
