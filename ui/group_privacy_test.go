package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// A group view names nobody but those who chose to show their name beside
// what they can teach, and never says who wrote a discussion answer. Run
// on a real file, through the store's EachRespondent and
// DiscussionAnswers: three people with names take the test in one
// workshop; all three offer to teach and write discussion answers, only
// one chose ShowName.
func TestGroupViewNamesOnlyByChoice(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range survey.Langs {
		h := newHarness(t, lang)
		st := h.st
		at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
		w, err := st.AddWorkshop(store.Workshop{Name: "Träffen", Place: "Växjö", Round: "2026 höst", Date: at}, "4711", at)
		if err != nil {
			t.Fatal(err)
		}
		topics, _ := survey.Topics()
		people := []struct {
			name string
			show bool
		}{{"Hemlig Helena", false}, {"Öppen Olof", true}, {"Tyst Tova", false}}
		for i, p := range people {
			prof, err := st.AddProfile(p.name, "1234", at)
			if err != nil {
				t.Fatal(err)
			}
			a, err := st.StartWorkshopAttempt(w.ID, prof.ID, q, at)
			if err != nil {
				t.Fatal(err)
			}
			for j, s := range q.Statements {
				if err := st.SaveRating(a.ID, s.ID, 3+(i+j)%4, store.Position{Stage: store.StageStatements, Cursor: j}); err != nil {
					t.Fatal(err)
				}
			}
			for _, d := range q.Discussion {
				text := "Skrivet svar nummer " + string(rune('A'+i))
				if err := st.SaveDiscussion(a.ID, d.ID, text, store.Position{Stage: store.StageDiscussion}); err != nil {
					t.Fatal(err)
				}
			}
			if err := st.Finish(a.ID, at.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			plan := store.Plan{Learn: []string{topics[0].ID}, Teach: []string{topics[1].ID}, ShowName: p.show}
			if err := st.SavePlan(a.ID, plan); err != nil {
				t.Fatal(err)
			}
		}
		for _, size := range groupSizes {
			h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			h.openGroup(intentGroup{pick: pickWorkshop(w)})
			all := strings.Join(h.scrollAll(size[0], size[1]), "\n")
			if !strings.Contains(all, "Öppen Olof") {
				t.Errorf("%s: the one who chose to show the name is not on the teach list:\n%s", lang, all)
			}
			for _, hidden := range []string{"Hemlig", "Helena", "Tyst", "Tova"} {
				if strings.Contains(all, hidden) {
					t.Errorf("%s: the group view names %q, who did not choose to show it", lang, hidden)
				}
			}
			for _, line := range strings.Split(all, "\n") {
				if strings.Contains(line, "Öppen Olof") && !strings.Contains(line, strings.SplitN(h.m.c.cat.Group.TeachNames, "(", 2)[0]) {
					t.Errorf("%s: a name stands outside the teach list: %q", lang, line)
				}
				if strings.Contains(line, "Skrivet svar") && strings.ContainsAny(strings.TrimPrefix(strings.TrimSpace(line), "• Skrivet svar nummer "), "()—:") {
					t.Errorf("%s: a discussion answer carries more than its text: %q", lang, line)
				}
			}
			if !strings.Contains(all, "Skrivet svar nummer A") || !strings.Contains(all, "Skrivet svar nummer C") {
				t.Errorf("%s: the discussion answers are missing", lang)
			}
		}
	}
}
