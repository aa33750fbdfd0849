package store

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// sameDefinition compares two questionnaires by their canonical
// encoding.
func sameDefinition(t *testing.T, got, want *survey.Questionnaire) {
	t.Helper()
	g, err := survey.EncodeDefinition(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := survey.EncodeDefinition(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g, w) {
		t.Fatalf("definition differs: got %s %d %q, want %s %d %q", got.ID, got.Version, got.Title.SV, want.ID, want.Version, want.Title.SV)
	}
}

func TestStartAttemptKeepsTheDefinition(t *testing.T) {
	s := newStore(t)
	if _, ok, err := s.Definition(testQ.ID, testQ.Version); ok || err != nil {
		t.Fatalf("Definition before any attempt = %v, %v", ok, err)
	}
	a := start(t, s, t0)
	s = reopen(t, s)
	q, ok, err := s.Definition(testQ.ID, testQ.Version)
	if err != nil || !ok {
		t.Fatalf("Definition = %v, %v", ok, err)
	}
	sameDefinition(t, q, testQ)

	// Kept from the first attempt on: a later start of the same version
	// with other wording (allowed: same shape) does not replace it.
	if err := s.Discard(a.ID); err != nil {
		t.Fatal(err)
	}
	reworded := testQ.Clone()
	reworded.Title = tx("Omformulerad")
	reworded.Statements[0].Text = tx("Annan lydelse")
	if _, err := s.StartAttempt(LocalProfile, reworded, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	q, _, err = s.Definition(testQ.ID, testQ.Version)
	if err != nil {
		t.Fatal(err)
	}
	sameDefinition(t, q, testQ)

	// Each copy is the caller's own.
	q.Statements[0].Text.SV = "ändrad"
	if q2, _, _ := s.Definition(testQ.ID, testQ.Version); q2.Statements[0].Text.SV == "ändrad" {
		t.Error("Definition returned shared memory")
	}
}

func TestImportKeepsTheDefinition(t *testing.T) {
	s := newStore(t)
	other := testQ.Clone()
	other.ID, other.Version = "importerad", 7
	a := Attempt{ProfileID: "p", Started: t0, Finished: t0.Add(time.Hour)}
	if err := s.Import(other, []Attempt{a}); err != nil {
		t.Fatal(err)
	}
	q, ok, err := s.Definition("importerad", 7)
	if err != nil || !ok {
		t.Fatalf("Definition = %v, %v", ok, err)
	}
	sameDefinition(t, q, other)
	// The loaded questions (testQ) are another version: not returned.
	if _, ok, err := s.Definition(testQ.ID, testQ.Version); ok || err != nil {
		t.Fatalf("Definition of a version never stored = %v, %v", ok, err)
	}
}

// A questionnaire that no questions file could hold is refused before
// anything is written: its definition could not be kept.
func TestStartAttemptRefusesAnInvalidQuestionnaire(t *testing.T) {
	s := newStore(t)
	bad := testQ.Clone()
	bad.ID = "utan-text"
	bad.Statements[0].Text = survey.Text{}
	if _, err := s.StartAttempt(LocalProfile, bad, t0); !errors.Is(err, ErrInvalid) {
		t.Fatalf("StartAttempt of a statement without text: %v, want ErrInvalid", err)
	}
	if ok, err := s.HasQuestionnaire(bad.ID, bad.Version); ok || err != nil {
		t.Fatalf("its shape was kept: %v, %v", ok, err)
	}
	if _, ok, _ := s.Unfinished(LocalProfile); ok {
		t.Fatal("an attempt was started")
	}
}

func TestDefinitionArguments(t *testing.T) {
	s := newStore(t)
	for _, tc := range []struct {
		id      string
		version int
	}{{"", 1}, {"a\x00b", 1}, {"x", 0}, {"x", -1}, {"x", 1 << 33}} {
		if _, _, err := s.Definition(tc.id, tc.version); !errors.Is(err, ErrInvalid) {
			t.Errorf("Definition(%q, %d) = %v, want ErrInvalid", tc.id, tc.version, err)
		}
	}
}

// A definition that does not decode, or that differs from the shape it
// is stored under, is damage.
func TestDamagedDefinition(t *testing.T) {
	other := testQ.Clone()
	other.ID = "annan"
	otherRaw, err := survey.EncodeDefinition(other)
	if err != nil {
		t.Fatal(err)
	}
	fewer := testQ.Clone()
	fewer.Statements = fewer.Statements[:3]
	fewerRaw, err := survey.EncodeDefinition(fewer)
	if err != nil {
		t.Fatal(err)
	}
	for name, raw := range map[string][]byte{
		"garbage":        []byte("x"),
		"cut short":      nil,
		"other id":       otherRaw,
		"other shape":    fewerRaw,
		"a byte changed": nil,
	} {
		t.Run(name, func(t *testing.T) {
			path := makeDB(t, t.TempDir())
			withBolt(t, path, func(tx *bbolt.Tx) error {
				b := tx.Bucket(definitionsBucket)
				k, v := b.Cursor().First()
				switch name {
				case "cut short":
					raw = bytes.Clone(v[:len(v)-1])
				case "a byte changed":
					raw = bytes.Clone(v)
					raw[len(raw)/2] ^= 0x20
				}
				return b.Put(bytes.Clone(k), raw)
			})
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, _, err := s.Definition(testQ.ID, testQ.Version); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Definition = %v, want ErrCorrupt", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			v, err := Verify(path, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if !hasProblem(v, ProblemDefinition, "") || len(v.Problems) != 1 {
				t.Errorf("Verify problems %+v, want one definition problem", v.Problems)
			}
		})
	}
}

// The migration to schema 4 keeps the built-in questionnaire's
// definition for a file that records its shape: attempts taken before it
// are shown with their questions from then on.
func TestUpgradeKeepsTheBuiltinDefinition(t *testing.T) {
	builtin, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	path := copySchema3(t)
	withBolt(t, path, func(tx *bbolt.Tx) error {
		if tx.Bucket(shapesBucket).Get(shapeKey(builtin.ID, builtin.Version)) == nil {
			t.Fatal("testdata has no attempt of the built-in questionnaire")
		}
		return nil
	})
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, ok, err := s.Definition(builtin.ID, builtin.Version)
	if err != nil || !ok {
		t.Fatalf("Definition after the upgrade = %v, %v", ok, err)
	}
	sameDefinition(t, q, builtin)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if v, err := Verify(path, time.Second); err != nil || !v.Sound() {
		t.Fatalf("Verify after the upgrade = %+v, %v", v, err)
	}
}

// A schema 3 file whose built-in id and version records another shape
// (damage) gets no definition: it is check's to report, and the upgrade
// goes on.
func TestUpgradeLeavesADamagedBuiltinShape(t *testing.T) {
	builtin, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	path := copySchema3(t)
	withBolt(t, path, func(tx *bbolt.Tx) error {
		b := tx.Bucket(shapesBucket)
		key := shapeKey(builtin.ID, builtin.Version)
		sh, err := decodeShape(b.Get(key))
		if err != nil {
			return err
		}
		sh.statements = append([]string(nil), sh.statements...)
		sh.statements[0] = "omdöpt"
		return b.Put(key, encodeShape(sh))
	})
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok, err := s.Definition(builtin.ID, builtin.Version); ok || err != nil {
		t.Fatalf("Definition of a damaged built-in shape = %v, %v", ok, err)
	}
}
