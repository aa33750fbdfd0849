//go:build !linux

package store

import "io/fs"

// stillNamed reports whether path names the file ident describes.
func stillNamed(path string, ident fs.FileInfo) (bool, error) {
	return statSame(path, ident)
}
