package ui

// cmdCatalog holds the strings of the commands that work on profiles and
// their data without the interface: digikomp profile, history and export,
// and the PIN prompts they share (main's profile_cmd.go, history_cmd.go,
// export_cmd.go, pin_prompt.go). Sentences marked "inside ErrUsage" have
// no full stop of their own. Comments name the arguments.
type cmdCatalog struct {
	// The default profile has no name; this stands for it.
	DefaultProfile string

	// digikomp profile list: one line per profile.
	ListProtected string // after the name of a profile with a PIN
	ListNone      string // no finished attempts
	ListOne       string // date of the only finished attempt
	ListMany      string // number of finished attempts, date of the latest
	ListOnlyLocal string // shown under the list when only the default profile exists

	Added          string // name
	AddedPIN       string // name
	Renamed        string // old name, new name
	Deleted        string // name
	DeleteAsk      string // name, number of attempts; a question ending in ConfirmWord
	DeleteAskOne   string // name
	DeleteAskNone  string // name
	ConfirmWord    string // the word that confirms, typed in full
	NotDeleted     string
	DeleteNeedsYes string // name
	PINSet         string // name
	PINChanged     string // name
	PINRemoved     string // name
	PINNone        string // name: --remove on a profile without a PIN

	// Mistakes on the command line, inside ErrUsage.
	ErrProfileVerb   string // the word given
	ErrProfileNoVerb string
	ErrAddArgs       string
	ErrRenameArgs    string
	ErrDeleteArgs    string
	ErrPINArgs       string
	ErrFormat        string // the format asked for
	ErrOutEmpty      string

	// A profile that is not there, or a name that cannot be used.
	ErrNoProfile   string // name
	ErrExists      string // name
	ErrBadName     string // name
	ErrBadPIN      string
	ErrNeedsPINTTY string // name

	// PIN prompts, written to the error stream so that output stays data.
	PINPrompt    string // name
	PINNew       string
	PINAgain     string
	PINMismatch  string
	PINNoInput   string
	PINWrong     string // name
	PINWrongWait string // name, wait
	PINWait      string // wait
	Seconds      string // number above one
	OneSecond    string

	// digikomp history.
	HistoryTitle    string // profile
	HistoryNone     string // profile
	HistoryDate     string
	HistoryVersion  string
	HistoryMean     string
	HistoryChange   string
	HistoryAreas    string // under the table: what the area columns are
	HistoryUnscored string // questionnaire id, version: the file lacks those questions
	HistoryNoValue  string // stands for a mean that cannot be given

	// digikomp export.
	Exported         string // profile, attempts, file
	ExportIsDatabase string // file
	ExportNoFolder   string // folder
	ExportNotWritten string // followed by a Cause, ExportUnchanged and a detail line
	ExportUnchanged  string
	ExportNotRegular string // file

	// Column headings of the CSV export; the statements' own ids and the
	// questions' ids follow the prefixes.
	ColProfile      string
	ColCreated      string
	ColAttempt      string
	ColQuestions    string
	ColVersion      string
	ColStarted      string
	ColFinished     string
	ColBackground   string // prefix, "background: "
	ColDiscussion   string // prefix
	ColPlanTopics   string
	ColPlanGoal     string
	ColPlanLearn    string
	ColPlanTeach    string
	ColPlanOther    string
	ColPlanShowName string
	Yes             string
	No              string
}

