// Command rss measures the peak resident memory of one digikomp task in a
// fresh process, as bench/run.sh reports it:
//
//	rss -db attempts-100000.db -task summary   # store.Open + GroupSummary of everything
//	rss -db attempts-100000.db -task startup   # start-up to the first frame
//	rss -db attempts-100000.db -task none      # the same process doing nothing: the floor
//
// It prints "peak_rss_kib N" (getrusage's ru_maxrss: the most memory the
// process ever had resident, including the pages of the memory-mapped
// database the task touched) and the task's wall time; for summary, on
// Linux, also how the resident memory divides into anonymous memory (the
// Go heap and runtime) and mapped file pages (the binary and the
// database) just before the database is closed.
//
// Start it directly from a shell, not with go run: Linux carries a
// process's peak over exec, so under go run it reports the go command's.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"digikomp/bench/gen"
	"digikomp/bench/startup"
	"digikomp/store"
	"digikomp/survey"
)

func main() {
	db := flag.String("db", "", "an existing digikomp database")
	task := flag.String("task", "summary", "summary, startup or none")
	flag.Parse()
	if err := run(*db, *task); err != nil {
		fmt.Fprintln(os.Stderr, "rss:", err)
		os.Exit(1)
	}
}

func run(db, task string) error {
	if db == "" {
		return fmt.Errorf("-db is required")
	}
	if _, err := os.Stat(db); err != nil {
		return err // Open would create it
	}
	q, err := survey.Load()
	if err != nil {
		return err
	}
	start := time.Now()
	var what, breakdown string
	switch task {
	case "summary":
		st, err := store.Open(db, store.Options{})
		if err != nil {
			return err
		}
		g, err := st.GroupSummary(q, store.Span{})
		if err != nil {
			_ = st.Close()
			return err
		}
		// While the file is still mapped: how much of the resident memory
		// is the Go heap and runtime (anonymous) and how much is pages of
		// the database file.
		breakdown = memBreakdown()
		if err := st.Close(); err != nil {
			return err
		}
		what = fmt.Sprintf("attempts %d, overall mean %.3f", g.Attempts, g.All.Mean)
	case "startup":
		frame, err := startup.FirstFrame(db, q, gen.ProfileID(0))
		if err != nil {
			return err
		}
		what = fmt.Sprintf("frame of %d bytes", len(frame))
	case "none":
		what = fmt.Sprintf("questionnaire %s loaded", q.ID)
	default:
		return fmt.Errorf("-task %q: want summary, startup or none", task)
	}
	elapsed := time.Since(start)
	kib, err := peakKiB()
	if err != nil {
		return err
	}
	fmt.Printf("peak_rss_kib %d\n", kib)
	fmt.Printf("elapsed_ns %d\n", elapsed.Nanoseconds())
	if breakdown != "" {
		fmt.Printf("before_close %s\n", breakdown)
	}
	fmt.Printf("result %s\n", what)
	return nil
}

// memBreakdown reads the resident-memory lines of /proc/self/status, or
// returns "" where there is none.
func memBreakdown() string {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ""
	}
	var parts []string
	for line := range strings.Lines(string(raw)) {
		k, v, ok := strings.Cut(line, ":")
		switch k {
		case "VmHWM", "VmRSS", "RssAnon", "RssFile":
			if ok {
				parts = append(parts, k+"="+strings.Join(strings.Fields(v), ""))
			}
		}
	}
	return strings.Join(parts, " ")
}
