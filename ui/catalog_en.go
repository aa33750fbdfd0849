package ui

var english = Catalog{
	Records: recordsEN,

	AppTitle:     "digikomp · Self-assessment of digital competence",
	WelcomeIntro: "Rate how confident you feel with digital tasks in library work. Take the test again later to see how you progress.",
	Loading:      "Loading …",

	MenuStart:        "Take the test",
	MenuStartAgain:   "Take the test again",
	MenuStartOver:    "Start over",
	MenuContinue:     "Continue where you left off (%d of %d answered)",
	MenuLatest:       "See your latest result",
	MenuLatestWhen:   "(%s)",
	MenuDiscussion:   "Discussion questions",
	MenuQuit:         "Quit",
	ConfirmStartOver: "If you start over, your unfinished test is deleted (statements answered: %d).",
	ConfirmYesNo:     "Start over? y = yes, n = no",

	IntroTitle:    "About the test",
	IntroBody:     "The test has %d statements about digital tasks in library work, ordered by DigComp's five competence areas. It takes about ten minutes. Your answers are saved the moment you give them, in a file on this computer. You can skip any statement and pause whenever you like.",
	IntroScale:    "For each statement, choose a value from %d (%s) to %d (%s). There are no right or wrong answers: go by how confident you feel today.",
	IntroStart:    "Press Enter to begin with a few optional background questions.",
	IntroSkipBack: "Press s to skip the background questions, Esc to go back.",

	BackgroundHeading:   "Background questions",
	BackgroundTitle:     "Background %d / %d",
	BackgroundNoAnswer:  "Prefer not to say",
	BackgroundFooter:    "The questions are optional, and the answers are used only to compare groups. Esc skips the rest.",
	MunicipalityHint:    "Type a few letters and choose with the arrows. If you would rather not answer, leave the box empty and press Enter.",
	MunicipalityNone:    "No municipality matches what you have typed.",
	MunicipalityMore:    "… and %d more. Type more letters.",
	MunicipalityUnknown: "No municipality is called “%s”.",
	MunicipalitySuggest: "Did you mean: %s?",

	AreaLabel:   "Area %d of %d · %s",
	Progress:    "%d / %d",
	YourAnswer:  "Your answer: %d",
	SkippedMark: "You skipped this statement.",
	NotAnswered: "Not answered yet.",

	DiscussionTitle:  "Question %d / %d",
	DiscussionIntro:  "Questions from the network meetings on media and information literacy and digital competence. Answer in your own words if you like. Press Enter to go on; leave the box empty to skip the question.",
	DiscussionYours:  "Your answer:",
	DiscussionCount:  "%s / %s characters",
	DiscussionCut:    "%s characters did not fit and were left out: an answer can be at most %s characters.",
	DiscussionCutOne: "One character did not fit and was left out: an answer can be at most %s characters.",

	ReviewTitle:      "Before you see your result",
	ReviewAllDone:    "You have answered every statement.",
	ReviewSkipped:    "%d statements have no answer. Choose one to answer it now, or go on to your result.",
	ReviewSkippedOne: "One statement has no answer. Choose it to answer now, or go on to your result.",
	ReviewFinish:     "Finish the test and show the result",

	MoreBelow:       "↓ more below",
	ResultTitle:     "Your result",
	ResultWhen:      "%s",
	ResultOverall:   "Overall mean: %s of %d",
	ResultAnswered:  "Answered: %d of %d",
	ResultHighShare: "share of answers 6–7: %s",
	ResultStrongest: "Strongest:",
	ResultWeakest:   "Weakest:",
	ResultHighest:   "Highest-rated statements",
	ResultLowest:    "Lowest-rated statements",
	ResultAllEqual:  "Every area has the same mean.",
	ResultNothing:   "You skipped every statement, so there is no result to show.",
	ResultMore:      "… and %d more with the same value",

	HelpTitle:         "Keys",
	KeyAnswer:         "answer",
	KeyPrev:           "previous",
	KeyNext:           "next",
	KeyChoose:         "choose",
	KeyConfirm:        "confirm",
	KeySkip:           "skip",
	KeySkipBackground: "skip the background questions",
	KeySkipRest:       "skip the rest",
	KeyHelp:           "help",
	KeyQuit:           "pause",
	KeyQuitMenu:       "quit",
	KeyBrowse:         "browse",
	KeyBack:           "back",
	KeyMenu:           "menu",
	KeyScroll:         "scroll",
	KeyNewLine:        "new line",
	KeyJump:           "go to statement",
	KeyYes:            "yes",

	TooSmall: "Make the window larger: digikomp needs at least %d × %d characters (now %d × %d).",

	NotSaved:          "Could not save.",
	SaveKept:          "Everything you answered before is kept.",
	CauseFull:         "The disk is full. Free some space and try again.",
	CauseReadOnly:     "The disk or file is write-protected. Use a disk you can write to, or remove the write protection.",
	CauseDenied:       "You do not have permission to write there. Use a folder you can write to, or ask whoever looks after the computer.",
	CauseGone:         "The file was removed or replaced while digikomp was using it. Quit, and find out what happened to the file before you go on.",
	Detail:            "Details: %v",
	OpenFailed:        "Could not open %s.",
	OpenElsewhere:     "Choose another file with --db.",
	ReadOnlyNotice:    "This file can only be read: you can see your latest result and read the discussion questions, but nothing new can be saved.",
	DraftNotSaved:     "digikomp has stopped, but your unfinished answer to the discussion question could not be saved.",
	ErrCorruptWritten: "%s is damaged and cannot be read. digikomp has written nothing to it since the damage was found, but the answers you gave before that were saved in it. Keep a copy of the file and run digikomp check. Then restore a backup or choose a new file with --db.",

	Paused:         "Paused. Your answers are saved in %s. Start digikomp again to continue where you left off.",
	ErrLocked:      "digikomp is already open in another window (%s). Close it first.",
	ErrForeign:     "%s is not a digikomp database. The file has not been changed. Choose another file with --db.",
	ErrCorrupt:     "%s is damaged and cannot be read. The file has not been changed. Restore a backup or choose a new file with --db.",
	ErrEmpty:       "%s is empty. The file has not been changed. Remove it or choose another file with --db.",
	ErrNewerSchema: "%s was written by a newer version of digikomp. Please update the program.",
	ErrOpen:        "Could not open %s: %v",
	ErrNotTerminal: "digikomp needs a terminal window to show the test in. Start the program directly in a terminal window, without redirecting its input or output.",
	ErrQuestions:   "The questions in %s could not be used. Correct what is listed below and start again:",
	ErrUsage:       "%v. See digikomp --help.",
	Usage: `digikomp – self-assessment of digital competence for library staff

Usage:
  %s [flags]
  digikomp workshop [--clear-after 2m]
                   workshop mode: participants take the test in turn
  digikomp check [--db PATH]
                   check the database without changing it
  digikomp backup [--db PATH] [--force] FILE
                   save a checked copy of the database in FILE
  digikomp profile list
                   show the profiles
  digikomp profile add NAME [--pin]
                   create a profile, with a PIN if you like
  digikomp profile rename OLD NEW
                   rename a profile; its tests are kept
  digikomp profile delete NAME [--yes]
                   delete a profile and everything kept about it
  digikomp profile pin NAME [--remove]
                   set, change or remove a profile's PIN
  digikomp history [--profile NAME] [--json]
                   show a profile's finished tests
  digikomp export [--profile NAME] [--format json|csv] [--out FILE]
                   write out everything kept about a profile
  digikomp export --workshop W | --round R | --all [--format csv|jsonl]
                  [--out FILE] [--with-names] [--with-text]
                   write a group's finished tests, one per line
  digikomp import [--partial] FILE...
                   add tests from exports made on other computers
  digikomp report [--workshop W] [--round R] [--compare R2]
                  [--format text|csv|json]
                   show the group's result

Flags:
  --db PATH        database file (also DIGIKOMP_DB)
                   default: %s
  --lang sv|en     language (also DIGIKOMP_LANG), default sv
  --questions FILE use the questions in FILE (TOML) instead of the built-in ones
  --profile NAME   take the test as the profile NAME (also DIGIKOMP_PROFILE)
  --accessible     one question at a time, line by line, for screen readers
  --version        show the version
  --help           show this help
`,
	UsageNoDefault:      "(none, since the home folder is unknown: use --db)",
	ErrEmptyDB:          "--db needs the path of the database file, for example --db digikomp.db",
	ErrOtherQuestions:   "You have an unfinished test with other questions (%s, version %d). Start digikomp with the same questions to continue it.",
	ErrQuestionsChanged: "%s already holds the questions %s, version %d, with other statements or another scale. Changed questions need a new version number: raise version in the questions file and start again. The file has not been changed.",
	ErrQuestionsOwnID:   "The questions in %s have the id %s and version %d of digikomp's own questions, but other statements or another scale. Give your questions an id of their own, or another version number. No database has been opened.",
	ErrUnexpectedArg:    "digikomp does not know what “%s” means",
	ErrUnknownLang:      "There is no language “%s”; choose sv (Swedish) or en (English)",
	ErrFlagUnknown:      "There is no flag called %s",
	ErrFlagNoValue:      "The flag %s needs a value after it",
	ErrFlagValue:        "“%s” is not a valid value for %s",
	ErrFlagSyntax:       "“%s” cannot be read as a flag",
	ErrFlagsUnreadable:  "The flags could not be read",
	ErrNoDataDir:        "digikomp finds no folder to keep the database in. Name a file with --db or DIGIKOMP_DB.",
	ErrUnexpected:       "digikomp stopped because of an unexpected error. Everything you answered before is kept.",
	ErrNoDatabase:       "There is no database at %s. Name another file with --db.",
	CheckSound:          "No problems found in %s. Profiles: %d. Tests: %d (finished: %d).",
	CheckOlder:          "%s has an older format (version %d). No problems were found in its structure; the rest is checked once digikomp has opened and upgraded it.",
	CheckProblems:       "%s is damaged (problems found: %d). The file has not been changed. Keep a copy of it and contact whoever looks after digikomp for you; each problem is on a line of its own below:",
	CheckCrashed:        "%s is so damaged that it could not be read in full. The file has not been changed. Restore a backup or name a new file with --db.",
	CheckTimeout:        "Checking %s did not finish within %s, so the file is probably damaged. It has not been changed.",
	BackupDone:          "The backup is saved and checked: %s",
	BackupExists:        "%s already exists and has not been changed. Choose another name, or add --force to replace it.",
	BackupNotWritten:    "The backup could not be written.",
	BackupUnchanged:     "No existing file has been changed.",
	BackupNoFolder:      "The backup could not be written: the folder %s does not exist. Create it first, or choose another place.",
	BackupNotRegular:    "%s is not an ordinary file but, for example, a device, a folder or a pipe, so it is not replaced. Choose another name for the backup.",
	BackupDamaged:       "%s is damaged, and a copy would be too, so no copy was saved. Run digikomp check to see what is wrong.",
	BackupSame:          "%s is the database itself. Choose another file for the backup.",
	ErrBackupArgs:       "Name a file to save the backup in, for example: digikomp backup digikomp-copy.db",

	QFileMissing:       "There is no file %s. Name a questions file that exists with --questions.",
	QFileUnreadable:    "The questions file %s could not be read.",
	QMore:              "More problems not shown here: %d",
	QItemQuestionnaire: "The questionnaire",
	QItemScale:         "The scale",
	QItemArea:          "Area %q",
	QItemAreaAt:        "Area no. %d in the file",
	QItemStatement:     "Statement %q",
	QItemStatementAt:   "Statement no. %d in the file",
	QItemBackground:    "Background question %q",
	QItemBackgroundAt:  "Background question no. %d in the file",
	QItemOption:        "%s, option %q",
	QItemOptionAt:      "%s, option no. %d",
	QItemDiscussion:    "Discussion question %q",
	QItemDiscussionAt:  "Discussion question no. %d in the file",
	QTooLarge:          "The file is too large. A questions file may have at most %d bytes.",
	QTooDeep:           "Line %d: tables, arrays or dotted keys nest more than %d levels deep, more than a questions file needs.",
	QTooManyTokens:     "Line %d: the file has more than %d keys and values, more than a questions file needs.",
	QSyntax:            "Line %d, column %d: here the file does not follow the TOML format.",
	QSyntaxNoLine:      "The file does not follow the TOML format.",
	QUnknownKey:        "There is no key %q in a questions file. Check the spelling against the built-in questions file.",
	QEmptyID:           "id is missing.",
	QDuplicateID:       "id %q occurs more than once.",
	QIDTooLong:         "id is %d bytes long, but at most %d bytes are allowed.",
	QIDCharacter:       "id %q holds control characters, line breaks, tabs or characters that reverse the text direction. An id cannot hold them.",
	QVersion:           "version is %d but must be a whole number from 1 to %d.",
	QMissingText:       "%s.%s is missing or empty.",
	QScaleMin:          "min is %d but must be at least 1.",
	QScaleOrder:        "max (%d) must be greater than min (%d).",
	QScalePoints:       "the scale has %d points, but at most %d can be shown.",
	QScaleMax:          "max is %d, but at most %d can be stored.",
	QAreaNumber:        "number is %d but must be a positive whole number.",
	QNumberUsed:        "number %d is already used by area %q.",
	QUnknownArea:       "area %q is not one of the file's areas.",
	QNoCompetence:      "competence is missing.",
	QCompetence:        "competence %q is not a DigComp number such as 1.2.",
	QAreaUnused:        "no statement belongs to this area.",
	QNoStatements:      "the file has no statements.",
	QTooManyStatements: "the file has too many statements (%d), but at most %d can be stored.",
	QTooManyBackground: "the file has too many background questions (%d), but at most %d can be stored.",
	QTooManyOptions:    "the question has too many options (%d), but at most %d can be stored.",
	QFewOptions:        "a question of kind = \"choice\" needs at least two options (now: %d).",
	QNoOptions:         "a question of kind = %q takes no options. Remove them.",
	QUnknownKind:       "there is no kind %q. Use \"choice\" or \"municipality\".",
	QOther:             "a problem of kind %s.",

	CheckMetaPage:         "Meta page %d is damaged. digikomp then reads the other one, so the last save before the damage may be missing.",
	CheckFreelist:         "The list of free pages (page %d) cannot be read.",
	CheckPageBeyondEnd:    "Page %d lies beyond the end of the file (%d bytes): the file was cut short.",
	CheckPageID:           "Page %d says in its header that it is page %d.",
	CheckPageType:         "Page %d has an unknown page type (%s).",
	CheckPageOverflow:     "Page %d runs past the end of the data (pages beyond it: %d).",
	CheckBbolt:            "The database's own check found a fault in the file's structure.",
	CheckBuckets:          "The file's buckets cannot be read.",
	CheckBucketMissing:    "The bucket %s is missing from the file.",
	CheckProfile:          "Profile %q cannot be read.",
	CheckProfileName:      "Profile %q has a record that gives the name %q.",
	CheckShapeKey:         "The key of a questionnaire version cannot be read.",
	CheckShape:            "Questionnaire %q, version %d, cannot be read.",
	CheckBuiltinShape:     "The file holds this program's own questions %q, version %d, but with other statements or another scale: the record is damaged.",
	CheckAttemptKey:       "The key of a test (%s) cannot be read.",
	CheckAttempt:          "Test %s cannot be read.",
	CheckNoProfile:        "Test %s belongs to profile %q, which does not exist.",
	CheckNoShape:          "Test %s belongs to questionnaire %q, version %d, which the file does not hold.",
	CheckRating:           "An answer in test %s does not fit its questions.",
	CheckUnfinishedIndex:  "The record of which test profile %q has begun cannot be read.",
	CheckUnfinishedWrong:  "The record of which test profile %q has begun points at test %s, which is finished or someone else's.",
	CheckNotUnfinished:    "Test %s is not finished, but it is not recorded as the unfinished test of profile %q.",
	CheckPositionDone:     "Test %s is not finished, but it is marked as done.",
	CheckFinishedIndexKey: "An entry in the list of finished tests cannot be read (%s).",
	CheckFinishedIndex:    "The list of finished tests does not match test %s.",
	CheckNoResultsRow:     "Test %s is finished but has no stored result.",
	CheckResultsRow:       "The stored result of test %s does not match its answers.",
	CheckCounts:           "The counts disagree: finished tests %d, entries in the list of finished tests %d, stored results %d.",
	CheckMore:             "More problems not shown: %d",
	CheckOther:            "Problem of kind %s (%s).",

	AccMunicipalityHint: "Type the name of the municipality, or part of it. Leave it empty if you would rather not answer.",
	AccMenuTitle:        "What would you like to do?",
	AccChoose:           "Type a number from 1 to %d:",
	AccChooseTwo:        "Type 1 or 2:",
	AccChooseAgain:      "Type a number from 1 to %d.",
	AccChooseAgainTwo:   "Type 1 or 2.",
	AccTooLong:          "The answer is too long. Please shorten it and try again.",
	AccStatement:        "Statement %d of %d. Area %d of %d: %s.",
	AccRatingPrompt:     "Your answer, %d–%d (s skips, b goes back, p pauses):",
	AccRatingInvalid:    "Type a number from %d to %d, or s, b or p.",
	AccBackgroundMenu:   "Would you like to answer a few optional background questions first?",
	AccSkipped:          "You skipped the statement.",
	AccTextPrompt:       "Your answer (just press Enter to skip):",
	AccReviewPrompt:     "Type the number of a statement to answer it, or press Enter to finish and see your result:",
	AccNothingOpen:      "Every statement is answered.",
	AccYes:              "Yes",
	AccNo:               "No",
	AccBackKey:          "b",
	AccNumberInvalid:    "Type one of the numbers in the list, or press Enter.",

	Progression: progressionEN,
	Plan:        planEN,
	Cmd:         cmdEN,
	Transfer:    transferEN,
	Profiles:    profilesEN,
	Group:       groupEN,
	Workshop:    workshopEN,
}
