package survey

// Questionnaire is one version of the self-assessment: its scale, the five
// DigComp areas, the statements, and the optional background and discussion
// questions. It is loaded from an embedded TOML file, never built in Go
// literals, so that a new version is a data change.
type Questionnaire struct {
	ID         string               `toml:"id"`
	Version    int                  `toml:"version"`
	Title      Text                 `toml:"title"`
	Scale      Scale                `toml:"scale"`
	Areas      []Area               `toml:"areas"`
	Statements []Statement          `toml:"statements"`
	Background []BackgroundQuestion `toml:"background"`
	Discussion []DiscussionQuestion `toml:"discussion"`
}

// Scale is the rating scale: whole numbers from Min to Max, with labels for
// the two ends only, as in the original paper form.
type Scale struct {
	Min      int  `toml:"min"`
	Max      int  `toml:"max"`
	MinLabel Text `toml:"min_label"`
	MaxLabel Text `toml:"max_label"`
}

// Contains reports whether v is a rating on the scale.
func (s Scale) Contains(v int) bool { return v >= s.Min && v <= s.Max }

// Points returns the number of steps on the scale.
func (s Scale) Points() int { return s.Max - s.Min + 1 }

// Area is one of the five DigComp competence areas.
type Area struct {
	ID     string `toml:"id"`
	Number int    `toml:"number"` // DigComp area number, 1–5
	Name   Text   `toml:"name"`
}

// Statement is one first-person self-efficacy statement to be rated.
type Statement struct {
	ID         string `toml:"id"`
	Area       string `toml:"area"`
	Competence string `toml:"competence"` // DigComp 2.1 competences, e.g. "1.1" or "1.1 1.2"
	Text       Text   `toml:"text"`
}

// Background question kinds.
const (
	KindChoice       = "choice"       // pick one of Options
	KindMunicipality = "municipality" // pick one of Sweden's municipalities
)

// BackgroundQuestion is an optional question about the respondent, used only
// to group results; every one of them may be left unanswered.
type BackgroundQuestion struct {
	ID      string   `toml:"id"`
	Kind    string   `toml:"kind"`
	Prompt  Text     `toml:"prompt"`
	Options []Option `toml:"options"`
}

// Option is one answer to a choice question.
type Option struct {
	ID    string `toml:"id"`
	Label Text   `toml:"label"`
}

// DiscussionQuestion is an open question from the network meetings,
// answered in free text or not at all.
type DiscussionQuestion struct {
	ID   string `toml:"id"`
	Text Text   `toml:"text"`
}
