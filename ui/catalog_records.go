package ui

// recordsCatalog holds the sentences about what the file keeps beside
// the attempts since schema 4: the questionnaire definitions an attempt
// is shown with, and the learning plans.
type recordsCatalog struct {
	CheckDefinition string // questionnaire version's number
	CheckPlan       string // attempt
}

var recordsSV = recordsCatalog{
	CheckDefinition: "Den sparade beskrivningen av frågeversion nummer %s är skadad eller hör inte ihop med sina påståenden.",
	CheckPlan:       "Lärplanen för testet %s är skadad eller hör inte till något avslutat test.",
}

var recordsEN = recordsCatalog{
	CheckDefinition: "The stored definition of questionnaire version number %s is damaged or does not match its statements.",
	CheckPlan:       "The learning plan of test %s is damaged or belongs to no finished test.",
}
