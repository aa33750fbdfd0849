package ui

import "digikomp/survey"

// Catalog holds every user-facing string of digikomp in one language,
// including main's messages. It is a struct rather than a map so that a
// misspelt key is a compile error; catalog_test.go fails when a field is
// empty in either language or their format verbs differ. Comments name the
// arguments of format strings.
type Catalog struct {
	AppTitle     string
	WelcomeIntro string
	Loading      string

	MenuStart        string
	MenuStartAgain   string
	MenuStartOver    string
	MenuContinue     string // answered, total
	MenuLatest       string
	MenuLatestWhen   string // date
	MenuDiscussion   string
	MenuQuit         string
	ConfirmStartOver string // answered
	ConfirmYesNo     string

	IntroTitle    string
	IntroBody     string // number of statements
	IntroScale    string // min, min label, max, max label
	IntroStart    string
	IntroSkipBack string

	BackgroundHeading   string
	BackgroundTitle     string // current, total
	BackgroundNoAnswer  string
	BackgroundFooter    string
	MunicipalityHint    string
	MunicipalityNone    string
	MunicipalityMore    string // more matches
	MunicipalityUnknown string // typed name
	MunicipalitySuggest string // suggested names

	AreaLabel   string // area number, number of areas, area name
	Progress    string // current, total
	YourAnswer  string // value
	SkippedMark string
	NotAnswered string

	DiscussionTitle string // current, total
	DiscussionIntro string
	DiscussionYours string
	// Under a discussion answer: its length as the limit nears, and the
	// characters that did not fit (a paste cut short, a longer stored
	// answer). Numbers come formatted (formatCount).
	DiscussionCount  string // characters, limit
	DiscussionCut    string // characters left out, limit
	DiscussionCutOne string // limit

	ReviewTitle      string
	ReviewAllDone    string
	ReviewSkipped    string // number unanswered
	ReviewSkippedOne string
	ReviewFinish     string

	MoreBelow       string
	ResultTitle     string
	ResultWhen      string // date
	ResultOverall   string // mean, scale max
	ResultAnswered  string // answered, total
	ResultHighShare string // percentage
	ResultStrongest string
	ResultWeakest   string
	ResultHighest   string
	ResultLowest    string
	ResultAllEqual  string
	ResultNothing   string
	ResultMore      string // more statements

	HelpTitle         string
	KeyAnswer         string
	KeyPrev           string
	KeyNext           string
	KeyChoose         string
	KeyConfirm        string
	KeySkip           string
	KeySkipBackground string
	KeySkipRest       string
	KeyHelp           string
	KeyQuit           string // pausing an attempt
	KeyQuitMenu       string // leaving from a menu
	KeyBrowse         string
	KeyBack           string
	KeyMenu           string
	KeyScroll         string
	KeyNewLine        string
	KeyJump           string
	KeyYes            string

	TooSmall string // min width, min height, width, height

	// Failed writes and opens (see failure.go). NotSaved opens the line
	// under a screen; a Cause sentence for what the person can act on
	// (store.Kind) follows, then SaveKept; the system's own words come on
	// a muted line of their own, Detail.
	NotSaved      string
	SaveKept      string
	CauseFull     string
	CauseReadOnly string
	CauseDenied   string
	CauseGone     string
	Detail        string // the system's error
	OpenFailed    string // path; followed by a Cause and OpenElsewhere
	OpenElsewhere string
	// ReadOnlyNotice heads the welcome screen when the file can only be
	// read; a Cause follows.
	ReadOnlyNotice string
	// DraftNotSaved: pausing could not keep the discussion answer being
	// written; a Cause and SaveKept follow.
	DraftNotSaved string
	// ErrCorruptWritten replaces ErrCorrupt when damage is met after this
	// run has saved answers, which ErrCorrupt's "not changed" denies.
	ErrCorruptWritten string // path

	// Messages main prints outside the interface.
	Paused         string // database path
	ErrLocked      string // path
	ErrForeign     string // path
	ErrCorrupt     string // path
	ErrEmpty       string // path
	ErrNewerSchema string // path
	ErrOpen        string // path, error
	ErrNotTerminal string
	ErrQuestions   string // questions file
	ErrUsage       string // what is wrong, as said by one of the Err… below
	Usage          string // program name, default database path
	// UsageNoDefault stands for the default path in Usage when there is
	// none (no home folder is known).
	UsageNoDefault string
	ErrEmptyDB     string
	ErrNoDatabase  string // path
	// ErrOtherQuestions: questionnaire id, version of the unfinished attempt.
	ErrOtherQuestions string
	// ErrQuestionsChanged: database path, questionnaire id, version.
	ErrQuestionsChanged string
	// ErrQuestionsOwnID: questions file, questionnaire id, version.
	ErrQuestionsOwnID string

	// Command-line mistakes, each said inside ErrUsage, so without a full
	// stop. Go's flag package words its own errors in English.
	ErrUnexpectedArg   string // the argument
	ErrUnknownLang     string // the language asked for
	ErrFlagUnknown     string // the flag, as --name
	ErrFlagNoValue     string // the flag
	ErrFlagValue       string // the value, the flag
	ErrFlagSyntax      string // the argument
	ErrFlagsUnreadable string
	// ErrNoDataDir: no --db and no home folder for the default path.
	ErrNoDataDir string
	// ErrUnexpected: an error nothing else names; the Detail line follows.
	ErrUnexpected string

	// digikomp check and digikomp backup.
	CheckSound    string // path, profiles, attempts, finished attempts
	CheckOlder    string // path, schema version
	CheckProblems string // path, number of problems
	CheckCrashed  string // path
	CheckTimeout  string // path, duration
	BackupDone    string // backup path
	BackupExists  string // backup path
	// BackupNotWritten is followed by a Cause, BackupUnchanged and a
	// detail line (see failure.go).
	BackupNotWritten string
	BackupUnchanged  string
	BackupNoFolder   string // folder
	BackupNotRegular string // backup path
	BackupDamaged    string // database path
	BackupSame       string // path
	ErrBackupArgs    string

	// A questions file that cannot be used: ErrQuestions, then one line
	// per problem, "item: sentence" (see ui/problems.go), Detail under a
	// line quoting the TOML parser, and QMore for the problems not listed.
	QFileMissing       string // path
	QFileUnreadable    string // path
	QMore              string // problems not listed
	QItemQuestionnaire string
	QItemScale         string
	QItemArea          string // id
	QItemAreaAt        string // position in the file
	QItemStatement     string // id
	QItemStatementAt   string // position
	QItemBackground    string // id
	QItemBackgroundAt  string // position
	QItemOption        string // background question, id
	QItemOptionAt      string // background question, position
	QItemDiscussion    string // id
	QItemDiscussionAt  string // position
	QTooLarge          string // limit in bytes
	QTooDeep           string // line, levels
	QTooManyTokens     string // line, limit
	QSyntax            string // line, column
	QSyntaxNoLine      string
	QUnknownKey        string // key
	QEmptyID           string
	QDuplicateID       string // id
	QIDTooLong         string // bytes, limit
	QIDCharacter       string // id, with the characters written out
	QVersion           string // version, largest version
	QMissingText       string // key, language code
	QScaleMin          string // min
	QScaleOrder        string // max, min
	QScalePoints       string // points, limit
	QScaleMax          string // max, limit
	QAreaNumber        string // number
	QNumberUsed        string // number, area id
	QUnknownArea       string // area id
	QNoCompetence      string
	QCompetence        string // competence
	QAreaUnused        string
	QNoStatements      string
	QTooManyStatements string // statements, limit
	QTooManyBackground string // questions, limit
	QTooManyOptions    string // options, limit
	QFewOptions        string // options
	QNoOptions         string // kind
	QUnknownKind       string // kind
	QOther             string // code

	// check's problem lines, one per store.ProblemKind (see ui/problems.go
	// for the arguments of each); bbolt's or a decoder's own words follow
	// on a Detail line.
	CheckMetaPage         string // page
	CheckFreelist         string // page
	CheckPageBeyondEnd    string // page, file size in bytes
	CheckPageID           string // page, the page its header names
	CheckPageType         string // page, type
	CheckPageOverflow     string // page, pages past the end
	CheckBbolt            string
	CheckBuckets          string
	CheckBucketMissing    string // bucket name
	CheckProfile          string // profile
	CheckProfileName      string // profile key, the id its record names
	CheckShapeKey         string
	CheckShape            string // questionnaire id, version
	CheckBuiltinShape     string // questionnaire id, version
	CheckAttemptKey       string // key
	CheckAttempt          string // attempt
	CheckNoProfile        string // attempt, profile
	CheckNoShape          string // attempt, questionnaire id, version
	CheckRating           string // attempt
	CheckUnfinishedIndex  string // profile
	CheckUnfinishedWrong  string // profile, attempt
	CheckNotUnfinished    string // attempt, profile
	CheckPositionDone     string // attempt
	CheckFinishedIndexKey string // key
	CheckFinishedIndex    string // attempt
	CheckNoResultsRow     string // attempt
	CheckResultsRow       string // attempt
	CheckCounts           string // finished attempts, index entries, results rows
	CheckMore             string // problems left out
	CheckOther            string // kind, record

	Records recordsCatalog // plans and questionnaire definitions (catalog_records.go)

	// Accessible, line-by-line mode.
	AccMunicipalityHint string
	AccMenuTitle        string
	AccChoose           string // highest number
	AccChooseTwo        string // AccChoose for two options
	AccChooseAgain      string // highest number; after an answer that is none of them
	AccChooseAgainTwo   string
	AccTooLong          string
	AccStatement        string // current, total, area number, areas, area name
	AccRatingPrompt     string // min, max
	AccRatingInvalid    string // min, max
	AccBackgroundMenu   string
	AccSkipped          string
	AccTextPrompt       string
	AccReviewPrompt     string
	AccNothingOpen      string
	AccNumberInvalid    string
	AccYes              string
	AccNo               string
	AccBackKey          string // the letter that goes back, as in AccRatingPrompt

	Progression progressionCatalog // history, progress, wheel (catalog_progress.go)

	// Plan is the learning plan and the needs and resources screen.
	Plan planCatalog
	// The profile, history and export commands (catalog_cmd.go).
	Cmd      cmdCatalog
	Transfer transferCatalog // export of a group, import, report (catalog_transfer.go)
	Profiles profilesCatalog
	Group    groupCatalog    // group view, rounds compared, indicators (catalog_group.go)
	Workshop workshopCatalog // workshop mode (catalog_workshop.go)
}

// Messages returns the catalogue for lang, Swedish unless lang is English.
func Messages(lang survey.Lang) *Catalog {
	if lang == survey.English {
		return &english
	}
	return &swedish
}
