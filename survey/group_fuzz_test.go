package survey

import (
	"math/rand/v2"
	"testing"
)

// fuzzRespondents decodes bytes into respondents: each takes a length
// byte, that many raw rating bytes (anything from 0 to 255, so off-scale
// values too), then picks for role, digiteket, the managers' answer, the
// needs and teach lists and the name.
func fuzzRespondents(data []byte) (rs []Respondent, unfinished int) {
	roles := []string{"librarian", "assistant", RoleManager, "other", "", "astronaut"}
	digi := []string{DigiteketYes, "no", "unknown", "", "maybe"}
	answers := []string{ManagerYes, ManagerPartly, ManagerNo, ManagerDontKnow, "", "YES"}
	topics := []string{"t1", "t2", "t3", "t4", "t5", "t6", "Bad ID", ""}
	names := []string{"", "Åsa", "Bo\x1b[2J", "\u202eEve"}
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return b
	}
	list := func() []string {
		n := int(next() % 8)
		var l []string
		for range n {
			l = append(l, topics[int(next())%len(topics)])
		}
		return l
	}
	for len(data) > 0 {
		n := int(next() % 9)
		if n == 8 {
			unfinished++
			continue
		}
		v := make([]byte, 0, n)
		for range n {
			v = append(v, next())
		}
		r := Respondent{Values: v, Background: map[string]string{
			BackgroundRole:      roles[int(next())%len(roles)],
			BackgroundYears:     []string{"0-2", "3-5", ""}[int(next())%3],
			BackgroundDigiteket: digi[int(next())%len(digi)],
		}}
		r.Manager = answers[int(next())%len(answers)]
		r.Learn, r.Teach = list(), list()
		r.TeachName = names[int(next())%len(names)]
		rs = append(rs, r)
	}
	return rs, unfinished
}

// checkReport checks what must hold of any report of finished
// respondents of q.
func checkReport(t *testing.T, q *Questionnaire, r GroupReport, finished, unfinished int) {
	t.Helper()
	if r.Finished != finished || r.Unfinished != unfinished {
		t.Fatalf("finished, unfinished = %d, %d; want %d, %d", r.Finished, r.Unfinished, finished, unfinished)
	}
	inScale := func(what string, tenths int) {
		if tenths < 10*q.Scale.Min || tenths > 10*q.Scale.Max {
			t.Errorf("%s %d tenths is off the scale", what, tenths)
		}
	}
	stats := func(a AreaStats, statements int) {
		n, sum := 0, 0
		for v, c := range a.Counts {
			if c < 0 || (c > 0 && !q.Scale.Contains(v)) {
				t.Errorf("%q: %d ratings of %d", a.AreaID, c, v)
			}
			n += c
			sum += v * c
		}
		if n != a.Ratings || sum != a.Sum || a.N > finished || a.Ratings > a.N*statements || (a.N > 0) != (a.Ratings > 0) {
			t.Errorf("%q: counts add to %d (sum %d) of N %d, report says %+v", a.AreaID, n, sum, a.N, a)
		}
		if a.Ratings > 0 {
			inScale(a.AreaID+" mean", a.MeanTenths)
			inScale(a.AreaID+" median", a.MedianTenths)
			if a.Mean < float64(q.Scale.Min) || a.Mean > float64(q.Scale.Max) || a.HighPercent < 0 || a.HighPercent > 100 || a.High > a.Ratings {
				t.Errorf("%q: %+v", a.AreaID, a)
			}
		}
	}
	total := 0
	for _, a := range r.Areas {
		stats(a, len(q.StatementsIn(a.AreaID)))
		total += a.Ratings
	}
	stats(r.Overall, len(q.Statements))
	if total != r.Overall.Ratings || total+r.OffScale > finished*len(q.Statements) {
		t.Errorf("areas hold %d ratings, overall %d, off scale %d", total, r.Overall.Ratings, r.OffScale)
	}
	hi, lo := 0, 0
	for _, s := range r.Statements {
		if s.N > 0 {
			inScale(s.StatementID, s.MeanTenths)
		}
		if s.Highest {
			hi++
		}
		if s.Lowest {
			lo++
		}
	}
	if (total > 0) != (hi > 0 && lo > 0) {
		t.Errorf("%d ratings, %d highest and %d lowest marked", total, hi, lo)
	}
	for _, s := range r.Splits {
		// Each area's and the overall means: a shown mean has at least
		// MinGroup raters, and what the report's mean minus the shown
		// ones gives away is nobody or at least MinGroup raters.
		for a := range len(r.Areas) + 1 {
			whole, shown := r.Overall.N, 0
			if a < len(r.Areas) {
				whole = r.Areas[a].N
			}
			for _, g := range s.Groups {
				m := g.Overall
				if a < len(r.Areas) && !g.TooFew {
					m = g.Areas[a]
				}
				if g.TooFew || m.TooFew {
					if m != (GroupMean{AreaID: m.AreaID, TooFew: m.TooFew}) {
						t.Errorf("%s/%s: hidden mean shows %+v", s.QuestionID, g.OptionID, m)
					}
					continue
				}
				if m.N < MinGroup {
					t.Errorf("%s/%s: mean of %d raters shown", s.QuestionID, g.OptionID, m.N)
				}
				shown += m.N
			}
			if rest := whole - shown; rest < 0 || (shown > 0 && rest > 0 && rest < MinGroup) {
				t.Errorf("%s, area %d: shown means hold %d of %d raters: %d can be derived", s.QuestionID, a, shown, whole, rest)
			}
		}
		shown := 0
		for _, g := range s.Groups {
			if g.TooFew {
				if g.N != 0 || g.Areas != nil {
					t.Errorf("%s/%s: hidden group shows %+v", s.QuestionID, g.OptionID, g)
				}
				continue
			}
			if g.N < MinGroup {
				t.Errorf("%s/%s: shown with N %d", s.QuestionID, g.OptionID, g.N)
			}
			if g.Overall.Ratings > 0 {
				inScale(s.QuestionID+"/"+g.OptionID, g.Overall.MeanTenths)
			}
			shown += g.N
		}
		// What the total minus the shown groups gives away is nobody, or
		// at least MinGroup people (or nothing is shown at all).
		if rest := finished - shown; rest < 0 || (shown > 0 && rest > 0 && rest < MinGroup) {
			t.Errorf("%s: shown groups hold %d of %d: %d can be derived", s.QuestionID, shown, finished, rest)
		}
	}
	for _, a := range r.Alpha {
		if a.Known && (a.Cases < MinAlpha || a.Value > 1+1e-9 || a.Hundredths > 100 || finished < MinAlpha) {
			t.Errorf("alpha %+v", a)
		}
	}
	for _, n := range r.Needs {
		sum, pts := 0, 0
		for p, c := range n.ByPlace {
			sum += c
			pts += (BordaPlaces - p) * c
		}
		if sum != n.Chosen || pts != n.Points || n.Chosen > finished || n.Rank < 1 || !ValidTopicID(n.TopicID) {
			t.Errorf("need %+v", n)
		}
	}
	for _, c := range r.Teach {
		if c.Count > finished || len(c.Names)+c.MoreNames > c.Count {
			t.Errorf("teach %+v", c)
		}
	}
	for _, s := range []Share{r.Digiteket, r.Managers.Share} {
		if s.Yes > s.N || s.Yes < 0 || (s.N < MinGroup) != s.TooFew || s.N > finished {
			t.Errorf("share %+v", s)
		}
	}
}

