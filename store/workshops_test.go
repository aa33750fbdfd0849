package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// addWorkshop adds a workshop of the round with PIN "1234".
func addWorkshop(t *testing.T, s *Store, name, round string, date time.Time) Workshop {
	t.Helper()
	w, err := s.AddWorkshop(Workshop{Name: name, Place: "Växjö", Round: round, Date: date}, "1234", t0)
	if err != nil {
		t.Fatalf("AddWorkshop(%q): %v", name, err)
	}
	return w
}

func TestAddWorkshop(t *testing.T) {
	s := newStore(t)
	w, err := s.AddWorkshop(Workshop{ID: "chosen", Name: "  Nätverksträff\x1b[2J i \u202eVäxjö ", Round: " 2026 höst ", Date: t0.Add(time.Hour + time.Millisecond), Created: t0.Add(99 * time.Hour)}, "hemligt", t0)
	if err != nil {
		t.Fatal(err)
	}
	if w.ID == "chosen" || len(w.ID) != 16 || w.Name != "Nätverksträff[2J i Växjö" || w.Round != "2026 höst" || w.Place != "" ||
		!w.Date.Equal(t0.Add(time.Hour)) || !w.Created.Equal(t0) || w.ClearAfter != DefaultClearAfter || !w.Protected {
		t.Errorf("AddWorkshop returned %+v", w)
	}
	s = reopen(t, s)
	got, ok, err := s.Workshop(w.ID)
	if err != nil || !ok || got != w {
		t.Errorf("Workshop(%s) = %+v, %v, %v; want %+v", w.ID, got, ok, err, w)
	}
	if _, ok, err := s.Workshop("nope"); ok || err != nil {
		t.Errorf("an unknown workshop: %v, %v", ok, err)
	}
	if _, ok, err := s.Workshop("bad\x00id"); ok || err != nil {
		t.Errorf("an impossible workshop id: %v, %v", ok, err)
	}
}

func TestAddWorkshopRefuses(t *testing.T) {
	s := newStore(t)
	good := Workshop{Name: "Träff", Round: "baslinje", Date: t0}
	long := func(n int) string { return strings.Repeat("å", n) }
	cases := map[string]struct {
		w   Workshop
		pin string
	}{
		"no PIN":          {good, ""},
		"short PIN":       {good, "123"},
		"long PIN":        {good, long(65)},
		"bad UTF-8 PIN":   {good, "12\xff34"},
		"no name":         {Workshop{Name: " \x1b ", Round: "r", Date: t0}, "1234"},
		"long name":       {Workshop{Name: long(81), Round: "r", Date: t0}, "1234"},
		"huge name":       {Workshop{Name: long(1 << 20), Round: "r", Date: t0}, "1234"},
		"long place":      {Workshop{Name: "n", Place: long(81), Round: "r", Date: t0}, "1234"},
		"no round":        {Workshop{Name: "n", Date: t0}, "1234"},
		"long round":      {Workshop{Name: "n", Round: long(41), Date: t0}, "1234"},
		"no date":         {Workshop{Name: "n", Round: "r"}, "1234"},
		"negative clear":  {Workshop{Name: "n", Round: "r", Date: t0, ClearAfter: -time.Second}, "1234"},
		"clear too short": {Workshop{Name: "n", Round: "r", Date: t0, ClearAfter: time.Millisecond}, "1234"},
		"clear too long":  {Workshop{Name: "n", Round: "r", Date: t0, ClearAfter: 25 * time.Hour}, "1234"},
	}
	for name, c := range cases {
		if _, err := s.AddWorkshop(c.w, c.pin, t0); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		} else if c.pin != "" && strings.Contains(err.Error(), c.pin) && len(c.pin) > 3 {
			t.Errorf("%s: the error quotes the PIN: %v", name, err)
		}
	}
	if _, err := s.AddWorkshop(Workshop{Name: long(80), Place: long(80), Round: long(40), Date: t0, ClearAfter: 10 * time.Second}, long(64), t0); err != nil {
		t.Errorf("a workshop at every limit: %v", err)
	}
	if list, _ := s.Workshops(); len(list) != 1 {
		t.Errorf("%d workshops after refusals", len(list))
	}
}

