package store

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.etcd.io/bbolt"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"digikomp/survey"
)

// unsafePutProfile records a profile created at the given time that no
// one named: the default profile, or one that came with imported
// attempts. The latter is named after its id (see nameForID).
func unsafePutProfile(b *bbolt.Bucket, id string, created time.Time) error {
	p := profileRecord{ID: id, Created: secondsOf(created)}
	if id != LocalProfile {
		name, err := unsafeNameForID(b, id)
		if err != nil {
			return err
		}
		p.Name = name
	}
	return unsafeSaveProfile(b, p)
}

// unsafePutImportedProfile is unsafePutProfile for a profile that came
// with imported attempts. The names taken are read once per transaction,
// so an import of thousands of profiles does not read every profile for
// each one.
func unsafePutImportedProfile(b buckets, id string, created time.Time) error {
	if b.cache.names == nil {
		b.cache.names = map[string]bool{}
		err := b.profiles.ForEach(func(k, v []byte) error {
			if anonymousRecord(v) {
				return nil
			}
			if p, err := decodeProfile(v); err == nil && p.Name != "" {
				b.cache.names[foldName(p.Name)] = true
			}
			return nil
		})
		if err != nil {
			b.cache.names = nil
			return err
		}
	}
	p := profileRecord{ID: id, Created: secondsOf(created)}
	if id != LocalProfile {
		p.Name = nameFor(id, b.cache.names)
	}
	return unsafeSaveProfile(b.profiles, p)
}

// unsafeSaveProfile writes a profile record under its id.
func unsafeSaveProfile(b *bbolt.Bucket, p profileRecord) error {
	raw, err := encodeProfile(p)
	if err != nil {
		return err
	}
	if err := b.Put([]byte(p.ID), raw); err != nil {
		return fmt.Errorf("put profile %q: %w", p.ID, err)
	}
	return nil
}

// unsafeProfileExists reports whether the profile was created.
func unsafeProfileExists(b *bbolt.Bucket, id string) bool {
	return b.Get([]byte(id)) != nil
}