var cmdSV = cmdCatalog{
	DefaultProfile: "standardprofilen",

	ListProtected: "(skyddad med PIN-kod)",
	ListNone:      "inga avslutade test",
	ListOne:       "ett avslutat test, %s",
	ListMany:      "avslutade test: %d, senast %s",
	ListOnlyLocal: "Det finns bara standardprofilen. Skapa en egen profil med digikomp profile add NAMN.",

	Added:          "Profilen ”%s” är skapad. Gör testet som den med digikomp --profile och namnet.",
	AddedPIN:       "Profilen ”%s” är skapad och skyddad med PIN-kod. Gör testet som den med digikomp --profile och namnet.",
	Renamed:        "Profilen ”%s” heter nu ”%s”. Alla dess test finns kvar.",
	Deleted:        "Profilen ”%s” och allt som var sparat om den är borttaget, och databasfilen är omskriven så att inget av det finns kvar i den.",
	DeleteAsk:      "Ta bort profilen ”%s” och dess test (%d stycken)? Det går inte att ångra. Skriv ja för att ta bort: ",
	DeleteAskOne:   "Ta bort profilen ”%s” och dess enda test? Det går inte att ångra. Skriv ja för att ta bort: ",
	DeleteAskNone:  "Ta bort profilen ”%s”? Den har inga test. Det går inte att ångra. Skriv ja för att ta bort: ",
	ConfirmWord:    "ja",
	NotDeleted:     "Ingenting togs bort.",
	DeleteNeedsYes: "Profilen ”%s” togs inte bort: utan ett terminalfönster kan digikomp inte fråga om du är säker. Lägg till --yes för att ta bort den ändå.",
	PINSet:         "Profilen ”%s” är nu skyddad med PIN-kod.",
	PINChanged:     "Profilen ”%s” har fått en ny PIN-kod.",
	PINRemoved:     "Profilen ”%s” har inte längre någon PIN-kod.",
	PINNone:        "Profilen ”%s” har ingen PIN-kod att ta bort.",

	ErrProfileVerb:   "digikomp profile känner inte till ”%s”; välj list, add, rename, delete eller pin",
	ErrProfileNoVerb: "digikomp profile behöver ett av orden list, add, rename, delete eller pin efter sig",
	ErrAddArgs:       "Ange namnet på den nya profilen: digikomp profile add NAMN",
	ErrRenameArgs:    "Ange profilens namn och det nya namnet: digikomp profile rename GAMMALT NYTT",
	ErrDeleteArgs:    "Ange namnet på profilen som ska tas bort: digikomp profile delete NAMN",
	ErrPINArgs:       "Ange namnet på profilen: digikomp profile pin NAMN",
	ErrFormat:        "Formatet ”%s” finns inte; välj json eller csv",
	ErrOutEmpty:      "--out behöver ett filnamn, till exempel --out min-export.json",

	ErrNoProfile:   "Det finns ingen profil som heter ”%s”. Se vilka profiler som finns med digikomp profile list, eller skapa en ny med digikomp profile add NAMN.",
	ErrExists:      "Det finns redan en profil som heter ”%s” (stora och små bokstäver räknas som samma). Välj ett annat namn.",
	ErrBadName:     "”%s” kan inte vara namnet på en profil: ett namn ska ha 1 till 40 tecken.",
	ErrBadPIN:      "Den PIN-koden kan inte användas: en PIN-kod ska ha 4 till 64 tecken. Ingenting ändrades.",
	ErrNeedsPINTTY: "Profilen ”%s” är skyddad med PIN-kod, men ingen PIN-kod kom in. Skriv den i terminalfönstret, eller skicka den på en egen rad till standard in.",

	PINPrompt:    "PIN-kod för ”%s”: ",
	PINNew:       "Ny PIN-kod: ",
	PINAgain:     "Skriv den nya PIN-koden en gång till: ",
	PINMismatch:  "PIN-koderna var inte likadana. Ingenting ändrades.",
	PINNoInput:   "Ingen PIN-kod kom in. Ingenting ändrades.",
	PINWrong:     "Fel PIN-kod för ”%s”.",
	PINWrongWait: "Fel PIN-kod för ”%s”. Nästa försök kan göras om %s.",
	PINWait:      "För många felaktiga försök. Vänta %s innan du försöker igen; försöket nu räknades inte.",
	Seconds:      "%d sekunder",
	OneSecond:    "1 sekund",

	HistoryTitle:    "Avslutade test för %s, det äldsta först:",
	HistoryNone:     "%s har inga avslutade test ännu.",
	HistoryDate:     "Datum",
	HistoryVersion:  "Frågeversion",
	HistoryMean:     "Medel",
	HistoryChange:   "Ändring",
	HistoryAreas:    "Områden:",
	HistoryUnscored: "Frågorna %s, version %d, finns inte sparade i filen, så det testet kan inte räknas fram.",
	HistoryNoValue:  "–",

	Exported:         "Allt som är sparat om %s (test: %d) är skrivet till %s.",
	ExportIsDatabase: "%s är själva databasen och skrivs inte över. Välj ett annat filnamn.",
	ExportNoFolder:   "Exporten kunde inte skrivas: mappen %s finns inte. Skapa den först, eller välj en annan plats.",
	ExportNotWritten: "Exporten kunde inte skrivas.",
	ExportUnchanged:  "Ingen befintlig fil har ändrats.",
	ExportNotRegular: "%s är ingen vanlig fil utan till exempel en enhet, en mapp eller ett rör, så den ersätts inte. Välj ett annat filnamn.",

	ColProfile:      "profil",
	ColCreated:      "profil skapad",
	ColAttempt:      "test-id",
	ColQuestions:    "frågor",
	ColVersion:      "frågornas version",
	ColStarted:      "påbörjat",
	ColFinished:     "avslutat",
	ColBackground:   "bakgrund: ",
	ColDiscussion:   "diskussion: ",
	ColPlanTopics:   "plan: ämnen",
	ColPlanGoal:     "plan: mål",
	ColPlanLearn:    "vill lära mig",
	ColPlanTeach:    "kan lära ut",
	ColPlanOther:    "annat",
	ColPlanShowName: "namnet får visas",
	Yes:             "ja",
	No:              "nej",
}

