package survey

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// maxScalePoints bounds the scale so that every point still fits as its own
// key on one row of an 80-column screen.
const maxScalePoints = 11

// competencePattern is a DigComp competence number such as "2.3".
var competencePattern = regexp.MustCompile(`^[1-9][0-9]*\.[1-9][0-9]*$`)

// Validate reports every problem in q at once, each naming the item it
// concerns, so that whoever edits the data file can fix them in one pass.
func (q *Questionnaire) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	if q.ID == "" {
		add("empty id")
	}
	if q.Version <= 0 {
		add("version must be a positive number, got %d", q.Version)
	}
	checkText(add, "title", q.Title)

	s := q.Scale
	// Ratings start at 1: a stored 0 means "skipped", so a scale that
	// included 0 could not tell a rating from a skip.
	if s.Min < 1 {
		add("scale: min %d is below 1", s.Min)
	}
	if s.Max <= s.Min {
		add("scale: max %d is not above min %d", s.Max, s.Min)
	} else if s.Points() > maxScalePoints {
		add("scale: %d points, at most %d allowed", s.Points(), maxScalePoints)
	}
	checkText(add, "scale min_label", s.MinLabel)
	checkText(add, "scale max_label", s.MaxLabel)

	areaIDs := make(map[string]bool)
	areaNumbers := make(map[int]string)
	for i, a := range q.Areas {
		name := itemName("area", a.ID, i)
		checkID(add, name, a.ID, areaIDs)
		if a.Number <= 0 {
			add("%s: number must be positive, got %d", name, a.Number)
		} else if other, dup := areaNumbers[a.Number]; dup {
			add("%s: number %d already used by area %q", name, a.Number, other)
		} else {
			areaNumbers[a.Number] = a.ID
		}
		checkText(add, name+" name", a.Name)
	}

	statementIDs := make(map[string]bool)
	usedAreas := make(map[string]bool)
	for i, st := range q.Statements {
		name := itemName("statement", st.ID, i)
		checkID(add, name, st.ID, statementIDs)
		if !areaIDs[st.Area] || st.Area == "" {
			add("%s: unknown area %q", name, st.Area)
		}
		usedAreas[st.Area] = true
		comps := st.Competences()
		if len(comps) == 0 {
			add("%s: empty competence", name)
		}
		for _, c := range comps {
			if !competencePattern.MatchString(c) {
				add("%s: competence %q is not a DigComp number like 1.2", name, c)
			}
		}
		checkText(add, name+" text", st.Text)
	}
	for i, a := range q.Areas {
		if a.ID != "" && !usedAreas[a.ID] {
			add("%s: no statements", itemName("area", a.ID, i))
		}
	}

	backgroundIDs := make(map[string]bool)
	for i, b := range q.Background {
		name := itemName("background question", b.ID, i)
		checkID(add, name, b.ID, backgroundIDs)
		checkText(add, name+" prompt", b.Prompt)
		switch b.Kind {
		case KindChoice:
			if len(b.Options) < 2 {
				add("%s: a choice needs at least 2 options, has %d", name, len(b.Options))
			}
			optionIDs := make(map[string]bool)
			for j, o := range b.Options {
				oname := fmt.Sprintf("%s %s", name, itemName("option", o.ID, j))
				checkID(add, oname, o.ID, optionIDs)
				checkText(add, oname+" label", o.Label)
			}
		case KindMunicipality:
			// The answers come from the embedded municipality list, so
			// options here would never be shown.
			if len(b.Options) > 0 {
				add("%s: kind %q takes no options", name, b.Kind)
			}
		default:
			add("%s: unknown kind %q (use %q or %q)", name, b.Kind, KindChoice, KindMunicipality)
		}
	}

	discussionIDs := make(map[string]bool)
	for i, d := range q.Discussion {
		name := itemName("discussion question", d.ID, i)
		checkID(add, name, d.ID, discussionIDs)
		checkText(add, name+" text", d.Text)
	}

	return errors.Join(errs...)
}

// itemName names an item by id, or by its 1-based position in the file when
// the id is the thing that is missing.
func itemName(kind, id string, index int) string {
	if id == "" {
		return fmt.Sprintf("%s #%d", kind, index+1)
	}
	return fmt.Sprintf("%s %q", kind, id)
}

// checkID reports an empty id or one already in seen, and records it.
func checkID(add func(string, ...any), name, id string, seen map[string]bool) {
	if id == "" {
		add("%s: empty id", name)
	} else if seen[id] {
		add("%s: duplicate id", name)
	}
	seen[id] = true
}

// checkText reports each language that t lacks.
func checkText(add func(string, ...any), what string, t Text) {
	if strings.TrimSpace(t.SV) == "" {
		add("%s: missing %s text", what, Swedish)
	}
	if strings.TrimSpace(t.EN) == "" {
		add("%s: missing %s text", what, English)
	}
}
