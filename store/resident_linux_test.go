package store_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"digikomp/bench/gen"
	"digikomp/store"
	"digikomp/survey"
)

// A report on a file written in place, with every page in the page cache
// as right after writing, leaves resident only about the results pages it
// read: without residentPages the kernel's fault-around maps nearly the
// whole file (the attempt and history pages between the results pages).
// The peak during the scan is bench/rss's to measure (BENCHMARKS.md).
func TestGroupSummaryKeepsOnlyResultsResident(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "written-in-place.db")
	if err := gen.Build(path, q, 20000, nil); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	before := rssFile(t)
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.GroupSummary(q, store.Span{}); err != nil {
		t.Fatal(err)
	}
	grew := rssFile(t) - before
	// The results rows are about a quarter of this file; the rest is
	// attempt records, history and bbolt's own pages, which fault-around
	// maps too (about half the file here without residentPages).
	if limit := fi.Size() / 3; grew > limit {
		t.Errorf("a report made %d KiB of the %d KiB file resident, want at most %d KiB", grew>>10, fi.Size()>>10, limit>>10)
	}
}

// rssFile is this process's resident file-backed memory in bytes.
func rssFile(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 3 && fields[0] == "RssFile:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}
