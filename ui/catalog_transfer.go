package ui

// transferCatalog holds the strings of the group commands: digikomp
// export --workshop/--round/--all, import and report (main's
// export_group_cmd.go, import_cmd.go, report_cmd.go). Sentences marked
// "inside ErrUsage" have no full stop of their own. Comments name the
// arguments.
type transferCatalog struct {
	// export of a group
	ErrFilters      string // inside ErrUsage
	ErrProfileGroup string // inside ErrUsage
	ErrFormat       string // the format asked for; inside ErrUsage
	ErrNoWorkshop   string // the workshop asked for
	ErrNoRound      string // the round asked for
	Exported        string // attempts, file
	ExportedNone    string // file: nothing matched, the file has a header only

	// import
	ErrNoFiles      string // inside ErrUsage
	ErrOpen         string // file; followed by a detail line
	ErrIsDatabase   string // file
	Imported        string // file, attempts added, attempts already there
	ImportedNothing string // file: every attempt was already there
	Rejected        string // file, number of records; a list of RejectedLine follows
	RejectedLine    string // line, reason
	RejectedMore    string // number of problems not listed
	NothingImported string // file, number of records rejected
	SkipHint        string
	RefusedForeign  string // file
	RefusedNewer    string // file
	RefusedHeader   string // file
	RefusedCount    string // file
	RefusedLimit    string // file
	RefusedRead     string // file; followed by a detail line
	ImportFailed    string // file; followed by a cause and a detail line
	ImportUnchanged string

	// Why a record was rejected: one per transfer.Code, then those the
	// import finds against the questions. Field names are the file's.
	WhySyntax        string
	WhyFields        string
	WhyUnknownKey    string // key
	WhyMissing       string // field
	WhyAttemptID     string
	WhyDuplicate     string
	WhyDate          string // field
	WhyNumber        string // field
	WhyText          string // field
	WhyID            string // field
	WhyTopic         string // field
	WhyBool          string // field
	WhyBlank         string
	WhyQuestionnaire string // questionnaire id, version
	WhyStatement     string // statement id
	WhyRating        string // statement id
	WhyBackground    string // question id
	WhyOption        string // question id
	WhyDiscussion    string // question id
	WhyManager       string
	WhyConflict      string
	WhyStore         string

	// report
	ErrCompareNeeds string // inside ErrUsage
	ReportAll       string
	ReportWorkshop  string // name
	ReportRound     string // round
	ReportTitle     string // what (ReportAll, ReportWorkshop or ReportRound)
	ReportNone      string // what
}

var transferSV = transferCatalog{
	ErrFilters:      "välj bara en av --workshop, --round och --all",
	ErrProfileGroup: "--profile skriver ut en persons data och går inte att kombinera med --workshop, --round eller --all",
	ErrFormat:       "Formatet ”%s” finns inte för en grupp; välj csv eller jsonl",
	ErrNoWorkshop:   "Det finns ingen workshop med namnet eller id:t ”%s”. Workshoparna finns i appens workshopläge.",
	ErrNoRound:      "Ingen workshop hör till omgången ”%s”.",
	Exported:        "Avslutade test skrivna till %[2]s: %[1]d.",
	ExportedNone:    "Inga avslutade test att skriva; %s har bara rubrikraderna.",

	ErrNoFiles:      "ange minst en fil att importera, till exempel digikomp import export.csv",
	ErrOpen:         "Filen %s kunde inte öppnas.",
	ErrIsDatabase:   "%s är själva databasen och kan inte importeras i sig själv.",
	Imported:        "%s: importerade test: %d; test som fanns redan: %d.",
	ImportedNothing: "%s: alla test i filen fanns redan; ingenting lades till.",
	Rejected:        "%s: poster som inte kunde användas: %d.",
	RejectedLine:    "  rad %d: %s",
	RejectedMore:    "  … och %d till.",
	NothingImported: "Ingenting från %s är importerat eftersom poster är felaktiga (%d).",
	SkipHint:        "Rätta eller ta bort dem och importera igen, eller importera de övriga med --partial.",
	RefusedForeign:  "%s är ingen digikomp-export (den börjar inte som en sådan). Ingenting är importerat.",
	RefusedNewer:    "%s är skriven av en nyare digikomp. Ingenting är importerat; uppdatera digikomp först.",
	RefusedHeader:   "Exportens rubrikrader i %s går inte att läsa. Ingenting är importerat.",
	RefusedCount:    "%s har inte lika många poster som dess första rad säger: filen kan vara avklippt eller ändrad för hand. Ingenting är importerat.",
	RefusedLimit:    "%s är större än en export kan vara (för långa rader eller för många poster). Ingenting är importerat.",
	RefusedRead:     "%s kunde inte läsas till slut. Ingenting är importerat.",
	ImportFailed:    "Importen av %s kunde inte sparas.",
	ImportUnchanged: "Databasen är som den var före importen av filen.",

	WhySyntax:        "raden är inte en hel post (ett citattecken som inte stängs, eller trasig JSON)",
	WhyFields:        "raden har inte lika många fält som rubrikraden",
	WhyUnknownKey:    "okänt fält ”%s”",
	WhyMissing:       "”%s” saknas",
	WhyAttemptID:     "testets id är inte 32 hexadecimala tecken",
	WhyDuplicate:     "samma test finns redan tidigare i filen",
	WhyDate:          "”%s” är ingen tid som 2026-09-14T09:00:00Z, eller testet slutar före sin start",
	WhyNumber:        "”%s” är inget tal av rätt form",
	WhyText:          "”%s” är ingen UTF-8-text eller är för lång",
	WhyID:            "”%s” är inget giltigt id",
	WhyTopic:         "”%s” har något som inte är ett ämnes id",
	WhyBool:          "värdet i ”%s” går inte att läsa",
	WhyBlank:         "tom rad",
	WhyQuestionnaire: "frågorna %s version %d finns varken i databasen eller i programmet",
	WhyStatement:     "påståendet ”%s” finns inte i frågorna",
	WhyRating:        "svaret på påståendet ”%s” ligger utanför skalan",
	WhyBackground:    "bakgrundsfrågan ”%s” finns inte i frågorna",
	WhyOption:        "svaret på bakgrundsfrågan ”%s” är inget av dess alternativ",
	WhyDiscussion:    "diskussionsfrågan ”%s” finns inte i frågorna",
	WhyManager:       "svaret på chefsfrågan är inget av ja, delvis, nej och vet inte",
	WhyConflict:      "databasen har redan ett annat test med samma id; det behålls",
	WhyStore:         "databasen tog inte emot testet",

	ErrCompareNeeds: "--compare jämför med en omgång; ange den första med --round eller --workshop",
	ReportAll:       "hela databasen",
	ReportWorkshop:  "workshoppen ”%s”",
	ReportRound:     "omgången ”%s”",
	ReportTitle:     "Gruppens resultat: %s",
	ReportNone:      "Det finns inga avslutade test i %s.",
}

