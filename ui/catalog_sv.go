package ui

var swedish = Catalog{
	AppTitle:     "digikomp · Självskattning av digital kompetens",
	WelcomeIntro: "Här skattar du hur säker du känner dig i digitala uppgifter i biblioteksarbetet. Gör testet igen längre fram för att se hur du utvecklas.",
	Loading:      "Läser in …",

	MenuStart:        "Gör testet",
	MenuStartAgain:   "Gör testet igen",
	MenuStartOver:    "Börja om från början",
	MenuContinue:     "Fortsätt där du slutade (%d av %d besvarade)",
	MenuLatest:       "Se mitt senaste resultat",
	MenuLatestWhen:   "(%s)",
	MenuDiscussion:   "Diskussionsfrågor",
	MenuQuit:         "Avsluta",
	ConfirmStartOver: "Ditt påbörjade test (%d besvarade påståenden) tas bort om du börjar om.",
	ConfirmYesNo:     "Börja om? j = ja, n = nej",

	IntroTitle:    "Om testet",
	IntroBody:     "Testet består av %d påståenden om digitala uppgifter i biblioteket, ordnade efter de fem områdena i DigComp. Det tar ungefär tio minuter. Svaren är anonyma och sparas bara på den här datorn, direkt när du ger dem. Du kan hoppa över vilket påstående som helst och pausa när du vill.",
	IntroScale:    "För varje påstående väljer du ett värde från %d (%s) till %d (%s). Det finns inga rätta svar: ange hur säker du känner dig i dag.",
	IntroStart:    "Tryck Enter för att börja med några frivilliga bakgrundsfrågor.",
	IntroSkipBack: "Tryck s för att hoppa över bakgrundsfrågorna, Esc för att gå tillbaka.",

	BackgroundHeading:   "Bakgrundsfrågor",
	BackgroundTitle:     "Bakgrund %d / %d",
	BackgroundNoAnswer:  "Vill inte svara",
	BackgroundFooter:    "Frivilligt. Svaren används bara för att jämföra grupper. Esc hoppar över resten.",
	MunicipalityHint:    "Skriv några bokstäver och välj med pilarna. Lämna tomt och tryck Enter för att inte svara.",
	MunicipalityNone:    "Ingen kommun matchar.",
	MunicipalityMore:    "… och %d till. Skriv fler bokstäver.",
	MunicipalityUnknown: "Hittade ingen kommun som heter ”%s”.",
	MunicipalitySuggest: "Menade du: %s?",

	AreaLabel:   "Område %d av %d · %s",
	Progress:    "%d / %d",
	YourAnswer:  "Ditt svar: %d",
	SkippedMark: "Du hoppade över det här påståendet.",
	NotAnswered: "Inte besvarat ännu.",

	DiscussionTitle: "Fråga %d / %d",
	DiscussionIntro: "Frågor från nätverksträffarna om MIK och digital kompetens. Svara med egna ord om du vill; Enter går vidare, en tom ruta hoppar över frågan.",
	DiscussionYours: "Ditt svar:",

	ReviewTitle:      "Innan du ser resultatet",
	ReviewAllDone:    "Du har svarat på alla påståenden.",
	ReviewSkipped:    "%d påståenden saknar svar. Välj ett för att svara på det nu, eller gå vidare till resultatet.",
	ReviewSkippedOne: "Ett påstående saknar svar. Välj det för att svara nu, eller gå vidare till resultatet.",
	ReviewFinish:     "Avsluta testet och visa resultatet",

	MoreBelow:       "↓ mer nedanför",
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
	KeySkipBackground: "hoppa över bakgrunden",
	KeySkipRest:       "hoppa över resten",
	KeyHelp:           "hjälp",
	KeyQuit:           "pausa",
	KeyQuitMenu:       "avsluta",
	KeyBrowse:         "bläddra",
	KeyBack:           "tillbaka",
	KeyMenu:           "meny",
	KeyScroll:         "bläddra",
	KeyNewLine:        "ny rad",
	KeyJump:           "gå till påstående",
	KeyYes:            "ja",

	TooSmall:   "Gör fönstret större: digikomp behöver minst %d × %d tecken (nu %d × %d).",
	SaveFailed: "Kunde inte spara: %v",

	Paused:         "Pausat. Dina svar är sparade i %s. Starta digikomp igen för att fortsätta där du slutade.",
	ErrLocked:      "digikomp är redan öppet i ett annat fönster (%s). Stäng det först.",
	ErrForeign:     "%s är inte en digikomp-databas. Filen har inte ändrats. Ange en annan fil med --db.",
	ErrCorrupt:     "%s är skadad och kan inte läsas. Filen har inte ändrats. Återställ en säkerhetskopia eller ange en ny fil med --db.",
	ErrEmpty:       "%s är tom. Filen har inte ändrats. Ta bort den eller ange en annan fil med --db.",
	ErrNewerSchema: "%s har skapats av en nyare version av digikomp. Uppdatera programmet.",
	ErrOpen:        "Kunde inte öppna %s: %v",
	ErrNotTerminal: "digikomp behöver en terminal att visa testet i. Starta det direkt i ett terminalfönster, inte med in- eller utdata omdirigerad.",
	ErrQuestions:   "Frågorna kunde inte läsas: %v",
	ErrUsage:       "%v. Se digikomp --help.",
	Usage: `digikomp – självskattning av digital kompetens för bibliotekspersonal

Användning:
  %s [flaggor]
  digikomp check [--db SÖKVÄG]
                   kontrollera databasen utan att ändra den
  digikomp backup [--db SÖKVÄG] [--force] FIL
                   spara en kontrollerad kopia av databasen i FIL

Flaggor:
  --db SÖKVÄG      databasfil (även DIGIKOMP_DB)
                   standard: %s
  --lang sv|en     språk (även DIGIKOMP_LANG), standard sv
  --questions FIL  använd frågorna i FIL (TOML) i stället för de inbyggda
  --accessible     en fråga i taget, rad för rad, för skärmläsare
  --version        visa versionen
  --help           visa den här hjälpen
`,
	ErrOtherQuestions: "Du har ett påbörjat test med andra frågor (%s, version %d). Starta digikomp med samma frågor för att fortsätta det.",
	ErrNoDatabase:     "Det finns ingen databas på %s. Ange en annan fil med --db.",
	CheckSound:        "%s är hel: %d profiler, %d försök, varav %d avslutade.",
	CheckOlder:        "%s har ett äldre format (version %d). Filens struktur är hel; resten kontrolleras när digikomp har öppnat och uppgraderat den.",
	CheckProblems:     "%s har %d problem. Filen har inte ändrats. Ta en kopia av den och kontakta den som sköter digikomp hos er; varje problem står på en egen rad nedan:",
	CheckCrashed:      "%s är så skadad att den inte gick att läsa till slut. Filen har inte ändrats. Återställ en säkerhetskopia eller ange en ny fil med --db.",
	CheckTimeout:      "Kontrollen av %s blev inte klar på %s, så filen är troligen skadad. Den har inte ändrats.",
	BackupDone:        "Säkerhetskopian är sparad och kontrollerad: %s",
	BackupExists:      "%s finns redan och har inte ändrats. Välj ett annat namn, eller lägg till --force för att ersätta den.",
	BackupFailed:      "Säkerhetskopian kunde inte skrivas: %v. Ingen befintlig fil har ändrats.",
	BackupDamaged:     "%s är skadad, och en kopia skulle bli det också, så ingen kopia sparades. Kör digikomp check för att se vad som är fel.",
	BackupSame:        "%s är själva databasen. Välj en annan fil för säkerhetskopian.",
	ErrBackupArgs:     "ange en fil att spara säkerhetskopian i, till exempel: digikomp backup digikomp-kopia.db",

	AccMunicipalityHint: "Skriv kommunens namn, eller en del av det. Lämna tomt för att inte svara.",
	AccMenuTitle:        "Vad vill du göra?",
	AccChoose:           "Skriv en siffra från 1 till %d:",
	AccInvalid:          "Det går inte. Försök igen.",
	AccStatement:        "Påstående %d av %d. Område %d av %d: %s.",
	AccRatingPrompt:     "Ditt svar, %d–%d (s hoppar över, t går tillbaka, p pausar):",
	AccRatingInvalid:    "Skriv en siffra från %d till %d, eller s, t eller p.",
	AccBackgroundMenu:   "Vill du svara på några frivilliga bakgrundsfrågor först?",
	AccSkipped:          "Hoppade över.",
	AccTextPrompt:       "Ditt svar (Enter utan text hoppar över):",
	AccReviewPrompt:     "Skriv numret på ett påstående för att svara på det, eller tryck Enter för att avsluta och se resultatet:",
	AccNothingOpen:      "Alla påståenden är besvarade.",
	AccYes:              "Ja",
	AccNo:               "Nej",
	AccBackKey:          "t",
	AccNumberInvalid:    "Skriv ett av numren i listan, eller tryck Enter.",
}
