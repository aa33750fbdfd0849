package survey

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

const municipalitiesFile = "data/municipalities.toml"

// Municipality is one of Sweden's municipalities (kommuner) and the county
// (län) it lies in.
type Municipality struct {
	Name   string `toml:"name"`
	County string `toml:"county"`
}

// municipalityList is the shape of data/municipalities.toml.
type municipalityList struct {
	Municipality []Municipality `toml:"municipality"`
}

// parseMunicipalities decodes a municipality list and sorts it the way a
// Swedish reader expects: å, ä and ö after z.
func parseMunicipalities(data []byte) ([]Municipality, error) {
	var l municipalityList
	if err := decodeStrict(data, &l); err != nil {
		return nil, fmt.Errorf("municipalities: %w", err)
	}
	seen := make(map[string]bool, len(l.Municipality))
	for i, m := range l.Municipality {
		if m.Name == "" || m.County == "" {
			return nil, fmt.Errorf("municipalities: entry #%d (%q) lacks name or county", i+1, m.Name)
		}
		if seen[m.Name] {
			return nil, fmt.Errorf("municipalities: %q listed twice", m.Name)
		}
		seen[m.Name] = true
	}
	c := collate.New(language.Swedish)
	slices.SortStableFunc(l.Municipality, func(a, b Municipality) int {
		return c.CompareString(a.Name, b.Name)
	})
	return l.Municipality, nil
}

// allMunicipalities panics rather than returning an error because the list
// is embedded at build time and a test parses it; a failure here is a
// broken build, not something a caller could handle.
var allMunicipalities = sync.OnceValue(func() []Municipality {
	data, err := dataFS.ReadFile(municipalitiesFile)
	if err != nil {
		panic(err)
	}
	ms, err := parseMunicipalities(data)
	if err != nil {
		panic(err)
	}
	return ms
})

// Municipalities returns all of Sweden's municipalities in Swedish
// alphabetical order. The slice is the caller's own.
func Municipalities() []Municipality {
	return slices.Clone(allMunicipalities())
}

// LookupMunicipality returns the municipality with exactly the given name,
// as stored in an answer to the municipality question.
func LookupMunicipality(name string) (Municipality, bool) {
	for _, m := range allMunicipalities() {
		if m.Name == name {
			return m, true
		}
	}
	return Municipality{}, false
}

// FilterMunicipalities returns the municipalities whose name matches query,
// ignoring case: first those that start with it, then those that contain it
// elsewhere, each group in Swedish alphabetical order. A plain letter in the
// query also matches its Swedish variants, because people often type
// without å, ä and ö ("vaxjo" finds Växjö), while a letter typed with a
// diacritic matches only itself ("vä" does not find Vaxholm). A space and a
// hyphen match each other. An empty query matches everything.
func FilterMunicipalities(query string) []Municipality {
	q := []rune(strings.ToLower(strings.TrimSpace(query)))
	all := allMunicipalities()
	if len(q) == 0 {
		return slices.Clone(all)
	}
	var prefix, inside []Municipality
	for _, m := range all {
		switch i := matchIndex([]rune(strings.ToLower(m.Name)), q); {
		case i == 0:
			prefix = append(prefix, m)
		case i > 0:
			inside = append(inside, m)
		}
	}
	return append(prefix, inside...)
}

// matchIndex returns the first rune position in name where query matches,
// or -1. Both are lower case.
func matchIndex(name, query []rune) int {
	for i := 0; i+len(query) <= len(name); i++ {
		ok := true
		for j, qr := range query {
			if !runeMatches(name[i+j], qr) {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// runeMatches reports whether a lower-case name rune n satisfies the
// lower-case query rune q.
func runeMatches(n, q rune) bool {
	if n == q {
		return true
	}
	if isSeparator(n) && isSeparator(q) {
		return true
	}
	return q < unicode.MaxASCII && fold(n) == q
}

func isSeparator(r rune) bool { return r == ' ' || r == '-' }

// fold maps the accented letters found in Swedish place names to the plain
// letter people type when their keyboard lacks them.
func fold(r rune) rune {
	switch r {
	case 'å', 'ä', 'á', 'à', 'â':
		return 'a'
	case 'ö', 'ø', 'ó', 'ò', 'ô':
		return 'o'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'ü', 'ú':
		return 'u'
	}
	return r
}

// decodeStrict decodes the embedded TOML into v and reports every key that
// v has no field for; its errors are for developers, not people.
func decodeStrict(data []byte, v any) error {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return err
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return fmt.Errorf("unknown key %q", keys[0].String())
	}
	return nil
}
