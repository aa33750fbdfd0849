package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// appDir and fileName make up the tail of the default path.
const (
	appDir   = "digikomp"
	fileName = "digikomp.db"
)

// DefaultPath returns where the database lives when no path is given:
//
//	Linux, BSD:  $XDG_DATA_HOME/digikomp/digikomp.db, else ~/.local/share/digikomp/digikomp.db
//	macOS:       ~/Library/Application Support/digikomp/digikomp.db
//	Windows:     %LocalAppData%\digikomp\digikomp.db
//
// It only computes the path; Open creates the directories.
func DefaultPath() (string, error) {
	return defaultPath(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

// defaultPath is DefaultPath with the platform and environment as
// parameters, so every platform's rule is tested on any machine.
func defaultPath(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	switch goos {
	case "windows":
		dir := getenv("LocalAppData")
		if dir == "" {
			return "", errors.New("cannot find the data directory: %LocalAppData% is not set")
		}
		return filepath.Join(dir, appDir, fileName), nil
	case "darwin", "ios":
		h, err := home()
		if err != nil {
			return "", fmt.Errorf("cannot find the data directory: %w", err)
		}
		return filepath.Join(h, "Library", "Application Support", appDir, fileName), nil
	default:
		// The XDG spec says a relative value is invalid and to be ignored.
		if dir := getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
			return filepath.Join(dir, appDir, fileName), nil
		}
		h, err := home()
		if err != nil {
			return "", fmt.Errorf("cannot find the data directory: %w", err)
		}
		return filepath.Join(h, ".local", "share", appDir, fileName), nil
	}
}
