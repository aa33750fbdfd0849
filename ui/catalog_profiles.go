package ui

// profilesCatalog holds the strings of the profile screens: "Vem är du?",
// a new person, PIN entry, the people and settings screens, and the
// welcome screen's lines about the person and their last test.
type profilesCatalog struct {
	ChooserTitle  string
	ChooserHint   string
	DefaultName   string // the default profile, which has no name
	ProtectedMark string // after the name of a profile with a PIN
	NewPerson     string
	Anonymous     string
	AnonymousHint string

	PINTitle    string // name
	PINPrompt   string
	PINHint     string
	PINWrong    string // wrong tries in a row
	PINWait     string // seconds
	PINChecking string

	NewTitle     string
	NewName      string
	NewNameHint  string
	NewPIN       string
	NewPINHint   string
	NewPINAgain  string
	PINMismatch  string
	PINTooShort  string // minimum length
	PINTooLong   string // maximum length
	NameEmpty    string
	NameTaken    string // name
	NameTooLong  string // maximum length
	NameInvalid  string
	NameSameHint string

	Who         string // name
	LastTest    string // how long ago
	AgoToday    string
	AgoDay      string
	AgoDays     string // days
	AgoMonth    string
	AgoMonths   string // months
	AgoYear     string
	AgoYears    string // years
	RetakeDue   string // interval
	EveryDay    string
	EveryDays   string // days
	EveryMonth  string
	EveryMonths string // months

	MenuSwitch   string
	MenuProfiles string
	MenuSettings string

	ProfilesTitle  string
	ProfilesHint   string
	ProfilesAdd    string
	ProfilesBack   string
	CurrentMark    string
	ActRename      string
	ActSetPIN      string
	ActChangePIN   string
	ActRemovePIN   string
	ActDelete      string
	ActBack        string
	RenamePrompt   string
	VerifyHint     string // name
	DeleteWarn     string // name
	DeletePrompt   string // the word to type
	DeleteWord     string // typed to delete the default profile
	DeleteMismatch string
	Working        string
	Deleted        string // name
	Renamed        string // new name
	PINSaved       string
	PINRemoved     string
	Added          string // name

	SettingsTitle   string
	SettingsRetake  string // interval
	SettingsHint    string
	SettingsUnit    string
	UnitMonths      string
	UnitDays        string
	SettingsNumber  string // unit, maximum
	SettingsInvalid string // maximum
	SettingsSaved   string // interval

	AccPINHidden string
	AccPINShown  string
	AccPINBack   string
	AccEmptyBack string
}

