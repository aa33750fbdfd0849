package survey

import (
	"fmt"
	"strings"
)

// Code names a rule of a questionnaire file. The interface phrases each
// one in the person's language; this package only says which rule an item
// breaks and with what values.
type Code string

// The rules. The comment says which fields of Problem a code fills.
const (
	CodeTooLarge          Code = "too-large"           // N: the file's size in bytes, M: the limit
	CodeTooDeep           Code = "too-deep"            // Line; M: the limit
	CodeTooManyTokens     Code = "too-many-tokens"     // Line; M: the limit
	CodeSyntax            Code = "syntax"              // Line, Column; Detail: the TOML parser's own words
	CodeUnknownKey        Code = "unknown-key"         // Value: the key
	CodeEmptyID           Code = "empty-id"            //
	CodeDuplicateID       Code = "duplicate-id"        // Value: the id
	CodeIDTooLong         Code = "id-too-long"         // N: bytes, M: the limit
	CodeIDCharacter       Code = "id-character"        // Value: the id; it holds a control, bidi or non-UTF-8 character
	CodeVersion           Code = "version"             // N: the version; M: the largest allowed
	CodeMissingText       Code = "missing-text"        // Field: the key; Lang
	CodeScaleMin          Code = "scale-min"           // N: min
	CodeScaleOrder        Code = "scale-order"         // N: max, M: min
	CodeScalePoints       Code = "scale-points"        // N: points, M: the limit
	CodeScaleMax          Code = "scale-max"           // N: max, M: the limit
	CodeAreaNumber        Code = "area-number"         // N: the number
	CodeNumberUsed        Code = "number-used"         // N: the number; Value: the area that has it
	CodeUnknownArea       Code = "unknown-area"        // Value: the area named
	CodeNoCompetence      Code = "no-competence"       //
	CodeCompetence        Code = "competence"          // Value: the competence
	CodeAreaUnused        Code = "area-unused"         //
	CodeNoStatements      Code = "no-statements"       //
	CodeTooManyStatements Code = "too-many-statements" // N: statements, M: the limit
	CodeTooManyBackground Code = "too-many-background" // N: questions, M: the limit
	CodeTooManyOptions    Code = "too-many-options"    // N: options, M: the limit
	CodeFewOptions        Code = "few-options"         // N: options
	CodeNoOptions         Code = "options-not-allowed" // Value: the kind
	CodeUnknownKind       Code = "unknown-kind"        // Value: the kind
)

// Codes lists every code, so that the interface can test that each has a
// sentence in every language.
var Codes = []Code{
	CodeTooLarge, CodeTooDeep, CodeTooManyTokens, CodeSyntax, CodeUnknownKey, CodeEmptyID,
	CodeDuplicateID, CodeIDTooLong, CodeIDCharacter, CodeVersion,
	CodeMissingText, CodeScaleMin, CodeScaleOrder, CodeScalePoints,
	CodeScaleMax, CodeAreaNumber, CodeNumberUsed, CodeUnknownArea,
	CodeNoCompetence, CodeCompetence, CodeAreaUnused, CodeNoStatements,
	CodeTooManyStatements, CodeTooManyBackground, CodeTooManyOptions, CodeFewOptions, CodeNoOptions, CodeUnknownKind,
}

// ItemKind is the kind of thing in a questionnaire file a problem
// concerns.
type ItemKind string

// The kinds of item. ItemFile is the file as a whole (its size, its
// syntax, its keys); ItemQuestionnaire is its top level (id, version,
// title).
const (
	ItemFile          ItemKind = "file"
	ItemQuestionnaire ItemKind = "questionnaire"
	ItemScale         ItemKind = "scale"
	ItemArea          ItemKind = "area"
	ItemStatement     ItemKind = "statement"
	ItemBackground    ItemKind = "background"
	ItemOption        ItemKind = "option"
	ItemDiscussion    ItemKind = "discussion"
)

// Item says where a problem is: an area, statement, question or option by
// its id, or by its position (from 1) when the id is what is missing.
// Parent is the background question of an option.
type Item struct {
	Kind   ItemKind
	ID     string
	Index  int
	Parent *Item
}

// Problem is one rule an item of a questionnaire file breaks. Value and
// Detail are quoted from the file or the parser as they are; whoever
// shows them makes control and bidi characters visible first (Visible).
type Problem struct {
	Code   Code
	Item   Item
	Field  string // the key whose text is missing, e.g. "text" or "min_label"
	Lang   Lang   // the language that text lacks
	Value  string
	N, M   int
	Line   int // of a syntax error or a nesting too deep, from 1
	Column int
	Detail string
}

// MaxProblems is how many problems a file's error lists; the rest are
// only counted, so that a file of many broken items gives a short answer.
const MaxProblems = 20

// Problems is the error of a questionnaire file that cannot be used: the
// first MaxProblems problems in the file's order and the number of the
// rest.
type Problems struct {
	List []Problem
	More int
}

// Error is for logs and tests; people read the interface's sentences.
func (e *Problems) Error() string {
	var b strings.Builder
	b.WriteString("questionnaire:")
	for _, p := range e.List {
		b.WriteString(" ")
		b.WriteString(p.String())
		b.WriteString(";")
	}
	if e.More > 0 {
		fmt.Fprintf(&b, " and %d more", e.More)
	}
	return b.String()
}

// String is a compact, language-neutral form of p for logs and tests.
func (p Problem) String() string {
	s := fmt.Sprintf("%s %s", p.Item, p.Code)
	if p.Field != "" {
		s += " " + p.Field + "." + string(p.Lang)
	}
	if p.Value != "" {
		s += fmt.Sprintf(" %q", p.Value)
	}
	if p.N != 0 || p.M != 0 {
		s += fmt.Sprintf(" %d/%d", p.N, p.M)
	}
	if p.Line != 0 {
		s += fmt.Sprintf(" at %d:%d", p.Line, p.Column)
	}
	if p.Detail != "" {
		s += fmt.Sprintf(" (%q)", p.Detail)
	}
	return s
}

// String names the item for logs and tests: kind, then id or #position.
func (it Item) String() string {
	s := string(it.Kind)
	switch {
	case it.ID != "":
		s += fmt.Sprintf(" %q", it.ID)
	case it.Index > 0:
		s += fmt.Sprintf(" #%d", it.Index)
	}
	if it.Parent != nil {
		s = it.Parent.String() + " " + s
	}
	return s
}

// problems collects a file's problems, keeping the first MaxProblems and
// counting the rest, so that neither the list nor the work of formatting
// it grows with the file.
type problems struct {
	list []Problem
	more int
}

func (ps *problems) add(p Problem) {
	if len(ps.list) < MaxProblems {
		ps.list = append(ps.list, p)
	} else {
		ps.more++
	}
}

// full reports whether further problems would only be counted.
func (ps *problems) full() bool { return len(ps.list) >= MaxProblems }

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &Problems{List: ps.list, More: ps.more}
}