func TestWorkshopsNewestFirst(t *testing.T) {
	s := newStore(t)
	old := addWorkshop(t, s, "Vår", "2026 vår", t0)
	newer := addWorkshop(t, s, "Höst", "2026 höst", t0.AddDate(0, 6, 0))
	mid := addWorkshop(t, s, "Sommar", "2026 vår", t0.AddDate(0, 3, 0))
	list, err := s.Workshops()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, w := range list {
		ids = append(ids, w.ID)
	}
	if !slices.Equal(ids, []string{newer.ID, mid.ID, old.ID}) {
		t.Errorf("order %v, want %v", ids, []string{newer.ID, mid.ID, old.ID})
	}
}

func TestFacilitatorPIN(t *testing.T) {
	s := newStore(t)
	w := addWorkshop(t, s, "Träff", "r", t0)
	at := t0.Add(time.Hour)
	if c, err := s.CheckFacilitatorPIN(w.ID, "1234", at); err != nil || !c.OK {
		t.Fatalf("right PIN: %+v, %v", c, err)
	}
	for i := 1; i <= 3; i++ {
		c, err := s.CheckFacilitatorPIN(w.ID, "4321", at)
		if err != nil || c.OK || c.Failures != i || !c.WaitUntil.IsZero() {
			t.Fatalf("wrong try %d: %+v, %v", i, c, err)
		}
	}
	c, err := s.CheckFacilitatorPIN(w.ID, "4321", at)
	if err != nil || c.OK || c.Failures != 4 || !c.WaitUntil.Equal(at.Add(time.Second)) {
		t.Fatalf("fourth wrong try: %+v, %v", c, err)
	}
	// The wait survives a restart, and a right PIN inside it is not judged.
	s = reopen(t, s)
	if c, err := s.CheckFacilitatorPIN(w.ID, "1234", at); !errors.Is(err, ErrPINWait) || c.OK || c.Failures != 4 {
		t.Fatalf("a try inside the wait: %+v, %v", c, err)
	}
	if c, err := s.CheckFacilitatorPIN(w.ID, "1234", at.Add(time.Second)); err != nil || !c.OK {
		t.Fatalf("the right PIN after the wait: %+v, %v", c, err)
	}
	if c, err := s.CheckFacilitatorPIN(w.ID, "4321", at.Add(time.Second)); err != nil || c.Failures != 1 {
		t.Fatalf("the count starts again: %+v, %v", c, err)
	}
	if _, err := s.CheckFacilitatorPIN("nope", "1234", at); !errors.Is(err, ErrNoWorkshop) || !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown workshop: %v", err)
	}
	if _, err := s.CheckFacilitatorPIN(w.ID, "1234", time.Time{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("no time: %v", err)
	}
	if err := s.SetFacilitatorPIN(w.ID, "ny kod"); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.CheckFacilitatorPIN(w.ID, "1234", at.Add(time.Hour)); c.OK {
		t.Error("the old PIN still opens")
	}
	if c, err := s.CheckFacilitatorPIN(w.ID, "ny kod", at.Add(time.Hour)); !c.OK || err != nil {
		t.Errorf("the new PIN: %+v, %v", c, err)
	}
	if err := s.SetFacilitatorPIN(w.ID, ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("removing the facilitator PIN: %v", err)
	}
	if err := s.SetFacilitatorPIN("nope", "1234"); !errors.Is(err, ErrNoWorkshop) {
		t.Errorf("PIN of an unknown workshop: %v", err)
	}
	// Neither the PIN nor its hash reads as text in the file.
	raw := fileBytes(t, s)
	for _, pin := range []string{"1234", "ny kod"} {
		if strings.Contains(string(raw), pin) {
			t.Errorf("the file holds the PIN %q", pin)
		}
	}
}

