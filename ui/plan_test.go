package ui

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"digikomp/internal/langcheck"
	"digikomp/store"
	"digikomp/survey"
)

// finishWith takes a whole attempt from the menu's first entry: no
// background, every statement rated by rate (a digit per statement), no
// discussion answers; it ends on the result.
func finishRated(h *harness, rate func(survey.Statement) int) {
	h.t.Helper()
	h.keys("<enter>s")
	var b strings.Builder
	for _, s := range h.q.Statements {
		b.WriteByte(byte('0' + rate(s)))
	}
	h.keys(b.String())
	h.keys("<esc><enter>")
	if h.m.screen != screenResult {
		h.t.Fatalf("not on the result:\n%s", h.screen())
	}
}

// safetyLow rates safety 2 and everything else 6.
func safetyLow(s survey.Statement) int {
	if s.Area == "safety" {
		return 2
	}
	return 6
}

// moveTo presses down until the plan's cursor is on topic id.
func (h *harness) planCursorTo(id string) {
	h.t.Helper()
	i := h.m.plan.index(id)
	if i < 0 {
		h.t.Fatalf("topic %s not on the plan screen:\n%s", id, h.screen())
	}
	for h.m.plan.cursor != i {
		h.keys("<down>")
	}
}

func (h *harness) needsCursorTo(id string) {
	h.t.Helper()
	for range len(h.m.needs.all) + 1 {
		if h.m.needs.rows()[h.m.needs.cursor].ID == id {
			return
		}
		h.keys("<down>")
	}
	h.t.Fatalf("topic %s not on the needs screen", id)
}

func planOf(t *testing.T, ms *memStore) (store.Plan, store.AttemptID) {
	t.Helper()
	p, id, ok, err := ms.LatestPlan(store.LocalProfile)
	if err != nil || !ok {
		t.Fatalf("no plan stored: %v", err)
	}
	return p, id
}

// fits checks that a screen fits 80×24.
func fits(t *testing.T, h *harness) {
	t.Helper()
	v := h.m.View()
	if n := lipgloss.Height(v); n > 24 {
		t.Errorf("%d lines at 80×24:\n%s", n, h.screen())
	}
	for _, l := range strings.Split(h.screen(), "\n") {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line of %d cells: %q", w, l)
		}
	}
}

func TestPlanPickGoalAndWelcome(t *testing.T) {
	ms := newMemStore()
	q, _ := survey.Load()
	h := newHarnessFor(t, ms, q, survey.Swedish)
	finishRated(h, safetyLow)
	h.see("p din plan")
	h.keys("p")
	h.see("Din lärandeplan", "Valda: 0", "Säkra enheter och bedrägerier", "Prova den här veckan:", "Du skattade 2")
	fits(t, h)
	// Safety is the weakest area: its topics come first.
	if first := h.m.plan.items[0]; !slices.Contains(first.Topic.Areas, "safety") {
		t.Errorf("first suggestion %s is not a safety topic", first.Topic.ID)
	}
	h.planCursorTo("it-sakerhet")
	h.keys("<space>")
	h.planCursorTo("dataskydd-gdpr")
	h.keys("<space>")
	h.see("Valda: 2", "[x] Säkra enheter", "[x] Dataskydd")
	// Space again unpicks; a third pick and its removal leave two.
	h.planCursorTo("hallbar-it")
	h.keys("<space><space>")
	h.see("Valda: 2")
	h.keys("<enter>")
	h.see("Vad vill du kunna nästa gång?")
	fits(t, h)
	// q and ? are letters in the goal.
	h.text("Kunna visa bedrägeriknep? q")
	h.keys("<enter>")
	p, _ := planOf(t, ms)
	if !slices.Equal(p.Topics, []string{"it-sakerhet", "dataskydd-gdpr"}) || p.Goal != "Kunna visa bedrägeriknep? q" {
		t.Fatalf("stored plan %+v", p)
	}
	h.see("Behov och resurser", "Planen är sparad.")
	fits(t, h)
	h.keys("<esc>")
	if h.m.screen != screenWelcome {
		t.Fatalf("esc on the needs screen did not lead to the menu:\n%s", h.screen())
	}
	h.see("Ditt mål: Kunna visa bedrägeriknep? q", "Min plan")
	fits(t, h)

	// The menu's "Min plan" opens the stored plan again, picks kept.
	for h.m.welcome.items[h.m.welcome.cursor].label != "Min plan" {
		h.keys("<down>")
	}
	h.keys("<enter>")
	h.see("Valda: 2", "[x] Säkra enheter")
	h.keys("<enter>")
	h.see("Kunna visa bedrägeriknep? q")
	// Esc goes back to the topics without saving.
	h.keys("<esc>")
	h.see("Valda: 2")
	h.keys("<esc>")
	if h.m.screen != screenWelcome {
		t.Fatalf("esc on the plan did not lead to the menu:\n%s", h.screen())
	}
}

