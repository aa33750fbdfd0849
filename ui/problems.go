package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"digikomp/store"
	"digikomp/survey"
)

// CheckProblem phrases one problem of `digikomp check` in the catalogue's
// language. Record ids and the technical detail (bbolt's own words, a
// decoder's) stay inside the sentence as the store gave them, made safe
// to print: a damaged or foreign file can hold any bytes.
func (c *Catalog) CheckProblem(p store.Problem) string {
	line := c.checkSentence(p)
	if p.Detail != "" && !detailInSentence[p.Kind] {
		line += "\n  " + fmt.Sprintf(c.Detail, survey.Visible(p.Detail))
	}
	return line
}

// detailInSentence are the kinds whose Detail is an id or a value their
// sentence quotes. Any other kind's Detail is bbolt's or a decoder's own
// words, shown on a line of its own under the sentence, so none is lost.
var detailInSentence = map[store.ProblemKind]bool{
	store.ProblemProfileName: true, store.ProblemNoProfile: true, store.ProblemNoShape: true,
	store.ProblemUnfinishedWrong: true, store.ProblemNotUnfinished: true, store.ProblemPageType: true,
}

// checkSentence is the sentence of one problem, without technical detail.
func (c *Catalog) checkSentence(p store.Problem) string {
	n := func(i int) int {
		if i < len(p.Numbers) {
			return p.Numbers[i]
		}
		return 0
	}
	rec, det := survey.Visible(p.Record), survey.Visible(p.Detail)
	switch p.Kind {
	case store.ProblemMetaPage:
		return fmt.Sprintf(c.CheckMetaPage, n(0))
	case store.ProblemFreelist:
		return fmt.Sprintf(c.CheckFreelist, n(0))
	case store.ProblemPageBeyondEnd:
		return fmt.Sprintf(c.CheckPageBeyondEnd, n(0), n(1))
	case store.ProblemPageID:
		return fmt.Sprintf(c.CheckPageID, n(0), n(1))
	case store.ProblemPageType:
		return fmt.Sprintf(c.CheckPageType, n(0), det)
	case store.ProblemPageOverflow:
		return fmt.Sprintf(c.CheckPageOverflow, n(0), n(1))
	case store.ProblemBbolt:
		return c.CheckBbolt
	case store.ProblemBuckets:
		return c.CheckBuckets
	case store.ProblemBucketMissing:
		return fmt.Sprintf(c.CheckBucketMissing, rec)
	case store.ProblemProfile:
		return fmt.Sprintf(c.CheckProfile, rec)
	case store.ProblemProfileName:
		return fmt.Sprintf(c.CheckProfileName, rec, det)
	case store.ProblemShapeKey:
		return c.CheckShapeKey
	case store.ProblemShape:
		return fmt.Sprintf(c.CheckShape, rec, n(0))
	case store.ProblemBuiltinShape:
		return fmt.Sprintf(c.CheckBuiltinShape, rec, n(0))
	case store.ProblemAttemptKey:
		return fmt.Sprintf(c.CheckAttemptKey, rec)
	case store.ProblemAttempt:
		return fmt.Sprintf(c.CheckAttempt, rec)
	case store.ProblemNoProfile:
		return fmt.Sprintf(c.CheckNoProfile, rec, det)
	case store.ProblemNoShape:
		return fmt.Sprintf(c.CheckNoShape, rec, det, n(0))
	case store.ProblemRating:
		return fmt.Sprintf(c.CheckRating, rec)
	case store.ProblemUnfinishedIndex:
		return fmt.Sprintf(c.CheckUnfinishedIndex, rec)
	case store.ProblemUnfinishedWrong:
		return fmt.Sprintf(c.CheckUnfinishedWrong, rec, det)
	case store.ProblemNotUnfinished:
		return fmt.Sprintf(c.CheckNotUnfinished, rec, det)
	case store.ProblemPositionDone:
		return fmt.Sprintf(c.CheckPositionDone, rec)
	case store.ProblemFinishedIndexKey:
		return fmt.Sprintf(c.CheckFinishedIndexKey, rec)
	case store.ProblemFinishedIndex:
		return fmt.Sprintf(c.CheckFinishedIndex, rec)
	case store.ProblemNoResultsRow:
		return fmt.Sprintf(c.CheckNoResultsRow, rec)
	case store.ProblemResultsRow:
		return fmt.Sprintf(c.CheckResultsRow, rec)
	case store.ProblemCounts:
		return fmt.Sprintf(c.CheckCounts, n(0), n(1), n(2))
	case store.ProblemMore:
		return fmt.Sprintf(c.CheckMore, n(0))
	case store.ProblemDefinition:
		return fmt.Sprintf(c.Records.CheckDefinition, rec)
	case store.ProblemPlan:
		return fmt.Sprintf(c.Records.CheckPlan, rec)
	case store.ProblemWorkshop:
		return fmt.Sprintf(c.Records.CheckWorkshop, rec)
	case store.ProblemWorkshopIndex:
		return fmt.Sprintf(c.Records.CheckWorkshopIndex, rec)
	case store.ProblemExtra:
		return fmt.Sprintf(c.Records.CheckExtra, rec)
	}
	return fmt.Sprintf(c.CheckOther, survey.Visible(string(p.Kind)), rec)
}