var profilesSV = profilesCatalog{
	ChooserTitle:  "Vem är du?",
	ChooserHint:   "Välj dig själv i listan, eller lägg till en ny person. Flera kan dela den här datorn; en person utan PIN-kod kan väljas av alla som använder den.",
	DefaultName:   "Utan namn (datorns första profil)",
	ProtectedMark: " · skyddad med PIN-kod",
	NewPerson:     "Ny person",
	Anonymous:     "Anonymt, utan namn",
	AnonymousHint: "Anonymt: resultatet visas en gång och sparas sedan bara för gruppens siffror.",

	PINTitle:    "PIN-kod för %s",
	PINPrompt:   "PIN-kod",
	PINHint:     "Skriv PIN-koden och tryck Enter. Det du skriver visas som stjärnor. Esc går tillbaka.",
	PINWrong:    "Fel PIN-kod. Fel försök i rad: %d.",
	PINWait:     "Vänta %d s innan du försöker igen.",
	PINChecking: "Kontrollerar PIN-koden …",

	NewTitle:     "Ny person",
	NewName:      "Namn eller alias",
	NewNameHint:  "Namnet visas i listan ”Vem är du?” på den här datorn. Esc går tillbaka.",
	NewPIN:       "PIN-kod (frivillig)",
	NewPINHint:   "Med en PIN-kod kan ingen annan på datorn se dina svar. Lämna tomt och tryck Enter om du inte vill ha någon.",
	NewPINAgain:  "Samma PIN-kod en gång till",
	PINMismatch:  "PIN-koderna var olika. Skriv den igen.",
	PINTooShort:  "PIN-koden behöver minst %d tecken.",
	PINTooLong:   "PIN-koden får vara högst %d tecken.",
	NameEmpty:    "Skriv ett namn eller ett alias.",
	NameTaken:    "Det finns redan en person som heter ”%s”. Välj ett annat namn.",
	NameTooLong:  "Namnet får vara högst %d tecken.",
	NameInvalid:  "Det namnet går inte att använda. Välj ett annat.",
	NameSameHint: "Skriv det nya namnet och tryck Enter. Esc avbryter.",

	Who:         "Du gör testet som %s.",
	LastTest:    "Senaste testet: %s.",
	AgoToday:    "i dag",
	AgoDay:      "i går",
	AgoDays:     "för %d dagar sedan",
	AgoMonth:    "för en månad sedan",
	AgoMonths:   "för %d månader sedan",
	AgoYear:     "för ett år sedan",
	AgoYears:    "för %d år sedan",
	RetakeDue:   "Mer än %s har gått: gör gärna testet igen och se hur du utvecklas.",
	EveryDay:    "en dag",
	EveryDays:   "%d dagar",
	EveryMonth:  "en månad",
	EveryMonths: "%d månader",

	MenuSwitch:   "Byt person",
	MenuProfiles: "Personer och PIN-koder",
	MenuSettings: "Inställningar",

	ProfilesTitle:  "Personer på den här datorn",
	ProfilesHint:   "Välj en person för att byta namn, ändra PIN-koden eller ta bort personen med alla svar.",
	ProfilesAdd:    "Lägg till en person",
	ProfilesBack:   "Tillbaka till menyn",
	CurrentMark:    " (du)",
	ActRename:      "Byt namn",
	ActSetPIN:      "Skydda med en PIN-kod",
	ActChangePIN:   "Byt PIN-kod",
	ActRemovePIN:   "Ta bort PIN-koden",
	ActDelete:      "Ta bort personen och alla svar",
	ActBack:        "Tillbaka",
	RenamePrompt:   "Nytt namn",
	VerifyHint:     "Skriv PIN-koden för %s först.",
	DeleteWarn:     "Alla svar, resultat och planer för %s tas bort för gott. Filen skrivs sedan om så att inget av det finns kvar.",
	DeletePrompt:   "Skriv %s för att ta bort, eller tryck Esc för att avbryta",
	DeleteWord:     "ta bort",
	DeleteMismatch: "Det du skrev stämmer inte, så ingenting togs bort.",
	Working:        "Tar bort och skriver om filen … Det kan ta en stund. Vänta tills det är klart.",
	Deleted:        "%s är borttagen, med alla svar.",
	Renamed:        "Namnet är nu %s.",
	PINSaved:       "PIN-koden är sparad.",
	PINRemoved:     "PIN-koden är borttagen.",
	Added:          "%s är tillagd.",

	SettingsTitle:   "Inställningar",
	SettingsRetake:  "Föreslå ett nytt test efter: %s",
	SettingsHint:    "Välkomstskärmen föreslår att du gör testet igen när så lång tid har gått sedan ditt senaste test.",
	SettingsUnit:    "Räkna tiden i",
	UnitMonths:      "månader",
	UnitDays:        "dagar",
	SettingsNumber:  "Antal %s (1–%d)",
	SettingsInvalid: "Skriv ett heltal från 1 till %d.",
	SettingsSaved:   "Sparat: ett nytt test föreslås efter %s.",

	AccPINHidden: "Det du skriver visas inte.",
	AccPINShown:  "Obs: här kan PIN-koden inte döljas, den syns medan du skriver den.",
	AccPINBack:   "bara Enter går tillbaka",
	AccEmptyBack: "bara Enter går tillbaka",
}