func TestNeedsRankTeachOther(t *testing.T) {
	ms := newMemStore()
	q, _ := survey.Load()
	h := newHarnessFor(t, ms, q, survey.Swedish)
	finishRated(h, safetyLow)
	h.keys("p<enter><enter>") // no topics, no goal: an empty plan is still saved
	h.see("Behov och resurser", "Prio  Lär ut  Ämne", "mellanslag lära mig", "+/− ordna")
	fits(t, h)
	for _, id := range []string{"makerspace", "mik", "juridik", "felsokning", "kallkritik"} {
		h.needsCursorTo(id)
		h.keys("<space>")
	}
	// A sixth is refused, with a reason.
	h.needsCursorTo("oppen-kallkod")
	h.keys("<space>")
	h.see("Du har redan valt 5 ämnen")
	if len(h.m.needs.learn) != 5 {
		t.Fatalf("learn %v", h.m.needs.learn)
	}
	// Reorder: kallkritik up twice (+ and shift+up), makerspace down once.
	h.needsCursorTo("kallkritik")
	h.keys("+")
	h.send(tea.KeyMsg{Type: tea.KeyShiftUp})
	h.needsCursorTo("makerspace")
	h.keys("-")
	want := []string{"mik", "makerspace", "kallkritik", "juridik", "felsokning"}
	if !slices.Equal(h.m.needs.learn, want) {
		t.Fatalf("learn %v, want %v", h.m.needs.learn, want)
	}
	// The ranked topics come first, numbered.
	h.see("1.          MIK-aktiviteter", "5.          Felsökning")
	// Removing one ranks the rest up.
	h.needsCursorTo("juridik")
	h.keys("<space>")
	h.needsCursorTo("oppen-kallkod")
	h.keys("<space>")
	h.needsCursorTo("felsokning")
	h.keys("t")
	h.needsCursorTo("makerspace")
	h.keys("t")
	h.keys("<enter>")
	p, _ := planOf(t, ms)
	if !slices.Equal(p.Learn, []string{"mik", "makerspace", "kallkritik", "felsokning", "oppen-kallkod"}) {
		t.Errorf("stored learn %v", p.Learn)
	}
	if !slices.Equal(p.Teach, []string{"felsokning", "makerspace"}) {
		t.Errorf("stored teach %v (want file order)", p.Teach)
	}
	h.see("Något annat du vill lära dig")
	h.text("Ljudinspelning för poddar")
	h.keys("<enter>")
	if p, _ := planOf(t, ms); p.Other != "Ljudinspelning för poddar" || p.ShowName {
		t.Errorf("stored %+v", p)
	}
	h.see("Får ditt namn stå bredvid", "Nej, bara utan namn")
	h.keys("<down><enter>")
	if p, _ := planOf(t, ms); !p.ShowName {
		t.Errorf("ShowName not stored: %+v", p)
	}
	if h.m.screen != screenWelcome {
		t.Fatalf("not back on the menu:\n%s", h.screen())
	}
}