var cmdEN = cmdCatalog{
	DefaultProfile: "the default profile",

	ListProtected: "(protected by a PIN)",
	ListNone:      "no finished tests",
	ListOne:       "one finished test, %s",
	ListMany:      "finished tests: %d, latest %s",
	ListOnlyLocal: "There is only the default profile. Create a profile of your own with digikomp profile add NAME.",

	Added:          "The profile “%s” is created. Take the test as it with digikomp --profile and the name.",
	AddedPIN:       "The profile “%s” is created and protected by a PIN. Take the test as it with digikomp --profile and the name.",
	Renamed:        "The profile “%s” is now called “%s”. All its tests are kept.",
	Deleted:        "The profile “%s” and everything kept about it are deleted, and the database file is rewritten so that none of it is left in it.",
	DeleteAsk:      "Delete the profile “%s” and its tests (%d of them)? This cannot be undone. Type yes to delete: ",
	DeleteAskOne:   "Delete the profile “%s” and its only test? This cannot be undone. Type yes to delete: ",
	DeleteAskNone:  "Delete the profile “%s”? It has no tests. This cannot be undone. Type yes to delete: ",
	ConfirmWord:    "yes",
	NotDeleted:     "Nothing was deleted.",
	DeleteNeedsYes: "The profile “%s” was not deleted: without a terminal window digikomp cannot ask whether you are sure. Add --yes to delete it anyway.",
	PINSet:         "The profile “%s” is now protected by a PIN.",
	PINChanged:     "The profile “%s” has a new PIN.",
	PINRemoved:     "The profile “%s” no longer has a PIN.",
	PINNone:        "The profile “%s” has no PIN to remove.",

	ErrProfileVerb:   "digikomp profile does not know “%s”; choose list, add, rename, delete or pin",
	ErrProfileNoVerb: "digikomp profile needs one of the words list, add, rename, delete or pin after it",
	ErrAddArgs:       "Name the new profile: digikomp profile add NAME",
	ErrRenameArgs:    "Name the profile and its new name: digikomp profile rename OLD NEW",
	ErrDeleteArgs:    "Name the profile to delete: digikomp profile delete NAME",
	ErrPINArgs:       "Name the profile: digikomp profile pin NAME",
	ErrFormat:        "There is no format “%s”; choose json or csv",
	ErrOutEmpty:      "--out needs a file name, for example --out my-export.json",

	ErrNoProfile:   "There is no profile called “%s”. See which profiles there are with digikomp profile list, or create a new one with digikomp profile add NAME.",
	ErrExists:      "There is already a profile called “%s” (capitals and small letters count as the same). Choose another name.",
	ErrBadName:     "“%s” cannot be the name of a profile: a name has 1 to 40 characters.",
	ErrBadPIN:      "That PIN cannot be used: a PIN has 4 to 64 characters. Nothing was changed.",
	ErrNeedsPINTTY: "The profile “%s” is protected by a PIN, but no PIN came in. Type it in the terminal window, or send it on a line of its own to standard input.",

	PINPrompt:    "PIN for “%s”: ",
	PINNew:       "New PIN: ",
	PINAgain:     "Type the new PIN once more: ",
	PINMismatch:  "The two PINs were not the same. Nothing was changed.",
	PINNoInput:   "No PIN came in. Nothing was changed.",
	PINWrong:     "Wrong PIN for “%s”.",
	PINWrongWait: "Wrong PIN for “%s”. The next try can be made in %s.",
	PINWait:      "Too many wrong tries. Wait %s before you try again; this try was not counted.",
	Seconds:      "%d seconds",
	OneSecond:    "1 second",

	HistoryTitle:    "Finished tests of %s, the oldest first:",
	HistoryNone:     "%s has no finished tests yet.",
	HistoryDate:     "Date",
	HistoryVersion:  "Version",
	HistoryMean:     "Mean",
	HistoryChange:   "Change",
	HistoryAreas:    "Areas:",
	HistoryUnscored: "The questions %s, version %d, are not kept in the file, so that test cannot be scored.",
	HistoryNoValue:  "–",

	Exported:         "Everything kept about %s (tests: %d) is written to %s.",
	ExportIsDatabase: "%s is the database itself and is not overwritten. Choose another file name.",
	ExportNoFolder:   "The export could not be written: the folder %s does not exist. Create it first, or choose another place.",
	ExportNotWritten: "The export could not be written.",
	ExportUnchanged:  "No existing file has been changed.",
	ExportNotRegular: "%s is not an ordinary file but, for example, a device, a folder or a pipe, so it is not replaced. Choose another file name.",

	ColProfile:      "profile",
	ColCreated:      "profile created",
	ColAttempt:      "test id",
	ColQuestions:    "questions",
	ColVersion:      "questions version",
	ColStarted:      "started",
	ColFinished:     "finished",
	ColBackground:   "background: ",
	ColDiscussion:   "discussion: ",
	ColPlanTopics:   "plan: topics",
	ColPlanGoal:     "plan: goal",
	ColPlanLearn:    "want to learn",
	ColPlanTeach:    "could teach",
	ColPlanOther:    "other",
	ColPlanShowName: "name may be shown",
	Yes:             "yes",
	No:              "no",
}
