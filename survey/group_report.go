package survey

import (
	"cmp"
	"slices"
)

// The group report of a workshop or a collection round (issue 12).
//
// A GroupTally is fed one finished attempt at a time by a scan of the
// database (store.EachRespondent) and keeps only counters and sums: per
// statement and value, per area, per background group, per topic and the
// sums of squares Cronbach's alpha needs. Its size depends on the
// questionnaire and the topic list, never on the number of respondents,
// so a report over 100 000 attempts costs time and nothing else. The one
// exception is the names of those who offered to teach and chose to show
// their name; those are kept, at most MaxTeachNames per topic.
//
// Conventions, decided here once for every screen and export:
//
//   - A rating is "high" when it is on one of the scale's top two points
//     (Max−1 and Max): 6 and 7 on the 1–7 scale, 4 and 5 on a 1–5 one.
//     This is the same measure as Result.HighShare and Tally's HighShare.
//   - An area's mean, median, distribution and high share are over all the
//     ratings given to the area's statements (pooled), as Score and Tally
//     count them; with no skips the mean equals the mean of the
//     respondents' area means. N is the number of respondents who rated at
//     least one of the area's statements; Ratings the number of ratings.
//   - Every number shown is rounded with RoundRatio (half away from zero)
//     on the exact fraction, and every verdict drawn from numbers
//     (highest/lowest statement, "higher at the end", a target met) is
//     drawn from the rounded numbers shown beside it, so the two never
//     disagree on screen.
//   - Values off the scale (a damaged or foreign record) are counted in
//     OffScale and otherwise treated as no rating.

// Background question ids and option ids the group report reads. They are
// ids of the embedded questionnaire (data/questionnaire.toml); a test
// checks that it has them.
const (
	BackgroundRole        = "role"
	BackgroundYears       = "years"
	BackgroundLibrarySize = "library_size"
	BackgroundDigiteket   = "digiteket"
	// RoleManager is the role option labelled "Chef, till exempel
	// bibliotekschef eller enhetschef".
	RoleManager = "manager"
	// DigiteketYes is the digiteket option "Ja".
	DigiteketYes = "yes"
)

// SplitQuestions are the background questions a group report splits by,
// in the order shown. A questionnaire without one of them has no such
// split; one that is not a choice question is skipped too.
var SplitQuestions = []string{BackgroundRole, BackgroundYears, BackgroundLibrarySize}

// Privacy and reliability thresholds.
const (
	// MinGroup is the smallest number of respondents whose numbers a
	// split or a share shows; see Split.
	MinGroup = 5
	// MinAlpha is the number of finished attempts a report needs before
	// it computes Cronbach's alpha, and the number of complete cases an
	// area needs for it.
	MinAlpha = 10
	// BordaPlaces is how many places of the needs inventory are scored:
	// the first gets BordaPlaces points, the last 1.
	BordaPlaces = 5
	// MaxTeachNames is the most names kept per topic on the teach list;
	// more are counted in TeachCount.MoreNames.
	MaxTeachNames = 50
	// MaxGroupTopics bounds the distinct topic ids a tally keeps (the
	// topic list has a few dozen); ids beyond it, and ids that are not
	// well formed, are counted in GroupReport.IgnoredTopics.
	MaxGroupTopics = 1000
)

// Respondent is one finished attempt as a group report sees it: no name
// (except TeachName, given only by choice) and no id.
type Respondent struct {
	// Values are the ratings in the questionnaire's statement order, 0 =
	// none. Values beyond the questionnaire's statements are ignored;
	// missing ones count as none.
	Values     []byte
	Background map[string]string // question id → option id (role, years, library_size, digiteket…)
	Manager    string            // managers' question answer: ManagerYes … ManagerDontKnow, or ""
	Learn      []string          // needs inventory: ≤ BordaPlaces topic ids, first = most wanted
	Teach      []string          // topic ids they could teach
	TeachName  string            // their name, only when they chose to show it (Plan.ShowName)
}

