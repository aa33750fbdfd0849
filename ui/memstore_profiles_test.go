package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"digikomp/store"
)

// memProfiles is the profile half of memStore: names, PINs, wrong tries
// and the settings, with the semantics of store.Store's profile methods
// (CONTRACT.md): names unique case-insensitively, wrong tries counted and
// beyond the third a growing wait (1 s, 2 s, 4 s … 30 s) before which no
// try is judged (ErrPINWait), anonymous profiles never listed.
type memProfiles struct {
	records  map[string]*memProfile // by id; the default profile has none until named
	settings *store.Settings
	// accepted lists, in order, the profiles whose PIN CheckPIN accepted,
	// for the fuzz target's checks.
	accepted []string
	// checks counts CheckPIN calls that judged a try.
	checks int
}

type memProfile struct {
	p         store.Profile
	pin       string
	failures  int
	waitUntil time.Time
}

// memPINMin and memPINMax bound a PIN's length in characters.
const (
	memPINMin = 4
	memPINMax = 64
)

func (s *memStore) pr() *memProfiles {
	if s.prof.records == nil {
		s.prof.records = map[string]*memProfile{}
	}
	return &s.prof
}

func memFold(name string) string { return strings.ToLower(norm.NFC.String(name)) }

func memCheckName(name string) error {
	if strings.TrimSpace(name) == "" || utf8.RuneCountInString(name) > 40 || !utf8.ValidString(name) ||
		strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }) || name != strings.TrimSpace(name) {
		return fmt.Errorf("%w: profile name %q", store.ErrInvalid, name)
	}
	return nil
}

func memCheckPIN(pin string) error {
	if n := utf8.RuneCountInString(pin); pin != "" && (n < memPINMin || n > memPINMax || !utf8.ValidString(pin)) {
		return fmt.Errorf("%w: PIN of %d characters", store.ErrInvalid, n)
	}
	return nil
}

// profile returns the profile with id, the default one included.
func (s *memStore) profile(id string) (store.Profile, bool) {
	if r, ok := s.pr().records[id]; ok {
		return r.p, true
	}
	if s.profiles[id] {
		return store.Profile{ID: id}, true
	}
	return store.Profile{}, false
}

func (s *memStore) nameTaken(name, except string) bool {
	for id, r := range s.pr().records {
		if id != except && !r.p.Anonymous && r.p.Name != "" && memFold(r.p.Name) == memFold(name) {
			return true
		}
	}
	return false
}

