package apihttp

import (
	"math"
	"testing"
)

func TestPageWindow(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		total, number, size, start, end int
	}{
		{0, 1, 25, 0, 0},
		{5, 1, 2, 0, 2},
		{5, 3, 2, 4, 5},
		{5, 4, 2, 5, 5},
		{4, 2, 2, 2, 4},
		{4, 3, 2, 4, 4},
		{5, 1, 500, 0, 5},
		{5, 0, 2, 0, 0},
		{5, 4611686018427387905, 2, 5, 5}, // (n-1)*2 wraps to math.MinInt
		{5, math.MaxInt, 500, 5, 5},
		{math.MaxInt, math.MaxInt, 1, math.MaxInt - 1, math.MaxInt},
		{math.MaxInt, 2, math.MaxInt, math.MaxInt, math.MaxInt},
	} {
		start, end := PageWindow(tc.total, tc.number, tc.size)
		if start != tc.start || end != tc.end {
			t.Errorf("pageWindow(%d, %d, %d) = %d, %d; want %d, %d", tc.total, tc.number, tc.size, start, end, tc.start, tc.end)
		}
	}
}
