//go:build unix

package provider

import (
	"fmt"
	"io/fs"
	"syscall"
)

// fileIdentity tells apart two files of the same name, size and time: device and inode.
func fileIdentity(fi fs.FileInfo) string {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fmt.Sprintf("%d:%d", st.Dev, st.Ino)
	}
	return ""
}
