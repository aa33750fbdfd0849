//go:build !linux

package store

import (
	"io/fs"
	"os"
)

// stillNamed reports whether path names the file ident describes.
func stillNamed(path string, ident fs.FileInfo) (bool, error) {
	cur, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return os.SameFile(ident, cur), nil
}