func TestNeedsWithoutTeachAsksNoName(t *testing.T) {
	ms := newMemStore()
	q, _ := survey.Load()
	h := newHarnessFor(t, ms, q, survey.English)
	finishRated(h, safetyLow)
	h.keys("p<enter><enter>")
	h.see("Needs and resources", "Rank  Teach   Topic")
	h.keys("<space><enter><enter>")
	if h.m.screen != screenWelcome {
		t.Fatalf("the name was asked with nothing to teach:\n%s", h.screen())
	}
	if p, _ := planOf(t, ms); len(p.Learn) != 1 || p.ShowName {
		t.Errorf("stored %+v", p)
	}
}

// The next attempt's result sets the goal beside what changed in the
// areas of the chosen topics.
func TestGoalBesideNextResult(t *testing.T) {
	for _, c := range []struct {
		lang survey.Lang
		want string
	}{
		{survey.Swedish, "Ditt mål var ”Känna igen bedrägerier”; området Säkerhet ändrades +3,0."},
		{survey.English, "Your goal was “Känna igen bedrägerier”; the area Safety changed by +3.0."},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			ms := newMemStore()
			q, _ := survey.Load()
			h := newHarnessFor(t, ms, q, c.lang)
			finishRated(h, safetyLow)
			h.keys("p")
			h.planCursorTo("it-sakerhet")
			h.keys("<space><enter>")
			h.text("Känna igen bedrägerier")
			h.keys("<enter><esc>")
			// The first entry is now "take the test again".
			finishRated(h, func(survey.Statement) int { return 5 })
			h.see(strings.Split(c.want, ";")[0])
			got := strings.Join(strings.Fields(h.screen()), " ")
			if !strings.Contains(got, c.want) {
				t.Errorf("result lacks %q:\n%s", c.want, h.screen())
			}
			fits(t, h)
			// Seen again from the menu, the latest result still says it.
			h.keys("<esc>")
			for h.m.welcome.cursor != 1 {
				h.keys("<down>")
			}
			h.keys("<enter>")
			if got := strings.Join(strings.Fields(h.screen()), " "); !strings.Contains(got, c.want) {
				t.Errorf("latest result lacks the goal:\n%s", h.screen())
			}
		})
	}
}

// A failed save says so and keeps the goal to confirm again.
func TestPlanSaveFails(t *testing.T) {
	ms := newMemStore()
	q, _ := survey.Load()
	h := newHarnessFor(t, ms, q, survey.Swedish)
	finishRated(h, safetyLow)
	h.keys("p<space><enter>")
	h.text("Ett mål")
	ms.failWrites = 1
	h.keys("<enter>")
	h.see("Ett mål", "Vad vill du kunna nästa gång?")
	if h.m.err == nil {
		t.Fatal("no error shown")
	}
	if _, _, ok, _ := ms.LatestPlan(store.LocalProfile); ok {
		t.Fatal("a plan was stored")
	}
	h.keys("<enter>")
	if p, _ := planOf(t, ms); p.Goal != "Ett mål" || len(p.Topics) != 1 {
		t.Errorf("stored %+v", p)
	}
	h.see("Behov och resurser")
}

// Every plan and needs screen in Swedish is free of English, and every
// one fits 80×24.
func TestPlanScreensSwedish(t *testing.T) {
	ms := newMemStore()
	q, _ := survey.Load()
	h := newHarnessFor(t, ms, q, survey.Swedish)
	finishRated(h, func(s survey.Statement) int { return 1 + len(s.ID)%3 })
	var screens []string
	look := func() { screens = append(screens, h.screen()); fits(t, h) }
	h.keys("p")
	for range h.m.plan.items {
		look()
		h.keys("<down>")
	}
	h.keys("<space><enter>")
	look()
	h.text("Mål")
	h.keys("<enter>")
	look()
	h.keys("<space>t+<enter>")
	look()
	h.keys("<enter>")
	look()
	h.keys("<enter>")
	look()
	for _, s := range screens {
		if w := langcheck.English(s); len(w) > 0 {
			t.Errorf("English %q on:\n%s", w, s)
		}
	}
}

