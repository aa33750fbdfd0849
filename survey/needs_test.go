package survey

import (
	"slices"
	"strings"
	"testing"
)

func TestBordaWithTies(t *testing.T) {
	r := tallyOf(groupQ(), []Respondent{
		{Learn: []string{"x", "y", "z"}},
		{Learn: []string{"y", "x"}},
		{Learn: []string{"z"}},
		// w twice counts once, at its first place; v keeps its own place
		// (third, 3 points); the sixth topic is beyond the five places.
		{Learn: []string{"w", "w", "v", "u1", "u2", "u6"}},
		// Not a topic id: ignored and counted.
		{Learn: []string{"Bad ID!"}},
	}, 0)
	// x: 5 (1st) + 4 (2nd) = 9, chosen 2, by place [1 1 0 0 0]
	// y: 4 + 5 = 9, chosen 2: the same points and choosers as x → rank 1 both
	// z: 3 (3rd) + 5 (1st) = 8, chosen 2 → rank 3
	// w: 5, chosen 1; v: 3 (3rd); u1: 2 (4th); u2: 1 (5th); u6: none
	want := []NeedRank{
		{TopicID: "x", Rank: 1, Points: 9, Chosen: 2, ByPlace: [5]int{1, 1, 0, 0, 0}},
		{TopicID: "y", Rank: 1, Points: 9, Chosen: 2, ByPlace: [5]int{1, 1, 0, 0, 0}},
		{TopicID: "z", Rank: 3, Points: 8, Chosen: 2, ByPlace: [5]int{1, 0, 1, 0, 0}},
		{TopicID: "w", Rank: 4, Points: 5, Chosen: 1, ByPlace: [5]int{1, 0, 0, 0, 0}},
		{TopicID: "v", Rank: 5, Points: 3, Chosen: 1, ByPlace: [5]int{0, 0, 1, 0, 0}},
		{TopicID: "u1", Rank: 6, Points: 2, Chosen: 1, ByPlace: [5]int{0, 0, 0, 1, 0}},
		{TopicID: "u2", Rank: 7, Points: 1, Chosen: 1, ByPlace: [5]int{0, 0, 0, 0, 1}},
	}
	if !slices.Equal(r.Needs, want) {
		t.Errorf("needs\n got %+v\nwant %+v", r.Needs, want)
	}
	if r.IgnoredTopics != 1 {
		t.Errorf("ignored topics %d, want 1", r.IgnoredTopics)
	}
}

func TestBordaTieBrokenByChoosers(t *testing.T) {
	// p: first once = 5 points, 1 chooser; q: fourth once (2) and third
	// once (3) = 5 points, 2 choosers. Equal points, more people chose
	// q: q ranks above p, and they share no rank.
	r := tallyOf(groupQ(), []Respondent{
		{Learn: []string{"p"}},
		{Learn: []string{"a", "b", "c", "q"}},
		{Learn: []string{"a", "b", "q"}},
	}, 0)
	var p, q NeedRank
	for _, n := range r.Needs {
		switch n.TopicID {
		case "p":
			p = n
		case "q":
			q = n
		}
	}
	if p.Points != 5 || q.Points != 5 || q.Chosen != 2 || q.Rank >= p.Rank {
		t.Errorf("p = %+v, q = %+v; want 5 points each, q ranked above p", p, q)
	}
}

func TestTeachCountsAndNames(t *testing.T) {
	r := tallyOf(groupQ(), []Respondent{
		{Teach: []string{"x"}, TeachName: "Örjan"},
		{Teach: []string{"x", "x"}, TeachName: "Anna"},
		{Teach: []string{"x", "y"}},
		{Teach: []string{"y"}, TeachName: " Å\x1bsa\u202e "},
		{Teach: []string{"y"}, TeachName: "Zelda"},
		{TeachName: "Nobody"}, // a name with nothing to teach shows nowhere
	}, 0)
	want := []TeachCount{
		// x: three people (Anna's duplicate counts once), two names, in
		// Swedish order: A before Ö.
		{TopicID: "x", Count: 3, Names: []string{"Anna", "Örjan"}},
		// y: three people; the escape and the bidi override are cleaned
		// away, and Å sorts after Z in Swedish.
		{TopicID: "y", Count: 3, Names: []string{"Zelda", "Åsa"}},
	}
	if len(r.Teach) != 2 {
		t.Fatalf("teach %+v", r.Teach)
	}
	for i, w := range want {
		g := r.Teach[i]
		if g.TopicID != w.TopicID || g.Count != w.Count || !slices.Equal(g.Names, w.Names) || g.MoreNames != 0 {
			t.Errorf("teach %d = %+v, want %+v", i, g, w)
		}
	}
	for _, tc := range r.Teach {
		for _, n := range tc.Names {
			if strings.ContainsAny(n, "\x1b\u202e") {
				t.Errorf("name %q not cleaned", n)
			}
		}
	}
}

