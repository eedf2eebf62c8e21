//go:build unix

package provider

import (
	"os"
	"syscall"
)

// noFollow makes opening the memo's file fail on a symbolic link.
const noFollow = syscall.O_NOFOLLOW

// privateDir reports whether dir belongs to this user and only this user may write in it.
func privateDir(dir string) bool {
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() || fi.Mode().Perm()&0o022 != 0 {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
