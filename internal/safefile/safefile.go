// Package safefile is the file handling every cx command shares for what it keeps under a
// workspace's .cx: whole-file writes and exclusive locks between cx processes.
package safefile

import (
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to a uniquely named temp file beside path and renames it over
// path, so concurrent writers and crashes never leave a half-written file and readers see
// the old content or the new, never a mix. Missing parent directories are created private
// (0700) when the file is private (no group or other bits in mode), else 0755.
func WriteFileAtomic(path string, data []byte, mode os.FileMode) error {
	dirMode := os.FileMode(0o755)
	if mode&0o077 == 0 {
		dirMode = 0o700
	}
	if err := os.MkdirAll(filepath.Dir(path), dirMode); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
