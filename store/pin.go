package store

import (
	"crypto/rand"
	"fmt"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// pinParams are the argon2id parameters a new PIN is hashed with. Each
// record keeps the parameters it was hashed with, so raising these later
// leaves older PINs checkable. t=3 passes over 32 MiB with one lane is two
// and a half times OWASP's minimum for argon2id (m=19 MiB, t=2, p=1) and
// took 50-120 ms a check on the development machine (2 shared CPUs),
// where RFC 9106's second recommendation (t=3, 64 MiB, p=4) took 200-490
// ms (BenchmarkPINHash; BENCHMARKS.md). One lane keeps the time the same
// on a machine whose other cores are busy.
var pinParams = pinSetting{time: 3, memory: 32 << 10, threads: 1, keyLen: 32}

// pinSetting is a choice of argon2id parameters.
type pinSetting struct {
	time, memory uint32
	threads      uint8
	keyLen       uint32
}

// cheapPINs makes tests hash PINs with the cheapest parameters the
// record accepts, so that the suite stays fast; it is never set outside
// tests. A PIN hashed so still checks with whatever parameters it
// records, as every PIN does.
var cheapPINs = false

// saltLen is the bytes of random salt per PIN.
const saltLen = 16

// PIN lengths, in characters.
const (
	minPINRunes = 4
	maxPINRunes = 64
)

// Waits after wrong PIN tries: none for the first freeTries, then
// firstWait doubling with each further wrong try, at most maxWait.
const (
	freeTries = 3
	firstWait = time.Second
	maxWait   = 30 * time.Second
)

// checkPIN accepts a PIN a person may set: 4 to 64 characters of valid
// UTF-8. The error never quotes it.
func checkPIN(pin string) error {
	if !utf8.ValidString(pin) {
		return fmt.Errorf("%w: the PIN is not valid text", ErrInvalid)
	}
	if n := utf8.RuneCountInString(pin); n < minPINRunes || n > maxPINRunes {
		return fmt.Errorf("%w: a PIN has %d to %d characters, this one %d", ErrInvalid, minPINRunes, maxPINRunes, n)
	}
	return nil
}

// pinKey derives the key of a PIN under the parameters and salt of h.
// The PIN is NFC-normalised first, so the same characters typed on
// another keyboard give the same key.
func pinKey(pin string, time, memory uint32, threads uint8, salt []byte, keyLen uint32) []byte {
	return argon2.IDKey([]byte(norm.NFC.String(pin)), salt, time, memory, threads, keyLen)
}

// hashPIN hashes a new PIN with a fresh random salt under pinParams.
func hashPIN(pin string) *pinHash {
	p := pinParams
	if cheapPINs {
		p = pinSetting{time: 1, memory: 8, threads: 1, keyLen: minKeyLen}
	}
	salt := make([]byte, saltLen)
	_, _ = rand.Read(salt) // never fails since Go 1.24
	return &pinHash{
		Time: p.time, Memory: p.memory, Threads: p.threads, Salt: salt,
		Key: pinKey(pin, p.time, p.memory, p.threads, salt, p.keyLen),
	}
}

// verify reports whether pin is the one h was made from, comparing the
// keys in constant time. A PIN no one could have set is simply wrong,
// without the cost of hashing it.
func (h *pinHash) verify(pin string) bool {
	if checkPIN(pin) != nil {
		return false
	}
	return h.matches(pinKey(pin, h.Time, h.Memory, h.Threads, h.Salt, uint32(len(h.Key))))
}

// waitAfter is how long no try is judged after the given number of
// consecutive wrong tries.
func waitAfter(failures int) time.Duration {
	if failures <= freeTries {
		return 0
	}
	d := firstWait
	for i := freeTries + 1; i < failures && d < maxWait; i++ {
		d *= 2
	}
	return min(d, maxWait)
}
