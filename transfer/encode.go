package transfer

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Writer writes the records of one export after its header.
type Writer interface {
	// Write writes one record; a record Check refuses, or one using an
	// id the CSV columns lack, is an error and nothing of it is written.
	Write(r *Record) error
	// Close flushes what is buffered. It does not close the io.Writer.
	Close() error
}

// ErrColumn: a CSV record uses an id its header's columns do not have.
var ErrColumn = errors.New("an id without a column")

// The fixed CSV columns, in the order they are written.
const (
	colAttempt       = "attempt"
	colWorkshop      = "workshop"
	colWorkshopName  = "workshop_name"
	colWorkshopPlace = "workshop_place"
	colWorkshopDate  = "workshop_date"
	colRound         = "round"
	colDate          = "date"
	colStarted       = "started"
	colQuestionnaire = "questionnaire"
	colVersion       = "questionnaire_version"
	colManager       = "manager"
	colLearn         = "learn"
	colTeach         = "teach"
	colShowName      = "show_name"
	colProfile       = "profile"
	colPlanTopics    = "plan:topics"
	colPlanGoal      = "plan:goal"
	colPlanOther     = "plan:other"

	prefixBackground = "background:"
	prefixRating     = "rating:"
	prefixMean       = "mean:"
	prefixDiscussion = "discussion:"
)

// NewCSV writes the byte-order mark, the identifying row and the column
// row for h, and returns the writer of the records.
func NewCSV(w io.Writer, h Header) (Writer, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\ufeff"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	c := &csvWriter{bw: bw, cw: cw, h: h}
	first := []string{Format, "version=" + strconv.Itoa(Version), "records=" + strconv.Itoa(h.Records), "exported=" + formatTime(h.Exported)}
	if err := cw.Write(first); err != nil {
		return nil, err
	}
	c.head = []string{colAttempt, colWorkshop, colWorkshopName, colWorkshopPlace, colWorkshopDate, colRound, colDate, colStarted, colQuestionnaire, colVersion, colManager, colLearn, colTeach, colShowName}
	if h.WithNames {
		c.head = append(c.head, colProfile)
	}
	for _, id := range h.Columns.Background {
		c.head = append(c.head, prefixBackground+id)
	}
	for _, id := range h.Columns.Statements {
		c.head = append(c.head, prefixRating+id)
	}
	for _, id := range h.Columns.Areas {
		c.head = append(c.head, prefixMean+id)
	}
	if h.WithText {
		for _, id := range h.Columns.Discussion {
			c.head = append(c.head, prefixDiscussion+id)
		}
		c.head = append(c.head, colPlanTopics, colPlanGoal, colPlanOther)
	}
	if dup := firstRepeated(c.head); dup != "" {
		return nil, fmt.Errorf("%w: column %q twice", ErrColumn, dup)
	}
	if err := cw.Write(c.head); err != nil {
		return nil, err
	}
	c.row = make([]string, len(c.head))
	return c, nil
}

func firstRepeated(list []string) string {
	seen := make(map[string]bool, len(list))
	for _, s := range list {
		if seen[s] {
			return s
		}
		seen[s] = true
	}
	return ""
}

type csvWriter struct {
	bw   *bufio.Writer
	cw   *csv.Writer
	h    Header
	head []string
	row  []string
	sets []map[string]bool // the ids of each kind of column
}

func (c *csvWriter) Write(r *Record) error {
	if err := r.Check(); err != nil {
		return err
	}
	if err := c.fits(r); err != nil {
		return err
	}
	row := c.row[:0]
	show := "no"
	if r.ShowName {
		show = "yes"
	}
	row = append(row, r.Attempt, r.Workshop, guard(r.WorkshopName), guard(r.WorkshopPlace), optTime(r.WorkshopDate), guard(r.Round), formatTime(r.Finished), formatTime(r.Started),
		r.Questionnaire, strconv.Itoa(r.QuestionnaireVersion), r.Manager, strings.Join(r.Learn, " "), strings.Join(r.Teach, " "), show)
	if c.h.WithNames {
		row = append(row, guard(r.Profile))
	}
	for _, id := range c.h.Columns.Background {
		row = append(row, guard(r.Background[id]))
	}
	row = scoreCells(row, c.h.Columns.Statements, r.Ratings, strconv.Itoa)
	row = scoreCells(row, c.h.Columns.Areas, r.AreaMeans, FormatMean)
	if c.h.WithText {
		for _, id := range c.h.Columns.Discussion {
			row = append(row, guard(r.Discussion[id]))
		}
		if p := r.Plan; p != nil {
			row = append(row, strings.Join(p.Topics, " "), guard(p.Goal), guard(p.Other))
		} else {
			row = append(row, "", "", "")
		}
	}
	c.row = row
	return c.cw.Write(row)
}

// fits checks that every id of r has its column.
func (c *csvWriter) fits(r *Record) error {
	col := c.h.Columns
	if c.sets == nil {
		for _, list := range [][]string{col.Background, col.Statements, col.Areas, col.Discussion} {
			set := make(map[string]bool, len(list))
			for _, id := range list {
				set[id] = true
			}
			c.sets = append(c.sets, set)
		}
	}
	for i, f := range []struct {
		field string
		keys  func(yield func(string) bool)
	}{
		{"background", keysOf(r.Background)},
		{"rating", r.Ratings.ids},
		{"mean", r.AreaMeans.ids},
		{"discussion", keysOf(r.Discussion)},
	} {
		if i == 3 && !c.h.WithText {
			break
		}
		for k := range f.keys {
			if !c.sets[i][k] {
				return fmt.Errorf("%w: %s %q", ErrColumn, f.field, k)
			}
		}
	}
	return nil
}