// A goal of a thousand characters takes two lines of the welcome screen,
// so the menu stays in view at 80×24.
func TestLongGoalOnWelcome(t *testing.T) {
	ms := newMemStore()
	q, _ := survey.Load()
	h := newHarnessFor(t, ms, q, survey.Swedish)
	finishRated(h, safetyLow)
	h.keys("p<enter>")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("lära mig mer ", 80)), Paste: true})
	h.keys("<enter><esc>")
	h.see("Ditt mål: lära mig mer", "…", "Avsluta")
	fits(t, h)
	if p, _ := planOf(t, ms); len([]rune(p.Goal)) != maxGoal-1 && len([]rune(p.Goal)) != maxGoal {
		t.Errorf("goal of %d characters stored", len([]rune(p.Goal)))
	}
}

// Ctrl+E and Ctrl+V in the goal run no editor or clipboard program (the
// harness fails on either), and leave the text as it was.
func TestGoalRunsNothingOutside(t *testing.T) {
	ms := newMemStore()
	q, _ := survey.Load()
	h := newHarnessFor(t, ms, q, survey.Swedish)
	finishRated(h, safetyLow)
	h.keys("p<enter>")
	h.text("mål")
	h.send(tea.KeyMsg{Type: tea.KeyCtrlE})
	h.send(tea.KeyMsg{Type: tea.KeyCtrlV})
	h.keys("<enter>")
	if p, _ := planOf(t, ms); p.Goal != "mål" {
		t.Errorf("goal %q", p.Goal)
	}
}

// On a file that can only be read, the plan of the latest result can be
// looked at; saving it says it cannot, and nothing ends.
func TestPlanOnReadOnlyFile(t *testing.T) {
	q, _ := survey.Load()
	path := filepath.Join(t.TempDir(), "a.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := newHarnessOn(t, st, survey.Swedish)
	finishRated(h, safetyLow)
	st.Close()
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	h = newHarnessFor(t, ro, q, survey.Swedish)
	h.m = New(Config{Store: ro, Questionnaire: q, Lang: survey.Swedish, ReadOnly: &fs.PathError{Op: "open", Path: path, Err: syscall.EROFS}})
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	for h.m.welcome.items[h.m.welcome.cursor].label != "Min plan" {
		h.keys("<down>")
	}
	h.keys("<enter><space><enter>")
	h.text("mål")
	h.keys("<enter>")
	h.see("Kunde inte spara.", "Vad vill du kunna nästa gång?", "mål")
	if h.quit || h.m.Fatal != nil {
		t.Fatalf("saving a plan on a read-only file ended the program: %v", h.m.Fatal)
	}
}

// menuTo moves the welcome menu's cursor to the entry labelled label.
func (h *harness) menuTo(label string) {
	h.t.Helper()
	for range len(h.m.welcome.items) {
		if strings.HasPrefix(h.m.welcome.items[h.m.welcome.cursor].label, label) {
			return
		}
		h.keys("<down>")
	}
	h.t.Fatalf("no menu entry %q:\n%s", label, h.screen())
}

// The plan and the needs are shown with their result when it is opened
// again, from the menu and from the history.
func TestOwnPlanWithItsResult(t *testing.T) {
	ms := newMemStore()
	q, _ := survey.Load()
	h := newHarnessFor(t, ms, q, survey.Swedish)
	finishRated(h, safetyLow)
	h.keys("p")
	h.planCursorTo("it-sakerhet")
	h.keys("<space><enter>")
	h.text("Lära ut tvåstegsverifiering")
	h.keys("<enter>")
	h.needsCursorTo("mik")
	h.keys("<space>")
	h.needsCursorTo("felsokning")
	h.keys("<space>t<enter>")
	h.text("Poddar")
	h.keys("<enter><enter>")
	want := []string{"Din plan efter det här testet", "Mål: Lära ut tvåstegsverifiering",
		"Ämnen: Säkra enheter och bedrägerier", "Vill lära mig: 1. MIK-aktiviteter, 2. Felsökning",
		"Kan lära ut: Felsökning", "Annat: Poddar"}
	h.menuTo("Se ditt senaste resultat")
	h.keys("<enter>")
	h.see(want...)
	h.notSee("Din plan från förra gången")
	h.keys("<esc>")
	h.menuTo("Historik")
	h.keys("<enter><enter>")
	h.see(want...)
}
