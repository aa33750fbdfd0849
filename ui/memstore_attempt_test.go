package ui

import (
	"fmt"

	"digikomp/store"
)

// Attempt returns one attempt by id, finished or not, as store.Attempt
// does: ErrNotFound when there is none.
func (s *memStore) Attempt(id store.AttemptID) (store.Attempt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id.IsZero() {
		return store.Attempt{}, memErr(fmt.Errorf("%w: empty attempt id", store.ErrInvalid))
	}
	if s.failRead {
		s.failRead = false
		return store.Attempt{}, memErr(fmt.Errorf("%w: bad page", store.ErrCorrupt))
	}
	a, ok := s.attempts[id]
	if !ok {
		return store.Attempt{}, memErr(fmt.Errorf("%w: attempt %s", store.ErrNotFound, id))
	}
	return copyAttempt(a), nil
}
