package transfer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Kind is the form of an export file.
type Kind int

// The forms Decode reads.
const (
	CSV Kind = iota + 1
	JSONL
)

func (k Kind) String() string {
	switch k {
	case CSV:
		return "csv"
	case JSONL:
		return "jsonl"
	}
	return "?"
}

// Line is a record and the line of the file it starts on.
type Line struct {
	Line int
	Record
}

// File is what Decode read: the header, the records that passed, and
// the problem of every record that did not, both in file order.
type File struct {
	Kind     Kind
	Header   Header
	Records  []Line
	Rejected []Problem
}

// bom is UTF-8's byte-order mark.
const bom = "\ufeff"

// sniffSize is how much of the start is read to tell the form and
// refuse binary files.
const sniffSize = 4096

// Decode reads an export in either form, telling them apart by the
// first line. It refuses the whole file, with a *FileError, when it is
// not a digikomp export, is of a newer version, breaks a limit, or holds
// another number of records than its header says (cut short); otherwise
// every record is either in Records or, with its line and why, in
// Rejected. It never panics, and reads at most lim.MaxBytes+1 bytes.
func Decode(r io.Reader, lim Limits) (*File, error) {
	if lim.MaxLine <= 0 || lim.MaxRecords <= 0 || lim.MaxBytes <= 0 {
		lim = DefaultLimits
	}
	lr := &io.LimitedReader{R: r, N: lim.MaxBytes + 1}
	br := bufio.NewReaderSize(lr, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, &FileError{Err: ErrRead, Cause: err}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, &FileError{Err: ErrNotExport, Detail: "binary"}
	}
	if bytes.HasPrefix(head, []byte(bom)) {
		_, _ = br.Discard(len(bom))
		head = head[len(bom):]
	}
	guarded := &lineGuard{r: br, max: lim.MaxLine, lr: lr}
	d := &decoder{lim: lim, seen: map[string]bool{}}
	switch {
	case bytes.HasPrefix(head, []byte("{")):
		d.file.Kind = JSONL
		err = d.jsonl(guarded)
	case bytes.HasPrefix(head, []byte(Format+",")), bytes.HasPrefix(head, []byte(Format+"\r")), bytes.HasPrefix(head, []byte(Format+"\n")):
		d.file.Kind = CSV
		err = d.csv(guarded)
	default:
		return nil, &FileError{Err: ErrNotExport}
	}
	if err != nil {
		return nil, err
	}
	if n := len(d.file.Records) + len(d.file.Rejected); n != d.file.Header.Records {
		return nil, &FileError{Err: ErrCount, Detail: fmt.Sprintf("%d records, the header says %d", n, d.file.Header.Records)}
	}
	return &d.file, nil
}

type decoder struct {
	lim  Limits
	file File
	seen map[string]bool // attempt ids met so far
}

// add files a decoded record, or its problem.
func (d *decoder) add(line int, rec *Record, fe *fieldError) error {
	if n := len(d.file.Records) + len(d.file.Rejected); n >= d.file.Header.Records || n >= d.lim.MaxRecords {
		if n >= d.lim.MaxRecords {
			return &FileError{Line: line, Err: ErrTooMany}
		}
		return &FileError{Line: line, Err: ErrCount, Detail: fmt.Sprintf("more records than the %d the header says", d.file.Header.Records)}
	}
	if fe == nil {
		fe = rec.check(d.file.Kind == CSV)
	}
	if fe == nil && d.seen[rec.Attempt] {
		fe = bad(CodeDuplicate, colAttempt)
	}
	if fe != nil {
		d.file.Rejected = append(d.file.Rejected, Problem{Line: line, Code: fe.code, Field: fe.field})
		return nil
	}
	d.seen[rec.Attempt] = true
	d.file.Records = append(d.file.Records, Line{Line: line, Record: *rec})
	return nil
}

// readErr turns an error of the guarded reader into a refusal.
func readErr(line int, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		if fe.Line == 0 {
			fe.Line = line
		}
		return fe
	}
	return &FileError{Line: line, Err: ErrRead, Cause: err}
}

// lineGuard passes bytes through, failing once a line grows past max
// bytes or the file past its limit.
type lineGuard struct {
	r    io.Reader
	lr   *io.LimitedReader
	max  int
	cur  int
	line int // lines ended so far
}

