package importer_test

import (
	"regexp"
	"testing"
)

// ratio is Python's difflib.SequenceMatcher(None, a, b).ratio(): twice the
// number of matched elements over the total, where matches are found by
// recursively taking the longest common block. Like difflib, elements of b
// that are "popular" (more than 1% of a b of 200 or more) cannot start a
// match, only extend one (autojunk).
func ratio(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	b2j := map[string][]int{}
	for j, w := range b {
		b2j[w] = append(b2j[w], j)
	}
	if n := len(b); n >= 200 {
		ntest := n/100 + 1
		for w, idx := range b2j {
			if len(idx) > ntest {
				delete(b2j, w)
			}
		}
	}
	longest := func(alo, ahi, blo, bhi int) (int, int, int) {
		besti, bestj, bestsize := alo, blo, 0
		j2len := map[int]int{}
		for i := alo; i < ahi; i++ {
			next := map[int]int{}
			for _, j := range b2j[a[i]] {
				if j < blo {
					continue
				}
				if j >= bhi {
					break
				}
				k := j2len[j-1] + 1
				next[j] = k
				if k > bestsize {
					besti, bestj, bestsize = i-k+1, j-k+1, k
				}
			}
			j2len = next
		}
		// Extend over popular elements that match on both sides (difflib
		// extends over anything not junk; there is no junk here).
		for besti > alo && bestj > blo && a[besti-1] == b[bestj-1] {
			besti, bestj, bestsize = besti-1, bestj-1, bestsize+1
		}
		for besti+bestsize < ahi && bestj+bestsize < bhi && a[besti+bestsize] == b[bestj+bestsize] {
			bestsize++
		}
		return besti, bestj, bestsize
	}
	matched := 0
	type span struct{ alo, ahi, blo, bhi int }
	queue := []span{{0, len(a), 0, len(b)}}
	for len(queue) > 0 {
		s := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		i, j, k := longest(s.alo, s.ahi, s.blo, s.bhi)
		if k == 0 {
			continue
		}
		matched += k
		if s.alo < i && s.blo < j {
			queue = append(queue, span{s.alo, i, s.blo, j})
		}
		if i+k < s.ahi && j+k < s.bhi {
			queue = append(queue, span{i + k, s.ahi, j + k, s.bhi})
		}
	}
	return 2 * float64(matched) / float64(len(a)+len(b))
}

// TestRatio checks the implementation against figures Python's difflib
// gives for the same inputs.
func TestRatio(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"a b c d", "a b c d", 1},
		{"a b c d", "a x c d", 0.75},
		{"abcd", "bcde", 0},
		{"một hai ba bốn năm", "hai ba bốn năm sáu", 0.8},
		{"x y z", "", 0},
	}
	for _, tt := range tests {
		if got := ratio(splitSpace(tt.a), splitSpace(tt.b)); got != tt.want {
			t.Errorf("ratio(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func splitSpace(s string) []string {
	if s == "" {
		return nil
	}
	return regexp.MustCompile(`\s+`).Split(s, -1)
}
