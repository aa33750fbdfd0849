package survey

import (
	"regexp"
	"strings"
)

// maxScalePoints bounds the scale so that every point still fits as its own
// key on one row of an 80-column screen.
const maxScalePoints = 11

// competencePattern is a DigComp competence number such as "2.3".
var competencePattern = regexp.MustCompile(`^[1-9][0-9]*\.[1-9][0-9]*$`)

// Validate reports the problems of q in the file's order, each naming the
// item it concerns, so that whoever edits the file can fix them in one
// pass. Its error is a *Problems holding at most MaxProblems of them. These
// are the only rules: the store keeps its records within the same limits.
func (q *Questionnaire) Validate() error {
	var ps problems
	q.validate(&ps)
	return ps.err()
}

func (q *Questionnaire) validate(ps *problems) {
	top := Item{Kind: ItemQuestionnaire}
	if code := CheckID(q.ID); code != "" {
		ps.add(idProblem(code, top, q.ID))
	}
	if q.Version <= 0 || int64(q.Version) > MaxVersion {
		ps.add(Problem{Code: CodeVersion, Item: top, N: q.Version, M: MaxVersion})
	}
	checkText(ps, top, "title", q.Title)

	s := q.Scale
	scale := Item{Kind: ItemScale}
	// Ratings start at 1: a stored 0 means "skipped", so a scale that
	// included 0 could not tell a rating from a skip.
	if s.Min < 1 {
		ps.add(Problem{Code: CodeScaleMin, Item: scale, N: s.Min})
	}
	switch {
	case s.Max <= s.Min:
		ps.add(Problem{Code: CodeScaleOrder, Item: scale, N: s.Max, M: s.Min})
	case s.Max > MaxRating:
		ps.add(Problem{Code: CodeScaleMax, Item: scale, N: s.Max, M: MaxRating})
	case s.Points() > maxScalePoints:
		ps.add(Problem{Code: CodeScalePoints, Item: scale, N: s.Points(), M: maxScalePoints})
	}
	checkText(ps, scale, "min_label", s.MinLabel)
	checkText(ps, scale, "max_label", s.MaxLabel)

	areaIDs := make(map[string]bool)
	areaNumbers := make(map[int]string)
	for i, a := range q.Areas {
		it := Item{Kind: ItemArea, ID: a.ID, Index: i + 1}
		checkID(ps, it, areaIDs)
		if a.Number <= 0 {
			ps.add(Problem{Code: CodeAreaNumber, Item: it, N: a.Number})
		} else if other, dup := areaNumbers[a.Number]; dup {
			ps.add(Problem{Code: CodeNumberUsed, Item: it, N: a.Number, Value: other})
		} else {
			areaNumbers[a.Number] = a.ID
		}
		checkText(ps, it, "name", a.Name)
	}

	switch n := len(q.Statements); {
	case n == 0:
		ps.add(Problem{Code: CodeNoStatements, Item: top})
	case n > MaxStatements:
		ps.add(Problem{Code: CodeTooManyStatements, Item: top, N: n, M: MaxStatements})
	}
	statementIDs := make(map[string]bool)
	usedAreas := make(map[string]bool)
	for i, st := range q.Statements {
		it := Item{Kind: ItemStatement, ID: st.ID, Index: i + 1}
		checkID(ps, it, statementIDs)
		if !areaIDs[st.Area] || st.Area == "" {
			ps.add(Problem{Code: CodeUnknownArea, Item: it, Value: st.Area})
		}
		usedAreas[st.Area] = true
		comps := st.Competences()
		if len(comps) == 0 {
			ps.add(Problem{Code: CodeNoCompetence, Item: it})
		}
		for _, c := range comps {
			if !competencePattern.MatchString(c) {
				ps.add(Problem{Code: CodeCompetence, Item: it, Value: c})
			}
		}
		checkText(ps, it, "text", st.Text)
	}
	for i, a := range q.Areas {
		if a.ID != "" && !usedAreas[a.ID] {
			ps.add(Problem{Code: CodeAreaUnused, Item: Item{Kind: ItemArea, ID: a.ID, Index: i + 1}})
		}
	}

	if n := len(q.Background); n > MaxBackground {
		ps.add(Problem{Code: CodeTooManyBackground, Item: top, N: n, M: MaxBackground})
	}
	backgroundIDs := make(map[string]bool)
	for i, b := range q.Background {
		it := Item{Kind: ItemBackground, ID: b.ID, Index: i + 1}
		checkID(ps, it, backgroundIDs)
		checkText(ps, it, "prompt", b.Prompt)
		switch b.Kind {
		case KindChoice:
			switch n := len(b.Options); {
			case n < 2:
				ps.add(Problem{Code: CodeFewOptions, Item: it, N: n})
			case n > MaxOptions:
				ps.add(Problem{Code: CodeTooManyOptions, Item: it, N: n, M: MaxOptions})
			}
			optionIDs := make(map[string]bool)
			for j, o := range b.Options {
				oit := Item{Kind: ItemOption, ID: o.ID, Index: j + 1, Parent: &it}
				checkID(ps, oit, optionIDs)
				checkText(ps, oit, "label", o.Label)
			}
		case KindMunicipality:
			// The answers come from the embedded municipality list, so
			// options here would never be shown.
			if len(b.Options) > 0 {
				ps.add(Problem{Code: CodeNoOptions, Item: it, Value: b.Kind})
			}
		default:
			ps.add(Problem{Code: CodeUnknownKind, Item: it, Value: b.Kind})
		}
	}

	discussionIDs := make(map[string]bool)
	for i, d := range q.Discussion {
		it := Item{Kind: ItemDiscussion, ID: d.ID, Index: i + 1}
		checkID(ps, it, discussionIDs)
		checkText(ps, it, "text", d.Text)
	}
}

// idProblem is the problem of an id that breaks code. An empty id or one
// that cannot be shown is no name for its item, so the item is named by
// its position instead.
func idProblem(code Code, it Item, id string) Problem {
	p := Problem{Code: code, Item: it}
	switch code {
	case CodeIDTooLong:
		p.N, p.M = len(id), MaxIDLen
		p.Item.ID = ""
	case CodeIDCharacter:
		p.Value = id
		p.Item.ID = ""
	}
	return p
}

// checkID reports an id that breaks the id rules or is already in seen,
// and records it.
func checkID(ps *problems, it Item, seen map[string]bool) {
	id := it.ID
	if code := CheckID(id); code != "" {
		ps.add(idProblem(code, it, id))
	} else if seen[id] {
		ps.add(Problem{Code: CodeDuplicateID, Item: it, Value: id})
	}
	seen[id] = true
}

// checkText reports each language that t lacks.
func checkText(ps *problems, it Item, field string, t Text) {
	if strings.TrimSpace(t.SV) == "" {
		ps.add(Problem{Code: CodeMissingText, Item: it, Field: field, Lang: Swedish})
	}
	if strings.TrimSpace(t.EN) == "" {
		ps.add(Problem{Code: CodeMissingText, Item: it, Field: field, Lang: English})
	}
}
