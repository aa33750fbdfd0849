package survey

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// Topic is something to learn next: suggested after a result for the
// areas and statements it is linked to, and listed on the needs and
// resources screen. Topics are data (data/topics.toml), like the
// questionnaire, so that their wording is reviewed as text.
type Topic struct {
	// ID is stored in plans, so it is never renamed: lowercase ASCII
	// letters, digits and '-', at most MaxTopicIDLen bytes.
	ID    string `toml:"id"`
	Title Text   `toml:"title"`
	// Why says in one sentence why the topic is worth learning.
	Why Text `toml:"why"`
	// Exercises are two or three things to try this week.
	Exercises  []Text   `toml:"exercises"`
	Areas      []string `toml:"areas"`
	Statements []string `toml:"statements"`
}

// Limits of the topics file.
const (
	MaxTopicIDLen = 40
	MinExercises  = 2
	MaxExercises  = 3
	// LowRating is the highest rating that makes a statement's topics
	// suggested.
	LowRating = 3
	// WeakAreas is how many of the weakest areas have their topics
	// suggested.
	WeakAreas = 2
)

// ValidTopicID reports whether id is a well-formed topic id: 1 to
// MaxTopicIDLen of a–z, 0–9 and '-'. It is on the path of every plan a
// group report reads, so it is a loop, not a regular expression (a tenth
// of the time of a report of 100,000 attempts went to the latter).
func ValidTopicID(id string) bool {
	if len(id) == 0 || len(id) > MaxTopicIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

const topicsFile = "data/topics.toml"

type topicsDoc struct {
	Topics []Topic `toml:"topics"`
}

// ParseTopics decodes a topics file and checks it against q: decoding is
// strict (an unknown key is an error), every id is well formed and unique,
// every text has both languages, each topic has two or three exercises,
// and every area and statement it names exists in q.
func ParseTopics(data []byte, q *Questionnaire) ([]Topic, error) {
	var doc topicsDoc
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	var errs []error
	for _, k := range md.Undecoded() {
		errs = append(errs, fmt.Errorf("topics: unknown key %q", k.String()))
	}
	if len(doc.Topics) == 0 {
		errs = append(errs, errors.New("topics: none defined"))
	}
	seen := map[string]bool{}
	for i := range doc.Topics {
		t := &doc.Topics[i]
		where := fmt.Sprintf("topic %d (%q)", i+1, t.ID)
		switch {
		case !ValidTopicID(t.ID):
			errs = append(errs, fmt.Errorf("%s: id must be 1–%d of a–z, 0–9 and '-'", where, MaxTopicIDLen))
		case seen[t.ID]:
			errs = append(errs, fmt.Errorf("%s: id used twice", where))
		}
		seen[t.ID] = true
		texts := map[string]Text{"title": t.Title, "why": t.Why}
		if n := len(t.Exercises); n < MinExercises || n > MaxExercises {
			errs = append(errs, fmt.Errorf("%s: %d exercises, want %d to %d", where, n, MinExercises, MaxExercises))
		}
		for j, e := range t.Exercises {
			texts[fmt.Sprintf("exercise %d", j+1)] = e
		}
		for _, name := range slices.Sorted(maps.Keys(texts)) {
			tx := texts[name]
			if strings.TrimSpace(tx.SV) == "" || strings.TrimSpace(tx.EN) == "" {
				errs = append(errs, fmt.Errorf("%s: %s needs both sv and en", where, name))
			}
		}
		if len(t.Areas) == 0 && len(t.Statements) == 0 {
			errs = append(errs, fmt.Errorf("%s: linked to no area or statement", where))
		}
		for _, a := range t.Areas {
			if _, ok := q.Area(a); !ok {
				errs = append(errs, fmt.Errorf("%s: unknown area %q", where, a))
			}
		}
		for _, s := range t.Statements {
			if _, ok := q.Statement(s); !ok {
				errs = append(errs, fmt.Errorf("%s: unknown statement %q", where, s))
			}
		}
		if dup := firstDuplicate(t.Areas); dup != "" {
			errs = append(errs, fmt.Errorf("%s: area %q named twice", where, dup))
		}
		if dup := firstDuplicate(t.Statements); dup != "" {
			errs = append(errs, fmt.Errorf("%s: statement %q named twice", where, dup))
		}
		t.clean()
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return doc.Topics, nil
}

func firstDuplicate(ids []string) string {
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			return id
		}
		seen[id] = true
	}
	return ""
}

// clean makes the texts safe for a terminal, as Parse does for a
// questionnaire's.
func (t *Topic) clean() {
	ct := func(x Text) Text { return Text{SV: CleanLine(x.SV), EN: CleanLine(x.EN)} }
	t.Title, t.Why = ct(t.Title), ct(t.Why)
	for i := range t.Exercises {
		t.Exercises[i] = ct(t.Exercises[i])
	}
}

