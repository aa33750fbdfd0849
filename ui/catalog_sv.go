package ui

var swedish = Catalog{
	Records: recordsSV,

	AppTitle:     "digikomp · Självskattning av digital kompetens",
	WelcomeIntro: "Här skattar du hur säker du känner dig på digitala uppgifter i biblioteksarbetet. Gör testet igen längre fram för att se hur du utvecklas.",
	Loading:      "Läser in …",

	MenuStart:        "Gör testet",
	MenuStartAgain:   "Gör testet igen",
	MenuStartOver:    "Börja om från början",
	MenuContinue:     "Fortsätt där du slutade (%d av %d besvarade)",
	MenuLatest:       "Se ditt senaste resultat",
	MenuLatestWhen:   "(%s)",
	MenuDiscussion:   "Diskussionsfrågor",
	MenuQuit:         "Avsluta",
	ConfirmStartOver: "Om du börjar om tas ditt påbörjade test bort (besvarade påståenden: %d).",
	ConfirmYesNo:     "Börja om? j = ja, n = nej",

	IntroTitle:    "Om testet",
	IntroBody:     "Testet består av %d påståenden om digitala uppgifter i biblioteksarbetet, ordnade efter DigComps fem kompetensområden. Det tar ungefär tio minuter. Svaren sparas direkt när du ger dem, i en fil på den här datorn. Du kan hoppa över vilket påstående som helst och pausa när du vill.",
	IntroScale:    "För varje påstående väljer du ett värde från %d (%s) till %d (%s). Det finns inga rätta eller felaktiga svar: utgå från hur säker du känner dig i dag.",
	IntroStart:    "Tryck Enter för att börja med några frivilliga bakgrundsfrågor.",
	IntroSkipBack: "Tryck s för att hoppa över bakgrundsfrågorna, Esc för att gå tillbaka.",

	BackgroundHeading:   "Bakgrundsfrågor",
	BackgroundTitle:     "Bakgrund %d / %d",
	BackgroundNoAnswer:  "Vill inte svara",
	BackgroundFooter:    "Frågorna är frivilliga, och svaren används bara för att jämföra grupper. Esc hoppar över resten.",
	MunicipalityHint:    "Skriv några bokstäver och välj med pilarna. Vill du inte svara lämnar du rutan tom och trycker Enter.",
	MunicipalityNone:    "Ingen kommun matchar det du har skrivit.",
	MunicipalityMore:    "… och %d till. Skriv fler bokstäver.",
	MunicipalityUnknown: "Hittade ingen kommun som heter ”%s”.",
	MunicipalitySuggest: "Menade du: %s?",

	AreaLabel:   "Område %d av %d · %s",
	Progress:    "%d / %d",
	YourAnswer:  "Ditt svar: %d",
	SkippedMark: "Du hoppade över det här påståendet.",
	NotAnswered: "Inte besvarat ännu.",

	DiscussionTitle:  "Fråga %d / %d",
	DiscussionIntro:  "Frågor från nätverksträffarna om MIK och digital kompetens. Svara med egna ord om du vill. Tryck Enter för att gå vidare; lämnar du rutan tom hoppar du över frågan.",
	DiscussionYours:  "Ditt svar:",
	DiscussionCount:  "%s / %s tecken",
	DiscussionCut:    "%s tecken fick inte plats och kom inte med: ett svar får vara högst %s tecken.",
	DiscussionCutOne: "Ett tecken fick inte plats och kom inte med: ett svar får vara högst %s tecken.",

	ReviewTitle:      "Innan du ser resultatet",
	ReviewAllDone:    "Du har svarat på alla påståenden.",
	ReviewSkipped:    "%d påståenden saknar svar. Välj ett för att svara på det nu, eller gå vidare till resultatet.",
	ReviewSkippedOne: "Ett påstående saknar svar. Välj det för att svara nu, eller gå vidare till resultatet.",
	ReviewFinish:     "Avsluta testet och visa resultatet",

	MoreBelow:       "↓ mer längre ner",
	ResultTitle:     "Ditt resultat",
	ResultWhen:      "%s",
	ResultOverall:   "Medelvärde totalt: %s av %d",
	ResultAnswered:  "Besvarade: %d av %d",
	ResultHighShare: "andel svar 6–7: %s",
	ResultStrongest: "Starkast:",
	ResultWeakest:   "Svagast:",
	ResultHighest:   "Högst skattade påståenden",
	ResultLowest:    "Lägst skattade påståenden",
	ResultAllEqual:  "Alla områden har samma medelvärde.",
	ResultNothing:   "Du hoppade över alla påståenden, så det finns inget resultat att visa.",
	ResultMore:      "… och %d till med samma värde",

	HelpTitle:         "Tangenter",
	KeyAnswer:         "svara",
	KeyPrev:           "föregående",
	KeyNext:           "nästa",
	KeyChoose:         "välj",
	KeyConfirm:        "bekräfta",
	KeySkip:           "hoppa över",
	KeySkipBackground: "hoppa över bakgrundsfrågorna",
	KeySkipRest:       "hoppa över resten",
	KeyHelp:           "hjälp",
	KeyQuit:           "pausa",
	KeyQuitMenu:       "avsluta",
	KeyBrowse:         "bläddra",
	KeyBack:           "tillbaka",
	KeyMenu:           "meny",
	KeyScroll:         "rulla",
	KeyNewLine:        "ny rad",
	KeyJump:           "gå till påstående",
	KeyYes:            "ja",

	TooSmall: "Gör fönstret större: digikomp behöver minst %d × %d tecken (nu %d × %d).",

	NotSaved:          "Kunde inte spara.",
	SaveKept:          "Allt du har svarat tidigare finns kvar.",
	CauseFull:         "Disken är full. Frigör utrymme och försök igen.",
	CauseReadOnly:     "Disken eller filen är skrivskyddad. Använd en disk där du kan skriva, eller ta bort skrivskyddet.",
	CauseDenied:       "Du har inte behörighet att skriva där. Använd en mapp där du kan skriva, eller be den som sköter datorn om hjälp.",
	CauseGone:         "Filen har tagits bort eller ersatts medan digikomp använde den. Avsluta och ta reda på vad som hänt med filen innan du fortsätter.",
	Detail:            "Detaljer: %v",
	OpenFailed:        "Kunde inte öppna %s.",
	OpenElsewhere:     "Ange en annan fil med --db.",
	ReadOnlyNotice:    "Den här filen kan bara läsas: du kan se ditt senaste resultat och läsa diskussionsfrågorna, men inget nytt kan sparas.",
	DraftNotSaved:     "digikomp har avslutats, men ditt påbörjade svar på diskussionsfrågan kunde inte sparas.",
	ErrCorruptWritten: "%s är skadad och kan inte läsas. digikomp har inte skrivit något i filen sedan skadan upptäcktes, men svaren du gav innan dess sparades i den. Ta en kopia av filen och kör digikomp check. Återställ sedan en säkerhetskopia eller ange en ny fil med --db.",

	Paused:         "Pausat. Dina svar är sparade i %s. Starta digikomp igen för att fortsätta där du slutade.",
	ErrLocked:      "digikomp är redan öppet i ett annat fönster (%s). Stäng det först.",
	ErrForeign:     "%s är inte en digikomp-databas. Filen har inte ändrats. Ange en annan fil med --db.",
	ErrCorrupt:     "%s är skadad och kan inte läsas. Filen har inte ändrats. Återställ en säkerhetskopia eller ange en ny fil med --db.",
	ErrEmpty:       "%s är tom. Filen har inte ändrats. Ta bort den eller ange en annan fil med --db.",
	ErrNewerSchema: "%s har skapats av en nyare version av digikomp. Uppdatera programmet.",
	ErrOpen:        "Kunde inte öppna %s: %v",
	ErrNotTerminal: "digikomp behöver ett terminalfönster för att kunna visa testet. Starta programmet direkt i ett terminalfönster, utan att dirigera om in- eller utdata.",
	ErrQuestions:   "Frågorna i %s kunde inte användas. Rätta det som står nedan och starta igen:",
	ErrUsage:       "%v. Se digikomp --help.",
	Usage: `digikomp – självskattning av digital kompetens för bibliotekspersonal

Användning:
  %s [flaggor]
  digikomp workshop [--clear-after 2m]
                   workshopläge: deltagarna gör testet i tur och ordning
  digikomp check [--db SÖKVÄG]
                   kontrollera databasen utan att ändra den
  digikomp backup [--db SÖKVÄG] [--force] FIL
                   spara en kontrollerad kopia av databasen i FIL
  digikomp profile list
                   visa profilerna
  digikomp profile add NAMN [--pin]
                   skapa en profil, med PIN-kod om du vill
  digikomp profile rename GAMMALT NYTT
                   byt namn på en profil; testen finns kvar
  digikomp profile delete NAMN [--yes]
                   ta bort en profil och allt som är sparat om den
  digikomp profile pin NAMN [--remove]
                   sätt, byt eller ta bort en profils PIN-kod
  digikomp history [--profile NAMN] [--json]
                   visa en profils avslutade test
  digikomp export [--profile NAMN] [--format json|csv] [--out FIL]
                   skriv ut allt som är sparat om en profil
  digikomp export --workshop W | --round R | --all [--format csv|jsonl]
                  [--out FIL] [--with-names] [--with-text]
                   skriv ut en grupps avslutade test, ett per rad
  digikomp import [--partial] FIL...
                   lägg till test från exporter från andra datorer
  digikomp report [--workshop W] [--round R] [--compare R2]
                  [--format text|csv|json]
                   visa gruppens resultat

Flaggor:
  --db SÖKVÄG      databasfil (även DIGIKOMP_DB)
                   standard: %s
  --lang sv|en     språk (även DIGIKOMP_LANG), standard sv
  --questions FIL  använd frågorna i FIL (TOML) i stället för de inbyggda
  --profile NAMN   gör testet som profilen NAMN (även DIGIKOMP_PROFILE)
  --accessible     en fråga i taget, rad för rad, för skärmläsare
  --version        visa versionen
  --help           visa den här hjälpen
`,
	UsageNoDefault:      "(ingen, eftersom hemmappen är okänd: ange --db)",
	ErrEmptyDB:          "--db behöver en sökväg till databasfilen, till exempel --db digikomp.db",
	ErrOtherQuestions:   "Du har ett påbörjat test med andra frågor (%s, version %d). Starta digikomp med samma frågor för att fortsätta det.",
	ErrQuestionsChanged: "%s har redan frågorna %s, version %d, med andra påståenden eller en annan skala. Ändrade frågor behöver ett nytt versionsnummer: höj värdet för version i frågefilen och starta igen. Filen har inte ändrats.",
	ErrQuestionsOwnID:   "Frågorna i %s har samma id (%s) och version (%d) som digikomps egna frågor, men andra påståenden eller en annan skala. Ge dina frågor ett eget id eller ett annat versionsnummer. Ingen databas har öppnats.",
	ErrUnexpectedArg:    "digikomp vet inte vad ”%s” betyder",
	ErrUnknownLang:      "Språket ”%s” finns inte; välj sv (svenska) eller en (engelska)",
	ErrFlagUnknown:      "Det finns ingen flagga som heter %s",
	ErrFlagNoValue:      "Flaggan %s behöver ett värde efter sig",
	ErrFlagValue:        "”%s” är inget giltigt värde för %s",
	ErrFlagSyntax:       "”%s” går inte att läsa som en flagga",
	ErrFlagsUnreadable:  "Flaggorna går inte att tolka",
	ErrNoDataDir:        "digikomp hittar ingen mapp att lägga databasen i. Ange en fil med --db eller DIGIKOMP_DB.",
	ErrUnexpected:       "digikomp avslutades av ett oväntat fel. Allt du har svarat tidigare finns kvar.",
	ErrNoDatabase:       "Databasen %s finns inte. Ange en annan fil med --db.",
	CheckSound:          "Inga fel hittades i %s. Profiler: %d. Test: %d (avslutade: %d).",
	CheckOlder:          "%s har ett äldre format (version %d). Inga fel hittades i filens struktur; resten kontrolleras när digikomp har öppnat och uppgraderat den.",
	CheckProblems:       "%s är skadad (antal problem: %d). Filen har inte ändrats. Ta en kopia av den och kontakta den som sköter digikomp hos er; varje problem står på en egen rad nedan:",
	CheckCrashed:        "%s är så skadad att den inte gick att läsa i sin helhet. Filen har inte ändrats. Återställ en säkerhetskopia eller ange en ny fil med --db.",
	CheckTimeout:        "Kontrollen av %s blev inte klar inom %s, så filen är troligen skadad. Den har inte ändrats.",
	BackupDone:          "Säkerhetskopian är sparad och kontrollerad: %s",
	BackupExists:        "%s finns redan och har inte ändrats. Välj ett annat namn, eller lägg till --force för att ersätta den.",
	BackupNotWritten:    "Säkerhetskopian kunde inte skrivas.",
	BackupUnchanged:     "Ingen befintlig fil har ändrats.",
	BackupNoFolder:      "Säkerhetskopian kunde inte skrivas: mappen %s finns inte. Skapa den först, eller välj en annan plats.",
	BackupNotRegular:    "%s är ingen vanlig fil utan till exempel en enhet, en mapp eller en pipe, så den ersätts inte. Välj ett annat namn för säkerhetskopian.",
	BackupDamaged:       "%s är skadad, och en kopia skulle bli det också, så ingen kopia sparades. Kör digikomp check för att se vad som är fel.",
	BackupSame:          "%s är själva databasen. Välj en annan fil för säkerhetskopian.",
	ErrBackupArgs:       "Ange en fil att spara säkerhetskopian i, till exempel: digikomp backup digikomp-kopia.db",

	QFileMissing:       "Det finns ingen fil %s. Ange en frågefil som finns med --questions.",
	QFileUnreadable:    "Frågefilen %s kunde inte läsas.",
	QMore:              "Fler fel som inte visas här: %d",
	QItemQuestionnaire: "Frågorna",
	QItemScale:         "Skalan",
	QItemArea:          "Området %q",
	QItemAreaAt:        "Område nr %d i filen",
	QItemStatement:     "Påståendet %q",
	QItemStatementAt:   "Påstående nr %d i filen",
	QItemBackground:    "Bakgrundsfrågan %q",
	QItemBackgroundAt:  "Bakgrundsfråga nr %d i filen",
	QItemOption:        "%s, svarsalternativet %q",
	QItemOptionAt:      "%s, svarsalternativ nr %d",
	QItemDiscussion:    "Diskussionsfrågan %q",
	QItemDiscussionAt:  "Diskussionsfråga nr %d i filen",
	QTooLarge:          "Filen är för stor. En frågefil får vara högst %d byte.",
	QTooDeep:           "Rad %d: tabeller, listor eller nycklar med punkter ligger i fler än %d nivåer, fler än en frågefil behöver.",
	QTooManyTokens:     "Rad %d: filen har fler än %d nycklar och värden, fler än en frågefil behöver.",
	QSyntax:            "Rad %d, tecken %d: här följer filen inte TOML-formatet.",
	QSyntaxNoLine:      "Filen följer inte TOML-formatet.",
	QUnknownKey:        "Nyckeln %q finns inte i en frågefil. Kontrollera stavningen mot den inbyggda frågefilen.",
	QEmptyID:           "id saknas.",
	QDuplicateID:       "id %q förekommer mer än en gång.",
	QIDTooLong:         "id är %d byte långt, men högst %d byte är tillåtet.",
	QIDCharacter:       "id %q innehåller styrtecken, radbrytningar, tabbar eller tecken som vänder textriktningen. Sådana tecken får inte finnas i ett id.",
	QVersion:           "version är %d men måste vara ett heltal från 1 till %d.",
	QMissingText:       "%s.%s saknas eller är tom.",
	QScaleMin:          "min är %d men måste vara minst 1.",
	QScaleOrder:        "max (%d) måste vara större än min (%d).",
	QScalePoints:       "skalan har %d steg, men högst %d går att visa.",
	QScaleMax:          "max är %d, men högst %d går att spara.",
	QAreaNumber:        "number är %d men måste vara ett positivt heltal.",
	QNumberUsed:        "number %d används redan av området %q.",
	QUnknownArea:       "area %q är inget av områdena i filen.",
	QNoCompetence:      "competence saknas.",
	QCompetence:        "competence %q är inget DigComp-nummer av typen 1.2.",
	QAreaUnused:        "inget påstående hör till området.",
	QNoStatements:      "filen har inga påståenden.",
	QTooManyStatements: "filen har för många påståenden (%d), men högst %d går att spara.",
	QTooManyBackground: "filen har för många bakgrundsfrågor (%d), men högst %d går att spara.",
	QTooManyOptions:    "frågan har för många svarsalternativ (%d), men högst %d går att spara.",
	QFewOptions:        "en fråga med kind = \"choice\" behöver minst två svarsalternativ (nu: %d).",
	QNoOptions:         "en fråga med kind = %q kan inte ha svarsalternativ. Ta bort dem.",
	QUnknownKind:       "kind %q finns inte. Använd \"choice\" eller \"municipality\".",
	QOther:             "fel av slaget %s.",

	CheckMetaPage:         "Metasida %d är skadad. digikomp läser då den andra, så det som sparades sist före skadan kan saknas.",
	CheckFreelist:         "Listan över lediga sidor (sida %d) går inte att läsa.",
	CheckPageBeyondEnd:    "Sida %d ligger efter filens slut (%d byte): filen har kortats av.",
	CheckPageID:           "Sida %d säger i sitt sidhuvud att den är sida %d.",
	CheckPageType:         "Sida %d har en okänd sidtyp (%s).",
	CheckPageOverflow:     "Sida %d sträcker sig förbi slutet av datan (sidor utanför: %d).",
	CheckBbolt:            "Databasens egen kontroll hittade ett fel i filens struktur.",
	CheckBuckets:          "Filens avdelningar går inte att läsa.",
	CheckBucketMissing:    "Avdelningen %s saknas i filen.",
	CheckProfile:          "Profilen %q går inte att läsa.",
	CheckProfileName:      "Profilen %q har en post som anger namnet %q.",
	CheckShapeKey:         "Nyckeln till en version av frågorna går inte att läsa.",
	CheckShape:            "Frågorna %q, version %d, går inte att läsa.",
	CheckBuiltinShape:     "Filen har programmets egna frågor %q, version %d, men med andra påståenden eller en annan skala: posten är skadad.",
	CheckAttemptKey:       "Nyckeln till ett test (%s) går inte att läsa.",
	CheckAttempt:          "Testet %s går inte att läsa.",
	CheckNoProfile:        "Testet %s hör till profilen %q, som inte finns.",
	CheckNoShape:          "Testet %s hör till frågorna %q, version %d, som inte finns i filen.",
	CheckRating:           "Ett svar i testet %s passar inte frågorna.",
	CheckUnfinishedIndex:  "Uppgiften om vilket test profilen %q har påbörjat går inte att läsa.",
	CheckUnfinishedWrong:  "Uppgiften om vilket test profilen %q har påbörjat pekar på testet %s, som är avslutat eller hör till någon annan.",
	CheckNotUnfinished:    "Testet %s är inte avslutat, men det står inte som påbörjat test för profilen %q.",
	CheckPositionDone:     "Testet %s är inte avslutat, men det står som färdigt.",
	CheckFinishedIndexKey: "En post i förteckningen över avslutade test går inte att läsa (%s).",
	CheckFinishedIndex:    "Förteckningen över avslutade test stämmer inte med testet %s.",
	CheckNoResultsRow:     "Testet %s är avslutat men har inget sparat resultat.",
	CheckResultsRow:       "Det sparade resultatet för testet %s stämmer inte med svaren.",
	CheckCounts:           "Antalen stämmer inte: avslutade test %d, poster i förteckningen över avslutade test %d, sparade resultat %d.",
	CheckMore:             "Fler problem som inte visas: %d",
	CheckOther:            "Problem av slaget %s (%s).",

	AccMunicipalityHint: "Skriv kommunens namn eller en del av det. Lämna tomt om du inte vill svara.",
	AccMenuTitle:        "Vad vill du göra?",
	AccChoose:           "Skriv en siffra från 1 till %d:",
	AccChooseTwo:        "Skriv 1 eller 2:",
	AccChooseAgain:      "Skriv en siffra från 1 till %d.",
	AccChooseAgainTwo:   "Skriv 1 eller 2.",
	AccTooLong:          "Svaret är för långt. Korta det och försök igen.",
	AccStatement:        "Påstående %d av %d. Område %d av %d: %s.",
	AccRatingPrompt:     "Ditt svar, %d–%d (s hoppar över, t går tillbaka, p pausar):",
	AccRatingInvalid:    "Skriv en siffra från %d till %d, eller s, t eller p.",
	AccBackgroundMenu:   "Vill du svara på några frivilliga bakgrundsfrågor först?",
	AccSkipped:          "Du hoppade över påståendet.",
	AccTextPrompt:       "Ditt svar (tryck bara Enter för att hoppa över):",
	AccReviewPrompt:     "Skriv numret på ett påstående för att svara på det, eller tryck Enter för att avsluta och se resultatet:",
	AccNothingOpen:      "Alla påståenden är besvarade.",
	AccYes:              "Ja",
	AccNo:               "Nej",
	AccBackKey:          "t",
	AccNumberInvalid:    "Skriv ett av numren i listan, eller tryck Enter.",

	Progression: progressionSV,
	Plan:        planSV,
	Cmd:         cmdSV,
	Transfer:    transferSV,
	Profiles:    profilesSV,
	Group:       groupSV,
	Workshop:    workshopSV,
}