// fileBytes is the file's content as it is now.
func fileBytes(t *testing.T, s *Store) []byte {
	t.Helper()
	var out []byte
	err := s.view(func(tx *bbolt.Tx) error {
		var b strings.Builder
		_, err := tx.WriteTo(&b)
		out = []byte(b.String())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWorkshopAttempt(t *testing.T) {
	s := newStore(t)
	w := addWorkshop(t, s, "Träff", "r", t0)
	a, err := s.StartWorkshopAttempt(w.ID, LocalProfile, testQ, t0)
	if err != nil || a.Workshop != w.ID {
		t.Fatalf("StartWorkshopAttempt: %+v, %v", a, err)
	}
	if _, err := s.StartWorkshopAttempt("nope", "p", testQ, t0); err == nil {
		t.Error("an attempt in an unknown workshop")
	}
	if _, err := s.StartWorkshopAttempt("", LocalProfile, testQ, t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("no workshop id: %v", err)
	}
	got, err := s.Attempt(a.ID)
	if err != nil || got.Workshop != w.ID || got.Manager != "" {
		t.Fatalf("Attempt: %+v, %v", got, err)
	}
	if err := s.SaveManagerAnswer(a.ID, survey.ManagerYes); !errors.Is(err, ErrInvalid) {
		t.Errorf("a non-manager's managers' answer: %v", err)
	}
	if err := s.SaveBackground(a.ID, "role", survey.RoleManager, Position{}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"ja", "YES", "yes\x00", "\x1b[2J"} {
		if err := s.SaveManagerAnswer(a.ID, bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("answer %q: %v", bad, err)
		}
	}
	if err := s.SaveManagerAnswer(a.ID, survey.ManagerPartly); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Attempt(a.ID); got.Manager != survey.ManagerPartly || got.Workshop != w.ID {
		t.Errorf("after the answer: %+v", got)
	}
	if err := s.Finish(a.ID, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	// A finished attempt's answer may still be given or changed: it is
	// asked at the end.
	if err := s.SaveManagerAnswer(a.ID, survey.ManagerDontKnow); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Attempt(a.ID); got.Manager != survey.ManagerDontKnow {
		t.Errorf("changed answer: %q", got.Manager)
	}
	if err := s.SaveManagerAnswer(a.ID, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Attempt(a.ID); got.Manager != "" || got.Workshop != w.ID {
		t.Errorf("cleared answer: %+v", got)
	}
	if err := s.SaveManagerAnswer(NewAttemptID(t0), survey.ManagerYes); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown attempt: %v", err)
	}
	assertSound(t, s)
}

// A role changed away from manager takes the managers' answer with it.
func TestManagerAnswerFollowsRole(t *testing.T) {
	s := newStore(t)
	a, err := s.StartAttempt(LocalProfile, testQ, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBackground(a.ID, "role", survey.RoleManager, Position{}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveManagerAnswer(a.ID, survey.ManagerYes); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBackground(a.ID, "role", "librarian", Position{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Attempt(a.ID); got.Manager != "" {
		t.Errorf("a librarian keeps the managers' answer %q", got.Manager)
	}
	assertSound(t, s)
}

// assertSound closes nothing: it verifies the store's file through a
// second, read-only look at the same bytes.
func assertSound(t *testing.T, s *Store) {
	t.Helper()
	err := s.view(func(tx *bbolt.Tx) error {
		var v Verification
		if err := verifyRecords(tx, &v); err != nil {
			return err
		}
		if !v.Sound() {
			t.Errorf("problems: %+v", v.Problems)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Discard and DeleteProfile take an attempt's workshop entry and extras
// record with it; the workshop stays.
func TestRemovingAttemptsRemovesTheirWorkshopEntries(t *testing.T) {
	s := newStore(t)
	w := addWorkshop(t, s, "Träff", "r", t0)
	p, err := s.AddProfile("Anna", "", t0)
	if err != nil {
		t.Fatal(err)
	}
	discarded, err := s.StartWorkshopAttempt(w.ID, LocalProfile, testQ, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBackground(discarded.ID, "role", survey.RoleManager, Position{}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveManagerAnswer(discarded.ID, survey.ManagerNo); err != nil {
		t.Fatal(err)
	}
	if err := s.Discard(discarded.ID); err != nil {
		t.Fatal(err)
	}
	kept, err := s.StartWorkshopAttempt(w.ID, LocalProfile, testQ, t0.Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		a, err := s.StartWorkshopAttempt(w.ID, p.ID, testQ, t0.Add(time.Duration(i+2)*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Finish(a.ID, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	count := func() (index, extras int) {
		_ = s.view(func(tx *bbolt.Tx) error {
			index = tx.Bucket(byWorkshop).Stats().KeyN
			extras = tx.Bucket(extrasBucket).Stats().KeyN
			return nil
		})
		return
	}
	if i, e := count(); i != 3 || e != 3 {
		t.Fatalf("%d index entries and %d extras for 3 attempts", i, e)
	}
	if err := s.DeleteProfile(p.ID); err != nil {
		t.Fatal(err)
	}
	if i, e := count(); i != 1 || e != 1 {
		t.Errorf("%d index entries and %d extras after the deletion, want 1 and 1", i, e)
	}
	if got, err := s.Attempt(kept.ID); err != nil || got.Workshop != w.ID {
		t.Errorf("the other attempt: %+v, %v", got, err)
	}
	if _, ok, _ := s.Workshop(w.ID); !ok {
		t.Error("the workshop went with the profile")
	}
	assertSound(t, s)
}
