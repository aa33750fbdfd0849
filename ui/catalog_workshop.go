package ui

// workshopCatalog holds the strings of workshop mode: the facilitator's
// setup (create or pick a workshop), the facilitator PIN that guards the
// way out, the participants' welcome, the managers' question and "Klar".
type workshopCatalog struct {
	MenuEntry string // the welcome menu's entry to workshop mode

	SetupTitle string
	SetupHint  string
	SetupNew   string
	SetupItem  string // name, date, place, round
	SetupQuit  string
	SetupNone  string

	NewTitle     string
	AskName      string
	AskDate      string
	AskDateHint  string
	AskPlace     string
	AskRound     string
	AskRoundHint string
	AskPIN       string
	AskPINHint   string
	AskPINAgain  string
	NoPINTitle   string // name: an imported workshop without a facilitator PIN
	NoPINHint    string

	NameEmpty   string
	RoundEmpty  string
	DateInvalid string
	TooLong     string // maximum number of characters
	PINTooShort string // minimum length
	PINMismatch string
	Saving      string

	GuardTitle    string
	GuardLeave    string
	GuardGroup    string
	GuardInterupt string
	GuardOpen     string // workshop name
	GuardPrompt   string
	GuardHint     string
	GuardWrong    string // wrong tries in a row
	GuardWait     string // seconds
	GuardChecking string

	WelcomeTitle     string // workshop name
	WelcomeWhere     string // date, place, round
	WelcomeIntro     string
	WelcomeAnonymous string
	WelcomeProfile   string
	WelcomeGroup     string
	WelcomeLeave     string
	WelcomePrivacy   string

	ManagerTitle string
	ManagerHint  string
	ManagerSkip  string

	KeyDone     string
	KeyEndTurn  string
	KeyLeave    string
	ClearsAfter string // the time left on screen, e.g. "2 min"
	AccDone     string // accessible mode: Enter when done
}

var workshopSV = workshopCatalog{
	MenuEntry: "Workshopläge (för ledaren)",

	SetupTitle: "Workshopläge",
	SetupHint:  "Skapa en ny workshop eller välj en du har skapat. Deltagarna gör sedan testet i tur och ordning på den här datorn.",
	SetupNew:   "Ny workshop",
	SetupItem:  "%s · %s · %s · %s",
	SetupQuit:  "Avsluta",
	SetupNone:  "Inga workshoppar ännu.",

	NewTitle:     "Ny workshop",
	AskName:      "Workshoppens namn",
	AskDate:      "Datum (ÅÅÅÅ-MM-DD)",
	AskDateHint:  "Enter behåller dagens datum.",
	AskPlace:     "Plats (kan lämnas tom)",
	AskRound:     "Insamlingsomgång",
	AskRoundHint: "Till exempel ”baslinje” eller ”2026 höst”. Omgångar jämförs med varandra.",
	AskPIN:       "Ledarens PIN",
	AskPINHint:   "Minst 4 tecken. Den behövs för att lämna workshopläget och se gruppens resultat. Det du skriver visas som stjärnor.",
	AskPINAgain:  "Samma PIN en gång till",
	NoPINTitle:   "%s har ingen ledar-PIN",
	NoPINHint:    "Workshoppen kom med en import. Välj en ledar-PIN för den här datorn.",

	NameEmpty:   "Skriv ett namn.",
	RoundEmpty:  "Skriv en omgång.",
	DateInvalid: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-02.",
	TooLong:     "Högst %d tecken.",
	PINTooShort: "PIN-koden behöver minst %d tecken.",
	PINMismatch: "De två PIN-koderna var olika. Skriv PIN-koden igen.",
	Saving:      "Sparar …",

	GuardTitle:    "Ledarens PIN",
	GuardLeave:    "För att lämna workshopläget behövs ledarens PIN.",
	GuardGroup:    "Gruppens resultat visas bara för ledaren.",
	GuardInterupt: "Ctrl+C avslutar bara med ledarens PIN. Esc går tillbaka.",
	GuardOpen:     "För att öppna %s behövs ledarens PIN.",
	GuardPrompt:   "PIN-kod",
	GuardHint:     "Esc går tillbaka utan att avsluta.",
	GuardWrong:    "Fel PIN (%d fel i rad).",
	GuardWait:     "Vänta %d s innan nästa försök.",
	GuardChecking: "Kontrollerar …",

	WelcomeTitle:     "Välkommen till %s",
	WelcomeWhere:     "%s · %s · omgång %s",
	WelcomeIntro:     "Gör självskattningen i lugn och ro. Nästa deltagare ser inget av dina svar: skärmen töms när du är klar. Gruppen ser bara sammanställningar, och svar på diskussionsfrågorna kan läsas upp utan namn.",
	WelcomeAnonymous: "Börja (anonymt)",
	WelcomeProfile:   "Börja med min profil (ny eller med PIN)",
	WelcomeGroup:     "Gruppens resultat (ledaren)",
	WelcomeLeave:     "Lämna workshopläget (ledaren)",
	WelcomePrivacy:   "Anonymt sparas inget namn. Med en profil kan du se din utveckling nästa gång.",

	ManagerTitle: "En fråga till dig som är chef",
	ManagerHint:  "Frivillig. Välj med ↑/↓ och Enter, eller Esc för att hoppa över.",
	ManagerSkip:  "Vill inte svara",

	KeyDone:     "klar",
	KeyEndTurn:  "avsluta din tur",
	KeyLeave:    "ledaren",
	ClearsAfter: "Skärmen töms av sig själv efter %s utan tangenttryck.",
	AccDone:     "Klar? Tryck Enter så töms skärmen för nästa deltagare:",
}

