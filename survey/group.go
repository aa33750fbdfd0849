package survey

// Group statistics: many finished attempts of one questionnaire summed
// into counts per statement and value. The counts are all a report needs
// (means, shares, distributions), they never grow with the number of
// attempts, and they say nothing about any one person.

// Tally counts the ratings of many attempts of one questionnaire. Add is
// the inner loop of a scan over every finished attempt in a database, so
// it works on raw bytes and never allocates.
type Tally struct {
	q *Questionnaire
	// counts[i][v] is how many attempts gave statement i the value v;
	// index 0 and values off the scale are never counted.
	counts   [][]int
	attempts int
	// offScale counts values outside the scale, which only a damaged or
	// foreign record can hold; reports show them so nothing is hidden.
	offScale int
}

// NewTally returns an empty tally for q.
func NewTally(q *Questionnaire) *Tally {
	t := &Tally{q: q, counts: make([][]int, len(q.Statements))}
	for i := range t.counts {
		t.counts[i] = make([]int, q.Scale.Max+1)
	}
	return t
}

// Index maps a stored order of statement ids to positions in the
// questionnaire, -1 for an id it does not have, for use with Add. Callers
// compute it once per stored layout, not once per attempt.
func (t *Tally) Index(ids []string) []int {
	idx := make([]int, len(ids))
	for i, id := range ids {
		idx[i] = t.q.StatementIndex(id)
	}
	return idx
}

// Add counts one attempt whose values are in the stored order described
// by index: values[j] is the rating of statement index[j], 0 meaning no
// rating. Values beyond len(index) are ignored.
func (t *Tally) Add(index []int, values []byte) {
	t.attempts++
	lo, hi := t.q.Scale.Min, t.q.Scale.Max
	for j, v := range values {
		if v == 0 || j >= len(index) {
			continue
		}
		i := index[j]
		if i < 0 {
			continue
		}
		if int(v) < lo || int(v) > hi {
			t.offScale++
			continue
		}
		t.counts[i][v]++
	}
}

// Attempts is how many attempts were added.
func (t *Tally) Attempts() int { return t.attempts }

// Distribution is the number of ratings per value of one statement, an
// area or all statements, and what follows from it.
type Distribution struct {
	// Counts[v] is the number of ratings with value v; its length is
	// Scale.Max+1 and values below Scale.Min are always 0.
	Counts []int
	N      int     // ratings counted
	Mean   float64 // 0 when N is 0
	// HighShare is the fraction (0–1) of ratings in the top two points of
	// the scale, the same measure as Result.HighShare.
	HighShare float64
}

// StatementSummary is the group's distribution for one statement.
type StatementSummary struct {
	StatementID string
	Distribution
}

// AreaSummary pools the ratings of every statement in one area.
type AreaSummary struct {
	AreaID string
	Distribution
}

// GroupSummary is the tally turned into statistics, in questionnaire
// order.
type GroupSummary struct {
	Attempts   int
	OffScale   int
	Statements []StatementSummary
	Areas      []AreaSummary
	All        Distribution
}

// Summary computes the statistics. Its cost depends on the questionnaire,
// not on the number of attempts.
func (t *Tally) Summary() GroupSummary {
	q := t.q
	g := GroupSummary{Attempts: t.attempts, OffScale: t.offScale}
	areaCounts := make(map[string][]int, len(q.Areas))
	all := make([]int, q.Scale.Max+1)
	for i, s := range q.Statements {
		g.Statements = append(g.Statements, StatementSummary{StatementID: s.ID, Distribution: q.distribution(t.counts[i])})
		ac := areaCounts[s.Area]
		if ac == nil {
			ac = make([]int, q.Scale.Max+1)
			areaCounts[s.Area] = ac
		}
		for v, n := range t.counts[i] {
			ac[v] += n
			all[v] += n
		}
	}
	for _, a := range q.Areas {
		counts := areaCounts[a.ID]
		if counts == nil {
			counts = make([]int, q.Scale.Max+1)
		}
		g.Areas = append(g.Areas, AreaSummary{AreaID: a.ID, Distribution: q.distribution(counts)})
	}
	g.All = q.distribution(all)
	return g
}

// distribution derives N, mean and high share from counts, which it keeps
// (as a copy, so summaries never share memory with a tally).
func (q *Questionnaire) distribution(counts []int) Distribution {
	d := Distribution{Counts: append([]int(nil), counts...)}
	sum, high := 0, 0
	for v, n := range counts {
		d.N += n
		sum += v * n
		if v >= q.Scale.Max-1 {
			high += n
		}
	}
	if d.N > 0 {
		d.Mean = float64(sum) / float64(d.N)
		d.HighShare = float64(high) / float64(d.N)
	}
	return d
}
