package tofu

import "syscall"

// ownProcessGroup: no reattaching on Windows (see oneProviderConfiguration).
func ownProcessGroup() *syscall.SysProcAttr { return nil }