var loadTopics = sync.OnceValues(func() ([]Topic, error) {
	q, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	data, err := dataFS.ReadFile(topicsFile)
	if err != nil {
		return nil, err
	}
	return ParseTopics(data, q)
})

// Topics returns the built-in topics in file order, checked against the
// built-in questionnaire. Each call gets its own copy.
func Topics() ([]Topic, error) {
	ts, err := loadTopics()
	if err != nil {
		return nil, err
	}
	out := slices.Clone(ts)
	for i := range out {
		out[i].Exercises = slices.Clone(out[i].Exercises)
		out[i].Areas = slices.Clone(out[i].Areas)
		out[i].Statements = slices.Clone(out[i].Statements)
	}
	return out, nil
}

// TopicByID finds a topic in ts.
func TopicByID(ts []Topic, id string) (Topic, bool) {
	for _, t := range ts {
		if t.ID == id {
			return t, true
		}
	}
	return Topic{}, false
}

// Suggestion is a topic suggested after a result, with the reasons: the
// weak areas and the low-rated statements that led to it.
type Suggestion struct {
	Topic Topic
	// Areas are the topic's areas among the weakest, weakest first.
	Areas []string
	// Statements are the topic's statements rated LowRating or lower,
	// lowest first (questionnaire order among equals).
	Statements []StatementScore
}

// Suggest returns the built-in topics suggested for ratings r of q.
func Suggest(q *Questionnaire, r Ratings) ([]Suggestion, error) {
	ts, err := Topics()
	if err != nil {
		return nil, err
	}
	return SuggestFrom(ts, q, r), nil
}

// SuggestFrom suggests topics of ts for the WeakAreas weakest areas of r
// (by mean over answered statements; ties go to the area that comes first
// in q) and for every statement rated LowRating or lower. Topics reached
// by a low statement come first, lowest rating first; then those reached
// only by a weak area, weakest area first; file order breaks ties. Links
// to areas or statements q does not have are ignored, so a questionnaire
// from a file gets what matches.
func SuggestFrom(ts []Topic, q *Questionnaire, r Ratings) []Suggestion {
	res := Score(q, r)
	// The weakest areas with at least one answer.
	var answered []AreaScore
	for _, a := range res.Areas {
		if a.Answered > 0 {
			answered = append(answered, a)
		}
	}
	slices.SortStableFunc(answered, func(a, b AreaScore) int {
		return cmp.Compare(a.Sum*b.Answered, b.Sum*a.Answered)
	})
	weakRank := map[string]int{}
	for i, a := range answered {
		if i == WeakAreas {
			break
		}
		weakRank[a.AreaID] = i
	}
	low := map[string]StatementScore{}
	order := map[string]int{}
	for i, s := range q.Statements {
		order[s.ID] = i
		if v, ok := r[s.ID]; ok && q.Scale.Contains(v) && v <= LowRating {
			low[s.ID] = StatementScore{StatementID: s.ID, Value: v}
		}
	}
	type ranked struct {
		s    Suggestion
		file int
	}
	var out []ranked
	for i, t := range ts {
		var sg Suggestion
		sg.Topic = t
		for _, a := range t.Areas {
			if _, ok := weakRank[a]; ok {
				sg.Areas = append(sg.Areas, a)
			}
		}
		slices.SortStableFunc(sg.Areas, func(a, b string) int { return cmp.Compare(weakRank[a], weakRank[b]) })
		for _, s := range t.Statements {
			if sc, ok := low[s]; ok {
				sg.Statements = append(sg.Statements, sc)
			}
		}
		slices.SortStableFunc(sg.Statements, func(a, b StatementScore) int {
			return cmp.Or(cmp.Compare(a.Value, b.Value), cmp.Compare(order[a.StatementID], order[b.StatementID]))
		})
		if len(sg.Areas) > 0 || len(sg.Statements) > 0 {
			out = append(out, ranked{sg, i})
		}
	}
	key := func(x ranked) (int, int, int) {
		if len(x.s.Statements) > 0 {
			return 0, x.s.Statements[0].Value, x.file
		}
		return 1, weakRank[x.s.Areas[0]], x.file
	}
	slices.SortStableFunc(out, func(a, b ranked) int {
		a1, a2, a3 := key(a)
		b1, b2, b3 := key(b)
		return cmp.Or(cmp.Compare(a1, b1), cmp.Compare(a2, b2), cmp.Compare(a3, b3))
	})
	list := make([]Suggestion, len(out))
	for i, x := range out {
		list[i] = x.s
	}
	return list
}