func (g *lineGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			g.cur = 0
			g.line++
			continue
		}
		g.cur++
		if g.cur > g.max {
			return i, &FileError{Line: g.line + 1, Err: ErrLineTooLong}
		}
	}
	if errors.Is(err, io.EOF) && g.lr.N <= 0 {
		return n, &FileError{Err: ErrTooMany, Detail: "file too large"}
	}
	return n, err
}

// --- CSV -----------------------------------------------------------------

func (d *decoder) csv(r io.Reader) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	first, err := cr.Read()
	if err != nil {
		if _, ok := err.(*csv.ParseError); ok || errors.Is(err, io.EOF) {
			return &FileError{Line: 1, Err: ErrNotExport, Detail: "unreadable first row"}
		}
		return readErr(1, err)
	}
	if err := d.csvFirstRow(first); err != nil {
		return err
	}
	cols, err := cr.Read()
	if err != nil {
		if _, ok := err.(*csv.ParseError); ok || errors.Is(err, io.EOF) {
			return &FileError{Line: 2, Err: ErrHeader, Detail: "no column row"}
		}
		return readErr(2, err)
	}
	layout, err := d.csvColumns(cols)
	if err != nil {
		return err
	}
	var scratch Record
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if err := d.add(pe.StartLine, nil, bad(CodeSyntax, "")); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			line, _ := cr.FieldPos(0)
			return readErr(line, err)
		}
		line, _ := cr.FieldPos(0)
		// One record reused for every row: add copies what it keeps.
		scratch = Record{}
		fe := layout.record(row, &scratch)
		if err := d.add(line, &scratch, fe); err != nil {
			return err
		}
	}
}

func (d *decoder) csvFirstRow(cells []string) error {
	if len(cells) == 0 || cells[0] != Format {
		return &FileError{Line: 1, Err: ErrNotExport}
	}
	h := &d.file.Header
	seen := map[string]bool{}
	for _, c := range cells[1:] {
		k, v, ok := strings.Cut(c, "=")
		if !ok || seen[k] {
			return &FileError{Line: 1, Err: ErrHeader, Detail: fmt.Sprintf("%q", c)}
		}
		seen[k] = true
		switch k {
		case "version":
			n, fe := parseSmall(k, v, 9)
			if fe != nil {
				return &FileError{Line: 1, Err: ErrHeader, Detail: "version"}
			}
			h.Version = n
		case "records":
			n, fe := parseSmall(k, v, 12)
			if fe != nil {
				return &FileError{Line: 1, Err: ErrHeader, Detail: "records"}
			}
			h.Records = n
		case "exported":
			t, fe := parseTime(k, v)
			if fe != nil {
				return &FileError{Line: 1, Err: ErrHeader, Detail: "exported"}
			}
			h.Exported = t
		default:
			if h.Version > Version {
				continue // a newer version's field: refused below
			}
			return &FileError{Line: 1, Err: ErrHeader, Detail: fmt.Sprintf("%q", k)}
		}
	}
	return d.checkHeader(1, seen["version"], seen["records"], seen["exported"])
}

// checkHeader refuses a header without its fields or of a newer version,
// or one announcing more records than the limit.
func (d *decoder) checkHeader(line int, version, records, exported bool) error {
	h := d.file.Header
	switch {
	case !version:
		return &FileError{Line: line, Err: ErrHeader, Detail: "no version"}
	case h.Version > Version:
		return &FileError{Line: line, Err: ErrNewer, Detail: "version " + strconv.Itoa(h.Version)}
	case h.Version < 1:
		return &FileError{Line: line, Err: ErrHeader, Detail: "version " + strconv.Itoa(h.Version)}
	case !records:
		return &FileError{Line: line, Err: ErrHeader, Detail: "no record count"}
	case !exported:
		return &FileError{Line: line, Err: ErrHeader, Detail: "no export time"}
	case h.Records > d.lim.MaxRecords:
		return &FileError{Line: line, Err: ErrTooMany, Detail: fmt.Sprintf("%d records", h.Records)}
	}
	// Room for the records announced, up to a bound: a header may lie.
	n := min(h.Records, 1<<17)
	d.file.Records = make([]Line, 0, n)
	d.seen = make(map[string]bool, n)
	return nil
}

// csvLayout says what each column holds.
type csvLayout struct {
	cols    []csvCol
	ratings int // rating columns
}

