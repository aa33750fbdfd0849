package survey

// The region's indicators (seed 004, "Indikatorer"): of its seven, these
// three are measured by the self-assessment; the others (training
// sessions held, project grants, an action plan, libraries working with
// 1177) are not in its data and are left out.
//
//  1. IndicatorResultHigher: "Resultatet från självskattningstest … ska
//     vara högre vid projektets slut än vid projektets början." Target
//     TargetHigher; met when the overall mean, as shown in tenths, is
//     higher in the end round than in the base round (RoundChange.Higher).
//     The per-area changes are given in Rounds, each with its own Higher,
//     as information; the seed's target is the result as a whole.
//  2. IndicatorDigiteket: "Minst 80% av bibliotekspersonalen … ska vid
//     projektets slut ha en användarprofil i … Digiteket." Target
//     TargetAtLeast, DigiteketTarget percent; judged on the end round's
//     Digiteket share as shown (whole percent, rounded half away from
//     zero), so a shown "80 %" is never "not met".
//  3. IndicatorManagers: "Andelen av folkbibliotekens verksamhetsansvariga
//     som uppger att förmågan har stärkts att leda digital förändring."
//     The seed names a share to report and gives no number to reach, so
//     the target is TargetNone ("redovisas, inget mål satt") and the
//     status StatusNoTarget: inventing a majority or a rise would claim a
//     goal the programme never set. Base and End are both given so a
//     reader can see the change.
//
// A verdict needs data: when a round has no ratings, or a share is under
// MinGroup, the status is StatusUnknown, never "not met".

// IndicatorKind names one of the seed's indicators.
type IndicatorKind string

const (
	IndicatorResultHigher IndicatorKind = "result-higher"
	IndicatorDigiteket    IndicatorKind = "digiteket-profile"
	IndicatorManagers     IndicatorKind = "managers-stronger"
)

// TargetKind is what an indicator aims at.
type TargetKind string

const (
	TargetHigher  TargetKind = "higher"   // higher at the end than at the start
	TargetAtLeast TargetKind = "at-least" // a share of at least Target.Percent
	TargetNone    TargetKind = "none"     // reported; the seed sets no target
)

// DigiteketTarget is the seed's target share of staff with a Digiteket
// profile, in percent.
const DigiteketTarget = 80

// Target is an indicator's target.
type Target struct {
	Kind    TargetKind
	Percent int // for TargetAtLeast
}

// IndicatorStatus is the verdict on an indicator.
type IndicatorStatus string

const (
	StatusMet      IndicatorStatus = "met"
	StatusNotMet   IndicatorStatus = "not-met"
	StatusUnknown  IndicatorStatus = "unknown"   // too little data for a verdict
	StatusNoTarget IndicatorStatus = "no-target" // reported only
)

// Indicator is one indicator measured on two rounds.
type Indicator struct {
	Kind   IndicatorKind
	Target Target
	Status IndicatorStatus
	Met    bool // Status == StatusMet
	// Rounds is the comparison (IndicatorResultHigher only): overall and
	// per area, with n and the change.
	Rounds RoundComparison
	// Base and End are the shares in each round (IndicatorDigiteket and
	// IndicatorManagers).
	Base, End Share
}

// Indicators measures the seed's three indicators on a base and an end
// round, in the seed's order.
func Indicators(base, end GroupReport) []Indicator {
	rounds := CompareRounds(base, end)
	higher := Indicator{Kind: IndicatorResultHigher, Target: Target{Kind: TargetHigher}, Rounds: rounds}
	higher.setStatus(rounds.Overall.Known, rounds.Overall.Higher)

	digi := Indicator{
		Kind:   IndicatorDigiteket,
		Target: Target{Kind: TargetAtLeast, Percent: DigiteketTarget},
		Base:   base.Digiteket, End: end.Digiteket,
	}
	digi.setStatus(end.Digiteket.Known(), end.Digiteket.Percent() >= DigiteketTarget)

	managers := Indicator{
		Kind:   IndicatorManagers,
		Target: Target{Kind: TargetNone},
		Status: StatusNoTarget,
		Base:   base.Managers.Share, End: end.Managers.Share,
	}
	return []Indicator{higher, digi, managers}
}

func (i *Indicator) setStatus(known, met bool) {
	switch {
	case !known:
		i.Status = StatusUnknown
	case met:
		i.Status, i.Met = StatusMet, true
	default:
		i.Status = StatusNotMet
	}
}
