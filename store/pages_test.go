package store

import (
	"encoding/binary"
	"os"
	"testing"
	"time"
)

// TestVerifyReadsPageHeaders damages what bbolt's own check either
// misses (a damaged newest meta page, which bbolt silently skips) or
// cannot survive (an overflow count of billions, a header naming another
// page), and expects a problem line and no long walk.
func TestVerifyReadsPageHeaders(t *testing.T) {
	const pageSize = 4096 // makeDB's files use the OS page size
	if os.Getpagesize() != pageSize {
		t.Skipf("page size %d", os.Getpagesize())
	}
	// newestMeta returns the offset of the newer meta page and the root
	// page it names, a live page.
	newestMeta := func(data []byte) (int, int) {
		best, bestTx := 0, uint64(0)
		for i := range 2 {
			body := data[i*pageSize+16:]
			if tx := binary.LittleEndian.Uint64(body[48:]); tx >= bestTx {
				best, bestTx = i, tx
			}
		}
		root := binary.LittleEndian.Uint64(data[best*pageSize+16+16:])
		return best * pageSize, int(root)
	}
	// livePages lists the pages in use, highest first.
	livePages := func(t *testing.T, path string, data []byte) []int {
		off, _ := newestMeta(data)
		body := data[off+16:]
		freelist, hwm := binary.LittleEndian.Uint64(body[32:]), binary.LittleEndian.Uint64(body[40:])
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		ids, err := readFreelist(f, freelist, pageSize, hwm)
		if err != nil {
			t.Fatal(err)
		}
		free := map[uint64]bool{freelist: true}
		for _, id := range ids {
			free[id] = true
		}
		var live []int
		for id := hwm - 1; id >= 2; id-- {
			if !free[id] && binary.LittleEndian.Uint64(data[id*pageSize:]) == id {
				live = append(live, int(id))
			}
		}
		return live
	}
	var live int
	tests := []struct {
		name   string
		damage func(data []byte)
		want   ProblemKind
	}{
		{"newest meta checksum", func(d []byte) {
			off, _ := newestMeta(d)
			d[off+16+60]++
		}, ProblemMetaPage},
		{"page header names another page", func(d []byte) {
			binary.LittleEndian.PutUint64(d[live*pageSize:], 1031)
		}, ProblemPageID},
		{"overflow past the end", func(d []byte) {
			binary.LittleEndian.PutUint32(d[live*pageSize+12:], 4_000_000_000)
		}, ProblemPageOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := makeDB(t, t.TempDir())
			grow(t, path, 300) // so that the data has pages of its own
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// Damage a page Open does not read, so that the page check,
			// not Open, has to find it.
			clean := append([]byte(nil), data...)
			found := false
			for _, live = range livePages(t, path, data) {
				copy(data, clean)
				tt.damage(data)
				if err := os.WriteFile(path, data, 0o600); err != nil {
					t.Fatal(err)
				}
				if s, err := Open(path, Options{ReadOnly: true}); err == nil {
					_ = s.Close()
					found = true
					break
				}
			}
			if !found {
				t.Fatal("every damaged page was met by Open")
			}
			v, err := Verify(path, time.Second)
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if !hasProblem(v, tt.want, "") {
				t.Errorf("problems %+v, want a %s", v.Problems, tt.want)
			}
		})
	}
}

// grow imports n finished attempts into the database at path.
func grow(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var batch []Attempt
	for i := range n {
		at := t0.Add(time.Duration(i+10) * time.Hour)
		batch = append(batch, Attempt{ProfileID: LocalProfile, Started: at, Finished: at.Add(time.Minute),
			Ratings: map[string]Rating{"s01": {1 + i%7}, "s02": {Skipped}}})
	}
	if err := s.Import(testQ, batch); err != nil {
		t.Fatal(err)
	}
}
