package ui

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"digikomp/store"
	"digikomp/survey"
)

// memWorkshops is the workshop half of memStore (the list itself is
// memGroup's, memstore_group_test.go), with the semantics of
// store.Store's workshop methods: a facilitator PIN of 4–64 characters
// required, wrong tries counted with the profiles' wait, attempts
// indexed by workshop, the managers' answer only for a manager.
type memWorkshops struct {
	list     []*memWorkshop
	attempts map[store.AttemptID]string // attempt → workshop
	manager  map[store.AttemptID]string
	checks   int // tries judged
	accepted int // tries judged right
}

type memWorkshop struct {
	w         store.Workshop
	pin       string
	failures  int
	waitUntil time.Time
}

func (s *memStore) workshop(id string) *memWorkshop {
	for _, w := range s.ws.list {
		if w.w.ID == id {
			return w
		}
	}
	return nil
}

func (s *memStore) AddWorkshop(w store.Workshop, pin string, at time.Time) (store.Workshop, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if strings.TrimSpace(w.Name) == "" || strings.TrimSpace(w.Round) == "" || utf8.RuneCountInString(w.Name) > store.MaxWorkshopName {
		return store.Workshop{}, memErr(fmt.Errorf("%w: workshop", store.ErrInvalid))
	}
	if n := utf8.RuneCountInString(pin); n < memPINMin || n > memPINMax {
		return store.Workshop{}, memErr(fmt.Errorf("%w: facilitator PIN", store.ErrInvalid))
	}
	if s.writeFails() {
		return store.Workshop{}, s.record(storeCall{op: "add workshop", err: s.failure()})
	}
	s.seq++
	w.ID = fmt.Sprintf("w%04d", s.seq)
	w.Created, w.Protected = at, true
	if w.ClearAfter == 0 {
		w.ClearAfter = store.DefaultClearAfter
	}
	s.ws.list = append(s.ws.list, &memWorkshop{w: w, pin: pin})
	s.groups().workshops = append([]store.Workshop{w}, s.groups().workshops...)
	return w, s.record(storeCall{op: "add workshop", statement: w.ID})
}

func (s *memStore) SetFacilitatorPIN(id, pin string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.workshop(id)
	if w == nil {
		return memErr(store.ErrNoWorkshop)
	}
	if n := utf8.RuneCountInString(pin); n < memPINMin || n > memPINMax {
		return memErr(fmt.Errorf("%w: facilitator PIN", store.ErrInvalid))
	}
	w.pin, w.failures, w.waitUntil, w.w.Protected = pin, 0, time.Time{}, true
	for i := range s.groups().workshops {
		if s.groups().workshops[i].ID == id {
			s.groups().workshops[i].Protected = true
		}
	}
	return s.record(storeCall{op: "set facilitator pin", statement: id})
}

func (s *memStore) CheckFacilitatorPIN(id, pin string, at time.Time) (store.PINCheck, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.workshop(id)
	if w == nil {
		return store.PINCheck{}, memErr(store.ErrNoWorkshop)
	}
	if !w.w.Protected {
		return store.PINCheck{}, store.ErrNoFacilitatorPIN
	}
	if at.Before(w.waitUntil) {
		return store.PINCheck{Failures: w.failures, WaitUntil: w.waitUntil}, memErr(store.ErrPINWait)
	}
	s.ws.checks++
	if pin == w.pin {
		s.ws.accepted++
		w.failures, w.waitUntil = 0, time.Time{}
		return store.PINCheck{OK: true}, nil
	}
	w.failures++
	w.waitUntil = time.Time{}
	if d := memWait(w.failures); d > 0 {
		w.waitUntil = at.Add(d)
	}
	return store.PINCheck{Failures: w.failures, WaitUntil: w.waitUntil}, nil
}

func (s *memStore) StartWorkshopAttempt(wid, profileID string, q *survey.Questionnaire, at time.Time) (store.Attempt, error) {
	s.mu.Lock()
	known := s.workshop(wid) != nil
	s.mu.Unlock()
	if !known {
		return store.Attempt{}, memErr(store.ErrNoWorkshop)
	}
	a, err := s.StartAttempt(profileID, q, at)
	if err != nil {
		return a, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ws.attempts == nil {
		s.ws.attempts = map[store.AttemptID]string{}
	}
	s.ws.attempts[a.ID] = wid
	a.Workshop = wid
	return a, nil
}

func (s *memStore) SaveManagerAnswer(id store.AttemptID, answer string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.attempts[id]
	switch {
	case !ok:
		return memErr(fmt.Errorf("%w: attempt %s", store.ErrNotFound, id))
	case answer != "" && !survey.ValidManagerAnswer(answer):
		return memErr(fmt.Errorf("%w: managers' answer %q", store.ErrInvalid, answer))
	case answer != "" && !survey.IsManager(a.Background):
		return memErr(fmt.Errorf("%w: only a manager answers", store.ErrInvalid))
	}
	if s.writeFails() {
		return s.record(storeCall{op: "manager", id: id, err: s.failure()})
	}
	if s.ws.manager == nil {
		s.ws.manager = map[store.AttemptID]string{}
	}
	s.ws.manager[id] = answer
	return s.record(storeCall{op: "manager", id: id, statement: answer})
}
