package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"digikomp/survey"

	"go.etcd.io/bbolt"
)

func TestProfileRecord(t *testing.T) {
	s := newStore(t)
	err := s.view(func(tx *bbolt.Tx) error {
		b := tx.Bucket(profilesBucket)
		if unsafeProfileExists(b, "someone") {
			t.Error("unknown profile exists")
		}
		p, err := decodeProfile(b.Get([]byte(LocalProfile)))
		if err != nil {
			return err
		}
		if p.ID != LocalProfile || p.Name != "" || p.Created.IsZero() {
			t.Errorf("local profile record %+v", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The test suite hashes PINs with the cheapest argon2id parameters the
// record accepts; BenchmarkPINHash measures the real ones.
func init() { cheapPINs = true }

func TestAddAndListProfiles(t *testing.T) {
	s := newStore(t)
	list, err := s.Profiles()
	if err != nil || len(list) != 1 || list[0].ID != LocalProfile || list[0].Name != "" {
		t.Fatalf("a new file's profiles: %+v, %v", list, err)
	}
	for _, name := range []string{"Örjan", "anna", "Åsa", "Bertil", "zäta"} {
		if _, err := s.AddProfile(name, "", t0); err != nil {
			t.Fatalf("AddProfile(%q): %v", name, err)
		}
	}
	anon, err := s.AddAnonymous(t0)
	if err != nil || !anon.Anonymous || anon.Name != "" || anon.ID == "" {
		t.Fatalf("AddAnonymous: %+v, %v", anon, err)
	}
	list, err = s.Profiles()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range list {
		names = append(names, p.Name)
		if p.Anonymous || p.ID == anon.ID {
			t.Error("an anonymous profile is listed")
		}
	}
	// Swedish order: å, ä, ö after z; the default profile first.
	if want := []string{"", "anna", "Bertil", "zäta", "Åsa", "Örjan"}; !slices.Equal(names, want) {
		t.Errorf("order %q, want %q", names, want)
	}
	if p, ok, err := s.Profile(anon.ID); err != nil || !ok || !p.Anonymous {
		t.Errorf("Profile(anonymous) = %+v, %v, %v", p, ok, err)
	}
	if _, ok, err := s.Profile("nobody"); ok || err != nil {
		t.Errorf("Profile(nobody) = %v, %v", ok, err)
	}
	// Attempts can be started for every kind of profile.
	for _, id := range []string{list[1].ID, anon.ID} {
		if _, err := s.StartAttempt(id, testQ, t0); err != nil {
			t.Errorf("StartAttempt(%s): %v", id, err)
		}
	}
	s = reopen(t, s)
	if again, err := s.Profiles(); err != nil || !slices.Equal(again, list) {
		t.Errorf("after reopening: %+v, %v; want %+v", again, err, list)
	}
}

func TestProfileIDsAreRandomHex(t *testing.T) {
	s := newStore(t)
	seen := map[string]bool{}
	for i := range 20 {
		p, err := s.AddProfile(fmt.Sprintf("person %d", i), "", t0)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.ID) != 16 || strings.Trim(p.ID, "0123456789abcdef") != "" || seen[p.ID] {
			t.Errorf("id %q", p.ID)
		}
		seen[p.ID] = true
		if p.Created != t0 || p.Protected || p.Anonymous {
			t.Errorf("profile %+v", p)
		}
	}
}

func TestProfileNames(t *testing.T) {
	s := newStore(t)
	long := strings.Repeat("å", 40)
	tests := []struct {
		in, want string
		err      error
	}{
		{"  Anna  ", "Anna", nil},
		{"A\u030angela", "Ångela", nil},                   // NFC
		{"\x1b]0;title\x07Eve\u202e", "]0;titleEve", nil}, // cleaned of controls and overrides
		{"Tab\there", "Tab here", nil},
		{long, long, nil},
		{long + "a", "", ErrInvalid},
		{strings.Repeat("x", 1<<20), "", ErrInvalid},
		{"", "", ErrInvalid},
		{"   ", "", ErrInvalid},
		{"\x1b\x07\u202e", "", ErrInvalid},
		{"\xff\xfe", "", ErrInvalid},
		{"ANNA", "", ErrProfileExists},   // case-insensitive
		{"ångela", "", ErrProfileExists}, // after NFC too
	}
	for _, tt := range tests {
		p, err := s.AddProfile(tt.in, "", t0)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("AddProfile(%q) = %+v, %v; want %v", survey.Visible(tt.in[:min(len(tt.in), 50)]), p, err, tt.err)
			}
			continue
		}
		if err != nil || p.Name != tt.want {
			t.Errorf("AddProfile(%q) = %q, %v; want %q", survey.Visible(tt.in), p.Name, err, tt.want)
			continue
		}
		if got, ok, err := s.ProfileByName(strings.ToUpper(tt.in)); err != nil || !ok || got.ID != p.ID {
			t.Errorf("ProfileByName(%q) = %+v, %v, %v", strings.ToUpper(tt.in), got, ok, err)
		}
	}
	for _, name := range []string{"", "nobody", strings.Repeat("y", 1000), "\x1b"} {
		if _, ok, err := s.ProfileByName(name); ok || err != nil {
			t.Errorf("ProfileByName(%q) = %v, %v", name, ok, err)
		}
	}
}

func TestRenameProfileKeepsHistory(t *testing.T) {
	s := newStore(t)
	p, err := s.AddProfile("Anna", "", t0)
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.AddProfile("Bertil", "", t0)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.StartAttempt(p.ID, testQ, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(a.ID, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameProfile(p.ID, "  Anna-Karin "); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameProfile(p.ID, "anna-karin"); err != nil {
		t.Errorf("renaming to the same name in another case: %v", err)
	}
	got, ok, err := s.ProfileByName("ANNA-KARIN")
	if err != nil || !ok || got.ID != p.ID || got.Name != "anna-karin" {
		t.Errorf("after renaming: %+v, %v, %v", got, ok, err)
	}
	if _, ok, _ := s.ProfileByName("Anna"); ok {
		t.Error("the old name still finds the profile")
	}
	if l, ok, err := s.LatestFinished(p.ID); err != nil || !ok || l.ID != a.ID {
		t.Errorf("the history did not follow the rename: %v, %v", ok, err)
	}
	for _, tt := range []struct {
		id, name string
		want     error
	}{
		{p.ID, "bertil", ErrProfileExists},
		{p.ID, "", ErrInvalid},
		{LocalProfile, "Local", ErrInvalid},
		{"nobody", "X", ErrNoProfile},
		{"", "X", ErrInvalid},
	} {
		if err := s.RenameProfile(tt.id, tt.name); !errors.Is(err, tt.want) {
			t.Errorf("RenameProfile(%q, %q) = %v, want %v", tt.id, tt.name, err, tt.want)
		}
	}
	if !errors.Is(ErrNoProfile, ErrNotFound) {
		t.Error("ErrNoProfile is not ErrNotFound")
	}
	anon, err := s.AddAnonymous(t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RenameProfile(anon.ID, "Named"); !errors.Is(err, ErrInvalid) {
		t.Errorf("renaming an anonymous profile: %v", err)
	}
	if b, _, _ := s.Profile(other.ID); b.Name != "Bertil" {
		t.Errorf("the other profile changed: %+v", b)
	}
}

// Profiles that come with imported attempts are named after their ids,
// with a number where another profile has the name in another case.
func TestImportedProfilesAreNamed(t *testing.T) {
	s := newStore(t)
	if _, err := s.AddProfile("Anna", "", t0); err != nil {
		t.Fatal(err)
	}
	var attempts []Attempt
	for _, id := range []string{"anna", "ANNA", "bertil", strings.Repeat("x", 60)} {
		attempts = append(attempts, Attempt{ProfileID: id, Started: t0, Finished: t0.Add(time.Minute)})
	}
	if err := s.Import(testQ, attempts); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"anna": "anna 2", "ANNA": "ANNA 3", "bertil": "bertil", strings.Repeat("x", 60): strings.Repeat("x", 40)}
	for id, name := range want {
		if p, ok, err := s.Profile(id); err != nil || !ok || p.Name != name {
			t.Errorf("profile %q: %+v, %v, %v; want the name %q", id, p, ok, err, name)
		}
	}
}
