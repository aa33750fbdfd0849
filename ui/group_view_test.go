package ui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"digikomp/internal/langcheck"
	"digikomp/store"
	"digikomp/survey"
)

// groupFixture is a memStore with two workshops in two rounds: "Baslinjen"
// (round "baslinje", n respondents) and "Höstträffen" (round "2026 höst",
// n respondents rating a point higher on average, and 3 unfinished).
// Every fourth respondent offers to teach, and every eighth chose to show
// the name "Visad Lärare N"; the others' names exist nowhere in the fake.
func groupFixture(t testing.TB, q *survey.Questionnaire, n int) *memStore {
	t.Helper()
	ms := newMemStore()
	date := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	ms.addWorkshop(store.Workshop{ID: "aa01", Name: "Baslinjen", Place: "Växjö", Round: "baslinje", Date: date, Protected: true})
	ms.addWorkshop(store.Workshop{ID: "aa02", Name: "Höstträffen", Place: "Kalmar", Round: "2026 höst", Date: date.AddDate(0, 8, 0), Protected: true})
	topics, err := survey.Topics()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for wi, w := range []string{"aa01", "aa02"} {
		for i := range n {
			values := make([]byte, len(q.Statements))
			for j := range values {
				v := 2 + wi + r.IntN(4)
				if r.IntN(20) == 0 {
					v = 0
				}
				values[j] = byte(min(v, q.Scale.Max))
			}
			bg := map[string]string{}
			for _, b := range q.Background {
				if b.Kind == survey.KindChoice && r.IntN(6) > 0 {
					bg[b.ID] = b.Options[r.IntN(len(b.Options))].ID
				}
			}
			resp := survey.Respondent{Values: values, Background: bg}
			if survey.IsManager(bg) {
				resp.Manager = []string{survey.ManagerYes, survey.ManagerPartly, survey.ManagerNo}[r.IntN(3)]
			}
			for k := range 1 + r.IntN(5) {
				resp.Learn = append(resp.Learn, topics[(i+k*3)%len(topics)].ID)
			}
			if i%4 == 0 {
				resp.Teach = []string{topics[i%len(topics)].ID}
				if i%8 == 0 {
					resp.TeachName = fmt.Sprintf("Visad Lärare %d", i)
				}
			}
			disc := map[string]string{}
			for k, d := range q.Discussion {
				if (i+k)%3 == 0 {
					disc[d.ID] = fmt.Sprintf("Svar %d på fråga %d från workshop %d", i, k+1, wi+1)
				}
			}
			ms.addRespondent(w, resp, disc)
		}
	}
	ms.addUnfinished("aa02", 3)
	return ms
}

func groupHarness(t *testing.T, lang survey.Lang, n, width, height int) (*harness, *memStore) {
	t.Helper()
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := groupFixture(t, q, n)
	h := newHarnessFor(t, ms, q, lang)
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	return h, ms
}

// openGroup raises the intent workshop mode raises after the PIN.
func (h *harness) openGroup(in intent) {
	h.t.Helper()
	next, cmd := h.m.act(in)
	h.m = next.(Model)
	h.run(cmd)
}

// scrollAll pages through the screen to the end and returns every
// screen seen, checking that each fits the window.
func (h *harness) scrollAll(width, height int) []string {
	h.t.Helper()
	var seen []string
	for range 200 {
		s := h.screen()
		h.fitsIn(s, width, height)
		seen = append(seen, s)
		if !strings.Contains(s, h.m.c.cat.MoreBelow) {
			return seen
		}
		h.keys("<space>")
	}
	h.t.Fatal("the screen does not reach its end")
	return nil
}

func (h *harness) fitsIn(s string, width, height int) {
	h.t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != height {
		h.t.Fatalf("%d lines in a window of %d:\n%s", len(lines), height, s)
	}
	for _, l := range lines {
		if w := lipgloss.Width(l); w > width {
			h.t.Fatalf("a line of %d cells in a window of %d: %q", w, width, l)
		}
	}
}

// groupTestCases are the languages and window sizes every group screen
// is checked at: a laptop's 80×24 and a projector's 120×40.
var groupSizes = [][2]int{{80, 24}, {120, 40}}

