package store

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"go.etcd.io/bbolt"
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