type csvCol struct {
	kind string // a fixed column's name, or a prefix
	id   string // the id after the prefix
}

func (d *decoder) csvColumns(cells []string) (*csvLayout, error) {
	fixed := map[string]bool{colAttempt: true, colWorkshop: true, colWorkshopName: true, colWorkshopPlace: true, colWorkshopDate: true, colRound: true, colDate: true,
		colStarted: true, colQuestionnaire: true, colVersion: true, colManager: true, colLearn: true, colTeach: true,
		colShowName: true, colProfile: true, colPlanTopics: true, colPlanGoal: true, colPlanOther: true}
	l := &csvLayout{}
	seen := map[string]bool{}
	h := &d.file.Header
	for _, c := range cells {
		if seen[c] {
			return nil, &FileError{Line: 2, Err: ErrHeader, Detail: fmt.Sprintf("column %q twice", c)}
		}
		seen[c] = true
		if fixed[c] {
			l.cols = append(l.cols, csvCol{kind: c})
			switch c {
			case colProfile:
				h.WithNames = true
			case colPlanTopics, colPlanGoal, colPlanOther:
				h.WithText = true
			}
			continue
		}
		known := false
		for _, p := range []string{prefixBackground, prefixRating, prefixMean, prefixDiscussion} {
			if id, ok := strings.CutPrefix(c, p); ok {
				if checkID(c, id) != nil {
					return nil, &FileError{Line: 2, Err: ErrHeader, Detail: fmt.Sprintf("column %q", c)}
				}
				l.cols = append(l.cols, csvCol{kind: p, id: id})
				if p == prefixRating {
					l.ratings++
				}
				switch p {
				case prefixBackground:
					h.Columns.Background = append(h.Columns.Background, id)
				case prefixRating:
					h.Columns.Statements = append(h.Columns.Statements, id)
				case prefixMean:
					h.Columns.Areas = append(h.Columns.Areas, id)
				case prefixDiscussion:
					h.WithText = true
					h.Columns.Discussion = append(h.Columns.Discussion, id)
				}
				known = true
				break
			}
		}
		if !known {
			return nil, &FileError{Line: 2, Err: ErrHeader, Detail: fmt.Sprintf("unknown column %q", c)}
		}
	}
	for _, c := range []string{colAttempt, colDate, colStarted, colQuestionnaire, colVersion} {
		if !seen[c] {
			return nil, &FileError{Line: 2, Err: ErrHeader, Detail: fmt.Sprintf("no column %q", c)}
		}
	}
	return l, nil
}

// record reads one row by the layout into rec, which is zero.
func (l *csvLayout) record(row []string, rec *Record) *fieldError {
	if len(row) != len(l.cols) {
		return bad(CodeFields, "")
	}
	var fe *fieldError
	for i, c := range l.cols {
		v := row[i]
		switch c.kind {
		case colAttempt:
			rec.Attempt = v
		case colWorkshop:
			rec.Workshop = v
		case colWorkshopName:
			rec.WorkshopName = unguard(v)
		case colWorkshopPlace:
			rec.WorkshopPlace = unguard(v)
		case colWorkshopDate:
			if v != "" {
				rec.WorkshopDate, fe = parseTime(c.kind, v)
			}
		case colRound:
			rec.Round = unguard(v)
		case colDate:
			rec.Finished, fe = parseTime(c.kind, v)
		case colStarted:
			rec.Started, fe = parseTime(c.kind, v)
		case colQuestionnaire:
			rec.Questionnaire = v
		case colVersion:
			rec.QuestionnaireVersion, fe = parseSmall(c.kind, v, 9)
		case colManager:
			rec.Manager = v
		case colLearn:
			rec.Learn = fields(v)
		case colTeach:
			rec.Teach = fields(v)
		case colShowName:
			switch v {
			case "yes":
				rec.ShowName = true
			case "no", "":
			default:
				fe = bad(CodeBool, c.kind)
			}
		case colProfile:
			rec.Profile, rec.HasProfile = unguard(v), true
		case colPlanTopics:
			if v != "" {
				rec.plan().Topics = fields(v)
			}
		case colPlanGoal:
			if v != "" {
				rec.plan().Goal = unguard(v)
			}
		case colPlanOther:
			if v != "" {
				rec.plan().Other = unguard(v)
			}
		case prefixBackground:
			if v != "" {
				rec.Background = put(rec.Background, c.id, unguard(v))
			}
		case prefixRating:
			if v != "" {
				var n int
				if n, fe = parseSmall("", v, 2); fe != nil {
					fe.field = prefixRating + c.id
				}
				if rec.Ratings == nil {
					rec.Ratings = make(Scores, 0, l.ratings)
				}
				rec.Ratings = append(rec.Ratings, Score{c.id, n})
			}
		case prefixMean:
			if v != "" {
				var n int
				if n, fe = parseMean("", v); fe != nil {
					fe.field = prefixMean + c.id
				}
				rec.AreaMeans = append(rec.AreaMeans, Score{c.id, n})
			}
		case prefixDiscussion:
			if v != "" {
				rec.Discussion = put(rec.Discussion, c.id, unguard(v))
			}
		}
		if fe != nil {
			return fe
		}
	}
	return nil
}