func TestTeachNamesBounded(t *testing.T) {
	tally := NewGroupTally(groupQ())
	for range MaxTeachNames + 7 {
		tally.Add(Respondent{Teach: []string{"x"}, TeachName: "Namn"})
	}
	g := tally.Report().Teach[0]
	if g.Count != MaxTeachNames+7 || len(g.Names) != MaxTeachNames || g.MoreNames != 7 {
		t.Errorf("count %d, names %d, more %d; want %d, %d, 7", g.Count, len(g.Names), g.MoreNames, MaxTeachNames+7, MaxTeachNames)
	}
}

func TestTopicsBounded(t *testing.T) {
	tally := NewGroupTally(groupQ())
	for i := range 3 * MaxGroupTopics {
		id := "t" + strings.Repeat("x", i%30) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26))
		tally.Add(Respondent{Learn: []string{id}, Teach: []string{id}})
	}
	r := tally.Report()
	if len(r.Needs)+len(r.Teach) > 2*MaxGroupTopics || r.IgnoredTopics == 0 {
		t.Errorf("%d needs + %d teach topics kept, %d ignored; want at most %d kept", len(r.Needs), len(r.Teach), r.IgnoredTopics, 2*MaxGroupTopics)
	}
}

func TestShares(t *testing.T) {
	digi := func(v string) map[string]string { return map[string]string{BackgroundDigiteket: v} }
	mgr := map[string]string{BackgroundRole: RoleManager}
	rs := []Respondent{
		{Background: digi(DigiteketYes)}, {Background: digi(DigiteketYes)}, {Background: digi(DigiteketYes)},
		{Background: digi(DigiteketYes)}, {Background: digi("no")}, {Background: digi("unknown")},
		{Background: digi("")}, {Background: digi("maybe")}, {},
		// Managers: yes ×3, partly, dontknow, one who skipped it.
		{Background: mgr, Manager: ManagerYes}, {Background: mgr, Manager: ManagerYes}, {Background: mgr, Manager: ManagerYes},
		{Background: mgr, Manager: ManagerPartly}, {Background: mgr, Manager: ManagerDontKnow}, {Background: mgr},
		// A manager's answer from someone who is not a manager is not counted.
		{Background: role("librarian"), Manager: ManagerNo},
	}
	r := tallyOf(groupQ(), rs, 0)
	// Digiteket: answered yes 4, no 1, "vet inte" 1 → 4/6 = 66.7 % → 67 %;
	// "", an unknown option and no answer at all: 3 + the 7 without a
	// digiteket answer below = 10 unanswered.
	if d := r.Digiteket; d.TooFew || d.Yes != 4 || d.N != 6 || d.Percent() != 67 || !d.Known() {
		t.Errorf("digiteket = %+v (%d %%), want 4 of 6 = 67 %%", d, d.Percent())
	}
	if r.DigiteketUnanswered != 10 {
		t.Errorf("digiteket unanswered %d, want 10", r.DigiteketUnanswered)
	}
	// Managers: 3 yes of 5 answers = 60 %; partly 1, don't know 1, no 0.
	m := r.Managers
	if m.TooFew || m.Yes != 3 || m.N != 5 || m.Percent() != 60 || m.Partly != 1 || m.DontKnow != 1 || m.No != 0 || m.Unanswered != 1 {
		t.Errorf("managers = %+v, want 3 of 5 (60 %%), partly 1, don't know 1, unanswered 1", m)
	}
	// Four answers: too few, no numbers at all.
	r = tallyOf(groupQ(), rs[9:13], 0)
	if m := r.Managers; !m.TooFew || m.Yes != 0 || m.N != 0 || m.Partly != 0 || m.Unanswered != 0 || m.Known() {
		t.Errorf("4 managers = %+v, want TooFew with zeros", m)
	}
	if d := r.Digiteket; !d.TooFew || d.Known() {
		t.Errorf("no digiteket answers = %+v, want TooFew", d)
	}
}