var transferEN = transferCatalog{
	ErrFilters:      "choose only one of --workshop, --round and --all",
	ErrProfileGroup: "--profile exports one person's data and cannot be combined with --workshop, --round or --all",
	ErrFormat:       "There is no format “%s” for a group; choose csv or jsonl",
	ErrNoWorkshop:   "There is no workshop with the name or id “%s”. Workshops are in the app's workshop mode.",
	ErrNoRound:      "No workshop belongs to the round “%s”.",
	Exported:        "Finished tests written to %[2]s: %[1]d.",
	ExportedNone:    "No finished tests to write; %s holds only the header rows.",

	ErrNoFiles:      "name at least one file to import, for example digikomp import export.csv",
	ErrOpen:         "The file %s could not be opened.",
	ErrIsDatabase:   "%s is the database itself and cannot be imported into itself.",
	Imported:        "%s: tests imported: %d; tests already there: %d.",
	ImportedNothing: "%s: every test in the file was already there; nothing was added.",
	Rejected:        "%s: records that could not be used: %d.",
	RejectedLine:    "  line %d: %s",
	RejectedMore:    "  … and %d more.",
	NothingImported: "Nothing from %s has been imported, because records are wrong (%d).",
	SkipHint:        "Correct or remove them and import again, or import the others with --partial.",
	RefusedForeign:  "%s is not a digikomp export (it does not begin as one). Nothing has been imported.",
	RefusedNewer:    "%s was written by a newer digikomp. Nothing has been imported; update digikomp first.",
	RefusedHeader:   "The export's header rows in %s cannot be read. Nothing has been imported.",
	RefusedCount:    "%s does not hold as many records as its first line says: the file may be cut short or changed by hand. Nothing has been imported.",
	RefusedLimit:    "%s is larger than an export can be (lines too long or too many records). Nothing has been imported.",
	RefusedRead:     "%s could not be read to the end. Nothing has been imported.",
	ImportFailed:    "The import of %s could not be saved.",
	ImportUnchanged: "The database is as it was before the import of the file.",

	WhySyntax:        "the line is not a whole record (a quote left open, or broken JSON)",
	WhyFields:        "the line does not have as many fields as the header row",
	WhyUnknownKey:    "unknown field “%s”",
	WhyMissing:       "“%s” is missing",
	WhyAttemptID:     "the test's id is not 32 hexadecimal digits",
	WhyDuplicate:     "the same test is already earlier in the file",
	WhyDate:          "“%s” is not a time like 2026-09-14T09:00:00Z, or the test ends before it starts",
	WhyNumber:        "“%s” is not a number of the right form",
	WhyText:          "“%s” is not UTF-8 text or is too long",
	WhyID:            "“%s” is not a valid id",
	WhyTopic:         "“%s” holds something that is not a topic's id",
	WhyBool:          "the value of “%s” cannot be read",
	WhyBlank:         "empty line",
	WhyQuestionnaire: "the questions %s version %d are neither in the database nor in the program",
	WhyStatement:     "the statement “%s” is not in the questions",
	WhyRating:        "the answer to the statement “%s” is off the scale",
	WhyBackground:    "the background question “%s” is not in the questions",
	WhyOption:        "the answer to the background question “%s” is none of its options",
	WhyDiscussion:    "the discussion question “%s” is not in the questions",
	WhyManager:       "the answer to the managers' question is none of yes, partly, no and don't know",
	WhyConflict:      "the database already has another test with the same id; it is kept",
	WhyStore:         "the database did not accept the test",

	ErrCompareNeeds: "--compare compares with a round; give the first with --round or --workshop",
	ReportAll:       "the whole database",
	ReportWorkshop:  "the workshop “%s”",
	ReportRound:     "the round “%s”",
	ReportTitle:     "The group's result: %s",
	ReportNone:      "There are no finished tests in %s.",
}