var profilesEN = profilesCatalog{
	ChooserTitle:  "Who are you?",
	ChooserHint:   "Pick yourself from the list, or add a new person. Several people can share this computer; a person without a PIN can be picked by anyone who uses it.",
	DefaultName:   "No name (the computer's first profile)",
	ProtectedMark: " · protected by a PIN",
	NewPerson:     "New person",
	Anonymous:     "Anonymously, without a name",
	AnonymousHint: "Anonymously: the result is shown once and then kept only for the group's numbers.",

	PINTitle:    "PIN for %s",
	PINPrompt:   "PIN",
	PINHint:     "Type the PIN and press Enter. What you type shows as stars. Esc goes back.",
	PINWrong:    "Wrong PIN. Wrong tries in a row: %d.",
	PINWait:     "Wait %d s before trying again.",
	PINChecking: "Checking the PIN …",

	NewTitle:     "New person",
	NewName:      "Name or alias",
	NewNameHint:  "The name is shown in the “Who are you?” list on this computer. Esc goes back.",
	NewPIN:       "PIN (optional)",
	NewPINHint:   "With a PIN nobody else on this computer can see your answers. Leave it empty and press Enter if you want none.",
	NewPINAgain:  "The same PIN once more",
	PINMismatch:  "The PINs differed. Type it again.",
	PINTooShort:  "The PIN needs at least %d characters.",
	PINTooLong:   "The PIN may have at most %d characters.",
	NameEmpty:    "Type a name or an alias.",
	NameTaken:    "There is already a person called “%s”. Choose another name.",
	NameTooLong:  "The name may have at most %d characters.",
	NameInvalid:  "That name cannot be used. Choose another.",
	NameSameHint: "Type the new name and press Enter. Esc cancels.",

	Who:         "You are taking the test as %s.",
	LastTest:    "Last test: %s.",
	AgoToday:    "today",
	AgoDay:      "yesterday",
	AgoDays:     "%d days ago",
	AgoMonth:    "a month ago",
	AgoMonths:   "%d months ago",
	AgoYear:     "a year ago",
	AgoYears:    "%d years ago",
	RetakeDue:   "More than %s has passed: take the test again to see how you grow.",
	EveryDay:    "a day",
	EveryDays:   "%d days",
	EveryMonth:  "a month",
	EveryMonths: "%d months",

	MenuSwitch:   "Switch person",
	MenuProfiles: "People and PINs",
	MenuSettings: "Settings",

	ProfilesTitle:  "People on this computer",
	ProfilesHint:   "Pick a person to rename them, change their PIN, or delete them with all their answers.",
	ProfilesAdd:    "Add a person",
	ProfilesBack:   "Back to the menu",
	CurrentMark:    " (you)",
	ActRename:      "Rename",
	ActSetPIN:      "Protect with a PIN",
	ActChangePIN:   "Change the PIN",
	ActRemovePIN:   "Remove the PIN",
	ActDelete:      "Delete the person and all answers",
	ActBack:        "Back",
	RenamePrompt:   "New name",
	VerifyHint:     "Type the PIN of %s first.",
	DeleteWarn:     "All answers, results and plans of %s are deleted for good. The file is then rewritten so that none of it is left.",
	DeletePrompt:   "Type %s to delete, or press Esc to cancel",
	DeleteWord:     "delete",
	DeleteMismatch: "What you typed does not match, so nothing was deleted.",
	Working:        "Deleting and rewriting the file … This can take a while. Wait until it is done.",
	Deleted:        "%s is deleted, with all answers.",
	Renamed:        "The name is now %s.",
	PINSaved:       "The PIN is saved.",
	PINRemoved:     "The PIN is removed.",
	Added:          "%s is added.",

	SettingsTitle:   "Settings",
	SettingsRetake:  "Suggest a new test after: %s",
	SettingsHint:    "The welcome screen suggests taking the test again once this much time has passed since your last test.",
	SettingsUnit:    "Count the time in",
	UnitMonths:      "months",
	UnitDays:        "days",
	SettingsNumber:  "Number of %s (1–%d)",
	SettingsInvalid: "Type a whole number from 1 to %d.",
	SettingsSaved:   "Saved: a new test is suggested after %s.",

	AccPINHidden: "What you type is not shown.",
	AccPINShown:  "Note: the PIN cannot be hidden here; it shows while you type it.",
	AccPINBack:   "Enter alone goes back",
	AccEmptyBack: "Enter alone goes back",
}