// unsafeNameForID names a profile that has only an id (one of a file of
// schema 3 or older, or one that came with imported attempts): its id as
// a clean name, "profil" if nothing of it is left, with " 2", " 3", …
// added while another profile has the name.
func unsafeNameForID(b *bbolt.Bucket, id string) (string, error) {
	taken := map[string]bool{}
	err := b.ForEach(func(k, v []byte) error {
		if anonymousRecord(v) {
			return nil
		}
		if p, err := decodeProfile(v); err == nil && p.Name != "" {
			taken[foldName(p.Name)] = true
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	return nameFor(id, taken), nil
}

// nameFor is unsafeNameForID's choice given the names taken (folded); it
// adds the name it returns to taken.
func nameFor(id string, taken map[string]bool) string {
	base, err := cleanName(truncateRunes(id, maxNameRunes))
	if err != nil {
		base = "profil"
	}
	name := base
	for n := 2; taken[foldName(name)]; n++ {
		suffix := " " + strconv.Itoa(n)
		name = truncateRunes(base, maxNameRunes-utf8.RuneCountInString(suffix)) + suffix
	}
	taken[foldName(name)] = true
	return name
}

// truncateRunes returns at most n characters of s.
func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// Profile is a person who takes the test, or the default profile.
type Profile struct {
	ID        string    // LocalProfile for the default profile; random hex for the others
	Name      string    // "" for the default and anonymous profiles; unique case-insensitively (after NFC)
	Created   time.Time // whole seconds
	Protected bool      // has a PIN
	Anonymous bool      // one anonymous attempt; never listed, never chosen again
}

// PINCheck is what CheckPIN found.
type PINCheck struct {
	OK        bool
	Failures  int       // consecutive wrong tries, kept in the file
	WaitUntil time.Time // no try is judged before this; zero if none
}

func (p profileRecord) profile() Profile {
	return Profile{ID: p.ID, Name: p.Name, Created: p.Created, Protected: p.PIN != nil, Anonymous: p.Anonymous}
}

// Profiles returns every profile but the anonymous ones: the default
// profile first, then the others by name in Swedish alphabetical order
// (å, ä, ö after z), names equal but for case by id.
func (s *Store) Profiles() (_ []Profile, err error) {
	defer s.withPath(&err)
	var list []Profile
	err = s.viewBuckets(func(b buckets) error {
		return b.profiles.ForEach(func(k, raw []byte) error {
			if anonymousRecord(raw) {
				return nil
			}
			p, err := unsafeDecodeProfile(k, raw)
			if err != nil {
				return err
			}
			if !p.Anonymous {
				list = append(list, p.profile())
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sortProfiles(list)
	return list, nil
}

// nameOrder is the order of names in lists.
var nameOrder = collate.New(language.Swedish)

var nameOrderMu sync.Mutex // a Collator is not safe for concurrent use

func sortProfiles(list []Profile) {
	nameOrderMu.Lock()
	defer nameOrderMu.Unlock()
	slices.SortFunc(list, func(a, b Profile) int {
		if (a.ID == LocalProfile) != (b.ID == LocalProfile) {
			if a.ID == LocalProfile {
				return -1
			}
			return 1
		}
		if c := nameOrder.CompareString(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// anonymousRecord reports whether raw is, by its flags, the record of an
// anonymous profile, which has no name and is never listed: the walks
// over every profile skip those without decoding them, since an import of
// a region's attempts brings one per attempt (100,000 of them). Verify
// still decodes each.
func anonymousRecord(raw []byte) bool {
	return len(raw) > 1 && raw[0] == profileFormat && raw[1]&profileAnonymous != 0
}

// unsafeDecodeProfile decodes the profile record under key k; a record
// that names another id is damage.
func unsafeDecodeProfile(k, raw []byte) (profileRecord, error) {
	p, err := decodeProfile(raw)
	if err != nil {
		return profileRecord{}, fmt.Errorf("profile %q: %w", survey.Visible(string(k)), err)
	}
	if p.ID != string(k) {
		return profileRecord{}, fmt.Errorf("%w: profile record %q names profile %q", ErrCorrupt, survey.Visible(string(k)), survey.Visible(p.ID))
	}
	return p, nil
}

// unsafeGetProfile returns the profile's record; ok is false if there is
// none.
func unsafeGetProfile(b *bbolt.Bucket, id string) (profileRecord, bool, error) {
	raw := b.Get([]byte(id))
	if raw == nil {
		return profileRecord{}, false, nil
	}
	p, err := unsafeDecodeProfile([]byte(id), raw)
	return p, err == nil, err
}

// Profile returns the profile with the given id, anonymous ones too.
func (s *Store) Profile(id string) (_ Profile, _ bool, err error) {
	defer s.withPath(&err)
	if id == "" {
		return Profile{}, false, nil
	}
	var p profileRecord
	var ok bool
	err = s.viewBuckets(func(b buckets) error {
		p, ok, err = unsafeGetProfile(b.profiles, id)
		return err
	})
	if err != nil || !ok {
		return Profile{}, false, err
	}
	return p.profile(), true, nil
}

// ProfileByName returns the profile with the given name, compared as
// names are kept (cleaned, NFC) and without regard to case. The default
// and anonymous profiles have no name and are never found by one.
func (s *Store) ProfileByName(name string) (_ Profile, _ bool, err error) {
	defer s.withPath(&err)
	clean, cerr := cleanName(name)
	if cerr != nil {
		return Profile{}, false, nil // no profile has such a name
	}
	var p profileRecord
	var ok bool
	err = s.viewBuckets(func(b buckets) error {
		p, ok, err = unsafeFindName(b.profiles, clean)
		return err
	})
	if err != nil || !ok {
		return Profile{}, false, err
	}
	return p.profile(), true, nil
}

// unsafeFindName returns the profile whose name folds to the same as
// name's. Profiles are few: they are walked.
func unsafeFindName(b *bbolt.Bucket, name string) (profileRecord, bool, error) {
	want := foldName(name)
	var found profileRecord
	var ok bool
	err := b.ForEach(func(k, raw []byte) error {
		if anonymousRecord(raw) {
			return nil
		}
		p, err := unsafeDecodeProfile(k, raw)
		if err != nil {
			return err
		}
		if p.Name != "" && foldName(p.Name) == want {
			found, ok = p, true
		}
		return nil
	})
	return found, ok, err
}

// newProfileID returns a random id of 16 hex characters that no profile
// of b has.
func newProfileID(b *bbolt.Bucket) string {
	for {
		var raw [8]byte
		_, _ = rand.Read(raw[:]) // never fails since Go 1.24
		id := hex.EncodeToString(raw[:])
		if b.Get([]byte(id)) == nil {
			return id
		}
	}
}

// AddProfile creates a named profile, protected by pin unless it is "".
// The name is cleaned (survey.CleanLine), trimmed and NFC-normalised, and
// must then have 1 to 40 characters and differ from every other
// profile's name without regard to case (ErrProfileExists); the PIN has 4
// to 64 characters. The new profile's id is random, so a later rename
// keeps its history.
func (s *Store) AddProfile(name, pin string, at time.Time) (_ Profile, err error) {
	defer s.withPath(&err)
	clean, err := cleanName(name)
	if err != nil {
		return Profile{}, err
	}
	if err := checkTime("creation time", at); err != nil {
		return Profile{}, err
	}
	rec := profileRecord{Name: clean, Created: secondsOf(at)}
	if pin != "" {
		if err := checkPIN(pin); err != nil {
			return Profile{}, err
		}
		rec.PIN = hashPIN(pin) // outside the transaction: it takes a while
	}
	err = s.updateBuckets(func(b buckets) error {
		if other, ok, err := unsafeFindName(b.profiles, clean); err != nil {
			return err
		} else if ok {
			return fmt.Errorf("%w: %q is the name of another profile (%s)", ErrProfileExists, clean, other.ID)
		}
		rec.ID = newProfileID(b.profiles)
		return unsafeSaveProfile(b.profiles, rec)
	})
	if err != nil {
		return Profile{}, err
	}
	return rec.profile(), nil
}

// AddAnonymous creates a profile for one anonymous attempt: no name, no
// PIN, never listed.
func (s *Store) AddAnonymous(at time.Time) (_ Profile, err error) {
	defer s.withPath(&err)
	if err := checkTime("creation time", at); err != nil {
		return Profile{}, err
	}
	rec := profileRecord{Created: secondsOf(at), Anonymous: true}
	err = s.updateBuckets(func(b buckets) error {
		rec.ID = newProfileID(b.profiles)
		return unsafeSaveProfile(b.profiles, rec)
	})
	if err != nil {
		return Profile{}, err
	}
	return rec.profile(), nil
}

// modifyProfile changes one profile's record in one transaction.
func (s *Store) modifyProfile(id string, change func(b *bbolt.Bucket, p *profileRecord) error) error {
	if err := checkID("profile id", id); err != nil {
		return err
	}
	return s.updateBuckets(func(b buckets) error {
		p, ok, err := unsafeGetProfile(b.profiles, id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: %q", ErrNoProfile, survey.Visible(id))
		}
		if err := change(b.profiles, &p); err != nil {
			return err
		}
		return unsafeSaveProfile(b.profiles, p)
	})
}

// RenameProfile gives a named profile another name, cleaned and checked
// as AddProfile does; its id, and so its history, stays. The default and
// anonymous profiles have no name to change (ErrInvalid).
func (s *Store) RenameProfile(id, name string) (err error) {
	defer s.withPath(&err)
	clean, err := cleanName(name)
	if err != nil {
		return err
	}
	return s.modifyProfile(id, func(b *bbolt.Bucket, p *profileRecord) error {
		if p.ID == LocalProfile || p.Anonymous {
			return fmt.Errorf("%w: this profile has no name to change", ErrInvalid)
		}
		if other, ok, err := unsafeFindName(b, clean); err != nil {
			return err
		} else if ok && other.ID != p.ID {
			return fmt.Errorf("%w: %q is the name of another profile (%s)", ErrProfileExists, clean, other.ID)
		}
		p.Name = clean
		return nil
	})
}

// SetPIN protects a profile with a new PIN of 4 to 64 characters, or
// removes its PIN when pin is "". Either way its count of wrong tries
// starts again. An anonymous profile cannot have one (ErrInvalid).
func (s *Store) SetPIN(id, pin string) (err error) {
	defer s.withPath(&err)
	var h *pinHash
	if pin != "" {
		if err := checkPIN(pin); err != nil {
			return err
		}
		h = hashPIN(pin)
	}
	return s.modifyProfile(id, func(_ *bbolt.Bucket, p *profileRecord) error {
		if p.Anonymous {
			return fmt.Errorf("%w: an anonymous profile has no PIN", ErrInvalid)
		}
		p.PIN, p.Failures, p.WaitUntil = h, 0, time.Time{}
		return nil
	})
}

// CheckPIN judges a try of a protected profile's PIN at the given time.
// A right try sets Failures back to 0; a wrong one counts, and beyond the
// third the next try waits 1 s, 2 s, 4 s … at most 30 s after it. A try
// before WaitUntil is not judged or counted: it returns ErrPINWait with
// the PINCheck saying until when. The count and the wait are kept in the
// file, so closing digikomp does not reset them. A profile without a PIN
// needs none: OK. The PIN is never stored, and no error quotes it.
func (s *Store) CheckPIN(id, pin string, at time.Time) (_ PINCheck, err error) {
	defer s.withPath(&err)
	if err := checkID("profile id", id); err != nil {
		return PINCheck{}, err
	}
	if err := checkTime("time of the try", at); err != nil {
		return PINCheck{}, err
	}
	// The key is derived outside the write transaction (it takes a
	// while), then judged in it against the record as it is then: another
	// window may have counted a try or changed the PIN meanwhile.
	for round := 0; ; round++ {
		var p profileRecord
		var ok bool
		err := s.viewBuckets(func(b buckets) error {
			p, ok, err = unsafeGetProfile(b.profiles, id)
			return err
		})
		if err != nil {
			return PINCheck{}, err
		}
		if !ok {
			return PINCheck{}, fmt.Errorf("%w: %q", ErrNoProfile, survey.Visible(id))
		}
		if p.PIN == nil {
			return PINCheck{OK: true}, nil
		}
		if at.Before(p.WaitUntil) {
			return PINCheck{Failures: p.Failures, WaitUntil: p.WaitUntil}, ErrPINWait
		}
		right := p.PIN.verify(pin)
		if right && p.Failures == 0 && p.WaitUntil.IsZero() {
			return PINCheck{OK: true}, nil // nothing to write, so a read-only file works too
		}
		var res PINCheck
		changed := false
		err = s.updateBuckets(func(b buckets) error {
			now, ok, err := unsafeGetProfile(b.profiles, id)
			switch {
			case err != nil:
				return err
			case !ok:
				return fmt.Errorf("%w: %q", ErrNoProfile, survey.Visible(id))
			case now.PIN == nil || !bytes.Equal(now.PIN.Salt, p.PIN.Salt):
				changed = true // the PIN changed meanwhile: judge again
				return nil
			case at.Before(now.WaitUntil):
				res = PINCheck{Failures: now.Failures, WaitUntil: now.WaitUntil}
				return ErrPINWait
			}
			if right {
				res = PINCheck{OK: true}
				if now.Failures == 0 && now.WaitUntil.IsZero() {
					return nil
				}
				now.Failures, now.WaitUntil = 0, time.Time{}
			} else {
				now.Failures = min(now.Failures+1, maxFailures)
				now.WaitUntil = time.Time{}
				if d := waitAfter(now.Failures); d > 0 {
					now.WaitUntil = at.Add(d)
				}
				res = PINCheck{Failures: now.Failures, WaitUntil: now.WaitUntil}
			}
			return unsafeSaveProfile(b.profiles, now)
		})
		if errors.Is(err, ErrPINWait) {
			return res, ErrPINWait
		}
		if err != nil {
			return PINCheck{}, err
		}
		if !changed || round == 3 {
			return res, nil
		}
	}
}