// GroupTally sums respondents into a GroupReport. The zero value is not
// usable; call NewGroupTally. It is not safe for concurrent use.
type GroupTally struct {
	q          *Questionnaire
	finished   int
	unfinished int
	offScale   int

	areaOf  []int   // statement index → area index, -1 if none
	counts  [][]int // statement index → counts per value
	areaN   []int   // area index → respondents with a rating in it
	allN    int     // respondents with any rating
	rated   []int   // scratch: ratings in each area for this respondent
	sums    []int   // scratch: sum in each area for this respondent
	alpha   []alphaAcc
	splits  []splitTally
	needs   map[string]*NeedRank
	teach   map[string]*TeachCount
	ignored int

	digiYes, digiN, digiUnanswered int
	manager                        [4]int // answers of managers, in managerAnswers order
	managerUnanswered              int
}

// NewGroupTally returns an empty tally for q.
func NewGroupTally(q *Questionnaire) *GroupTally {
	t := &GroupTally{
		q:      q,
		areaOf: make([]int, len(q.Statements)),
		counts: make([][]int, len(q.Statements)),
		areaN:  make([]int, len(q.Areas)),
		rated:  make([]int, len(q.Areas)),
		sums:   make([]int, len(q.Areas)),
		alpha:  make([]alphaAcc, len(q.Areas)),
		needs:  map[string]*NeedRank{},
		teach:  map[string]*TeachCount{},
	}
	areaIdx := make(map[string]int, len(q.Areas))
	for i, a := range q.Areas {
		areaIdx[a.ID] = i
	}
	items := make([][]int, len(q.Areas))
	for i, s := range q.Statements {
		t.counts[i] = make([]int, q.Scale.Max+1)
		a, ok := areaIdx[s.Area]
		if !ok {
			a = -1
		} else {
			items[a] = append(items[a], i)
		}
		t.areaOf[i] = a
	}
	for a := range t.alpha {
		t.alpha[a] = newAlphaAcc(items[a])
	}
	for _, id := range SplitQuestions {
		if b, ok := q.BackgroundQuestion(id); ok && b.Kind == KindChoice && len(b.Options) > 0 {
			t.splits = append(t.splits, newSplitTally(b, len(q.Areas)))
		}
	}
	return t
}

// AddUnfinished counts an attempt that was started but not finished; it
// adds nothing else.
func (t *GroupTally) AddUnfinished() { t.unfinished++ }

// Add counts one finished attempt. Its cost is linear in the number of
// statements and topics the respondent gave, and it keeps nothing of r
// but counts (and TeachName, see MaxTeachNames).
func (t *GroupTally) Add(r Respondent) {
	t.finished++
	q := t.q
	clear(t.rated)
	clear(t.sums)
	some := false
	for i := range q.Statements {
		if i >= len(r.Values) {
			break
		}
		v := r.Values[i]
		if v == 0 {
			continue
		}
		if !q.Scale.Contains(int(v)) {
			t.offScale++
			continue
		}
		t.counts[i][v]++
		some = true
		if a := t.areaOf[i]; a >= 0 {
			t.rated[a]++
			t.sums[a] += int(v)
		}
	}
	if some {
		t.allN++
	}
	for a, n := range t.rated {
		if n > 0 {
			t.areaN[a]++
		}
		t.alpha[a].add(r.Values, q.Scale)
	}
	for i := range t.splits {
		t.splits[i].add(r.Background[t.splits[i].question], t.rated, t.sums)
	}
	t.addNeeds(r.Learn)
	t.addTeach(r.Teach, r.TeachName)

	// An answer the questionnaire has no option for counts as none.
	if d := r.Background[BackgroundDigiteket]; d != "" && q.hasOption(BackgroundDigiteket, d) {
		t.digiN++
		if d == DigiteketYes {
			t.digiYes++
		}
	} else {
		t.digiUnanswered++
	}
	if IsManager(r.Background) {
		if i := slices.Index(managerAnswers, r.Manager); i >= 0 {
			t.manager[i]++
		} else {
			t.managerUnanswered++
		}
	}
}

