package store

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

func TestPINRightAndWrong(t *testing.T) {
	s := newStore(t)
	p, err := s.AddProfile("Anna", "1234", t0)
	if err != nil || !p.Protected {
		t.Fatalf("AddProfile with a PIN: %+v, %v", p, err)
	}
	if c, err := s.CheckPIN(p.ID, "1234", t0); err != nil || !c.OK || c.Failures != 0 {
		t.Errorf("right PIN: %+v, %v", c, err)
	}
	if c, err := s.CheckPIN(p.ID, "1235", t0); err != nil || c.OK || c.Failures != 1 || !c.WaitUntil.IsZero() {
		t.Errorf("wrong PIN: %+v, %v", c, err)
	}
	// A right try sets the count back.
	if c, err := s.CheckPIN(p.ID, "1234", t0); err != nil || !c.OK || c.Failures != 0 {
		t.Errorf("right PIN after a wrong one: %+v, %v", c, err)
	}
	// The same characters composed otherwise (NFC) are the same PIN.
	if err := s.SetPIN(p.ID, "A\u030a-pass"); err != nil {
		t.Fatal(err)
	}
	if c, err := s.CheckPIN(p.ID, "Å-pass", t0); err != nil || !c.OK {
		t.Errorf("NFC PIN: %+v, %v", c, err)
	}
	// Removing the PIN: no PIN is asked.
	if err := s.SetPIN(p.ID, ""); err != nil {
		t.Fatal(err)
	}
	if q, _, _ := s.Profile(p.ID); q.Protected {
		t.Error("still protected after removing the PIN")
	}
	if c, err := s.CheckPIN(p.ID, "", t0); err != nil || !c.OK {
		t.Errorf("a profile without a PIN: %+v, %v", c, err)
	}
	if _, err := s.CheckPIN(p.ID, "1234", time.Time{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("CheckPIN at the zero time: %v", err)
	}
	if _, err := s.CheckPIN("nobody", "1234", t0); !errors.Is(err, ErrNoProfile) {
		t.Errorf("CheckPIN(nobody) = %v", err)
	}
}

func TestPINRules(t *testing.T) {
	s := newStore(t)
	p, err := s.AddProfile("Anna", "", t0)
	if err != nil {
		t.Fatal(err)
	}
	secret := "hemligt" + strings.Repeat("7", 60)
	for _, pin := range []string{"123", "ååå", secret, "\xff\xfe\xfd\xfc"} {
		if _, err := s.AddProfile("Bertil", pin, t0); !errors.Is(err, ErrInvalid) {
			t.Errorf("AddProfile with PIN %q: %v", pin, err)
		} else if strings.Contains(err.Error(), pin) {
			t.Errorf("the error quotes the PIN: %v", err)
		}
		if err := s.SetPIN(p.ID, pin); !errors.Is(err, ErrInvalid) {
			t.Errorf("SetPIN(%q): %v", pin, err)
		}
	}
	for _, pin := range []string{"1234", "åäöü", strings.Repeat("x", 64)} {
		if err := s.SetPIN(p.ID, pin); err != nil {
			t.Errorf("SetPIN(%q): %v", pin, err)
		}
	}
	anon, err := s.AddAnonymous(t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPIN(anon.ID, "1234"); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetPIN on an anonymous profile: %v", err)
	}
	// A PIN no one could set is simply wrong, and counted.
	if c, err := s.CheckPIN(p.ID, secret+secret, t0); err != nil || c.OK || c.Failures != 1 {
		t.Errorf("an overlong try: %+v, %v", c, err)
	}
}

// The PIN is never in the file in clear: neither the record nor any free
// page holds its bytes, and each profile has its own salt.
func TestPINNotStored(t *testing.T) {
	s := newStore(t)
	pin := "zq-unique-pin-4711"
	a, err := s.AddProfile("Anna", pin, t0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddProfile("Bertil", pin, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPIN(a.ID, pin+"x"); err != nil {
		t.Fatal(err)
	}
	var ra, rb profileRecord
	err = s.view(func(tx *bbolt.Tx) error {
		var err error
		if ra, err = decodeProfile(tx.Bucket(profilesBucket).Get([]byte(a.ID))); err != nil {
			return err
		}
		rb, err = decodeProfile(tx.Bucket(profilesBucket).Get([]byte(b.ID)))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(ra.PIN.Salt, rb.PIN.Salt) || len(rb.PIN.Salt) != saltLen {
		t.Error("two profiles share a salt")
	}
	s = reopen(t, s)
	raw, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte(pin)) {
		t.Error("the PIN is in the file in clear")
	}
}

// The real parameters are RFC 9106's second recommendation, and a PIN
// records the parameters it was hashed with.
func TestPINParameters(t *testing.T) {
	if pinParams.time < 2 || pinParams.memory < 19<<10 || pinParams.keyLen < 32 {
		t.Errorf("parameters %+v below OWASP's minimum for argon2id", pinParams)
	}
	if pinParams.memory > maxPINMemory || pinParams.time > maxPINTime || pinParams.keyLen > maxSaltKeyLen {
		t.Errorf("parameters %+v above what a record may hold", pinParams)
	}
	h := hashPIN("1234")
	if !h.verify("1234") || h.verify("1243") {
		t.Error("verify")
	}
	// A PIN hashed with other parameters still checks by its own.
	h2 := &pinHash{Time: 2, Memory: 64, Threads: 2, Salt: bytes.Repeat([]byte{7}, 16)}
	h2.Key = pinKey("abcd", h2.Time, h2.Memory, h2.Threads, h2.Salt, 24)
	if !h2.verify("abcd") || h2.verify("abce") {
		t.Error("a PIN of other parameters")
	}
}

func TestPINBackoff(t *testing.T) {
	s := newStore(t)
	p, err := s.AddProfile("Anna", "1234", t0)
	if err != nil {
		t.Fatal(err)
	}
	at := t0
	wantWaits := []time.Duration{0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30}
	for i, w := range wantWaits {
		c, err := s.CheckPIN(p.ID, "0000", at)
		if err != nil {
			t.Fatalf("try %d: %v", i+1, err)
		}
		var want time.Time
		if w > 0 {
			want = at.Add(w * time.Second)
		}
		if c.OK || c.Failures != i+1 || !c.WaitUntil.Equal(want) {
			t.Fatalf("try %d: %+v, want %d failures and wait until %v", i+1, c, i+1, want)
		}
		if w > 0 {
			// A try before the wait is over is neither judged nor
			// counted, even the right PIN.
			for _, pin := range []string{"0000", "1234"} {
				c2, err := s.CheckPIN(p.ID, pin, c.WaitUntil.Add(-time.Nanosecond))
				if !errors.Is(err, ErrPINWait) || c2.OK || c2.Failures != c.Failures || !c2.WaitUntil.Equal(c.WaitUntil) {
					t.Fatalf("try %d during the wait: %+v, %v", i+1, c2, err)
				}
			}
			// The wait holds across closing and opening the file.
			s = reopen(t, s)
			if _, err := s.CheckPIN(p.ID, "1234", c.WaitUntil.Add(-time.Millisecond)); !errors.Is(err, ErrPINWait) {
				t.Fatalf("try %d: after reopening, %v", i+1, err)
			}
			at = c.WaitUntil
		}
	}
	c, err := s.CheckPIN(p.ID, "1234", at)
	if err != nil || !c.OK || c.Failures != 0 || !c.WaitUntil.IsZero() {
		t.Errorf("the right PIN after the wait: %+v, %v", c, err)
	}
	if c, err := s.CheckPIN(p.ID, "0000", at); err != nil || c.Failures != 1 || !c.WaitUntil.IsZero() {
		t.Errorf("a wrong try after the reset: %+v, %v", c, err)
	}
	// A new PIN starts the count again.
	if err := s.SetPIN(p.ID, "5678"); err != nil {
		t.Fatal(err)
	}
	if c, err := s.CheckPIN(p.ID, "5678", at); err != nil || !c.OK {
		t.Errorf("the new PIN: %+v, %v", c, err)
	}
}

func TestWaitAfter(t *testing.T) {
	for failures, want := range map[int]time.Duration{
		0: 0, 3: 0, 4: time.Second, 5: 2 * time.Second, 8: 16 * time.Second, 9: 30 * time.Second, 1 << 30: 30 * time.Second,
	} {
		if got := waitAfter(failures); got != want {
			t.Errorf("waitAfter(%d) = %v, want %v", failures, got, want)
		}
	}
}

// A right PIN is checked on a read-only file; a wrong one cannot be
// counted there and says so.
func TestPINReadOnly(t *testing.T) {
	s := newStore(t)
	p, err := s.AddProfile("Anna", "1234", t0)
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if c, err := ro.CheckPIN(p.ID, "1234", t0); err != nil || !c.OK {
		t.Errorf("right PIN, read-only: %+v, %v", c, err)
	}
	if _, err := ro.CheckPIN(p.ID, "4321", t0); !errors.Is(err, ErrReadOnly) {
		t.Errorf("wrong PIN, read-only: %v", err)
	}
}
