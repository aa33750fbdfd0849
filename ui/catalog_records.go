package ui

// recordsCatalog holds the sentences about what the file keeps beside
// the attempts since schema 4: the questionnaire definitions an attempt
// is shown with, and the learning plans.
type recordsCatalog struct {
	// ResultNoQuestions: the file keeps the answers of the attempt but
	// not the questions they answer. Questionnaire id, version.
	ResultNoQuestions string
	CheckDefinition   string // questionnaire version's number
	CheckPlan         string // attempt
}

var recordsSV = recordsCatalog{
	ResultNoQuestions: "Frågorna som det här testet besvarades med finns inte sparade i filen, så resultatet kan inte visas med dem. Starta digikomp med samma frågor (%s, version %d) för att se det.",
	CheckDefinition:   "Den sparade beskrivningen av frågeversion nummer %s är skadad eller hör inte ihop med sina påståenden.",
	CheckPlan:         "Lärplanen för testet %s är skadad eller hör inte till något avslutat test.",
}

var recordsEN = recordsCatalog{
	ResultNoQuestions: "The questions this test was answered with are not kept in the file, so its result cannot be shown with them. Start digikomp with the same questions (%s, version %d) to see it.",
	CheckDefinition:   "The stored definition of questionnaire version number %s is damaged or does not match its statements.",
	CheckPlan:         "The learning plan of test %s is damaged or belongs to no finished test.",
}
