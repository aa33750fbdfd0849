package store

import (
	"sync"
	"syscall"
	"unsafe"

	"go.etcd.io/bbolt"
)

// residentPages keeps a report's memory to the pages it reads.
//
// A page of the memory-mapped file that a scan touches for the first time
// is mapped together with its cached neighbours: the kernel's fault-around
// maps a 64 KiB window, and on newer kernels the whole large folio the page
// belongs to, up to 2 MiB. In a file written in place a results page lies
// between attempt and history pages of the same commits, so right after
// the file was written, when every page is cached, a scan of the results
// maps most of the file and a report's memory grows with all of it.
//
// residentPages remembers which pages hold results rows and, after a scan
// has met new ones, hands every other page back to the kernel
// (MADV_DONTNEED: the mapping is shared and read-only, so no data is
// dropped, and a page read again is simply mapped again). A report that
// meets only known pages costs one bit test per row and no system call.
type residentPages struct {
	mu      sync.Mutex
	results []uint64 // bit per file page: holds results rows
}

// reset forgets every page: the store now maps another file.
func (r *residentPages) reset() {
	r.mu.Lock()
	r.results = nil
	r.mu.Unlock()
}

// releaseAfter is how many new results pages a scan meets before it
// releases the rest: about 1 MiB of rows, so a report at 100,000 attempts
// releases a handful of times, each one system call per run of other pages.
const releaseAfter = 256

// residentScan is one scan's view of the mapping.
type residentScan struct {
	r        *residentPages
	data     uintptr // the mapping's address
	pageSize uintptr
	pages    uintptr // pages of the file the transaction sees
	lastPage uintptr // the page of the previous row, to skip its rows fast
	fresh    int     // results pages met since the last release
}

func (r *residentPages) scan(tx *bbolt.Tx) *residentScan {
	info := tx.DB().Info()
	ps := uintptr(info.PageSize)
	r.mu.Lock() // one report at a time marks pages
	return &residentScan{r: r, data: info.Data, pageSize: ps, pages: uintptr(tx.Size()) / ps, lastPage: ^uintptr(0)}
}

// see notes the page that holds row v, a slice of the mapping.
func (s *residentScan) see(v []byte) {
	if len(v) == 0 {
		return
	}
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(v)))
	if addr < s.data {
		return
	}
	page := (addr - s.data) / s.pageSize
	if page == s.lastPage || page >= s.pages {
		return
	}
	s.lastPage = page
	word, bit := page/64, uint64(1)<<(page%64)
	for uintptr(len(s.r.results)) <= word {
		s.r.results = append(s.r.results, 0)
	}
	if s.r.results[word]&bit != 0 {
		return
	}
	s.r.results[word] |= bit
	if s.fresh++; s.fresh >= releaseAfter {
		s.release()
	}
}

// release hands back every page of the file that holds no results rows.
func (s *residentScan) release() {
	s.fresh = 0
	for p := uintptr(0); p < s.pages; {
		if s.holdsResults(p) {
			p++
			continue
		}
		q := p + 1
		for q < s.pages && !s.holdsResults(q) {
			q++
		}
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, s.data+p*s.pageSize, (q-p)*s.pageSize, syscall.MADV_DONTNEED)
		p = q
	}
}

func (s *residentScan) holdsResults(p uintptr) bool {
	word := p / 64
	return word < uintptr(len(s.r.results)) && s.r.results[word]&(uint64(1)<<(p%64)) != 0
}

// done releases once more if the scan met new results pages since the
// last release.
func (s *residentScan) done() {
	if s.fresh > 0 {
		s.release()
	}
	s.r.mu.Unlock()
}
