package ui

// groupCatalog holds the strings of the group view of a workshop or a
// collection round, the rounds compared and the indicators panel (issue
// 12), and of the text report that shares their rendering. Comments name
// the arguments of format strings; counts arrive formatted (formatCount),
// means and percentages too (formatMean, formatPercent).
type groupCatalog struct {
	Title       string
	TitleOf     string // the group's name (workshop, round)
	AllAttempts string // the group of every attempt in the file
	Loading     string
	LoadFailed  string // followed by the Detail line

	Finished      string // finished attempts
	Unfinished    string // unfinished attempts
	UnfinishedOut string
	Empty         string

	Areas        string
	Overall      string
	AreaLine     string // mean, median, scale max−1, scale max, share of the top two, respondents
	Distribution string
	AreaNone     string
	DistAcc      string // the distribution as "1: 2 %, 2: 5 %, …"

	Statements       string
	StatementsLegend string
	MarkHighest      string
	MarkLowest       string
	StatementAcc     string // mean, number of ratings, statement text
	Unrated          string

	Splits      string
	SplitsNote  string // minimum group size
	SplitRole   string
	SplitYears  string
	SplitSize   string
	TooFew      string
	NoAnswer    string
	ColGroup    string
	ColN        string
	ColAll      string
	SplitKey    string // the area columns' numbers and names
	SplitAcc    string // group, respondents, overall mean, the areas' means
	SplitAccToo string // group; accessible mode's "too few answers"

	Alpha         string
	AlphaIntro    string
	AlphaHigh     string
	AlphaGood     string
	AlphaModerate string
	AlphaLow      string
	AlphaLine     string // alpha, band
	AlphaFew      string // finished attempts needed
	AlphaCases    string // complete cases needed
	AlphaOne      string
	AlphaSame     string

	Needs      string
	NeedsIntro string // points of a first choice
	NeedLine   string // rank, topic, points, respondents who chose it
	NeedsNone  string
	Teach      string
	TeachLine  string // topic, respondents who could teach it
	TeachNames string // names of those who chose to show them
	TeachMore  string // names not listed
	TeachNone  string

	Shares          string
	Digiteket       string // percentage, yes, respondents who answered
	DigiteketTooFew string
	Managers        string // yes, managers who answered, partly, no, don't know
	ManagersTooFew  string

	Discussion     string
	DiscussionNote string
	DiscussionNone string

	KeyCompare string
	KeyPart    string

	// Rounds compared and the indicators panel.
	RoundsTitle   string
	PickBase      string
	PickEnd       string // the start chosen
	PickRound     string // round
	PickWorkshop  string // workshop name, date
	PickNone      string
	PickFailed    string // followed by the Detail line
	RoundsOf      string // start, end
	RoundsMixed   string
	ColArea       string
	ColStart      string
	ColEnd        string
	ColChange     string
	ColHighStart  string // scale max−1, scale max
	ColHighEnd    string // scale max−1, scale max
	ColNStart     string
	ColNEnd       string
	ColHigher     string
	Yes           string
	No            string
	HigherLine    string // yes or no
	RoundsAcc     string // area, start mean, n, high share, end mean, n, high share, change, yes/no
	RoundsChance  string
	RoundsLine    string // start mean, n, max−1, max, share; end mean, n, max−1, max, share; change, yes/no
	Indicators    string
	IndResult     string
	IndDigiteket  string
	IndManagers   string
	TargetHigher  string
	TargetAtLeast string // percentage
	TargetNone    string
	StatusMet     string
	StatusNotMet  string
	StatusUnknown string
	StatusReport  string
	IndShares     string // start share, end share
	IndTarget     string // target, status
}

var groupSV = groupCatalog{
	Title:       "Gruppens resultat",
	TitleOf:     "Gruppens resultat: %s",
	AllAttempts: "alla test i filen",
	Loading:     "Läser gruppens svar …",
	LoadFailed:  "Gruppens svar kunde inte läsas.",

	Finished:      "Avslutade test: %s",
	Unfinished:    "Inte avslutade: %s",
	UnfinishedOut: "Test som inte avslutats räknas inte i siffrorna.",
	Empty:         "Ingen i gruppen har avslutat testet ännu.",

	Areas:        "Områdena",
	Overall:      "Alla områden",
	AreaLine:     "Medel %s · median %s · andel %d–%d: %s · svarande: %s",
	Distribution: "Fördelning av svaren",
	AreaNone:     "Inga svar i området.",
	DistAcc:      "Fördelning: %s.",

	Statements:       "Påståendena, högst medelvärde först",
	StatementsLegend: "▲ högst · ▼ lägst · siffran är gruppens medelvärde",
	MarkHighest:      "högst",
	MarkLowest:       "lägst",
	StatementAcc:     "Medel %s, svar: %s. %s",
	Unrated:          "Ingen har svarat på påståendet.",

	Splits:      "Uppdelat på bakgrund",
	SplitsNote:  "Grupper med färre än %d svarande visas inte (”för få svar”), inte heller ett medelvärde som färre än så står bakom.",
	SplitRole:   "Yrkesroll",
	SplitYears:  "År på bibliotek",
	SplitSize:   "Bibliotekets storlek (anställda)",
	TooFew:      "för få svar",
	NoAnswer:    "Inget svar",
	ColGroup:    "Grupp",
	ColN:        "Antal",
	ColAll:      "Alla",
	SplitKey:    "Kolumnerna: %s",
	SplitAcc:    "%s: svarande %s, medel för alla områden %s; %s.",
	SplitAccToo: "%s: för få svar.",

	Alpha:         "Samstämmighet (Cronbachs alfa)",
	AlphaIntro:    "Hur samstämmigt gruppen svarade på områdets påståenden, från 0 till 1: ju högre, desto mer hänger svaren ihop.",
	AlphaHigh:     "hög samstämmighet",
	AlphaGood:     "god samstämmighet",
	AlphaModerate: "måttlig samstämmighet",
	AlphaLow:      "låg samstämmighet",
	AlphaLine:     "%s, %s",
	AlphaFew:      "visas när minst %d har avslutat testet",
	AlphaCases:    "för få har svarat på alla områdets påståenden (minst %d behövs)",
	AlphaOne:      "området har bara ett påstående",
	AlphaSame:     "alla svarade likadant, så det finns inget att jämföra",

	Needs:      "Vad gruppen vill lära sig",
	NeedsIntro: "Rangordnat med poäng: förstahandsval ger %d poäng, femtehandsval 1.",
	NeedLine:   "%d. %s — poäng: %s, valt av: %s",
	NeedsNone:  "Ingen har valt något att lära sig.",
	Teach:      "Vad gruppen kan lära ut",
	TeachLine:  "%s — kan lära ut: %s",
	TeachNames: "Namn (bara de som valt att visa sitt): %s",
	TeachMore:  "och %s till",
	TeachNone:  "Ingen har angett något att lära ut.",

	Shares:          "Digiteket och chefernas fråga",
	Digiteket:       "Har en profil i Digiteket: %s (%s av %s som svarade)",
	DigiteketTooFew: "Har en profil i Digiteket: för få svar",
	Managers:        "Chefer vars förmåga att leda digital förändring stärkts: ja %s av %s (delvis %s, nej %s, vet inte %s)",
	ManagersTooFew:  "Chefer vars förmåga att leda digital förändring stärkts: för få svar",

	Discussion:     "Diskussionsfrågorna",
	DiscussionNote: "Svaren visas utan namn och i slumpad ordning.",
	DiscussionNone: "Inga svar.",

	KeyCompare: "jämför omgångar",
	KeyPart:    "nästa del",

	RoundsTitle:   "Omgångar jämförda",
	PickBase:      "Välj början, till exempel baslinjen:",
	PickEnd:       "Början: %s. Välj slutet:",
	PickRound:     "Omgång %s",
	PickWorkshop:  "Workshoppen %s, %s",
	PickNone:      "Det behövs minst två workshoppar eller omgångar för en jämförelse.",
	PickFailed:    "Workshopparna kunde inte läsas.",
	RoundsOf:      "Början: %s · slutet: %s",
	RoundsMixed:   "Omgångarna besvarades med olika versioner av frågorna; områdena jämförs ändå, men medel för alla områden kan bygga på olika påståenden.",
	ColArea:       "Område",
	ColStart:      "Början",
	ColEnd:        "Slutet",
	ColChange:     "Ändring",
	ColHighStart:  "%d–%d början",
	ColHighEnd:    "%d–%d slutet",
	ColNStart:     "n början",
	ColNEnd:       "n slutet",
	ColHigher:     "Högre",
	Yes:           "ja",
	No:            "nej",
	HigherLine:    "Högre vid slutet än vid början: %s",
	RoundsAcc:     "%s: början %s (n %s, andel högsta två %s), slutet %s (n %s, andel högsta två %s), ändring %s, högre vid slutet än vid början: %s.",
	RoundsLine:    "början %s (n %s, %d–%d: %s) → slutet %s (n %s, %d–%d: %s) · ändring %s · högre: %s",
	RoundsChance:  "Omgångarna kan ha olika deltagare; en liten ändring kan vara en slump, därför står antalet svarande vid varje medel.",
	Indicators:    "Indikatorer",
	IndResult:     "Resultatet från självskattningen är högre vid slutet än vid början",
	IndDigiteket:  "Personal med en användarprofil i Digiteket",
	IndManagers:   "Chefer som säger att förmågan att leda digital förändring stärkts",
	TargetHigher:  "mål: högre vid slutet",
	TargetAtLeast: "mål: minst %s",
	TargetNone:    "inget mål satt, redovisas",
	StatusMet:     "uppfyllt",
	StatusNotMet:  "inte uppfyllt",
	StatusUnknown: "kan inte bedömas, för få svar",
	StatusReport:  "redovisas",
	IndShares:     "början %s, slutet %s",
	IndTarget:     "%s: %s",
}

var groupEN = groupCatalog{
	Title:       "The group's result",
	TitleOf:     "The group's result: %s",
	AllAttempts: "every attempt in the file",
	Loading:     "Reading the group's answers …",
	LoadFailed:  "The group's answers could not be read.",

	Finished:      "Finished attempts: %s",
	Unfinished:    "Not finished: %s",
	UnfinishedOut: "Attempts not finished are left out of the numbers.",
	Empty:         "Nobody in the group has finished the test yet.",

	Areas:        "The areas",
	Overall:      "All areas",
	AreaLine:     "Mean %s · median %s · share %d–%d: %s · respondents: %s",
	Distribution: "How the ratings are spread",
	AreaNone:     "No ratings in the area.",
	DistAcc:      "Spread: %s.",

	Statements:       "The statements, highest mean first",
	StatementsLegend: "▲ highest · ▼ lowest · the number is the group's mean",
	MarkHighest:      "highest",
	MarkLowest:       "lowest",
	StatementAcc:     "Mean %s, ratings: %s. %s",
	Unrated:          "Nobody rated this one.",

	Splits:      "Split by background",
	SplitsNote:  "Groups of fewer than %d respondents are not shown (“too few answers”), nor is a mean that fewer stand behind.",
	SplitRole:   "Role",
	SplitYears:  "Years in libraries",
	SplitSize:   "Size of the library (staff)",
	TooFew:      "too few answers",
	NoAnswer:    "No answer",
	ColGroup:    "Group",
	ColN:        "Number",
	ColAll:      "All",
	SplitKey:    "Columns: %s",
	SplitAcc:    "%s: respondents %s, mean of all areas %s; %s.",
	SplitAccToo: "%s: too few answers.",

	Alpha:         "Consistency (Cronbach's alpha)",
	AlphaIntro:    "How consistently the group answered the area's statements, from 0 to 1: the higher, the more the answers hang together.",
	AlphaHigh:     "high consistency",
	AlphaGood:     "good consistency",
	AlphaModerate: "moderate consistency",
	AlphaLow:      "low consistency",
	AlphaLine:     "%s, %s",
	AlphaFew:      "shown once at least %d have finished the test",
	AlphaCases:    "too few rated every statement of the area (at least %d needed)",
	AlphaOne:      "the area has a single statement",
	AlphaSame:     "everybody answered alike, so there is nothing to compare",

	Needs:      "What the group wants to learn",
	NeedsIntro: "Ranked by points: a first choice gives %d points, a fifth choice 1.",
	NeedLine:   "%d. %s — points: %s, chosen by: %s",
	NeedsNone:  "Nobody has chosen anything to learn.",
	Teach:      "What the group can teach",
	TeachLine:  "%s — could teach it: %s",
	TeachNames: "Names (only of those who chose to show theirs): %s",
	TeachMore:  "and %s more",
	TeachNone:  "Nobody has offered to teach anything.",

	Shares:          "Digiteket and the managers' question",
	Digiteket:       "Has a profile on Digiteket: %s (%s of %s who replied)",
	DigiteketTooFew: "Has a profile on Digiteket: too few answers",
	Managers:        "Managers whose ability to lead digital change grew stronger: yes %s of %s (partly %s, no %s, don't know %s)",
	ManagersTooFew:  "Managers whose ability to lead digital change grew stronger: too few answers",

	Discussion:     "The discussion questions",
	DiscussionNote: "Answers are shown without names and in random order.",
	DiscussionNone: "No answers.",

	KeyCompare: "compare rounds",
	KeyPart:    "next part",

	RoundsTitle:   "Rounds compared",
	PickBase:      "Choose the start, for example the baseline:",
	PickEnd:       "Start: %s. Choose the end:",
	PickRound:     "Round %s",
	PickWorkshop:  "Workshop %s, %s",
	PickNone:      "A comparison needs at least two workshops or rounds.",
	PickFailed:    "The workshops could not be read.",
	RoundsOf:      "Start: %s · end: %s",
	RoundsMixed:   "The rounds were answered with different versions of the questions; the areas are compared all the same, but the mean of all areas may rest on different statements.",
	ColArea:       "Area",
	ColStart:      "Start",
	ColEnd:        "End",
	ColChange:     "Change",
	ColHighStart:  "%d–%d start",
	ColHighEnd:    "%d–%d end",
	ColNStart:     "n start",
	ColNEnd:       "n end",
	ColHigher:     "Higher",
	Yes:           "yes",
	No:            "no",
	HigherLine:    "Higher at the end than at the start: %s",
	RoundsAcc:     "%s: start %s (n %s, share of the top two %s), end %s (n %s, share of the top two %s), change %s, higher at the end than at the start: %s.",
	RoundsLine:    "start %s (n %s, %d–%d: %s) → end %s (n %s, %d–%d: %s) · change %s · higher: %s",
	RoundsChance:  "The rounds may have different participants; a small change may be chance, which is why the number of respondents stands beside each mean.",
	Indicators:    "Indicators",
	IndResult:     "The self-assessment result is higher at the end than at the start",
	IndDigiteket:  "Staff with a user profile on Digiteket",
	IndManagers:   "Managers who say their ability to lead digital change grew stronger",
	TargetHigher:  "target: higher at the end",
	TargetAtLeast: "target: at least %s",
	TargetNone:    "no target set, reported",
	StatusMet:     "met",
	StatusNotMet:  "not met",
	StatusUnknown: "cannot be judged, too few answers",
	StatusReport:  "reported",
	IndShares:     "start %s, end %s",
	IndTarget:     "%s: %s",
}
