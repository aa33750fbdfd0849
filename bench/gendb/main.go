// Command gendb writes a benchmark database of generated attempts (see
// package digikomp/bench/gen) and, optionally, the same finished attempts
// as CSV for the sqlite3 comparison in bench/run.sh.
//
//	go run ./bench/gendb -n 100000 -o attempts-100000.db -csv attempts-100000.csv
//
// With -workshops W (and -rounds R, default 4) the attempts are spread
// over W workshops in R collection rounds, with managers' answers and
// plans (gen.Layout); without it the database is what it always was.
//
// The CSV has a header row and one row per finished attempt: the finish
// time (UTC, fixed width, so text order is time order) and one column per
// statement in questionnaire order, holding the rating or nothing when the
// statement has no rating (skipped). With -sql it also writes the sqlite3
// script that loads that CSV into a table of integers, and with -query the
// query that computes what store.GroupSummary does.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"digikomp/bench/gen"
	"digikomp/store"
	"digikomp/survey"
)

// timeLayout is fixed-width UTC, so the text sorts as the time does.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func main() {
	n := flag.Int("n", 1000, "number of attempts")
	out := flag.String("o", "", "database to create (must not exist); empty: none")
	csvPath := flag.String("csv", "", "also write the finished attempts as CSV to this file")
	sqlPath := flag.String("sql", "", "write the sqlite3 script that loads the CSV into table attempts")
	queryPath := flag.String("query", "", "write the sqlite3 query equivalent to store.GroupSummary")
	workshops := flag.Int("workshops", 0, "spread the attempts over this many workshops (0: none)")
	rounds := flag.Int("rounds", 4, "collection rounds of the workshops (with -workshops)")
	flag.Parse()
	if *workshops < 0 || *rounds < 1 {
		fmt.Fprintln(os.Stderr, "gendb: -workshops must be 0 or more and -rounds 1 or more")
		os.Exit(2)
	}
	if err := run(*n, *out, *csvPath, *sqlPath, *queryPath, gen.Layout{Workshops: *workshops, Rounds: *rounds}); err != nil {
		fmt.Fprintln(os.Stderr, "gendb:", err)
		os.Exit(1)
	}
}

