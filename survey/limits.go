package survey

// The limits of a questionnaire file. The store keeps its records within
// the same limits (it imports them from here), so a file that passes Parse
// is never refused later when an attempt of it is saved.
const (
	// MaxFileSize bounds the file read before it is parsed: the built-in
	// questionnaire is about 12 KB, and 255 statements with long texts in
	// two languages stay well under it.
	MaxFileSize = 256 << 10

	// MaxIDLen is the most bytes an id may have.
	MaxIDLen = 128

	// MaxStatements is the most statements a questionnaire may have: a
	// finished attempt's results row holds one byte per statement index.
	MaxStatements = 255

	// MaxBackground is the most background questions, and MaxOptions the
	// most options of one: an attempt record points at each by a one-byte
	// position.
	MaxBackground = 255
	MaxOptions    = 255

	// MaxRating is the highest point a scale may reach: a rating is
	// stored in one byte as its value plus one, 0 meaning skipped.
	MaxRating = 254

	// MaxVersion is the highest version: the store keys a questionnaire
	// version in four bytes.
	MaxVersion = 1<<32 - 1

	// maxNesting bounds how deeply tables, arrays and dotted keys may
	// nest. The questionnaire needs three levels; the TOML parser's work
	// grows with the square of the depth, so a 20 KB file nested
	// thousands deep took seconds and gigabytes before this limit.
	maxNesting = 8

	// maxTokens bounds the keys, values and nesting a file may have (its
	// '=', ',', '.', '[' and '{' outside strings and comments). The
	// built-in questionnaire has about 500, one of 255 statements 2,700;
	// the parser takes a few microseconds for each, so without this a
	// file of 256 KB of tiny keys or values took more than a second.
	maxTokens = 10_000
)

// CheckID returns the rule id breaks, or "" when it is a good id:
// not empty, at most MaxIDLen bytes, UTF-8 without control characters,
// line breaks, tabs or bidirectional overrides (an id is shown on a line of
// its own and quoted in messages, and a NUL separates keys in the store).
func CheckID(id string) Code {
	switch {
	case id == "":
		return CodeEmptyID
	case len(id) > MaxIDLen:
		return CodeIDTooLong
	case needsCleaning(id, false):
		return CodeIDCharacter
	}
	return ""
}

// scanLimits finds the first place in a TOML file where tables, arrays or
// dotted keys nest deeper than maxNesting, or where the file passes
// maxTokens, and returns the problem. It reads the file once, skipping
// strings and comments, so its cost is linear whatever the file holds; a
// file it misreads is left for the parser to refuse.
func scanLimits(data []byte) (Problem, bool) {
	file := Item{Kind: ItemFile}
	line, depth, dots, tokens := 1, 0, 0, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '\n':
			line++
			dots = 0
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			i, line = skipString(data, i, line)
		case '[', '{':
			depth++
			dots = 0
			tokens++
		case ']', '}':
			depth--
			dots = 0
		case '=', ',':
			dots = 0
			tokens++
		case '.':
			dots++
			tokens++
		}
		switch {
		case depth > maxNesting || dots > maxNesting:
			return Problem{Code: CodeTooDeep, Item: file, Line: line, M: maxNesting}, false
		case tokens > maxTokens:
			return Problem{Code: CodeTooManyTokens, Item: file, Line: line, M: maxTokens}, false
		}
	}
	return Problem{}, true
}

// skipString returns the index of the last byte of the string that starts
// at data[i] (basic or literal, single- or multi-line) and the line it
// ends on. An unterminated string runs to the end of the file.
func skipString(data []byte, i, line int) (int, int) {
	q := data[i]
	multi := i+2 < len(data) && data[i+1] == q && data[i+2] == q
	if multi {
		i += 2
	} else if i+1 < len(data) && data[i+1] == q {
		return i + 1, line // an empty string
	}
	for i++; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\n':
			line++
			if !multi {
				return i - 1, line - 1 // the parser reports it
			}
		case c == '\\' && q == '"':
			if i+1 < len(data) && data[i+1] == '\n' {
				line++
			}
			i++
		case c == q && !multi:
			return i, line
		case c == q && i+2 < len(data) && data[i+1] == q && data[i+2] == q:
			// Up to two more quotes may close a multi-line string
			// ("""a"""" is a followed by one quote).
			i += 2
			for k := 0; k < 2 && i+1 < len(data) && data[i+1] == q; k++ {
				i++
			}
			return i, line
		}
	}
	return len(data) - 1, line
}
