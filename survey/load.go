package survey

import (
	"embed"
	"errors"
	"slices"
	"sync"

	"github.com/BurntSushi/toml"
)

// The data lives in TOML next to the code so that wording and municipality
// changes are reviewed as data, and embedding keeps the binary self-contained.
//
//go:embed data/*.toml
var dataFS embed.FS

const questionnaireFile = "data/questionnaire.toml"

// Parse decodes a questionnaire from TOML and validates it. Decoding is
// strict: a misspelt key would otherwise be silently dropped and leave, say,
// a statement without its English text, so unknown keys are problems.
//
// Its error is a *Problems. Any file gets its answer quickly and briefly:
// the size and the nesting are checked before the parser runs, and at most
// MaxProblems problems are listed, the rest only counted.
func Parse(data []byte) (*Questionnaire, error) {
	file := Item{Kind: ItemFile}
	if len(data) > MaxFileSize {
		return nil, &Problems{List: []Problem{{Code: CodeTooLarge, Item: file, N: len(data), M: MaxFileSize}}}
	}
	if p, ok := scanLimits(data); !ok {
		return nil, &Problems{List: []Problem{p}}
	}
	var q Questionnaire
	md, err := toml.Decode(string(data), &q)
	if err != nil {
		return nil, &Problems{List: []Problem{syntaxProblem(err)}}
	}
	var ps problems
	for _, k := range md.Undecoded() {
		ps.add(Problem{Code: CodeUnknownKey, Item: file, Value: k.String()})
	}
	if ps.full() {
		// A file this far from a questionnaire gains nothing from a
		// list of the items it lacks.
		return nil, ps.err()
	}
	// A file's texts reach the terminal: they are cleaned at this door,
	// before validation, so that no view needs to. Ids are not cleaned
	// but checked: one holding such characters is refused.
	q.cleanTexts()
	q.validate(&ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return &q, nil
}

// syntaxProblem turns the TOML parser's error into a problem with the
// line and column it gives; its message stays as the detail.
func syntaxProblem(err error) Problem {
	p := Problem{Code: CodeSyntax, Item: Item{Kind: ItemFile}, Detail: err.Error()}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p.Line, p.Column, p.Detail = pe.Position.Line, pe.Position.Col, pe.Message
	}
	if len(p.Detail) > maxDetail {
		p.Detail = p.Detail[:maxDetail] + "…"
	}
	return p
}

// maxDetail bounds the parser's message, which can quote the file.
const maxDetail = 200

var loadEmbedded = sync.OnceValues(func() (*Questionnaire, error) {
	data, err := dataFS.ReadFile(questionnaireFile)
	if err != nil {
		return nil, err
	}
	return Parse(data)
})

// Load returns the embedded questionnaire. It is parsed once; every call
// gets its own deep copy, so a caller that modifies its copy cannot disturb
// another goroutine's.
func Load() (*Questionnaire, error) {
	q, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	return q.Clone(), nil
}

// Clone returns a deep copy of q.
func (q *Questionnaire) Clone() *Questionnaire {
	c := *q
	c.Areas = slices.Clone(q.Areas)
	c.Statements = slices.Clone(q.Statements)
	c.Discussion = slices.Clone(q.Discussion)
	c.Background = slices.Clone(q.Background)
	for i := range c.Background {
		c.Background[i].Options = slices.Clone(c.Background[i].Options)
	}
	return &c
}
