package store

import (
	"io/fs"
	"os"
)

// statSame reports whether path names the file ident describes, by a
// full stat: stillNamed's way where statx is not to be had.
func statSame(path string, ident fs.FileInfo) (bool, error) {
	cur, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return os.SameFile(ident, cur), nil
}