func TestGroupViewFitsAndSaysEverything(t *testing.T) {
	for _, lang := range survey.Langs {
		for _, size := range groupSizes {
			t.Run(fmt.Sprintf("%s-%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				h, _ := groupHarness(t, lang, 14, size[0], size[1])
				h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "aa02", Name: "Höstträffen"})})
				all := strings.Join(h.scrollAll(size[0], size[1]), "\n")
				g := h.m.c.cat.Group
				want := []string{fmt.Sprintf(g.TitleOf, "Höstträffen"), fmt.Sprintf(g.Finished, "14"), fmt.Sprintf(g.Unfinished, "3"),
					g.Areas, g.Overall, g.Statements, g.Splits, g.SplitRole, g.TooFew, g.Alpha, g.AlphaIntro[:20], g.Needs, g.Teach, g.Shares,
					g.Discussion, g.DiscussionNote, "▲", "▼", "Visad Lärare 0", "Svar 3 på fråga 1 från workshop 2"}
				for _, w := range want {
					if !strings.Contains(all, w) {
						t.Errorf("the group view never shows %q", w)
					}
				}
				// Only the workshop's own answers.
				if strings.Contains(all, "workshop 1") {
					t.Error("the view shows another workshop's discussion answers")
				}
				if lang == survey.Swedish {
					if words := langcheck.English(all); len(words) > 0 {
						t.Errorf("Swedish group view has English %q", words)
					}
				}
				if size[0] >= 120 && !strings.Contains(all, "Medel 4,5 · median 5,0 · andel 6–7: 28 % · svarande: 14") && lang == survey.Swedish {
					t.Errorf("at %d columns an area's numbers should stand on one line beside its spread", size[0])
				}
				h.keys("<esc>")
				if h.m.screen != screenWelcome && h.m.screen != screenChooser {
					t.Errorf("Esc from a group view opened without a way back leads to %v", h.m.screen)
				}
			})
		}
	}
}

// The percentages of a spread are its counts over the area's ratings,
// and the blocks follow them; the numbers are the report's.
func TestGroupDistribution(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := textCommon(q, survey.Swedish, 76)
	a := survey.AreaStats{Counts: []int{0, 1, 0, 0, 2, 0, 0, 1}, Ratings: 4}
	got := distribution(c, survey.GroupReport{ScaleMin: 1, ScaleMax: 7}, a, 56)
	lines := strings.Split(got, "\n")
	if len(lines) != 3 {
		t.Fatalf("a spread is three lines, got %q", got)
	}
	for _, want := range []string{"25 %", "50 %", "0 %"} {
		if !strings.Contains(lines[2], want) {
			t.Errorf("the shares %q lack %q", lines[2], want)
		}
	}
	if strings.Count(lines[1], "█") != 2 || strings.Count(lines[1], "▄") != 4 {
		t.Errorf("value 4 (the most) should be a full block and 1 and 7 half ones: %q", lines[1])
	}
	if w := distributionWords(c, survey.GroupReport{ScaleMin: 1, ScaleMax: 7}, a); w != "1: 25 %, 2: 0 %, 3: 0 %, 4: 50 %, 5: 0 %, 6: 0 %, 7: 25 %" {
		t.Errorf("accessible spread %q", w)
	}
}

// Small groups: every split group under five says "för få svar" with no
// number, the shares too, and alpha waits for ten finished.
func TestGroupViewTooFew(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := groupFixture(t, q, 4)
	h := newHarnessFor(t, ms, q, survey.Swedish)
	h.openGroup(intentGroup{pick: pickRound("baslinje")})
	all := strings.Join(h.scrollAll(80, 24), "\n")
	g := h.m.c.cat.Group
	for _, want := range []string{g.DigiteketTooFew, g.ManagersTooFew, fmt.Sprintf(g.AlphaFew, survey.MinAlpha), "Bibliotekarie", "Inget svar"} {
		if !strings.Contains(all, want) {
			t.Errorf("a group of 4 should show %q", want)
		}
	}
	for _, line := range strings.Split(all, "\n") {
		for _, label := range []string{"Bibliotekarie ", "Biblioteksassistent ", "0–2 år ", "Inget svar "} {
			if strings.HasPrefix(strings.TrimSpace(line), label) && !strings.Contains(line, g.TooFew) {
				t.Errorf("a group of fewer than 5 shows numbers: %q", line)
			}
		}
	}
}

