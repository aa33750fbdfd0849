package survey

import "slices"

// The managers' question (seed 004, the programme's third indicator):
// asked at the end of an attempt, optionally, of respondents whose role is
// RoleManager and of no one else.

// ManagerQuestionID is the id the managers' answer is stored and exported
// under.
const ManagerQuestionID = "manager_change"

// The managers' question's answers (option ids).
const (
	ManagerYes      = "yes"
	ManagerPartly   = "partly"
	ManagerNo       = "no"
	ManagerDontKnow = "dontknow"
)

// managerAnswers are the answers in the order asked and counted.
var managerAnswers = []string{ManagerYes, ManagerPartly, ManagerNo, ManagerDontKnow}

// ManagerQuestion returns the managers' question as a choice question,
// so it is shown like a background question. The Swedish prompt is the
// issue's word for word; the English prompt and all labels are ours. Each
// call returns a fresh copy.
func ManagerQuestion() BackgroundQuestion {
	return BackgroundQuestion{
		ID:   ManagerQuestionID,
		Kind: KindChoice,
		Prompt: Text{
			SV: "Har din förmåga att leda digital förändring stärkts under det senaste året?",
			EN: "Has your ability to lead digital change grown stronger over the past year?",
		},
		Options: []Option{
			{ID: ManagerYes, Label: Text{SV: "Ja", EN: "Yes"}},
			{ID: ManagerPartly, Label: Text{SV: "Delvis", EN: "Partly"}},
			{ID: ManagerNo, Label: Text{SV: "Nej", EN: "No"}},
			{ID: ManagerDontKnow, Label: Text{SV: "Vet inte", EN: "Don't know"}},
		},
	}
}

// ValidManagerAnswer reports whether s is one of the managers' question's
// answers; "" (not answered) is not.
func ValidManagerAnswer(s string) bool { return slices.Contains(managerAnswers, s) }

// IsManager reports whether a respondent's background answers make them a
// manager: the role question answered with RoleManager ("Chef, till
// exempel bibliotekschef eller enhetschef"). Only they are asked the
// managers' question.
func IsManager(background map[string]string) bool {
	return background[BackgroundRole] == RoleManager
}

// Share is Yes out of N respondents. When TooFew is set (N < MinGroup)
// Yes and N are zero: a share of two people tells the room what each
// answered.
type Share struct {
	Yes, N int
	TooFew bool
}

func newShare(yes, n int) Share {
	if n < MinGroup {
		return Share{TooFew: true}
	}
	return Share{Yes: yes, N: n}
}

// Known reports whether the share has numbers to show.
func (s Share) Known() bool { return !s.TooFew && s.N > 0 }

// Float is Yes/N, 0 unless Known.
func (s Share) Float() float64 { return Mean{s.Yes, s.N}.Float() }

// Percent is Yes/N as a whole percentage, rounded half away from zero.
func (s Share) Percent() int { return RoundRatio(100*s.Yes, s.N, 0) }

// ManagerShare is the managers' question among the group's managers.
// Share.N counts the managers who answered ("vet inte" included) and
// Share.Yes those who answered yes; Partly, No and DontKnow are the other
// answers and Unanswered the managers who skipped it. Under MinGroup
// answers, TooFew is set and every count is zero.
type ManagerShare struct {
	Share
	Partly, No, DontKnow int
	Unanswered           int
}

func (t *GroupTally) managerReport() ManagerShare {
	n := 0
	for _, c := range t.manager {
		n += c
	}
	m := ManagerShare{Share: newShare(t.manager[0], n)}
	if m.TooFew {
		return m
	}
	m.Partly, m.No, m.DontKnow = t.manager[1], t.manager[2], t.manager[3]
	m.Unanswered = t.managerUnanswered
	return m
}
