package store

// RealPINs makes PINs hashed from now on use the real argon2id
// parameters instead of the tests' cheap ones, for the benchmark of PIN
// hashing; it returns the function that undoes it.
func RealPINs() (restore func()) {
	was := cheapPINs
	cheapPINs = false
	return func() { cheapPINs = was }
}
