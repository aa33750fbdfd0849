package ui

import (
	"fmt"

	"digikomp/store"
	"digikomp/survey"
)

// CheckProblem phrases one problem of `digikomp check` in the catalogue's
// language. Record ids and the technical detail (bbolt's own words, a
// decoder's) stay inside the sentence as the store gave them, made safe
// to print: a damaged or foreign file can hold any bytes.
func (c *Catalog) CheckProblem(p store.Problem) string {
	n := func(i int) int {
		if i < len(p.Numbers) {
			return p.Numbers[i]
		}
		return 0
	}
	rec, det := survey.Visible(p.Record), survey.Visible(p.Detail)
	switch p.Kind {
	case store.ProblemMetaPage:
		return fmt.Sprintf(c.CheckMetaPage, n(0), det)
	case store.ProblemFreelist:
		return fmt.Sprintf(c.CheckFreelist, n(0), det)
	case store.ProblemPageBeyondEnd:
		return fmt.Sprintf(c.CheckPageBeyondEnd, n(0), n(1))
	case store.ProblemPageID:
		return fmt.Sprintf(c.CheckPageID, n(0), n(1))
	case store.ProblemPageType:
		return fmt.Sprintf(c.CheckPageType, n(0), det)
	case store.ProblemPageOverflow:
		return fmt.Sprintf(c.CheckPageOverflow, n(0), n(1))
	case store.ProblemBbolt:
		return fmt.Sprintf(c.CheckBbolt, det)
	case store.ProblemBuckets:
		return fmt.Sprintf(c.CheckBuckets, det)
	case store.ProblemBucketMissing:
		return fmt.Sprintf(c.CheckBucketMissing, rec)
	case store.ProblemProfile:
		return fmt.Sprintf(c.CheckProfile, rec, det)
	case store.ProblemProfileName:
		return fmt.Sprintf(c.CheckProfileName, rec, det)
	case store.ProblemShapeKey:
		return fmt.Sprintf(c.CheckShapeKey, det)
	case store.ProblemShape:
		return fmt.Sprintf(c.CheckShape, rec, n(0), det)
	case store.ProblemAttemptKey:
		return fmt.Sprintf(c.CheckAttemptKey, rec, det)
	case store.ProblemAttempt:
		return fmt.Sprintf(c.CheckAttempt, rec, det)
	case store.ProblemNoProfile:
		return fmt.Sprintf(c.CheckNoProfile, rec, det)
	case store.ProblemNoShape:
		return fmt.Sprintf(c.CheckNoShape, rec, det, n(0))
	case store.ProblemAnswers:
		return fmt.Sprintf(c.CheckAnswers, rec, det)
	case store.ProblemRating:
		return fmt.Sprintf(c.CheckRating, rec, det)
	case store.ProblemOrphanAnswers:
		return fmt.Sprintf(c.CheckOrphanAnswers, rec)
	case store.ProblemUnfinishedIndex:
		return fmt.Sprintf(c.CheckUnfinishedIndex, rec, det)
	case store.ProblemUnfinishedWrong:
		return fmt.Sprintf(c.CheckUnfinishedWrong, rec, det)
	case store.ProblemNotUnfinished:
		return fmt.Sprintf(c.CheckNotUnfinished, rec, det)
	case store.ProblemPositionDone:
		return fmt.Sprintf(c.CheckPositionDone, rec)
	case store.ProblemFinishedIndexKey:
		return fmt.Sprintf(c.CheckFinishedIndexKey, rec, det)
	case store.ProblemFinishedIndex:
		return fmt.Sprintf(c.CheckFinishedIndex, rec, det)
	case store.ProblemNotFinishedIndex:
		return fmt.Sprintf(c.CheckNotFinishedIndex, rec)
	case store.ProblemNoResultsRow:
		return fmt.Sprintf(c.CheckNoResultsRow, rec)
	case store.ProblemResultsRow:
		return fmt.Sprintf(c.CheckResultsRow, rec)
	case store.ProblemCounts:
		return fmt.Sprintf(c.CheckCounts, n(0), n(1), n(2))
	case store.ProblemMore:
		return fmt.Sprintf(c.CheckMore, n(0))
	}
	return fmt.Sprintf(c.CheckOther, survey.Visible(string(p.Kind)), rec, det)
}
