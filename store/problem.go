package store

import (
	"errors"
	"strings"
)

// ProblemKind says what kind of thing Verify found wrong. The interface
// turns each kind into a sentence in the person's language; the store
// only names it.
type ProblemKind string

// The kinds of problem Verify reports. Record is the record's id or key
// as the file has it; Numbers and Detail are described per kind.
const (
	// Pages, read before bbolt is trusted.
	ProblemMetaPage      ProblemKind = "meta-page"         // Numbers: meta page; Detail: why
	ProblemFreelist      ProblemKind = "freelist"          // Numbers: page
	ProblemPageBeyondEnd ProblemKind = "page-beyond-end"   // Numbers: page, file size
	ProblemPageID        ProblemKind = "page-id"           // Numbers: page, the id its header gives
	ProblemPageType      ProblemKind = "page-type"         // Numbers: page, type
	ProblemPageOverflow  ProblemKind = "page-overflow"     // Numbers: page, pages past the end
	ProblemBbolt         ProblemKind = "bbolt"             // Detail: bbolt's own words
	ProblemBuckets       ProblemKind = "buckets"           // Detail
	ProblemBucketMissing ProblemKind = "bucket-missing"    // Record: bucket name
	ProblemProfile       ProblemKind = "profile"           // Record: profile key; Detail
	ProblemProfileName   ProblemKind = "profile-name"      // Record: key; Detail: the id the record names
	ProblemShapeKey      ProblemKind = "questionnaire-key" // Detail
	ProblemShape         ProblemKind = "questionnaire"     // Record: id; Numbers: version; Detail
	// ProblemBuiltinShape: Record: id; Numbers: version. The file records
	// this build's own questionnaire id and version with other statements
	// or another scale, which no digikomp writes: damage that still decodes.
	ProblemBuiltinShape ProblemKind = "builtin-questionnaire"
	ProblemAttemptKey   ProblemKind = "attempt-key"     // Record: key in hex; Detail
	ProblemAttempt      ProblemKind = "attempt"         // Record: attempt id; Detail
	ProblemNoProfile    ProblemKind = "attempt-profile" // Record: attempt id; Detail: profile id
	// ProblemNoShape: Record: attempt id; Detail: questionnaire id; Numbers: version.
	ProblemNoShape          ProblemKind = "attempt-questionnaire"
	ProblemRating           ProblemKind = "rating"                 // Record: attempt id; Detail
	ProblemUnfinishedIndex  ProblemKind = "unfinished-index"       // Record: profile; Detail
	ProblemUnfinishedWrong  ProblemKind = "unfinished-index-wrong" // Record: profile; Detail: the attempt id it names, finished or another's
	ProblemNotUnfinished    ProblemKind = "not-unfinished"         // Record: attempt id; Detail: profile
	ProblemPositionDone     ProblemKind = "position-done"          // Record: attempt id
	ProblemFinishedIndexKey ProblemKind = "finished-index-key"     // Record: key in hex; Detail
	ProblemFinishedIndex    ProblemKind = "finished-index"         // Record: attempt id or key in hex; Detail
	ProblemNoResultsRow     ProblemKind = "no-results-row"         // Record: attempt id
	ProblemResultsRow       ProblemKind = "results-row"            // Record: attempt id
	ProblemCounts           ProblemKind = "counts"                 // Numbers: finished attempts, index entries, results rows
	// Since schema 4.
	ProblemDefinition ProblemKind = "definition" // Record: its questionnaire version's number (or key in hex); Detail
	ProblemPlan       ProblemKind = "plan"       // Record: attempt id (or key in hex); Detail
	// Since schema 5.
	ProblemWorkshop      ProblemKind = "workshop"       // Record: workshop key; Detail
	ProblemWorkshopIndex ProblemKind = "workshop-index" // Record: the entry's key in hex; Detail
	ProblemExtra         ProblemKind = "extra"          // Record: attempt id (or key in hex); Detail
	ProblemMore          ProblemKind = "more"           // Numbers: problems left out
)

// ProblemKinds lists every kind, so that the interface can test that
// each has a sentence in every language.
var ProblemKinds = []ProblemKind{
	ProblemMetaPage, ProblemFreelist, ProblemPageBeyondEnd, ProblemPageID,
	ProblemPageType, ProblemPageOverflow, ProblemBbolt, ProblemBuckets,
	ProblemBucketMissing, ProblemProfile, ProblemProfileName, ProblemShapeKey,
	ProblemShape, ProblemBuiltinShape, ProblemAttemptKey, ProblemAttempt, ProblemNoProfile,
	ProblemNoShape, ProblemRating,
	ProblemUnfinishedIndex, ProblemUnfinishedWrong, ProblemNotUnfinished,
	ProblemPositionDone, ProblemFinishedIndexKey, ProblemFinishedIndex,
	ProblemNoResultsRow, ProblemResultsRow,
	ProblemCounts, ProblemDefinition, ProblemPlan,
	ProblemWorkshop, ProblemWorkshopIndex, ProblemExtra, ProblemMore,
}

// Problem is one thing Verify found wrong. It carries no sentence: the
// record ids and the technical detail (bbolt's words, a decoder's) are
// what a sentence in the person's language quotes.
type Problem struct {
	Kind    ProblemKind `json:"kind"`
	Record  string      `json:"record,omitempty"`
	Numbers []int       `json:"numbers,omitempty"`
	Detail  string      `json:"detail,omitempty"`
}

// detail is an error's text without the damage sentinel's words, which
// the problem's sentence already says.
func detail(err error) string {
	s := err.Error()
	if errors.Is(err, ErrCorrupt) {
		s = strings.Replace(s, ErrCorrupt.Error()+": ", "", 1)
	}
	return s
}
