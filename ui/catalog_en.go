package ui

var english = Catalog{
	AppTitle:     "digikomp · Self-assessment of digital competence",
	WelcomeIntro: "Rate how confident you feel with digital tasks in library work. Take the test again later to see how you progress.",
	Loading:      "Loading …",

	MenuStart:        "Take the test",
	MenuStartAgain:   "Take the test again",
	MenuStartOver:    "Start over",
	MenuContinue:     "Continue where you left off (%d of %d answered)",
	MenuLatest:       "See my latest result",
	MenuLatestWhen:   "(%s)",
	MenuDiscussion:   "Discussion questions",
	MenuQuit:         "Quit",
	ConfirmStartOver: "Your unfinished test (%d statements answered) will be deleted if you start over.",
	ConfirmYesNo:     "Start over? y = yes, n = no",

	IntroTitle:    "About the test",
	IntroBody:     "The test has %d statements about digital tasks in the library, ordered by the five DigComp areas. It takes about ten minutes. Your answers are anonymous and stay on this computer, saved the moment you give them. You can skip any statement and pause whenever you like.",
	IntroScale:    "For each statement, choose a value from %d (%s) to %d (%s). There are no right answers: say how confident you feel today.",
	IntroStart:    "Press Enter to begin with a few optional background questions.",
	IntroSkipBack: "Press s to skip the background questions, Esc to go back.",

	BackgroundHeading:   "Background questions",
	BackgroundTitle:     "Background %d / %d",
	BackgroundNoAnswer:  "Prefer not to say",
	BackgroundFooter:    "Optional. Answers are used only to compare groups. Esc skips the rest.",
	MunicipalityHint:    "Type a few letters and choose with the arrows. Leave it empty and press Enter not to answer.",
	MunicipalityNone:    "No municipality matches.",
	MunicipalityMore:    "… and %d more. Type more letters.",
	MunicipalityUnknown: "No municipality is called “%s”.",
	MunicipalitySuggest: "Did you mean: %s?",

	AreaLabel:   "Area %d of %d · %s",
	Progress:    "%d / %d",
	YourAnswer:  "Your answer: %d",
	SkippedMark: "You skipped this statement.",
	NotAnswered: "Not answered yet.",

	DiscussionTitle: "Question %d / %d",
	DiscussionIntro: "Questions from the network meetings on media and information literacy and digital competence. Answer in your own words if you like; Enter moves on, an empty box skips the question.",
	DiscussionYours: "Your answer:",

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
	KeySkipBackground: "skip background",
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

	TooSmall:   "Make the window larger: digikomp needs at least %d × %d characters (now %d × %d).",
	SaveFailed: "Could not save: %v",

	Paused:         "Paused. Your answers are saved in %s. Start digikomp again to continue where you left off.",
	ErrLocked:      "digikomp is already open in another window (%s). Close it first.",
	ErrForeign:     "%s is not a digikomp database. The file has not been changed. Choose another file with --db.",
	ErrCorrupt:     "%s is damaged and cannot be read. The file has not been changed. Restore a backup or choose a new file with --db.",
	ErrEmpty:       "%s is empty. The file has not been changed. Remove it or choose another file with --db.",
	ErrNewerSchema: "%s was written by a newer version of digikomp. Please update the program.",
	ErrOpen:        "Could not open %s: %v",
	ErrNotTerminal: "digikomp needs a terminal to show the test in. Start it directly in a terminal window, without redirecting its input or output.",
	ErrQuestions:   "The questions could not be read: %v",
	ErrUsage:       "%v. See digikomp --help.",
	Usage: `digikomp – self-assessment of digital competence for library staff

Usage:
  %s [flags]
  digikomp check [--db PATH]
                   check the database without changing it
  digikomp backup [--db PATH] [--force] FILE
                   save a checked copy of the database in FILE

Flags:
  --db PATH        database file (also DIGIKOMP_DB)
                   default: %s
  --lang sv|en     language (also DIGIKOMP_LANG), default sv
  --questions FILE use the questions in FILE (TOML) instead of the built-in ones
  --accessible     one question at a time, line by line, for screen readers
  --version        show the version
  --help           show this help
`,
	ErrOtherQuestions: "You have an unfinished test with other questions (%s, version %d). Start digikomp with the same questions to continue it.",
	ErrNoDatabase:     "There is no database at %s. Name another file with --db.",
	CheckSound:        "%s is sound: %d profiles, %d attempts, %d of them finished.",
	CheckOlder:        "%s has an older format (version %d). Its structure is sound; the rest is checked once digikomp has opened and upgraded it.",
	CheckProblems:     "%s has %d problems. The file has not been changed. Keep a copy of it and contact whoever looks after digikomp for you; each problem is on a line of its own below:",
	CheckCrashed:      "%s is so damaged that it could not be read to the end. The file has not been changed. Restore a backup or name a new file with --db.",
	CheckTimeout:      "Checking %s did not finish within %s, so the file is probably damaged. It has not been changed.",
	BackupDone:        "The backup is saved and checked: %s",
	BackupExists:      "%s already exists and has not been changed. Choose another name, or add --force to replace it.",
	BackupFailed:      "The backup could not be written: %v. No existing file has been changed.",
	BackupDamaged:     "%s is damaged, and a copy would be too, so no copy was saved. Run digikomp check to see what is wrong.",
	BackupSame:        "%s is the database itself. Choose another file for the backup.",
	ErrBackupArgs:     "name a file to save the backup in, for example: digikomp backup digikomp-copy.db",

	AccMunicipalityHint: "Type the name of the municipality, or part of it. Leave it empty not to answer.",
	AccMenuTitle:        "What would you like to do?",
	AccChoose:           "Type a number from 1 to %d:",
	AccInvalid:          "That did not work. Please try again.",
	AccStatement:        "Statement %d of %d. Area %d of %d: %s.",
	AccRatingPrompt:     "Your answer, %d–%d (s skips, b goes back, p pauses):",
	AccRatingInvalid:    "Type a number from %d to %d, or s, b or p.",
	AccBackgroundMenu:   "Would you like to answer a few optional background questions first?",
	AccSkipped:          "Skipped.",
	AccTextPrompt:       "Your answer (Enter with no text skips):",
	AccReviewPrompt:     "Type the number of a statement to answer it, or press Enter to finish and see your result:",
	AccNothingOpen:      "Every statement is answered.",
	AccYes:              "Yes",
	AccNo:               "No",
	AccBackKey:          "b",
	AccNumberInvalid:    "Type one of the numbers in the list, or press Enter.",
}
