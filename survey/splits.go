package survey

import "slices"

// Splits: the group's area means by role, years and library size, shown
// only for groups of at least MinGroup respondents.
//
// Decisions (k-anonymity with k = MinGroup):
//
//   - A group under MinGroup shows no numbers at all, not even its N:
//     "3 respondents" next to a role already tells the room who they are,
//     and N is the first thing a differencing attack needs. TooFew is the
//     only thing set. Empty groups are shown the same way, so "för få
//     svar" never tells 0 from 1–4.
//   - Complementary suppression: the whole group's numbers are shown too,
//     so if the hidden groups of a split together held 1–4 respondents,
//     their N and means would follow from the total minus the shown
//     groups. Then the smallest shown groups are hidden as well, until
//     the hidden ones together hold at least MinGroup respondents (or all
//     are hidden). What can be derived is then a mean of at least
//     MinGroup people.
//   - The same rule holds for each mean inside a shown group: a group of
//     six where only two rated area b's statements would show those two
//     people's mean. So each area's mean in a group (and the group's
//     overall mean) is hidden (GroupMean.TooFew) when fewer than MinGroup
//     of its respondents rated there, with the same complementary
//     suppression across the split's groups, counting raters of that area
//     (the whole report shows the area's mean over everyone).
//   - Respondents who left the question unanswered (or answered with an
//     option the questionnaire does not have) form a group of their own,
//     OptionID "", listed last and only when there is anyone in it; the
//     groups of a split thus add up to Finished.
//   - Not covered: crossing two splits of the same report (role × years)
//     with outside knowledge; a report over a small group is for the
//     room, and the k rule is what the issue asks.

// Split is the group split by one background question.
type Split struct {
	QuestionID string
	// Groups are the question's options in questionnaire order, then the
	// unanswered group (OptionID "") when it has anyone.
	Groups []SplitGroup
}

// SplitGroup is one option's respondents. When TooFew is set every other
// number is zero: nothing about the group is shown.
type SplitGroup struct {
	OptionID string
	TooFew   bool
	N        int       // respondents; 0 when TooFew
	Overall  GroupMean // all their ratings together (AreaID "")
	Areas    []GroupMean
}

// GroupMean is a mean of pooled ratings within one split group. When
// TooFew is set (fewer than MinGroup of the group rated here, or hidden
// so that such a mean cannot be derived) every number is zero.
type GroupMean struct {
	AreaID     string
	TooFew     bool
	N          int // the group's respondents who rated here
	Ratings    int
	Sum        int
	Mean       float64
	MeanTenths int
}

func newGroupMean(id string, hidden bool, raters, sum, n int) GroupMean {
	if hidden {
		return GroupMean{AreaID: id, TooFew: true}
	}
	return GroupMean{AreaID: id, N: raters, Ratings: n, Sum: sum, Mean: Mean{sum, n}.Float(), MeanTenths: RoundRatio(sum, n, 1)}
}

// splitTally counts one split: per option (index len(options) is the
// unanswered group) the respondents and per area the ratings and sums.
type splitTally struct {
	question string
	options  []string
	index    map[string]int
	n        []int
	raters   [][]int // group → area (index len(areas): any area) → respondents who rated there
	ratings  [][]int // group → area → ratings
	sums     [][]int
}

func newSplitTally(b BackgroundQuestion, areas int) splitTally {
	s := splitTally{question: b.ID, index: make(map[string]int, len(b.Options))}
	for i, o := range b.Options {
		s.options = append(s.options, o.ID)
		s.index[o.ID] = i
	}
	groups := len(b.Options) + 1
	s.n = make([]int, groups)
	s.raters = make([][]int, groups)
	s.ratings = make([][]int, groups)
	s.sums = make([][]int, groups)
	for g := range groups {
		s.raters[g] = make([]int, areas+1)
		s.ratings[g] = make([]int, areas)
		s.sums[g] = make([]int, areas)
	}
	return s
}

func (s *splitTally) add(option string, rated, sums []int) {
	g, ok := s.index[option]
	if !ok {
		g = len(s.options)
	}
	s.n[g]++
	some := false
	for a := range rated {
		if rated[a] > 0 {
			s.raters[g][a]++
			some = true
		}
		s.ratings[g][a] += rated[a]
		s.sums[g][a] += sums[a]
	}
	if some {
		s.raters[g][len(rated)]++
	}
}

func (s *splitTally) report(q *Questionnaire) Split {
	out := Split{QuestionID: s.question}
	hidden := suppress(s.n, nil)
	// cell[a][g]: is group g's mean of area a (a = len(q.Areas): overall) hidden?
	cell := make([][]bool, len(q.Areas)+1)
	sizes := make([]int, len(s.n))
	for a := range cell {
		for g := range s.n {
			sizes[g] = s.raters[g][a]
		}
		cell[a] = suppress(sizes, hidden)
	}
	for g, n := range s.n {
		id := ""
		if g < len(s.options) {
			id = s.options[g]
		} else if n == 0 {
			continue
		}
		sg := SplitGroup{OptionID: id}
		if hidden[g] {
			sg.TooFew = true
			out.Groups = append(out.Groups, sg)
			continue
		}
		sg.N = n
		all, allSum := 0, 0
		for a, area := range q.Areas {
			sg.Areas = append(sg.Areas, newGroupMean(area.ID, cell[a][g], s.raters[g][a], s.sums[g][a], s.ratings[g][a]))
			all += s.ratings[g][a]
			allSum += s.sums[g][a]
		}
		ov := len(q.Areas)
		sg.Overall = newGroupMean("", cell[ov][g], s.raters[g][ov], allSum, all)
		out.Groups = append(out.Groups, sg)
	}
	return out
}

// suppress decides which groups of a partition with sizes n are hidden:
// those already hidden (given, may be nil) and every group under
// MinGroup, then, while the hidden groups together hold 1 to MinGroup−1
// respondents, the smallest shown group (the later one on a tie) as well.
func suppress(n []int, given []bool) []bool {
	hidden := make([]bool, len(n))
	pool := 0
	for g, c := range n {
		if c < MinGroup || (given != nil && given[g]) {
			hidden[g] = true
			pool += c
		}
	}
	for pool > 0 && pool < MinGroup {
		pick := -1
		for g, c := range n {
			if !hidden[g] && (pick < 0 || c <= n[pick]) {
				pick = g
			}
		}
		if pick < 0 {
			break
		}
		hidden[pick] = true
		pool += n[pick]
	}
	return hidden
}

// Group returns the group of an option ("" for the unanswered group).
func (s Split) Group(optionID string) (SplitGroup, bool) {
	i := slices.IndexFunc(s.Groups, func(g SplitGroup) bool { return g.OptionID == optionID })
	if i < 0 {
		return SplitGroup{}, false
	}
	return s.Groups[i], true
}