func run(n int, out, csvPath, sqlPath, queryPath string, layout gen.Layout) error {
	if n < 0 {
		return fmt.Errorf("-n %d: must be 0 or more", n)
	}
	q, err := survey.Load()
	if err != nil {
		return err
	}
	if sqlPath != "" {
		if err := os.WriteFile(sqlPath, []byte(importSQL(q, csvPath)), 0o644); err != nil {
			return err
		}
	}
	if queryPath != "" {
		if err := os.WriteFile(queryPath, []byte(querySQL(q)), 0o644); err != nil {
			return err
		}
	}

	var each func([]store.Attempt) error
	var flush func() error
	if csvPath != "" {
		f, err := os.Create(csvPath)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		w := csv.NewWriter(bw)
		header := []string{"finished"}
		for _, s := range q.Statements {
			header = append(header, s.ID)
		}
		if err := w.Write(header); err != nil {
			return err
		}
		row := make([]string, len(header))
		each = func(batch []store.Attempt) error {
			for _, a := range batch {
				if !a.Done() {
					continue
				}
				row[0] = a.Finished.UTC().Format(timeLayout)
				for j, s := range q.Statements {
					row[j+1] = ""
					if r, ok := a.Ratings[s.ID]; ok && r.Value != store.Skipped {
						row[j+1] = strconv.Itoa(r.Value)
					}
				}
				if err := w.Write(row); err != nil {
					return err
				}
			}
			return nil
		}
		flush = func() error {
			w.Flush()
			if err := w.Error(); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			return f.Close()
		}
	}

	start := time.Now()
	switch {
	case out != "":
		if err := gen.BuildLayout(out, q, n, layout, each); err != nil {
			return err
		}
	case each != nil:
		if err := gen.New(q).Batches(n, each); err != nil {
			return err
		}
	}
	if flush != nil {
		if err := flush(); err != nil {
			return err
		}
	}
	if out != "" || csvPath != "" {
		fmt.Fprintf(os.Stderr, "gendb: %d attempts in %v\n", n, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// column is the SQL column name of a statement id.
func column(id string) string { return `"` + strings.ReplaceAll(id, `"`, `""`) + `"` }

// importSQL loads the CSV into a table with one integer column per
// statement, NULL for no rating. sqlite3's .import keeps empty fields as
// empty text, so the rows go through a text table first.
func importSQL(q *survey.Questionnaire, csvPath string) string {
	var b strings.Builder
	b.WriteString("DROP TABLE IF EXISTS raw;\nDROP TABLE IF EXISTS attempts;\n")
	b.WriteString("CREATE TABLE attempts (finished TEXT NOT NULL")
	for _, s := range q.Statements {
		fmt.Fprintf(&b, ", %s INTEGER", column(s.ID))
	}
	b.WriteString(");\n")
	fmt.Fprintf(&b, ".import --csv '%s' raw\n", csvPath)
	b.WriteString("INSERT INTO attempts SELECT finished")
	for _, s := range q.Statements {
		fmt.Fprintf(&b, ", CAST(NULLIF(%s, '') AS INTEGER)", column(s.ID))
	}
	b.WriteString(" FROM raw ORDER BY finished;\nDROP TABLE raw;\nVACUUM;\nANALYZE;\n")
	return b.String()
}

// querySQL computes what GroupSummary gives a report in one pass over the
// table: the number of attempts; per statement the number of ratings,
// their mean and the share in the top two points of the scale; the same
// pooled per area; and overall. The scan computes three sums per
// statement and nothing else; means, shares and pooling are arithmetic
// on those sums, so sqlite3 does no more work per row than it must.
func querySQL(q *survey.Questionnaire) string {
	high := q.Scale.Max - 1
	inner := []string{"count(*) AS attempts"}
	outer := []string{"attempts"}
	for i, s := range q.Statements {
		c := column(s.ID)
		inner = append(inner,
			fmt.Sprintf("count(%s) AS n%d", c, i),
			fmt.Sprintf("total(%s) AS s%d", c, i),
			fmt.Sprintf("total(%s >= %d) AS h%d", c, high, i))
		outer = append(outer,
			fmt.Sprintf("n%d AS %s", i, column(s.ID+"_n")),
			fmt.Sprintf("s%d / nullif(n%d, 0) AS %s", i, i, column(s.ID+"_mean")),
			fmt.Sprintf("h%d / nullif(n%d, 0) AS %s", i, i, column(s.ID+"_high")))
	}
	pooled := func(name string, idx []int) {
		var n, sum, hi []string
		for _, i := range idx {
			n = append(n, fmt.Sprintf("n%d", i))
			sum = append(sum, fmt.Sprintf("s%d", i))
			hi = append(hi, fmt.Sprintf("h%d", i))
		}
		cnt := "(" + strings.Join(n, " + ") + ")"
		outer = append(outer,
			fmt.Sprintf("%s AS %s_n", cnt, name),
			fmt.Sprintf("(%s) / nullif(%s, 0) AS %s_mean", strings.Join(sum, " + "), cnt, name),
			fmt.Sprintf("(%s) / nullif(%s, 0) AS %s_high", strings.Join(hi, " + "), cnt, name))
	}
	var all []int
	for _, a := range q.Areas {
		var idx []int
		for i, s := range q.Statements {
			if s.Area == a.ID {
				idx = append(idx, i)
			}
		}
		pooled(strings.ReplaceAll(a.ID, "-", "_"), idx)
		all = append(all, idx...)
	}
	pooled("all", all)
	return "SELECT " + strings.Join(outer, ",\n  ") +
		"\nFROM (SELECT " + strings.Join(inner, ",\n  ") + "\n  FROM attempts);\n"
}
