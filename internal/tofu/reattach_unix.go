//go:build !windows

package tofu

import "syscall"

// ownProcessGroup puts the provider in a process group of its own, as terraform-exec does
// OpenTofu: a signal to cx's group (Ctrl-C, a job stop, a CI cancellation) is for cx, which
// stops OpenTofu, which stops its work through the provider.
func ownProcessGroup() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }
