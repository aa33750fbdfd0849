package transfer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Record is one finished attempt as an export carries it.
type Record struct {
	Attempt              string // 32 lowercase hexadecimal digits (store.AttemptID.String)
	Workshop             string // workshop id, "" if taken outside a workshop
	WorkshopName         string
	WorkshopPlace        string
	WorkshopDate         time.Time // the day it was held; zero without a workshop
	Round                string    // the workshop's collection round, "" if none
	Started              time.Time
	Finished             time.Time // the column "date"
	Questionnaire        string
	QuestionnaireVersion int
	// Background holds the chosen option's id by question id, or a
	// municipality's name.
	Background map[string]string
	// Ratings by statement id: 1 to the scale's top, 0 for a statement
	// skipped; a statement not reached is absent.
	Ratings Scores
	// AreaMeans by area id in hundredths (425 is 4.25); an area with no
	// rating is absent. They are for the reader of the file: an import
	// computes its own from the ratings.
	AreaMeans Scores
	Manager   string   // the managers' question's answer, "" if not asked or not answered
	Learn     []string // needs inventory: topic ids, most wanted first
	Teach     []string // topic ids the person could teach
	ShowName  bool     // the name may go with Teach in a group's list
	// Profile is the profile's name; written only with names, and
	// HasProfile says whether the file carried the field at all.
	Profile    string
	HasProfile bool
	Discussion map[string]string // only with text
	Plan       *Plan             // only with text; nil when none
}

// Plan is the part of a learning plan written only with text.
type Plan struct {
	Topics []string
	Goal   string
	Other  string
}

// Columns fixes the CSV columns: the ids of the background questions,
// statements, areas and discussion questions, each in the order given.
// Every id a record uses must be among them.
type Columns struct {
	Background []string
	Statements []string
	Areas      []string
	Discussion []string
}

// Header is what the first line of an export says.
type Header struct {
	Version   int
	Records   int // how many records follow
	Exported  time.Time
	WithNames bool // records carry the profile's name
	WithText  bool // records carry discussion answers and plans
	Columns   Columns
}

// Limits bound what Decode reads.
type Limits struct {
	MaxLine    int   // bytes in one line (a CSV record may span several)
	MaxRecords int   // records in one file
	MaxBytes   int64 // bytes in the whole file
}

// DefaultLimits are generous for real exports (a line of a record with
// every discussion answer at its longest is under 64 KiB) and stop a
// hostile file early.
var DefaultLimits = Limits{MaxLine: 1 << 20, MaxRecords: 2_000_000, MaxBytes: 2 << 30}

// Whole-file refusals: Decode returns them wrapped in a *FileError.
var (
	// ErrNotExport: the file does not begin as a digikomp export does
	// (empty, binary, another program's file, or a header cut short).
	ErrNotExport = errors.New("not a digikomp export")
	// ErrNewer: a format version newer than this build reads.
	ErrNewer = errors.New("written by a newer digikomp")
	// ErrHeader: the header is a digikomp export's but cannot be read
	// (a missing, unknown or repeated column or field).
	ErrHeader = errors.New("the header cannot be read")
	// ErrLineTooLong: a line longer than Limits.MaxLine.
	ErrLineTooLong = errors.New("a line is too long")
	// ErrTooMany: more records than Limits.MaxRecords, or the file is
	// larger than Limits.MaxBytes.
	ErrTooMany = errors.New("too many records or bytes")
	// ErrCount: the file holds fewer or more records than its header
	// says: it was cut short, or rows were added or removed by hand.
	ErrCount = errors.New("the number of records differs from the header")
	// ErrRead: the file could not be read (the operating system's error
	// is wrapped too).
	ErrRead = errors.New("read error")
)

// FileError is a whole-file refusal: Err is one of the errors above, Line
// the line it was found on (0 when none applies), Detail what was found.
type FileError struct {
	Line   int
	Err    error
	Detail string
	Cause  error // the read error, for ErrRead
}

func (e *FileError) Error() string {
	s := e.Err.Error()
	if e.Line > 0 {
		s = fmt.Sprintf("line %d: %s", e.Line, s)
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

func (e *FileError) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Err, e.Cause}
	}
	return []error{e.Err}
}

// Code says why a record was rejected.
type Code string

// Reasons a record is rejected.
const (
	CodeSyntax     Code = "syntax"      // not a CSV row or JSON object (a quote left open, broken JSON)
	CodeFields     Code = "fields"      // a CSV row with another number of cells than the header
	CodeUnknownKey Code = "unknown-key" // a JSON key the format does not have
	CodeMissing    Code = "missing"     // a required field is empty or absent
	CodeAttemptID  Code = "attempt-id"  // not 32 lowercase hexadecimal digits
	CodeDuplicate  Code = "duplicate"   // the same attempt id again in this file
	CodeDate       Code = "date"        // not an RFC 3339 time, or finished before started
	CodeNumber     Code = "number"      // a version, rating or mean that is not a number of the right form
	CodeText       Code = "text"        // not UTF-8, holds a NUL, or longer than MaxText
	CodeID         Code = "id"          // an id that is empty, too long or holds spaces or controls
	CodeTopic      Code = "topic"       // a topic id that is not one
	CodeBool       Code = "bool"        // show_name that is neither yes nor no
	CodeBlank      Code = "blank"       // an empty line where a record should be
)

// Problem is one rejected record: the line it starts on, why, and the
// field (column or key) concerned, if one.
type Problem struct {
	Line  int
	Code  Code
	Field string
}

func (p Problem) Error() string {
	if p.Field != "" {
		return fmt.Sprintf("line %d: %s: %s", p.Line, p.Field, p.Code)
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.Code)
}

// Limits of single fields, the same as the database's.
const (
	MaxID   = 128  // bytes of an id, and of a background answer
	MaxText = 4000 // bytes of a free text (a discussion answer, a goal)
	maxList = 64   // ids in one list of topics
)

// isAttemptID reports whether s is 32 lowercase hexadecimal digits.
func isAttemptID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// isTopicID reports whether s is a topic id: 1 to 40 of a–z, 0–9, '-'.
func isTopicID(s string) bool {
	if len(s) < 1 || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// fieldError is a problem found in one field while decoding.
type fieldError struct {
	code  Code
	field string
}

func bad(code Code, field string) *fieldError { return &fieldError{code, field} }

// or is the first problem of two, or nil.
func or(a, b *fieldError) *fieldError {
	if a != nil {
		return a
	}
	return b
}

// named gives a problem its field.
func named(e *fieldError, field string) *fieldError {
	e.field = field
	return e
}

// checkID accepts an id: 1 to MaxID bytes of UTF-8 without spaces,
// controls or NUL.
func checkID(field, s string) *fieldError {
	if s == "" || len(s) > MaxID || !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return bad(CodeID, field)
	}
	return nil
}

// checkText accepts free text: UTF-8 without NUL, at most max bytes.
func checkText(field, s string, max int) *fieldError {
	if len(s) > max || !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		return bad(CodeText, field)
	}
	return nil
}

func parseTime(field, s string) (time.Time, *fieldError) {
	if s == "" {
		return time.Time{}, bad(CodeMissing, field)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil || t.Year() < 1970 || t.Year() > 9999 {
		return time.Time{}, bad(CodeDate, field)
	}
	return t, nil
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// parseSmall parses a whole number of at most digits digits, no sign.
// parseSmall reads 1 to digits decimal digits (at most 18), nothing
// else: no sign, no space. It runs for every rating of a file, so it
// reads the digits itself.
func parseSmall(field, s string, digits int) (int, *fieldError) {
	n, ok := digitsValue(s)
	if !ok || len(s) > digits {
		return 0, bad(CodeNumber, field)
	}
	return n, nil
}

// digitsValue is the value of s, 1 to 18 decimal digits.
func digitsValue(s string) (int, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = 10*n + int(c-'0')
	}
	return n, true
}

// FormatMean writes hundredths with two decimals and a decimal point.
func FormatMean(hundredths int) string {
	return strconv.Itoa(hundredths/100) + "." + fmt.Sprintf("%02d", hundredths%100)
}

// parseMean reads a mean as FormatMean writes it: 1 to 3 digits, a
// point and 2 digits.
func parseMean(field, s string) (int, *fieldError) {
	whole, frac, found := strings.Cut(s, ".")
	w, okW := digitsValue(whole)
	f, okF := digitsValue(frac)
	if !found || !okW || !okF || len(whole) > 3 || len(frac) != 2 {
		return 0, bad(CodeNumber, field)
	}
	return 100*w + f, nil
}

func checkTopics(field string, list []string) *fieldError {
	if len(list) > maxList {
		return bad(CodeTopic, field)
	}
	for _, id := range list {
		if !isTopicID(id) {
			return bad(CodeTopic, field)
		}
	}
	return nil
}

// check validates what every record needs, whichever form it came in.
// With columnIDs the ids of background answers, ratings, means and
// discussion answers are taken as good: a CSV row's are its columns',
// checked once in the header, not again in each of a hundred thousand
// rows.
func (r *Record) check(columnIDs bool) *fieldError {
	if r.Attempt == "" {
		return bad(CodeMissing, "attempt")
	}
	if !isAttemptID(r.Attempt) {
		return bad(CodeAttemptID, "attempt")
	}
	for _, t := range []struct {
		name string
		at   time.Time
	}{{"started", r.Started}, {"date", r.Finished}} {
		if t.at.Year() < 1970 || t.at.Year() > 9999 {
			return bad(CodeDate, t.name)
		}
	}
	if r.Finished.Before(r.Started) {
		return bad(CodeDate, "date")
	}
	if !r.WorkshopDate.IsZero() && (r.WorkshopDate.Year() < 1970 || r.WorkshopDate.Year() > 9999) {
		return bad(CodeDate, "workshop_date")
	}
	if r.Questionnaire == "" {
		return bad(CodeMissing, "questionnaire")
	}
	if e := checkID("questionnaire", r.Questionnaire); e != nil {
		return e
	}
	if r.QuestionnaireVersion < 1 {
		return bad(CodeNumber, "questionnaire_version")
	}
	for _, f := range []struct {
		name, value string
		id          bool
	}{
		{"workshop", r.Workshop, true}, {"manager", r.Manager, true},
		{"workshop_name", r.WorkshopName, false}, {"workshop_place", r.WorkshopPlace, false},
		{"round", r.Round, false}, {"profile", r.Profile, false},
	} {
		if f.value == "" {
			continue
		}
		if f.id {
			if e := checkID(f.name, f.value); e != nil {
				return e
			}
		} else if e := checkText(f.name, f.value, MaxID); e != nil {
			return e
		}
	}
	// Field names are built only for a problem: a record has dozens of
	// keys, an export a hundred thousand records.
	id := checkID
	if columnIDs {
		id = func(string, string) *fieldError { return nil }
	}
	for k, v := range r.Background {
		if e := or(id("", k), checkText("", v, MaxID)); e != nil {
			return named(e, "background:"+k)
		}
	}
	if e := r.Ratings.check(prefixRating, 99, id); e != nil {
		return e
	}
	if e := r.AreaMeans.check(prefixMean, 99999, id); e != nil {
		return e
	}
	for k, v := range r.Discussion {
		if e := or(id("", k), checkText("", v, MaxText)); e != nil {
			return named(e, "discussion:"+k)
		}
	}
	if e := checkTopics("learn", r.Learn); e != nil {
		return e
	}
	if e := checkTopics("teach", r.Teach); e != nil {
		return e
	}
	if p := r.Plan; p != nil {
		if e := checkTopics("plan:topics", p.Topics); e != nil {
			return e
		}
		if e := checkText("plan:goal", p.Goal, MaxText); e != nil {
			return e
		}
		if e := checkText("plan:other", p.Other, MaxText); e != nil {
			return e
		}
	}
	return nil
}

// Check reports the first problem of a record as Encode would meet it, or
// nil; Line is 0.
func (r *Record) Check() error {
	e := r.check(false)
	if e == nil {
		if id, twice := r.Ratings.repeated(); twice {
			e = bad(CodeID, prefixRating+id)
		} else if id, twice := r.AreaMeans.repeated(); twice {
			e = bad(CodeID, prefixMean+id)
		}
	}
	if e != nil {
		return Problem{Code: e.code, Field: e.field}
	}
	return nil
}

// Score is a record's number for one statement or area.
type Score struct {
	ID    string
	Value int
}

// Scores are a record's numbers by id, each id at most once, in the
// order they were read or set. A record holds two dozen of them, and an
// import a hundred thousand records: a slice is a fifth of a map's memory
// and needs no hashing.
type Scores []Score

// Get returns the value under id.
func (s Scores) Get(id string) (int, bool) {
	for _, x := range s {
		if x.ID == id {
			return x.Value, true
		}
	}
	return 0, false
}

// Set puts v under id, replacing its value if it has one.
func (s *Scores) Set(id string, v int) {
	for i := range *s {
		if (*s)[i].ID == id {
			(*s)[i].Value = v
			return
		}
	}
	*s = append(*s, Score{id, v})
}

// check accepts values from 0 to max under ids id accepts; field is the
// column prefix a problem names.
func (s Scores) check(field string, max int, id func(field, s string) *fieldError) *fieldError {
	for _, x := range s {
		if e := id("", x.ID); e != nil {
			return named(e, field+x.ID)
		}
		if x.Value < 0 || x.Value > max {
			return bad(CodeNumber, field+x.ID)
		}
	}
	return nil
}

// repeated finds an id given twice. Only a record built in code can have
// one: a file's columns are each named once, and JSON's keys are read
// into a map. So Check looks, and decoding does not.
func (s Scores) repeated() (string, bool) {
	seen := make(map[string]bool, len(s))
	for _, x := range s {
		if seen[x.ID] {
			return x.ID, true
		}
		seen[x.ID] = true
	}
	return "", false
}