func TestGroupViewEmptyAndMissing(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := groupFixture(t, q, 0)
	h := newHarnessFor(t, ms, q, survey.English)
	h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "aa01", Name: "Baslinjen"})})
	h.see(h.m.c.cat.Group.Empty, fmt.Sprintf(h.m.c.cat.Group.Finished, "0"))
	h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "ffff", Name: "Gone"}), back: intentShow{screenWelcome}})
	h.see(h.m.c.cat.Group.LoadFailed)
	h.keys("<esc>")
	if h.m.screen != screenWelcome {
		t.Errorf("Esc should return to where the view was opened from, got %v", h.m.screen)
	}
	// A damaged file ends the program, as every damaged read does.
	h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "aa01", Name: "Baslinjen"})})
	ms.mu.Lock()
	ms.failRead = true
	ms.mu.Unlock()
	h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "aa01", Name: "Baslinjen"})})
	if h.m.Fatal == nil || !h.quit {
		t.Error("a damaged file read for the group view should end the program")
	}
}

// A load that arrives after its view was left is dropped.
func TestGroupViewLateLoad(t *testing.T) {
	h, _ := groupHarness(t, survey.Swedish, 6, 80, 24)
	next, cmd := h.m.act(intentGroup{pick: pickRound("2026 höst")})
	h.m = next.(Model)
	late := cmd()
	h.keys("<esc>")
	h.send(late)
	if h.m.screen == screenGroup {
		t.Error("a late load brought the group view back")
	}
}

func TestShuffleAnswers(t *testing.T) {
	in := map[string][]string{"a": {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}, "b": {"x"}}
	keep := strings.Join(in["a"], ",")
	one, again, other := shuffleAnswers(in, 1), shuffleAnswers(in, 1), shuffleAnswers(in, 2)
	if strings.Join(in["a"], ",") != keep {
		t.Error("shuffleAnswers changed its argument")
	}
	if strings.Join(one["a"], ",") != strings.Join(again["a"], ",") {
		t.Error("the same seed should give the same order")
	}
	if strings.Join(one["a"], ",") == strings.Join(other["a"], ",") || strings.Join(one["a"], ",") == keep {
		t.Errorf("seeds 1 and 2 should give different orders, not the stored one: %v %v", one["a"], other["a"])
	}
	if len(one["b"]) != 1 || len(one["a"]) != 10 {
		t.Error("shuffling lost answers")
	}
}

// Accessible mode says the same numbers as sentences, without bars or
// blocks.
func TestGroupLines(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := groupFixture(t, q, 12)
	r, answers, err := loadGroup(ms, q, store.GroupFilter{Workshop: "aa02"}, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range survey.Langs {
		c := textCommon(q, lang, 76)
		c.lines = true
		body := groupBody(c, groupData{report: r, answers: answers})
		for _, bad := range []string{"█", "▇", "▲", "─", "\x1b"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: accessible group text holds %q", lang, bad)
			}
		}
		a := r.Areas[0]
		want := []string{
			areaName(c, a.AreaID) + ". " + fmt.Sprintf(c.cat.Group.AreaLine, formatMean(lang, a.MeanTenths), formatMean(lang, a.MedianTenths), 6, 7, formatPercent(lang, a.HighPercent), "12"),
			fmt.Sprintf(c.cat.Group.DistAcc, distributionWords(c, r, a)),
			"(" + c.cat.Group.MarkHighest,
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: accessible group text lacks %q:\n%s", lang, w, body)
			}
		}
		if lang == survey.Swedish {
			if words := langcheck.English(body); len(words) > 0 {
				t.Errorf("Swedish accessible group text has English %q", words)
			}
		}
	}
}

