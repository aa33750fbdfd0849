package ui

// recordsCatalog holds the sentences about what the file keeps beside
// the attempts since schema 4: the questionnaire definitions an attempt
// is shown with, and the learning plans.
type recordsCatalog struct {
	CheckDefinition string // questionnaire version's number
	CheckPlan       string // attempt
	// Since schema 5 (workshops).
	CheckWorkshop      string // workshop id
	CheckWorkshopIndex string // index key in hex
	CheckExtra         string // attempt
}

var recordsSV = recordsCatalog{
	CheckDefinition: "Den sparade beskrivningen av frågeversion nummer %s är skadad eller hör inte ihop med sina påståenden.",
	CheckPlan:       "Lärplanen för testet %s är skadad eller hör inte till något avslutat test.",

	CheckWorkshop:      "Uppgifterna om träffen %s är skadade.",
	CheckWorkshopIndex: "Registret över träffarnas test har posten %s, som pekar på en träff eller ett test som saknas.",
	CheckExtra:         "Träffen eller chefsfrågans svar för testet %s är skadade eller stämmer inte med resten av filen.",
}

var recordsEN = recordsCatalog{
	CheckDefinition: "The stored definition of questionnaire version number %s is damaged or does not match its statements.",
	CheckPlan:       "The learning plan of test %s is damaged or belongs to no finished test.",

	CheckWorkshop:      "The record of workshop %s is damaged.",
	CheckWorkshopIndex: "The index of the workshops' tests has the entry %s, which points to a missing workshop or test.",
	CheckExtra:         "The workshop or managers' answer of test %s is damaged or does not agree with the rest of the file.",
}