func (q *Questionnaire) hasOption(question, option string) bool {
	_, ok := q.Option(question, option)
	return ok
}

// AreaStats are the statistics of one area's ratings, or of all ratings
// (AreaID "").
type AreaStats struct {
	AreaID string
	// N is the number of respondents who rated at least one statement
	// here; Ratings the number of ratings (the sum of Counts).
	N, Ratings int
	// Counts[v] is the number of ratings with value v; its length is
	// Scale.Max+1 and Counts[0] is always 0.
	Counts []int
	Sum    int     // of the ratings: the mean is Sum/Ratings exactly
	Mean   float64 // 0 when Ratings is 0
	// MeanTenths is the mean in tenths, rounded half away from zero.
	MeanTenths int
	// Median is the median rating: the middle one, or the mean of the two
	// middle ones when Ratings is even (so it can end in .5); 0 when
	// Ratings is 0. MedianTenths is it in tenths (exact).
	Median       float64
	MedianTenths int
	// High is the number of ratings on the scale's top two points (6–7 on
	// 1–7); ShareHigh is High/Ratings and HighPercent it as a whole
	// percentage rounded half away from zero.
	High        int
	ShareHigh   float64
	HighPercent int
}

// StatementMean is one statement's mean in the group.
type StatementMean struct {
	StatementID, AreaID string
	N, Sum              int // ratings and their sum
	Mean                float64
	MeanTenths          int
	// Highest and Lowest mark the statements whose mean, as shown in
	// tenths, is the highest or lowest of the group; ties are all
	// marked, and when every rated statement shows the same mean each is
	// both. A statement nobody rated is neither.
	Highest, Lowest bool
}

// GroupReport is a tally turned into what the group view, the report
// command and the round comparison show.
type GroupReport struct {
	QuestionnaireID    string
	Version            int
	ScaleMin, ScaleMax int
	// Finished counts the attempts added, Unfinished those only counted
	// with AddUnfinished (they are in no other number).
	Finished, Unfinished int
	OffScale             int
	Areas                []AreaStats // questionnaire order
	Overall              AreaStats   // every statement's ratings together
	// Statements are sorted by mean, highest first; ties and unrated
	// statements (last) in questionnaire order.
	Statements []StatementMean
	Splits     []Split // SplitQuestions order
	// Alpha has one entry per area in questionnaire order; an entry is
	// Known only when Finished ≥ MinAlpha and the area allows it.
	Alpha []Alpha
	// Needs are the needs inventory's topics ranked by Borda points;
	// Teach the topics people could teach, most offered first.
	Needs         []NeedRank
	Teach         []TeachCount
	IgnoredTopics int
	// Digiteket is the share of respondents who answered the digiteket
	// question with DigiteketYes, among those who answered it ("Vet inte"
	// counts as an answer that is not yes); DigiteketUnanswered did not
	// answer it. TooFew when fewer than MinGroup answered.
	Digiteket           Share
	DigiteketUnanswered int
	// Managers is the managers' question among respondents whose role
	// is RoleManager.
	Managers ManagerShare
}