// fields splits a list of topic ids; none is nil.
func fields(s string) []string {
	if f := strings.Fields(s); len(f) > 0 {
		return f
	}
	return nil
}

func (r *Record) plan() *Plan {
	if r.Plan == nil {
		r.Plan = &Plan{}
	}
	return r.Plan
}

func put[V any](m map[string]V, k string, v V) map[string]V {
	if m == nil {
		m = map[string]V{}
	}
	m[k] = v
	return m
}

// --- JSON Lines -------------------------------------------------------------

func (d *decoder) jsonl(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), d.lim.MaxLine+2)
	line := 0
	next := func() ([]byte, bool, error) {
		if !sc.Scan() {
			err := sc.Err()
			if errors.Is(err, bufio.ErrTooLong) {
				return nil, false, &FileError{Line: line + 1, Err: ErrLineTooLong}
			}
			if err != nil {
				return nil, false, readErr(line+1, err)
			}
			return nil, false, nil
		}
		line++
		return sc.Bytes(), true, nil
	}
	first, ok, err := next()
	if err != nil {
		return err
	}
	if !ok {
		return &FileError{Line: 1, Err: ErrNotExport}
	}
	if err := d.jsonHeader(first); err != nil {
		return err
	}
	for {
		b, ok, err := next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if len(bytes.TrimSpace(b)) == 0 {
			if err := d.add(line, nil, bad(CodeBlank, "")); err != nil {
				return err
			}
			continue
		}
		rec, fe := jsonRecordOf(b)
		if err := d.add(line, rec, fe); err != nil {
			return err
		}
	}
}

