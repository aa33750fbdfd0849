package survey

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// The needs and resources inventories totalled: the list a regional
// library takes home to plan its training.
//
// Needs are ranked by a Borda count: a topic put first gets BordaPlaces
// (5) points, second 4, … fifth 1. A topic named twice by one respondent
// counts once, at its first place; places beyond the fifth are not
// scored. Topics are ranked by points, then by how many chose them, then
// by id (so the order is the same every time); Rank is a competition
// rank ("1, 2, 2, 4"): topics equal in points and in choosers share it.
//
// Teach counts, per topic, the respondents who could teach it, and lists
// the names of those who chose to show their name (cleaned with
// CleanLine, at most MaxTeachNames per topic, sorted in Swedish order).
//
// Topic ids are counted as given (the store validates them against the
// topic list); ids that are not well formed (ValidTopicID), and new ids
// beyond MaxGroupTopics, are only counted in IgnoredTopics.

// NeedRank is one topic of the needs inventory.
type NeedRank struct {
	TopicID string
	Rank    int
	Points  int
	Chosen  int              // respondents who put it in any place
	ByPlace [BordaPlaces]int // respondents who put it first, second, …
}

// TeachCount is one topic of the resources inventory.
type TeachCount struct {
	TopicID   string
	Count     int      // respondents who could teach it
	Names     []string // of those who chose to show their name, sorted
	MoreNames int      // names beyond MaxTeachNames, not kept
}

// topicKnown reports whether id may be counted, making room for it if it
// is new.
func (t *GroupTally) topicKnown(id string, seen bool) bool {
	if seen {
		return true // checked when first seen; the regexp is half of Add's time
	}
	if !ValidTopicID(id) || len(t.needs)+len(t.teach) >= 2*MaxGroupTopics {
		t.ignored++
		return false
	}
	return true
}

func (t *GroupTally) addNeeds(learn []string) {
	for p, id := range learn {
		if p >= BordaPlaces {
			break
		}
		if slices.Contains(learn[:p], id) {
			continue
		}
		n, ok := t.needs[id]
		if !t.topicKnown(id, ok) {
			continue
		}
		if !ok {
			n = &NeedRank{TopicID: id}
			t.needs[id] = n
		}
		n.Points += BordaPlaces - p
		n.Chosen++
		n.ByPlace[p]++
	}
}

func (t *GroupTally) addTeach(teach []string, name string) {
	if len(teach) == 0 {
		return
	}
	name = strings.TrimSpace(CleanLine(name))
	for i, id := range teach {
		if slices.Contains(teach[:i], id) {
			continue
		}
		c, ok := t.teach[id]
		if !t.topicKnown(id, ok) {
			continue
		}
		if !ok {
			c = &TeachCount{TopicID: id}
			t.teach[id] = c
		}
		c.Count++
		switch {
		case name == "":
		case len(c.Names) < MaxTeachNames:
			c.Names = append(c.Names, name)
		default:
			c.MoreNames++
		}
	}
}

func (t *GroupTally) needsReport() []NeedRank {
	out := make([]NeedRank, 0, len(t.needs))
	for _, n := range t.needs {
		out = append(out, *n)
	}
	slices.SortFunc(out, func(a, b NeedRank) int {
		if c := cmp.Compare(b.Points, a.Points); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Chosen, a.Chosen); c != 0 {
			return c
		}
		return strings.Compare(a.TopicID, b.TopicID)
	})
	for i := range out {
		if i > 0 && out[i].Points == out[i-1].Points && out[i].Chosen == out[i-1].Chosen {
			out[i].Rank = out[i-1].Rank
		} else {
			out[i].Rank = i + 1
		}
	}
	return out
}

func (t *GroupTally) teachReport() []TeachCount {
	out := make([]TeachCount, 0, len(t.teach))
	// A Collator is not safe for concurrent use: one per report.
	order := collate.New(language.Swedish)
	for _, c := range t.teach {
		tc := *c
		tc.Names = slices.Clone(c.Names)
		slices.SortStableFunc(tc.Names, func(a, b string) int {
			if c := order.CompareString(a, b); c != 0 {
				return c
			}
			return strings.Compare(a, b)
		})
		out = append(out, tc)
	}
	slices.SortFunc(out, func(a, b TeachCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.TopicID, b.TopicID)
	})
	return out
}
