package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// checkPages reads the file's page headers directly, before bbolt walks
// the pages for its own check. It finds what bbolt's check cannot report
// safely: bbolt silently falls back to the older meta page when the newer
// one is damaged (losing the last save without a word), trusts a page's
// overflow count enough to loop over it (four billion iterations and
// gigabytes of memory on one damaged header), and panics on a page whose
// header names another page. When it finds anything, Verify does not run
// bbolt's check.
//
// The layout read here is bbolt's file format version 2, which is part of
// bbolt's compatibility promise: a page header is id (8 bytes), flags (2),
// count (2), overflow (4); a meta page's body is magic, version, page
// size, flags (4 bytes each), root bucket (16), freelist page, high-water
// mark, transaction id and an FNV-64a checksum of the fields before it (8
// each). Numbers are in the machine's byte order, little-endian on every
// platform digikomp is built for.
func checkPages(path string) ([]Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()

	var problems []Problem
	report := func(kind ProblemKind, detail string, numbers ...int) {
		if len(problems) < maxProblems {
			problems = append(problems, Problem{Kind: kind, Numbers: numbers, Detail: detail})
		}
	}

	// The second meta page sits one page in; its size is in the first.
	first := readMeta(f, 0, 0)
	pageSize := first.pageSize
	if !first.valid {
		pageSize = uint32(os.Getpagesize())
	}
	metas := [2]meta{first, readMeta(f, 1, pageSize)}
	newest := -1
	for i, m := range metas {
		if !m.valid {
			continue
		}
		if newest < 0 || m.txid > metas[newest].txid {
			newest = i
		}
	}
	for i, m := range metas {
		if !m.valid {
			report(ProblemMetaPage, m.why, i)
		}
	}
	if newest < 0 {
		return problems, nil
	}
	m := metas[newest]
	hwm := m.pgid

	free := map[uint64]bool{}
	if m.freelist < hwm {
		ids, err := readFreelist(f, m.freelist, m.pageSize, hwm)
		if err != nil {
			report(ProblemFreelist, err.Error(), int(m.freelist))
			return problems, nil
		}
		for _, id := range ids {
			free[id] = true
		}
	}

	hdr := make([]byte, 16)
	for id := uint64(2); id < hwm; {
		if free[id] {
			id++
			continue
		}
		// A last page cut short after its contents is harmless; one whose
		// header is gone is not.
		if off := int64(id) * int64(m.pageSize); off+int64(len(hdr)) > size {
			report(ProblemPageBeyondEnd, "", int(id), int(size))
			break
		}
		if _, err := f.ReadAt(hdr, int64(id)*int64(m.pageSize)); err != nil {
			return nil, fmt.Errorf("read page %d: %w", id, err)
		}
		own := binary.LittleEndian.Uint64(hdr[0:])
		flags := binary.LittleEndian.Uint16(hdr[8:])
		overflow := uint64(binary.LittleEndian.Uint32(hdr[12:]))
		switch {
		case own != id:
			report(ProblemPageID, "", int(id), int(own))
		case flags != 0x01 && flags != 0x02 && !(flags == 0x10 && id == m.freelist):
			report(ProblemPageType, fmt.Sprintf("%#x", flags), int(id))
		case id+overflow >= hwm:
			report(ProblemPageOverflow, "", int(id), int(id+overflow+1-hwm))
			overflow = 0
		}
		id += overflow + 1
	}
	return problems, nil
}

// meta is what checkPages needs of a meta page.
type meta struct {
	valid                bool
	why                  string // when not valid
	pageSize             uint32
	freelist, pgid, txid uint64
}

// readMeta reads meta page i; pageSize is ignored for page 0.
func readMeta(r io.ReaderAt, i int, pageSize uint32) meta {
	buf := make([]byte, 16+64)
	if _, err := r.ReadAt(buf, int64(i)*int64(pageSize)); err != nil {
		return meta{why: "cannot be read"}
	}
	body := buf[16:]
	le := binary.LittleEndian
	m := meta{
		pageSize: le.Uint32(body[8:]),
		freelist: le.Uint64(body[32:]),
		pgid:     le.Uint64(body[40:]),
		txid:     le.Uint64(body[48:]),
	}
	h := fnv.New64a()
	_, _ = h.Write(body[:56])
	switch {
	case le.Uint32(body[0:]) != 0xED0CDAED:
		m.why = "no bbolt magic number"
	case le.Uint32(body[4:]) != 2:
		m.why = "unknown format version"
	case le.Uint64(body[56:]) != h.Sum64():
		m.why = "checksum mismatch"
	case m.pageSize < 512 || m.pageSize > 1<<20 || m.pageSize&(m.pageSize-1) != 0:
		m.why = fmt.Sprintf("page size %d", m.pageSize)
	default:
		m.valid = true
	}
	return m
}

// readFreelist returns the page ids a freelist page lists.
func readFreelist(r io.ReaderAt, id uint64, pageSize uint32, hwm uint64) ([]uint64, error) {
	off := int64(id) * int64(pageSize)
	hdr := make([]byte, 24)
	if _, err := r.ReadAt(hdr, off); err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	if le.Uint16(hdr[8:]) != 0x10 {
		return nil, fmt.Errorf("not a freelist page")
	}
	count, start := uint64(le.Uint16(hdr[10:])), int64(16)
	if count == 0xFFFF { // the real count is the first element
		count, start = le.Uint64(hdr[16:]), 24
	}
	overflow := uint64(le.Uint32(hdr[12:]))
	if id+overflow >= hwm || uint64(start)+count*8 > (overflow+1)*uint64(pageSize) {
		return nil, fmt.Errorf("lists %d pages, more than it can hold", count)
	}
	raw := make([]byte, count*8)
	if _, err := r.ReadAt(raw, off+start); err != nil {
		return nil, err
	}
	ids := make([]uint64, count)
	for i := range ids {
		ids[i] = le.Uint64(raw[8*i:])
		if ids[i] < 2 || ids[i] >= hwm {
			return nil, fmt.Errorf("lists page %d, outside 2..%d", ids[i], hwm-1)
		}
	}
	return ids, nil
}
