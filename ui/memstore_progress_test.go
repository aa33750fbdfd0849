package ui

import (
	"bytes"
	"slices"

	"digikomp/store"
)

// Attempts returns the profile's attempts, finished ones and the
// unfinished one, oldest start first, as store.Attempts does: ids begin
// with the start time.
func (s *memStore) Attempts(profileID string) ([]store.Attempt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.read(profileID); err != nil {
		return nil, err
	}
	var list []store.Attempt
	for _, a := range s.attempts {
		if a.ProfileID == profileID {
			list = append(list, copyAttempt(a))
		}
	}
	slices.SortFunc(list, func(x, y store.Attempt) int { return bytes.Compare(x.ID[:], y.ID[:]) })
	return list, nil
}
