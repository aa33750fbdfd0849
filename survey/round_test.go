package survey

import "testing"

func TestRoundRatio(t *testing.T) {
	for _, c := range []struct{ num, den, decimals, want int }{
		{13, 4, 1, 33},   // 3.25: half away from zero, not to even (3.2)
		{15, 4, 1, 38},   // 3.75
		{63, 20, 1, 32},  // 3.15 is 3.1499… as a float64; exactly a half here
		{67, 20, 1, 34},  // 3.35 is 3.3500…01 as a float64
		{69, 20, 1, 35},  // 3.45
		{10, 3, 1, 33},   // 3.333…
		{20, 3, 1, 67},   // 6.666…
		{7, 1, 1, 70},    // whole numbers
		{0, 5, 1, 0},     // nothing but zeros
		{1, 20, 1, 1},    // 0.05
		{-13, 4, 1, -33}, // away from zero on both sides
		{13, -4, 1, -33},
		{100, 8, 0, 13},  // 12.5 %
		{100, 3, 0, 33},  // 33.3 %
		{200, 3, 0, 67},  // 66.7 %
		{5, 0, 1, 0},     // a mean of nothing
		{5, 8, 2, 63},    // 0.625 to two decimals
		{1, 255, 1, 0},   // 0.0039…
		{128, 255, 0, 1}, // 0.50196… rounds up, not to even
		{161, 48, 1, 34}, // 3.354…
	} {
		if got := RoundRatio(c.num, c.den, c.decimals); got != c.want {
			t.Errorf("RoundRatio(%d, %d, %d) = %d, want %d", c.num, c.den, c.decimals, got, c.want)
		}
	}
}

// Every mean of up to 255 ratings on the scale lies within half a tenth
// of its rounding, and exact halves go up.
func TestRoundRatioAgainstDefinition(t *testing.T) {
	for n := 1; n <= 255; n++ {
		for sum := n; sum <= 7*n; sum++ {
			got := RoundRatio(sum, n, 1)
			// |10·sum/n − got| ≤ 1/2, with = only when got is above.
			diff := 20*sum - 2*got*n // 2n·(10·sum/n − got)
			if diff >= n || diff < -n {
				t.Fatalf("RoundRatio(%d, %d, 1) = %d", sum, n, got)
			}
		}
	}
}