func (s *memStore) Profiles() ([]store.Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.read(store.LocalProfile); err != nil {
		return nil, err
	}
	var out []store.Profile
	for id := range s.profiles {
		if p, _ := s.profile(id); !p.Anonymous {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b store.Profile) int {
		if (a.ID == store.LocalProfile) != (b.ID == store.LocalProfile) {
			if a.ID == store.LocalProfile {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(memFold(a.Name), memFold(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

func (s *memStore) Profile(id string) (store.Profile, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.read(store.LocalProfile); err != nil {
		return store.Profile{}, false, err
	}
	p, ok := s.profile(id)
	return p, ok, nil
}

func (s *memStore) ProfileByName(name string) (store.Profile, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.pr().records {
		if !r.p.Anonymous && r.p.Name != "" && memFold(r.p.Name) == memFold(name) {
			return r.p, true, nil
		}
	}
	return store.Profile{}, false, nil
}

func (s *memStore) AddProfile(name, pin string, at time.Time) (store.Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := func() error {
		if err := memCheckName(name); err != nil {
			return err
		}
		if err := memCheckPIN(pin); err != nil {
			return err
		}
		if err := memCheckTime("creation time", at); err != nil {
			return err
		}
		if s.writeFails() {
			return s.failure()
		}
		if s.nameTaken(name, "") {
			return fmt.Errorf("%w: %q", store.ErrProfileExists, name)
		}
		return nil
	}()
	if err != nil {
		return store.Profile{}, s.record(storeCall{op: "add profile", err: err})
	}
	s.seq++
	p := store.Profile{ID: fmt.Sprintf("%016x", s.seq), Name: norm.NFC.String(name), Created: time.Unix(at.Unix(), 0).UTC(), Protected: pin != ""}
	s.pr().records[p.ID] = &memProfile{p: p, pin: pin}
	s.profiles[p.ID] = true
	_ = s.record(storeCall{op: "add profile"})
	return p, nil
}

func (s *memStore) AddAnonymous(at time.Time) (store.Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := memCheckTime("creation time", at); err != nil {
		return store.Profile{}, s.record(storeCall{op: "add anonymous", err: err})
	}
	if s.writeFails() {
		return store.Profile{}, s.record(storeCall{op: "add anonymous", err: s.failure()})
	}
	s.seq++
	p := store.Profile{ID: fmt.Sprintf("a%015x", s.seq), Created: time.Unix(at.Unix(), 0).UTC(), Anonymous: true}
	s.pr().records[p.ID] = &memProfile{p: p}
	s.profiles[p.ID] = true
	_ = s.record(storeCall{op: "add anonymous"})
	return p, nil
}

// named returns the record of a profile that may be changed, making one
// for the default profile.
func (s *memStore) named(id string) (*memProfile, error) {
	if r, ok := s.pr().records[id]; ok {
		if r.p.Anonymous {
			return nil, fmt.Errorf("%w: profile %q is anonymous", store.ErrInvalid, id)
		}
		return r, nil
	}
	if !s.profiles[id] {
		return nil, fmt.Errorf("%w: %q", store.ErrNoProfile, id)
	}
	r := &memProfile{p: store.Profile{ID: id}}
	s.pr().records[id] = r
	return r, nil
}

func (s *memStore) RenameProfile(id, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := func() error {
		if err := memCheckName(name); err != nil {
			return err
		}
		if s.writeFails() {
			return s.failure()
		}
		if id == store.LocalProfile {
			return fmt.Errorf("%w: this profile has no name to change", store.ErrInvalid)
		}
		r, err := s.named(id)
		if err != nil {
			return err
		}
		if s.nameTaken(name, id) {
			return fmt.Errorf("%w: %q", store.ErrProfileExists, name)
		}
		r.p.Name = norm.NFC.String(name)
		return nil
	}()
	return s.record(storeCall{op: "rename profile", err: err})
}

func (s *memStore) SetPIN(id, pin string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := func() error {
		if err := memCheckPIN(pin); err != nil {
			return err
		}
		if s.writeFails() {
			return s.failure()
		}
		r, err := s.named(id)
		if err != nil {
			return err
		}
		r.pin, r.p.Protected, r.failures, r.waitUntil = pin, pin != "", 0, time.Time{}
		return nil
	}()
	return s.record(storeCall{op: "set pin", err: err})
}

// memWait is the wait after the n-th wrong try in a row.
func memWait(n int) time.Duration {
	if n <= 3 {
		return 0
	}
	return min(30*time.Second, time.Second<<min(n-4, 5))
}

func (s *memStore) CheckPIN(id, pin string, at time.Time) (store.PINCheck, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.pr().records[id]
	if !ok || !r.p.Protected {
		if _, ok := s.profile(id); !ok {
			return store.PINCheck{}, memErr(fmt.Errorf("%w: %q", store.ErrNoProfile, id))
		}
		return store.PINCheck{OK: true}, nil
	}
	if at.Before(r.waitUntil) {
		return store.PINCheck{Failures: r.failures, WaitUntil: r.waitUntil}, memErr(store.ErrPINWait)
	}
	if s.writeFails() {
		return store.PINCheck{}, s.record(storeCall{op: "check pin", statement: id, err: s.failure()})
	}
	s.prof.checks++
	if pin == r.pin {
		r.failures, r.waitUntil = 0, time.Time{}
		s.prof.accepted = append(s.prof.accepted, id)
		return store.PINCheck{OK: true}, s.record(storeCall{op: "check pin", statement: id})
	}
	r.failures++
	r.waitUntil = time.Time{}
	if w := memWait(r.failures); w > 0 {
		r.waitUntil = at.Add(w)
	}
	return store.PINCheck{Failures: r.failures, WaitUntil: r.waitUntil}, s.record(storeCall{op: "check pin", statement: id})
}

func (s *memStore) DeleteProfile(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := func() error {
		if s.writeFails() {
			return s.failure()
		}
		if _, ok := s.profile(id); !ok {
			return fmt.Errorf("%w: %q", store.ErrNoProfile, id)
		}
		for aid, a := range s.attempts {
			if a.ProfileID == id {
				delete(s.attempts, aid)
			}
		}
		delete(s.unfinished, id)
		delete(s.pr().records, id)
		if id != store.LocalProfile {
			delete(s.profiles, id)
		}
		return nil
	}()
	return s.record(storeCall{op: "delete profile", statement: id, err: err})
}

func (s *memStore) Settings() (store.Settings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.prof.settings == nil {
		return store.Settings{RetakeAfter: store.DefaultRetakeAfter}, nil
	}
	return *s.prof.settings, nil
}

func (s *memStore) SaveSettings(set store.Settings) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := func() error {
		if set.RetakeAfter%(24*time.Hour) != 0 || set.RetakeAfter < 24*time.Hour || set.RetakeAfter > 3650*24*time.Hour {
			return fmt.Errorf("%w: retake after %v", store.ErrInvalid, set.RetakeAfter)
		}
		if s.writeFails() {
			return s.failure()
		}
		return nil
	}()
	if err == nil {
		s.prof.settings = &set
	}
	return s.record(storeCall{op: "settings", err: err})
}