// GroupText and RoundsText, for the report command: plain lines within
// the width.
func TestGroupTextPlain(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := groupFixture(t, q, 12)
	base, _, err := loadGroup(ms, q, store.GroupFilter{Round: "baslinje"}, false)
	if err != nil {
		t.Fatal(err)
	}
	end, answers, err := loadGroup(ms, q, store.GroupFilter{Round: "2026 höst"}, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{60, 100} {
		for _, lang := range survey.Langs {
			g := GroupText(q, end, answers, lang, width)
			rt := RoundsText(q, base, end, "baslinje", "2026 höst", lang, width)
			for _, l := range append(g, rt...) {
				if strings.ContainsRune(l, '\x1b') || lipgloss.Width(l) > width {
					t.Errorf("%s at %d: line %q", lang, width, l)
				}
			}
			text := strings.Join(rt, "\n")
			if !strings.Contains(text, fmt.Sprintf(Messages(lang).Group.HigherLine, Messages(lang).Group.Yes)) {
				t.Errorf("%s: the end round rates higher, yet:\n%s", lang, text)
			}
		}
	}
}

// The line runner says the group view as sentences.
func TestSayGroup(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := groupFixture(t, q, 12)
	var out strings.Builder
	cat := Messages(survey.Swedish)
	r := &lineRunner{cfg: Config{Store: ms, Questionnaire: q, Lang: survey.Swedish, Now: time.Now},
		c: &common{q: q, lang: survey.Swedish, cat: cat, st: plainStyles(), keys: newKeyMap(cat), width: maxContent + 2, lines: true}, out: &out}
	if err := r.sayGroup(pickRound("baslinje")); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{fmt.Sprintf(cat.Group.TitleOf, "baslinje"), fmt.Sprintf(cat.Group.Finished, "12"), "Fördelning: 1: ", cat.Group.DiscussionNote} {
		if !strings.Contains(s, want) {
			t.Errorf("accessible group view lacks %q:\n%s", want, s)
		}
	}
	if strings.ContainsAny(s, "█▇▲▼─\x1b") {
		t.Errorf("accessible group view draws:\n%s", s)
	}
	if err := r.sayGroup(pickRound("nope")); err != nil || !strings.Contains(out.String(), cat.Group.LoadFailed) {
		t.Errorf("a round nobody has should be said, not fail: %v", err)
	}
}

// Text from the file (an import from another laptop) is terminal input:
// escapes and bidirectional overrides never reach the screen, and a word
// longer than the window is broken, not let past the edge.
func TestGroupViewHostileText(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	ms := newMemStore()
	ms.addWorkshop(store.Workshop{ID: "cc01", Name: "Träff\x1b]0;titel\x07 \u202eomvänd", Round: "r\x1b[2J1"})
	topics, _ := survey.Topics()
	long := strings.Repeat("ö", 300)
	for i := range 6 {
		values := make([]byte, len(q.Statements))
		for j := range values {
			values[j] = byte(1 + (i+j)%7)
		}
		ms.addRespondent("cc01", survey.Respondent{Values: values, Teach: []string{topics[0].ID, "okänt-ämne"},
			TeachName: "Namn\x1b[31m\u202e" + long}, map[string]string{q.Discussion[0].ID: "svar\x1b[2J\x1b]8;;http://x\x07länk " + long + "\nrad två\u2066"})
	}
	h := newHarnessFor(t, ms, q, survey.Swedish)
	for _, size := range groupSizes {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "cc01", Name: "Träff\x1b]0;titel\x07 \u202eomvänd"})})
		for _, s := range h.scrollAllRaw(size[0], size[1]) {
			for _, bad := range []string{"\x1b]", "\x1b[2J", "\x1b[31m", "\u202e", "\u2066", "\x07"} {
				if strings.Contains(s, bad) {
					t.Fatalf("the group view passes %q through:\n%q", bad, s)
				}
			}
		}
	}
}

// scrollAllRaw is scrollAll on the raw view (styles are plain in tests,
// so anything escape-like in it came from the data).
func (h *harness) scrollAllRaw(width, height int) []string {
	h.t.Helper()
	var seen []string
	for range 300 {
		raw := h.m.View()
		h.fitsIn(raw, width, height)
		seen = append(seen, raw)
		if !strings.Contains(raw, h.m.c.cat.MoreBelow) {
			return seen
		}
		h.keys("<space>")
	}
	h.t.Fatal("the screen does not reach its end")
	return nil
}

// Tab jumps from one part of the group view to the next, Shift+Tab back.
func TestGroupViewParts(t *testing.T) {
	h, _ := groupHarness(t, survey.Swedish, 14, 80, 24)
	h.openGroup(intentGroup{pick: pickWorkshop(store.Workshop{ID: "aa02", Name: "Höstträffen"})})
	g := h.m.c.cat.Group
	if n := len(h.m.g.view.parts); n != 8 {
		t.Fatalf("%d parts, want 8 (areas, statements, splits, alpha, needs, teach, shares, discussion): %v", n, h.m.g.view.parts)
	}
	for _, title := range []string{g.Areas, g.Statements, g.Splits, g.Alpha, g.Needs, g.Teach, g.Shares, g.Discussion} {
		h.keys("<tab>")
		lines := strings.Split(h.screen(), "\n")
		if !strings.Contains(lines[2], title) {
			t.Fatalf("Tab should bring %q to the top:\n%s", title, h.screen())
		}
	}
	h.send(tea.KeyMsg{Type: tea.KeyShiftTab})
	h.send(tea.KeyMsg{Type: tea.KeyShiftTab})
	if lines := strings.Split(h.screen(), "\n"); !strings.Contains(lines[2], g.Teach) {
		t.Fatalf("Shift+Tab twice should go back to %q:\n%s", g.Teach, h.screen())
	}
	h.see("tab " + g.KeyPart)
}
