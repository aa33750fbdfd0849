package ui

// progressionCatalog holds the strings of the history, progress and
// competence-wheel screens and of the change shown on the result screen.
// Comments name the arguments of format strings.
type progressionCatalog struct {
	MenuHistory  string
	MenuProgress string
	MenuWheel    string
	KeyWheel     string
	KeyOpen      string

	// The result screen of an attempt with one before it.
	ResultChange     string // date of the previous attempt
	ResultChangeLine string // change, as "+0,8"; accessible mode, after the area's mean
	ResultChangeAcc  string // date of the previous attempt; accessible mode's ResultChange
	// Shared is said wherever two attempts of different questionnaire
	// versions are compared.
	Shared string // number of shared statements

	LoadFailed string // followed by the Detail line

	HistoryTitle   string
	HistoryCount   string // finished attempts
	HistoryDate    string
	HistoryVersion string
	HistoryMean    string
	HistoryChange  string
	HistoryEmpty   string
	HistoryFirst   string
	HistoryUnknown string // attempt's questionnaire id, version; its questions are not known

	ProgressTitle      string
	ProgressFew        string
	ProgressIntro      string // number of attempts
	ProgressShown      string // number shown
	ProgressArea       string
	ProgressNow        string
	ProgressSinceFirst string
	ProgressSincePrev  string
	ProgressOverall    string
	ProgressMixed      string // number of statements the first and the latest share
	ProgressRose       string
	ProgressFell       string
	ProgressNoMoves    string
	ProgressMore       string // statements not listed
	ProgressAccArea    string // area, mean now, change since first, change since previous

	WheelTitle      string
	WheelThis       string // date
	WheelPrevious   string // date
	WheelNoPrevious string
	WheelScale      string // scale max
	WheelAccLine    string // area, this attempt's mean, previous mean, change
	WheelAccFirst   string // area, this attempt's mean

	AccHistoryPrompt string // highest number
}

var progressionSV = progressionCatalog{
	MenuHistory:  "Historik",
	MenuProgress: "Utveckling",
	MenuWheel:    "Kompetenshjulet",
	KeyWheel:     "hjulet",
	KeyOpen:      "öppna",

	ResultChange:     "▲ ▼ = förändring sedan förra testet (%s)",
	ResultChangeLine: "%s sedan förra testet",
	ResultChangeAcc:  "Förra testet gjordes %s.",
	Shared:           "Testen gjordes med olika versioner av frågorna och jämförs på de påståenden som båda har (%d).",

	LoadFailed: "Dina tidigare test kunde inte läsas.",

	HistoryTitle:   "Historik",
	HistoryCount:   "Avslutade test: %d",
	HistoryDate:    "Datum",
	HistoryVersion: "Frågor",
	HistoryMean:    "Medel",
	HistoryChange:  "Förändring",
	HistoryEmpty:   "Du har inte avslutat något test ännu.",
	HistoryFirst:   "första",
	HistoryUnknown: "Frågorna i %s version %d finns inte i filen; testet räknas mot de frågor du har nu.",

	ProgressTitle:      "Utveckling",
	ProgressFew:        "Du behöver minst två avslutade test för att se hur du utvecklas. Gör testet igen längre fram.",
	ProgressIntro:      "Medelvärde per område, ett streck per test (%d i allt), det äldsta till vänster.",
	ProgressShown:      "De senaste %d visas.",
	ProgressArea:       "Område",
	ProgressNow:        "Nu",
	ProgressSinceFirst: "Sedan första",
	ProgressSincePrev:  "Sedan förra",
	ProgressOverall:    "Totalt",
	ProgressMixed:      "Testen gjordes med olika versioner av frågorna. Förändringarna räknas på de påståenden som det första och det senaste testet har gemensamt (%d).",
	ProgressRose:       "Steg mest sedan första testet",
	ProgressFell:       "Sjönk mest sedan första testet",
	ProgressNoMoves:    "Inga påståenden har fått ett annat värde sedan första testet.",
	ProgressMore:       "… och %d till",
	ProgressAccArea:    "%s: %s, %s sedan första, %s sedan förra",

	WheelTitle:      "Kompetenshjulet",
	WheelThis:       "detta test (%s)",
	WheelPrevious:   "förra testet (%s)",
	WheelNoPrevious: "Inget tidigare test att jämföra med.",
	WheelScale:      "Mitten är 0, ytterkanten %d.",
	WheelAccLine:    "%s: %s, förra testet %s, %s",
	WheelAccFirst:   "%s: %s",

	AccHistoryPrompt: "Skriv numret på ett test (1–%d) för att se hela resultatet, eller tryck Enter för att gå tillbaka:",
}

var progressionEN = progressionCatalog{
	MenuHistory:  "History",
	MenuProgress: "Progress",
	MenuWheel:    "Competence wheel",
	KeyWheel:     "wheel",
	KeyOpen:      "open",

	ResultChange:     "▲ ▼ = change since the previous test (%s)",
	ResultChangeLine: "%s since the previous test",
	ResultChangeAcc:  "The previous test was taken on %s.",
	Shared:           "The tests were taken with different versions of the questions and are compared on the statements both have (%d).",

	LoadFailed: "Your earlier tests could not be read.",

	HistoryTitle:   "History",
	HistoryCount:   "Finished tests: %d",
	HistoryDate:    "Date",
	HistoryVersion: "Questions",
	HistoryMean:    "Mean",
	HistoryChange:  "Change",
	HistoryEmpty:   "You have not finished a test yet.",
	HistoryFirst:   "first",
	HistoryUnknown: "The questions of %s version %d are not in the file; the test is scored against the questions you have now.",

	ProgressTitle:      "Progress",
	ProgressFew:        "You need at least two finished tests to see how you progress. Take the test again later.",
	ProgressIntro:      "Mean per area, one mark per test (%d in all), the oldest on the left.",
	ProgressShown:      "The latest %d are shown.",
	ProgressArea:       "Area",
	ProgressNow:        "Now",
	ProgressSinceFirst: "Since first",
	ProgressSincePrev:  "Since previous",
	ProgressOverall:    "Overall",
	ProgressMixed:      "The tests were taken with different versions of the questions. Changes are counted on the statements the first and the latest test share (%d).",
	ProgressRose:       "Rose most since the first test",
	ProgressFell:       "Fell most since the first test",
	ProgressNoMoves:    "No statement has been rated differently since the first test.",
	ProgressMore:       "… and %d more",
	ProgressAccArea:    "%s: %s, %s since the first, %s since the previous",

	WheelTitle:      "Competence wheel",
	WheelThis:       "this test (%s)",
	WheelPrevious:   "previous test (%s)",
	WheelNoPrevious: "No earlier test to compare with.",
	WheelScale:      "The centre is 0, the outer edge %d.",
	WheelAccLine:    "%s: %s, previous test %s, %s",
	WheelAccFirst:   "%s: %s",

	AccHistoryPrompt: "Type the number of a test (1–%d) to see its full result, or press Enter to go back:",
}