// scoreCells appends the cells of columns ids, each the value s has
// under its id formatted, or empty. Scores in the columns' order, as an
// export writes them, are matched in one pass.
func scoreCells(row, ids []string, s Scores, format func(int) string) []string {
	next := 0
	for _, id := range ids {
		if next < len(s) && s[next].ID == id {
			row = append(row, format(s[next].Value))
			next++
		} else if v, ok := s.Get(id); ok {
			row = append(row, format(v))
		} else {
			row = append(row, "")
		}
	}
	return row
}

// ids yields the ids of s.
func (s Scores) ids(yield func(string) bool) {
	for _, x := range s {
		if !yield(x.ID) {
			return
		}
	}
}

func keysOf[V any](m map[string]V) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func (c *csvWriter) Close() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

// optTime writes a time, or nothing for the zero time.
func optTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}

// guard adds an apostrophe before text a spreadsheet would take for a
// formula: text that starts, after any apostrophes, with =, +, -, @, a
// tab or a carriage return. unguard removes it again, so every text has
// one spelling in the file and comes back as it was.
func guard(s string) string {
	if risky(s) {
		return "'" + s
	}
	return s
}

func unguard(s string) string {
	if strings.HasPrefix(s, "'") && risky(s[1:]) {
		return s[1:]
	}
	return s
}

func risky(s string) bool {
	t := strings.TrimLeft(s, "'")
	return t != "" && strings.ContainsRune("=+-@\t\r", rune(t[0]))
}

// jsonHeader is the first line of a JSON Lines export.
type jsonHeader struct {
	Format    string `json:"format"`
	Version   int    `json:"version"`
	Records   int    `json:"records"`
	Exported  string `json:"exported"`
	WithNames bool   `json:"with_names"`
	WithText  bool   `json:"with_text"`
}

// jsonRecord is one attempt in JSON Lines. Means are numbers with two
// decimals.
type jsonRecord struct {
	Attempt              string                 `json:"attempt"`
	Workshop             string                 `json:"workshop"`
	WorkshopName         string                 `json:"workshop_name"`
	WorkshopPlace        string                 `json:"workshop_place"`
	WorkshopDate         string                 `json:"workshop_date"`
	Round                string                 `json:"round"`
	Date                 string                 `json:"date"`
	Started              string                 `json:"started"`
	Questionnaire        string                 `json:"questionnaire"`
	QuestionnaireVersion int                    `json:"questionnaire_version"`
	Manager              string                 `json:"manager"`
	Learn                []string               `json:"learn"`
	Teach                []string               `json:"teach"`
	ShowName             bool                   `json:"show_name"`
	Profile              *string                `json:"profile,omitempty"`
	Background           map[string]string      `json:"background"`
	Ratings              map[string]int         `json:"ratings"`
	AreaMeans            map[string]json.Number `json:"area_means"`
	Discussion           map[string]string      `json:"discussion,omitempty"`
	Plan                 *jsonPlan              `json:"plan,omitempty"`
}

type jsonPlan struct {
	Topics []string `json:"topics"`
	Goal   string   `json:"goal"`
	Other  string   `json:"other"`
}

// NewJSONL writes the header line for h and returns the writer of the
// records.
func NewJSONL(w io.Writer, h Header) (Writer, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	j := &jsonlWriter{bw: bw, h: h, enc: json.NewEncoder(bw)}
	j.enc.SetEscapeHTML(false)
	err := j.enc.Encode(jsonHeader{Format: Format, Version: Version, Records: h.Records, Exported: formatTime(h.Exported), WithNames: h.WithNames, WithText: h.WithText})
	if err != nil {
		return nil, err
	}
	return j, nil
}

type jsonlWriter struct {
	bw  *bufio.Writer
	h   Header
	enc *json.Encoder
}

func (j *jsonlWriter) Write(r *Record) error {
	if err := r.Check(); err != nil {
		return err
	}
	jr := jsonRecord{
		Attempt: r.Attempt, Workshop: r.Workshop, WorkshopName: r.WorkshopName, WorkshopPlace: r.WorkshopPlace,
		WorkshopDate: optTime(r.WorkshopDate), Round: r.Round,
		Date: formatTime(r.Finished), Started: formatTime(r.Started),
		Questionnaire: r.Questionnaire, QuestionnaireVersion: r.QuestionnaireVersion, Manager: r.Manager,
		Learn: orNone(r.Learn), Teach: orNone(r.Teach), ShowName: r.ShowName,
		Background: orEmpty(r.Background), Ratings: make(map[string]int, len(r.Ratings)),
		AreaMeans: make(map[string]json.Number, len(r.AreaMeans)),
	}
	for _, x := range r.Ratings {
		jr.Ratings[x.ID] = x.Value
	}
	for _, x := range r.AreaMeans {
		jr.AreaMeans[x.ID] = json.Number(FormatMean(x.Value))
	}
	if j.h.WithNames {
		name := r.Profile
		jr.Profile = &name
	}
	if j.h.WithText {
		jr.Discussion = orEmpty(r.Discussion)
		if p := r.Plan; p != nil {
			jr.Plan = &jsonPlan{Topics: orNone(p.Topics), Goal: p.Goal, Other: p.Other}
		}
	}
	return j.enc.Encode(jr)
}

func (j *jsonlWriter) Close() error { return j.bw.Flush() }

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func orNone(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
