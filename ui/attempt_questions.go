package ui

import (
	"fmt"

	"digikomp/store"
	"digikomp/survey"
)

// attemptQuestionnaire picks the questionnaire a finished attempt is
// shown and scored with: the definition the file keeps of the version it
// was taken with, else the loaded questionnaire when it is that very id
// and version (the file has checked its shape), else nil: the file keeps
// the attempt's answers but not its questions (a version first met before
// schema 4, not loaded now).
func attemptQuestionnaire(st Store, loaded *survey.Questionnaire, a store.Attempt) (*survey.Questionnaire, error) {
	q, ok, err := st.Definition(a.QuestionnaireID, a.QuestionnaireVersion)
	switch {
	case err != nil:
		return nil, err
	case ok:
		return q, nil
	case loaded != nil && loaded.ID == a.QuestionnaireID && loaded.Version == a.QuestionnaireVersion:
		return loaded, nil
	}
	return nil, nil
}

// questionsOf picks the questionnaire of each attempt of a list, reading
// each questionnaire version once.
type questionsOf struct {
	st     Store
	loaded *survey.Questionnaire
	seen   map[string]*survey.Questionnaire
}

func newQuestionsOf(st Store, loaded *survey.Questionnaire) *questionsOf {
	return &questionsOf{st: st, loaded: loaded, seen: map[string]*survey.Questionnaire{}}
}

// taken pairs a with the questionnaire it was taken with when the file or
// the loaded questions have it; otherwise with the loaded questionnaire,
// which scores it on the statements the two share (own is false, and the
// result screen says so).
func (qo *questionsOf) taken(a store.Attempt) (taken, error) {
	key := fmt.Sprintf("%s\x00%d", a.QuestionnaireID, a.QuestionnaireVersion)
	q, ok := qo.seen[key]
	if !ok {
		var err error
		if q, err = attemptQuestionnaire(qo.st, qo.loaded, a); err != nil {
			return taken{}, err
		}
		qo.seen[key] = q
	}
	if q == nil {
		return takenWith(a, qo.loaded), nil
	}
	return newTaken(a, q, true), nil
}