var workshopEN = workshopCatalog{
	MenuEntry: "Workshop mode (for the facilitator)",

	SetupTitle: "Workshop mode",
	SetupHint:  "Create a new workshop or pick one you created. Participants then take the test in turn on this computer.",
	SetupNew:   "New workshop",
	SetupItem:  "%s · %s · %s · %s",
	SetupQuit:  "Quit",
	SetupNone:  "No workshops yet.",

	NewTitle:     "New workshop",
	AskName:      "Name of the workshop",
	AskDate:      "Date (YYYY-MM-DD)",
	AskDateHint:  "Enter keeps today's date.",
	AskPlace:     "Place (may be left empty)",
	AskRound:     "Collection round",
	AskRoundHint: "For example \"baseline\" or \"autumn 2026\". Rounds are compared with each other.",
	AskPIN:       "Facilitator PIN",
	AskPINHint:   "At least 4 characters. It is needed to leave workshop mode and to see the group's result. What you type shows as stars.",
	AskPINAgain:  "The same PIN once more",
	NoPINTitle:   "%s has no facilitator PIN",
	NoPINHint:    "The workshop came with an import. Choose a facilitator PIN for this computer.",

	NameEmpty:   "Type a name.",
	RoundEmpty:  "Type a round.",
	DateInvalid: "Type the date as YYYY-MM-DD, for example 2026-12-02.",
	TooLong:     "At most %d characters.",
	PINTooShort: "The PIN needs at least %d characters.",
	PINMismatch: "The two PINs differed. Type the PIN again.",
	Saving:      "Saving …",

	GuardTitle:    "Facilitator PIN",
	GuardLeave:    "Leaving workshop mode needs the facilitator's PIN.",
	GuardGroup:    "The group's result is shown to the facilitator only.",
	GuardInterupt: "Ctrl+C quits only with the facilitator's PIN. Esc goes back.",
	GuardOpen:     "Opening %s needs the facilitator's PIN.",
	GuardPrompt:   "PIN",
	GuardHint:     "Esc goes back without quitting.",
	GuardWrong:    "Wrong PIN (%d wrong in a row).",
	GuardWait:     "Wait %d s before the next try.",
	GuardChecking: "Checking …",

	WelcomeTitle:     "Welcome to %s",
	WelcomeWhere:     "%s · %s · round %s",
	WelcomeIntro:     "Take the self-assessment at your own pace. The next participant sees none of your answers: the screen is cleared when you are done. The group sees only totals, and answers to the discussion questions may be read aloud without names.",
	WelcomeAnonymous: "Start (anonymously)",
	WelcomeProfile:   "Start with my profile (new, or with its PIN)",
	WelcomeGroup:     "The group's result (facilitator)",
	WelcomeLeave:     "Leave workshop mode (facilitator)",
	WelcomePrivacy:   "Anonymously, no name is kept. With a profile you can see your progress next time.",

	ManagerTitle: "A question for managers",
	ManagerHint:  "Optional. Choose with ↑/↓ and Enter, or Esc to skip.",
	ManagerSkip:  "Rather not say",

	KeyDone:     "done",
	KeyEndTurn:  "end your turn",
	KeyLeave:    "facilitator",
	ClearsAfter: "The screen clears itself after %s without a key pressed.",
	AccDone:     "Done? Press Enter to clear the screen for the next participant:",
}