// Report computes the report. Its cost depends on the questionnaire and
// the topics, not on the number of respondents; the tally can go on
// counting afterwards.
func (t *GroupTally) Report() GroupReport {
	q := t.q
	r := GroupReport{
		QuestionnaireID: q.ID, Version: q.Version,
		ScaleMin: q.Scale.Min, ScaleMax: q.Scale.Max,
		Finished: t.finished, Unfinished: t.unfinished, OffScale: t.offScale,
		IgnoredTopics: t.ignored,
	}
	areaCounts := make([][]int, len(q.Areas))
	for a := range areaCounts {
		areaCounts[a] = make([]int, q.Scale.Max+1)
	}
	all := make([]int, q.Scale.Max+1)
	for i, s := range q.Statements {
		n, sum := 0, 0
		for v, c := range t.counts[i] {
			n += c
			sum += v * c
			all[v] += c
			if a := t.areaOf[i]; a >= 0 {
				areaCounts[a][v] += c
			}
		}
		r.Statements = append(r.Statements, StatementMean{
			StatementID: s.ID, AreaID: s.Area, N: n, Sum: sum,
			Mean: Mean{sum, n}.Float(), MeanTenths: RoundRatio(sum, n, 1),
		})
	}
	for a, area := range q.Areas {
		r.Areas = append(r.Areas, q.areaStats(area.ID, t.areaN[a], areaCounts[a]))
	}
	r.Overall = q.areaStats("", t.allN, all)
	markStatements(r.Statements)

	for i := range t.splits {
		r.Splits = append(r.Splits, t.splits[i].report(q))
	}
	for a, area := range q.Areas {
		r.Alpha = append(r.Alpha, t.alpha[a].report(area.ID, t.finished))
	}
	r.Needs = t.needsReport()
	r.Teach = t.teachReport()
	r.Digiteket = newShare(t.digiYes, t.digiN)
	r.DigiteketUnanswered = t.digiUnanswered
	r.Managers = t.managerReport()
	return r
}

// areaStats derives the statistics of one set of rating counts.
func (q *Questionnaire) areaStats(id string, respondents int, counts []int) AreaStats {
	s := AreaStats{AreaID: id, N: respondents, Counts: counts}
	for v, c := range counts {
		s.Ratings += c
		s.Sum += v * c
		if v >= q.Scale.Max-1 && v >= q.Scale.Min {
			s.High += c
		}
	}
	if s.Ratings == 0 {
		return s
	}
	s.Mean = float64(s.Sum) / float64(s.Ratings)
	s.MeanTenths = RoundRatio(s.Sum, s.Ratings, 1)
	s.ShareHigh = float64(s.High) / float64(s.Ratings)
	s.HighPercent = RoundRatio(100*s.High, s.Ratings, 0)
	lo, hi := medianPair(counts, s.Ratings)
	s.Median = float64(lo+hi) / 2
	s.MedianTenths = 5 * (lo + hi)
	return s
}

// medianPair returns the values at the two middle ranks of n ratings
// counted in counts (the same value twice when n is odd): ranks (n−1)/2
// and n/2, counting from 0.
func medianPair(counts []int, n int) (lo, hi int) {
	loRank, hiRank := (n-1)/2, n/2
	seen := 0
	lo = -1
	for v, c := range counts {
		if c == 0 {
			continue
		}
		seen += c
		if lo < 0 && seen > loRank {
			lo = v
		}
		if seen > hiRank {
			return lo, v
		}
	}
	return lo, lo
}

// markStatements sorts the statements by mean and marks the highest and
// lowest shown means.
func markStatements(list []StatementMean) {
	slices.SortStableFunc(list, func(a, b StatementMean) int {
		switch {
		case a.N == 0 || b.N == 0:
			return cmp.Compare(b.N, a.N) // rated before unrated: N>0 first
		}
		// Exact comparison of the fractions, highest first.
		return cmp.Compare(b.Sum*a.N, a.Sum*b.N)
	})
	hi, lo, some := 0, 0, false
	for _, s := range list {
		if s.N == 0 {
			continue
		}
		if !some || s.MeanTenths > hi {
			hi = s.MeanTenths
		}
		if !some || s.MeanTenths < lo {
			lo = s.MeanTenths
		}
		some = true
	}
	for i := range list {
		if list[i].N == 0 {
			continue
		}
		list[i].Highest = list[i].MeanTenths == hi
		list[i].Lowest = list[i].MeanTenths == lo
	}
}

// Area returns the statistics of an area.
func (r GroupReport) Area(id string) (AreaStats, bool) {
	for _, a := range r.Areas {
		if a.AreaID == id {
			return a, true
		}
	}
	return AreaStats{}, false
}

// Split returns the split by a background question.
func (r GroupReport) Split(questionID string) (Split, bool) {
	for _, s := range r.Splits {
		if s.QuestionID == questionID {
			return s, true
		}
	}
	return Split{}, false
}