// QuestionsError explains why the questions file at path cannot be used:
// a missing or unreadable file in a sentence, a file that breaks the rules
// as a heading and one line per problem, naming the item and saying what
// is wrong. Everything quoted from the file or the parser is made visible
// first, so that the file cannot act on the terminal.
func (c *Catalog) QuestionsError(path string, err error) string {
	path = survey.Visible(path)
	var ps *survey.Problems
	switch {
	case errors.As(err, &ps):
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf(c.QFileMissing, path)
	default:
		return fmt.Sprintf(c.QFileUnreadable, path) + "\n  " + fmt.Sprintf(c.Detail, survey.Visible(err.Error()))
	}
	var b strings.Builder
	fmt.Fprintf(&b, c.ErrQuestions, path)
	for _, p := range ps.List {
		b.WriteString("\n  ")
		if p.Item.Kind != survey.ItemFile {
			b.WriteString(c.questionsItem(p.Item) + ": ")
		}
		b.WriteString(c.questionsProblem(p))
		if p.Detail != "" {
			b.WriteString("\n    " + fmt.Sprintf(c.Detail, survey.Visible(p.Detail)))
		}
	}
	if ps.More > 0 {
		b.WriteString("\n  " + fmt.Sprintf(c.QMore, ps.More))
	}
	return b.String()
}

// questionsItem names an item by its id, or by its place in the file when
// the id is missing or cannot be shown.
func (c *Catalog) questionsItem(it survey.Item) string {
	byID := it.ID != "" && survey.CheckID(it.ID) == ""
	id := it.ID
	pick := func(withID, at string) string {
		if byID {
			return fmt.Sprintf(withID, id)
		}
		return fmt.Sprintf(at, it.Index)
	}
	switch it.Kind {
	case survey.ItemQuestionnaire:
		return c.QItemQuestionnaire
	case survey.ItemScale:
		return c.QItemScale
	case survey.ItemArea:
		return pick(c.QItemArea, c.QItemAreaAt)
	case survey.ItemStatement:
		return pick(c.QItemStatement, c.QItemStatementAt)
	case survey.ItemBackground:
		return pick(c.QItemBackground, c.QItemBackgroundAt)
	case survey.ItemDiscussion:
		return pick(c.QItemDiscussion, c.QItemDiscussionAt)
	case survey.ItemOption:
		parent := c.QItemBackgroundAt
		if it.Parent != nil {
			parent = c.questionsItem(*it.Parent)
		}
		if byID {
			return fmt.Sprintf(c.QItemOption, parent, id)
		}
		return fmt.Sprintf(c.QItemOptionAt, parent, it.Index)
	}
	return survey.Visible(string(it.Kind))
}

// questionsProblem says what is wrong, without the item.
func (c *Catalog) questionsProblem(p survey.Problem) string {
	v := survey.Visible(p.Value)
	switch p.Code {
	case survey.CodeTooLarge:
		return fmt.Sprintf(c.QTooLarge, p.M)
	case survey.CodeTooDeep:
		return fmt.Sprintf(c.QTooDeep, p.Line, p.M)
	case survey.CodeTooManyTokens:
		return fmt.Sprintf(c.QTooManyTokens, p.Line, p.M)
	case survey.CodeSyntax:
		if p.Line > 0 {
			return fmt.Sprintf(c.QSyntax, p.Line, max(p.Column, 1))
		}
		return c.QSyntaxNoLine
	case survey.CodeUnknownKey:
		return fmt.Sprintf(c.QUnknownKey, v)
	case survey.CodeEmptyID:
		return c.QEmptyID
	case survey.CodeDuplicateID:
		return fmt.Sprintf(c.QDuplicateID, v)
	case survey.CodeIDTooLong:
		return fmt.Sprintf(c.QIDTooLong, p.N, p.M)
	case survey.CodeIDCharacter:
		return fmt.Sprintf(c.QIDCharacter, v)
	case survey.CodeVersion:
		return fmt.Sprintf(c.QVersion, p.N, p.M)
	case survey.CodeMissingText:
		return fmt.Sprintf(c.QMissingText, survey.Visible(p.Field), survey.Visible(string(p.Lang)))
	case survey.CodeScaleMin:
		return fmt.Sprintf(c.QScaleMin, p.N)
	case survey.CodeScaleOrder:
		return fmt.Sprintf(c.QScaleOrder, p.N, p.M)
	case survey.CodeScalePoints:
		return fmt.Sprintf(c.QScalePoints, p.N, p.M)
	case survey.CodeScaleMax:
		return fmt.Sprintf(c.QScaleMax, p.N, p.M)
	case survey.CodeAreaNumber:
		return fmt.Sprintf(c.QAreaNumber, p.N)
	case survey.CodeNumberUsed:
		return fmt.Sprintf(c.QNumberUsed, p.N, v)
	case survey.CodeUnknownArea:
		return fmt.Sprintf(c.QUnknownArea, v)
	case survey.CodeNoCompetence:
		return c.QNoCompetence
	case survey.CodeCompetence:
		return fmt.Sprintf(c.QCompetence, v)
	case survey.CodeAreaUnused:
		return c.QAreaUnused
	case survey.CodeNoStatements:
		return c.QNoStatements
	case survey.CodeTooManyStatements:
		return fmt.Sprintf(c.QTooManyStatements, p.N, p.M)
	case survey.CodeTooManyBackground:
		return fmt.Sprintf(c.QTooManyBackground, p.N, p.M)
	case survey.CodeTooManyOptions:
		return fmt.Sprintf(c.QTooManyOptions, p.N, p.M)
	case survey.CodeFewOptions:
		return fmt.Sprintf(c.QFewOptions, p.N)
	case survey.CodeNoOptions:
		return fmt.Sprintf(c.QNoOptions, v)
	case survey.CodeUnknownKind:
		return fmt.Sprintf(c.QUnknownKind, v)
	}
	return fmt.Sprintf(c.QOther, survey.Visible(string(p.Code)))
}
