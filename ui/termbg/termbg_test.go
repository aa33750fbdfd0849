package termbg

import "testing"

func TestIsDark(t *testing.T) {
	cases := []struct {
		spec     string
		dark, ok bool
	}{
		{"rgb:0000/0000/0000", true, true},
		{"rgb:ffff/ffff/ffff", false, true},
		{"rgb:1e1e/1e1e/2e2e", true, true},
		{"rgb:fd/f6/e3", false, true}, // two digits a channel (Solarized light)
		{"rgb:0/0/0", true, true},     // one digit
		{"rgba:ffff/ffff/ffff/ffff", false, true},
		{"rgb:8080/8080/8080", false, true}, // just above half
		{"rgb:7f7f/7f7f/7f7f", true, true},  // just below
		{"rgb:ffff/ffff", false, false},     // too few channels
		{"rgb:fffff/0/0", false, false},     // too many digits
		{"rgb:zz/00/00", false, false},
		{"#ffffff", false, false},
		{"", false, false},
	}
	for _, c := range cases {
		dark, ok := isDark(c.spec)
		if dark != c.dark || ok != c.ok {
			t.Errorf("isDark(%q) = %v, %v; want %v, %v", c.spec, dark, ok, c.dark, c.ok)
		}
	}
}

func TestColorFGBG(t *testing.T) {
	cases := []struct {
		v        string
		dark, ok bool
	}{
		{"15;0", true, true},
		{"0;15", false, true},
		{"15;default;0", true, true},
		{"0;7", false, true},
		{"7;6", true, true},
		{"7;8", false, true},
		{"15", false, false},
		{"15;x", false, false},
		{"15;16", false, false},
		{"", false, false},
	}
	for _, c := range cases {
		dark, ok := colorFGBG(c.v)
		if dark != c.dark || ok != c.ok {
			t.Errorf("colorFGBG(%q) = %v, %v; want %v, %v", c.v, dark, ok, c.dark, c.ok)
		}
	}
}

func TestCanQuery(t *testing.T) {
	for term, want := range map[string]bool{
		"xterm-256color": true, "screen-256color": false, "tmux-256color": false,
		"dumb": false, "": false, "linux": true,
	} {
		if got := canQuery(term); got != want {
			t.Errorf("canQuery(%q) = %v, want %v", term, got, want)
		}
	}
}
