package store

import (
	"runtime"
	"strconv"
)

// Lower bounds on the bytes of leaf data an imported attempt adds to the
// file (its record and key, its anonymous profile, its index entries and,
// once finished, its results row), for the least an attempt can be: no
// answers. TestImportBytesPerAttempt measures them (170 and 226 bytes).
const (
	importAttemptBytes  = 144 // every attempt
	importFinishedBytes = 64  // and more for a finished one
)

// importMmapCap bounds the mapping an import asks for: 1 GiB, a quarter
// of that where addresses are 32 bits wide.
const importMmapCap = 1 << (28 + 2*(strconv.IntSize/64))

// importMmapSize is the mapping to open the file with before an import
// of what h counts, 0 for bbolt's default.
//
// bbolt maps the file in sizes doubling from 32 KiB and, when a write
// transaction outgrows the mapping (in its commit, for an import), maps
// it anew after copying every key and value the transaction has touched
// out of the old mapping. An import of 100,000 attempts did that a dozen
// times, a third of its CPU and most of its allocations; mapping enough
// at open (bbolt's InitialMmapSize) saves them.
//
// The size is a lower bound on the data the import adds, so the mapping
// it rounds up to (bbolt's next power of two) is never wider than the one
// bbolt reaches by the end of the import anyway. bbolt grows the file at
// commit according to the mapping's size (to the mapping itself up to
// allocSize, else to the data plus allocSize), so the file ends exactly
// as large as without it; only the remappings on the way are gone. A
// generous guess (say a fixed 256 MiB) would make a small import's file
// grow to its data plus allocSize instead of to its power of two, which
// is why it was not done for every open.
//
// Not on Windows: there bbolt's mmap sets the file's size to the
// mapping's, so a wide mapping would make the file that large.
func importMmapSize(h ImportHint) int {
	if runtime.GOOS == "windows" || h.Attempts <= 0 {
		return 0
	}
	finished := min(max(h.Finished, 0), h.Attempts)
	if h.Attempts > importMmapCap/(importAttemptBytes+importFinishedBytes) {
		return importMmapCap
	}
	return h.Attempts*importAttemptBytes + finished*importFinishedBytes
}
