package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"digikomp/ui"
)

// langFromArgs returns the last --lang value on the command line, found
// before the flags are parsed: a flag error met before --lang is reached
// must still be phrased in the language asked for. It skips the values of
// the other flags that take one, as the flag package would.
func langFromArgs(args []string) (string, bool) {
	var lang string
	var found bool
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		switch name {
		case "db", "questions", "lang", "profile", "format", "out", "workshop", "round", "compare", "clear-after":
		default:
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				break
			}
			i++
			value = args[i]
		}
		if name == "lang" {
			lang, found = value, true
		}
	}
	return lang, found
}

// Go's flag package words its errors in English and offers no typed
// errors, so they are recognised by their wording and said again from
// the catalogue. flag_test.go runs every kind through the real parser, so
// a change of wording in a new Go fails a test rather than reaching a
// person.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: -(.+)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: -(.+)$`)
	flagBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-([^:]+):`)
	flagSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagMessage turns an error of flag.FlagSet.Parse into a sentence from
// cat, without the final full stop (cat.ErrUsage adds the rest).
func flagMessage(cat *ui.Catalog, err error) string {
	s := err.Error()
	if m := flagUndefined.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf(cat.ErrFlagUnknown, dashed(m[1]))
	}
	if m := flagNoValue.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf(cat.ErrFlagNoValue, dashed(m[1]))
	}
	if m := flagBadValue.FindStringSubmatch(s); m != nil {
		value, uerr := strconv.Unquote(m[1])
		if uerr != nil {
			value = m[1]
		}
		return fmt.Sprintf(cat.ErrFlagValue, value, dashed(m[2]))
	}
	if m := flagSyntax.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf(cat.ErrFlagSyntax, m[1])
	}
	return cat.ErrFlagsUnreadable
}

// unexpected is the message for an error nothing else names: a sentence
// from the catalogue, and the error's own words, which may be English, on
// the detail line under it.
func unexpected(cat *ui.Catalog, err error) string {
	return ui.WithDetail(cat.ErrUnexpected, cat.DetailLine(err))
}

// dashed writes a flag name as the help text does: --name, or -h.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}
