// Package report prints a benchmark's goals the same way in every benchmark: met or
// missed, what was asked, and the figure measured.
package report

import "fmt"

// Goal prints one goal line, with what padded to width, and returns met.
func Goal(width int, what string, met bool, got string) bool {
	mark := "MET   "
	if !met {
		mark = "MISSED"
	}
	fmt.Printf("  %s %-*s got %s\n", mark, width, what, got)
	return met
}