func (d *decoder) jsonHeader(b []byte) error {
	// The format field is looked for first, so that another program's
	// JSON is said to be foreign, not a broken header.
	var probe struct {
		Format  *string `json:"format"`
		Version *int    `json:"version"`
	}
	if err := json.Unmarshal(b, &probe); err != nil || probe.Format == nil || *probe.Format != Format {
		return &FileError{Line: 1, Err: ErrNotExport}
	}
	if probe.Version != nil && *probe.Version > Version {
		return &FileError{Line: 1, Err: ErrNewer, Detail: "version " + strconv.Itoa(*probe.Version)}
	}
	var h struct {
		jsonHeader
		Version  *int    `json:"version"`
		Records  *int    `json:"records"`
		Exported *string `json:"exported"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		return &FileError{Line: 1, Err: ErrHeader, Detail: jsonDetail(err)}
	}
	hd := &d.file.Header
	hd.WithNames, hd.WithText = h.WithNames, h.WithText
	if h.Version != nil {
		hd.Version = *h.Version
	}
	if h.Records != nil {
		if *h.Records < 0 {
			return &FileError{Line: 1, Err: ErrHeader, Detail: "records"}
		}
		hd.Records = *h.Records
	}
	if h.Exported != nil {
		t, fe := parseTime("exported", *h.Exported)
		if fe != nil {
			return &FileError{Line: 1, Err: ErrHeader, Detail: "exported"}
		}
		hd.Exported = t
	}
	return d.checkHeader(1, h.Version != nil, h.Records != nil, h.Exported != nil)
}

func jsonDetail(err error) string {
	s := err.Error()
	if len(s) > 80 {
		s = s[:80]
	}
	return strings.ToValidUTF8(s, "?")
}

// jsonIn is a record as read: pointers tell an absent key from an empty
// one.
type jsonIn struct {
	Attempt              *string                `json:"attempt"`
	Workshop             string                 `json:"workshop"`
	WorkshopName         string                 `json:"workshop_name"`
	WorkshopPlace        string                 `json:"workshop_place"`
	WorkshopDate         string                 `json:"workshop_date"`
	Round                string                 `json:"round"`
	Date                 *string                `json:"date"`
	Started              *string                `json:"started"`
	Questionnaire        *string                `json:"questionnaire"`
	QuestionnaireVersion *json.Number           `json:"questionnaire_version"`
	Manager              string                 `json:"manager"`
	Learn                []string               `json:"learn"`
	Teach                []string               `json:"teach"`
	ShowName             bool                   `json:"show_name"`
	Profile              *string                `json:"profile"`
	Background           map[string]string      `json:"background"`
	Ratings              map[string]json.Number `json:"ratings"`
	AreaMeans            map[string]json.Number `json:"area_means"`
	Discussion           map[string]string      `json:"discussion"`
	Plan                 *jsonPlan              `json:"plan"`
}

func jsonRecordOf(b []byte) (*Record, *fieldError) {
	var in jsonIn
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&in); err != nil {
		if strings.HasPrefix(err.Error(), "json: unknown field ") {
			return nil, bad(CodeUnknownKey, strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`))
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, bad(CodeSyntax, te.Field)
		}
		return nil, bad(CodeSyntax, "")
	}
	if dec.More() {
		return nil, bad(CodeSyntax, "")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, bad(CodeSyntax, "")
	}
	rec := &Record{Workshop: in.Workshop, WorkshopName: in.WorkshopName, WorkshopPlace: in.WorkshopPlace, Round: in.Round, Manager: in.Manager,
		Learn: in.Learn, Teach: in.Teach, ShowName: in.ShowName, Background: in.Background, Discussion: in.Discussion}
	if len(rec.Background) == 0 {
		rec.Background = nil
	}
	if len(rec.Discussion) == 0 {
		rec.Discussion = nil
	}
	if len(rec.Learn) == 0 {
		rec.Learn = nil
	}
	if len(rec.Teach) == 0 {
		rec.Teach = nil
	}
	var fe *fieldError
	switch {
	case in.Attempt == nil:
		return nil, bad(CodeMissing, colAttempt)
	case in.Questionnaire == nil:
		return nil, bad(CodeMissing, colQuestionnaire)
	case in.QuestionnaireVersion == nil:
		return nil, bad(CodeMissing, colVersion)
	case in.Date == nil:
		return nil, bad(CodeMissing, colDate)
	case in.Started == nil:
		return nil, bad(CodeMissing, colStarted)
	}
	rec.Attempt, rec.Questionnaire = *in.Attempt, *in.Questionnaire
	if rec.QuestionnaireVersion, fe = parseSmall(colVersion, in.QuestionnaireVersion.String(), 9); fe != nil {
		return nil, fe
	}
	if rec.Finished, fe = parseTime(colDate, *in.Date); fe != nil {
		return nil, fe
	}
	if rec.Started, fe = parseTime(colStarted, *in.Started); fe != nil {
		return nil, fe
	}
	if in.WorkshopDate != "" {
		if rec.WorkshopDate, fe = parseTime(colWorkshopDate, in.WorkshopDate); fe != nil {
			return nil, fe
		}
	}
	if in.Profile != nil {
		rec.Profile, rec.HasProfile = *in.Profile, true
	}
	// In id order, so that a record reads the same every time.
	for _, k := range slices.Sorted(maps.Keys(in.Ratings)) {
		n, fe := parseSmall(prefixRating+k, in.Ratings[k].String(), 2)
		if fe != nil {
			return nil, fe
		}
		rec.Ratings = append(rec.Ratings, Score{k, n})
	}
	for _, k := range slices.Sorted(maps.Keys(in.AreaMeans)) {
		n, fe := parseMean(prefixMean+k, in.AreaMeans[k].String())
		if fe != nil {
			return nil, fe
		}
		rec.AreaMeans = append(rec.AreaMeans, Score{k, n})
	}
	if p := in.Plan; p != nil {
		rec.Plan = &Plan{Topics: p.Topics, Goal: p.Goal, Other: p.Other}
		if len(rec.Plan.Topics) == 0 {
			rec.Plan.Topics = nil
		}
	}
	return rec, nil
}
