package survey

import (
	"embed"
	"errors"
	"fmt"
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
// a statement without its English text, so unknown keys are errors.
func Parse(data []byte) (*Questionnaire, error) {
	var q Questionnaire
	if err := decodeStrict(data, &q); err != nil {
		return nil, fmt.Errorf("questionnaire: %w", err)
	}
	// A file's texts reach the terminal: they are cleaned at this door,
	// before validation, so that no view needs to.
	q.cleanTexts()
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("questionnaire %q: %w", q.ID, err)
	}
	return &q, nil
}

// decodeStrict decodes TOML into v and reports every key that v has no
// field for.
func decodeStrict(data []byte, v any) error {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		// ParseError's message already carries the line number.
		return err
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		errs := make([]error, len(keys))
		for i, k := range keys {
			errs[i] = fmt.Errorf("unknown key %q", k.String())
		}
		return errors.Join(errs...)
	}
	return nil
}

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
