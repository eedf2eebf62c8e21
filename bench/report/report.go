// Package report prints a benchmark's goals the same way in every benchmark: met or
// missed, what was asked, and the figure measured; and sums up rounds of one measurement.
package report

import (
	"fmt"
	"slices"
	"strings"
)

// Goal prints one goal line, with what padded to width, and returns met.
func Goal(width int, what string, met bool, got string) bool {
	mark := "MET   "
	if !met {
		mark = "MISSED"
	}
	fmt.Printf("  %s %-*s got %s\n", mark, width, what, got)
	return met
}

// Median is the middle value of xs (the mean of the two middle ones for an even count).
func Median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// Figures writes xs in order, each with unit after it: "3.10x, 3.35x".
func Figures(xs []float64, unit string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprintf("%.2f%s", x, unit)
	}
	return strings.Join(parts, ", ")
}
