//go:build !unix

package provider

import "os"

const noFollow = 0

// privateDir: ownership is not checked here; the directory must exist.
func privateDir(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}
