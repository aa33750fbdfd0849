package wire

import "testing"

func TestFirstProblemSticks(t *testing.T) {
	r := Reader{B: []byte{0x05, 0xff}}
	if v := r.Uvarint(10); v != 5 || r.Err != nil {
		t.Fatalf("Uvarint = %d, %v; want 5, nil", v, r.Err)
	}
	if v := r.Uvarint(10); v != 0 || r.Err == nil {
		t.Fatalf("a varint cut short read %d, %v; want 0 and an error", v, r.Err)
	}
	first := r.Err
	if b := r.Byte(); b != 0 || r.Err != first {
		t.Fatalf("after a problem Byte = %d, %v; want 0 and the first error %v", b, r.Err, first)
	}
}

func TestLimitsAndLengths(t *testing.T) {
	r := Reader{B: []byte{0x0b, 'a', 'b'}}
	if v := r.Uvarint(10); v != 0 || r.Err == nil {
		t.Fatalf("11 under a limit of 10 read %d, %v", v, r.Err)
	}
	r = Reader{B: []byte{'a', 'b'}}
	if b := r.Bytes(3); b != nil || r.Err == nil {
		t.Fatalf("3 bytes of 2 read %q, %v", b, r.Err)
	}
	r = Reader{B: []byte{'a', 'b', 'c'}}
	if b := r.Bytes(2); string(b) != "ab" || r.Byte() != 'c' || r.Err != nil {
		t.Fatalf("Bytes(2) = %q, then %v", b, r.Err)
	}
	if r.Byte() != 0 || r.Err == nil {
		t.Fatal("a byte past the end was read without a problem")
	}
}
