package store

import (
	"errors"
	"path/filepath"
	"runtime"
	"testing"
)

func TestDefaultPath(t *testing.T) {
	home := filepath.FromSlash("/home/anna")
	xdg := filepath.FromSlash("/data/anna")
	tests := []struct {
		goos string
		env  map[string]string
		want string // "" means an error is expected
	}{
		{"linux", nil, filepath.Join(home, ".local", "share", "digikomp", "digikomp.db")},
		{"linux", map[string]string{"XDG_DATA_HOME": xdg}, filepath.Join(xdg, "digikomp", "digikomp.db")},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative/dir"}, filepath.Join(home, ".local", "share", "digikomp", "digikomp.db")},
		{"freebsd", nil, filepath.Join(home, ".local", "share", "digikomp", "digikomp.db")},
		{"darwin", map[string]string{"XDG_DATA_HOME": xdg}, filepath.Join(home, "Library", "Application Support", "digikomp", "digikomp.db")},
		{"windows", map[string]string{"LocalAppData": `C:\Users\anna\AppData\Local`}, filepath.Join(`C:\Users\anna\AppData\Local`, "digikomp", "digikomp.db")},
		{"windows", nil, ""},
	}
	for _, tc := range tests {
		if runtime.GOOS == "windows" && tc.env["XDG_DATA_HOME"] == xdg && tc.goos == "linux" {
			continue // a Unix absolute path is not absolute on Windows
		}
		got, err := defaultPath(tc.goos, func(k string) string { return tc.env[k] },
			func() (string, error) { return home, nil })
		if tc.want == "" {
			if err == nil {
				t.Errorf("%s %v: got %q, want an error", tc.goos, tc.env, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s %v: got %q, %v; want %q", tc.goos, tc.env, got, err, tc.want)
		}
	}
}

func TestDefaultPathWithoutHome(t *testing.T) {
	noHome := func() (string, error) { return "", errors.New("no home") }
	for _, goos := range []string{"linux", "darwin"} {
		if _, err := defaultPath(goos, func(string) string { return "" }, noHome); err == nil {
			t.Errorf("%s without a home directory: no error", goos)
		}
	}
}

func TestDefaultPathOnThisMachine(t *testing.T) {
	path, err := DefaultPath()
	if err != nil {
		t.Skipf("no default path here: %v", err)
	}
	if !filepath.IsAbs(path) || filepath.Base(path) != "digikomp.db" || filepath.Base(filepath.Dir(path)) != "digikomp" {
		t.Errorf("DefaultPath() = %q", path)
	}
}