func FuzzGroupTallyAdd(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{4, 1, 2, 3, 7, 0, 0, 0, 0, 2, 1, 2, 3, 1, 1})
	f.Add([]byte{8, 8, 3, 0, 255, 9, 0, 2, 2, 2, 2, 7, 1, 2, 3, 4, 5, 6, 7, 1})
	rng := rand.New(rand.NewPCG(1, 2))
	seed := make([]byte, 600)
	for i := range seed {
		seed[i] = byte(rng.IntN(8))
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		q := groupQ()
		rs, unfinished := fuzzRespondents(data)
		tally := NewGroupTally(q)
		for i, r := range rs {
			tally.Add(r)
			if i%7 == 0 {
				tally.Report() // a report in between changes nothing
			}
		}
		for range unfinished {
			tally.AddUnfinished()
		}
		checkReport(t, q, tally.Report(), len(rs), unfinished)
	})
}

// TestGroupTallyRandom runs the fuzz target's checks on larger random
// groups, so that the alpha and the splits' sizes are reached.
func TestGroupTallyRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 30 {
		data := make([]byte, 50+rng.IntN(4000))
		for i := range data {
			data[i] = byte(rng.IntN(9))
		}
		q := groupQ()
		rs, unfinished := fuzzRespondents(data)
		tally := NewGroupTally(q)
		for _, r := range rs {
			tally.Add(r)
		}
		for range unfinished {
			tally.AddUnfinished()
		}
		checkReport(t, q, tally.Report(), len(rs), unfinished)
	}
}

// TestGroupTallyAddAllocatesNothing holds Add to its promise: once the
// topics are known, a respondent costs no allocation at all, so 100 000
// cost time and nothing else. (A shown teacher's name is the one
// exception, bounded by MaxTeachNames.)
func TestGroupTallyAddAllocatesNothing(t *testing.T) {
	q, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	rs := syntheticRespondents(q, 64)
	tally := NewGroupTally(q)
	for _, r := range rs {
		tally.Add(r)
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		tally.Add(rs[i%len(rs)])
		i++
	})
	if allocs != 0 {
		t.Errorf("Add allocates %v times per respondent, want 0", allocs)
	}
}
