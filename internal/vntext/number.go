package vntext

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// viPrinter formats with CLDR's Vietnamese symbols: "." groups thousands
// and "," separates decimals. message.Printer takes its per-call state from
// a pool, so one shared printer is safe for concurrent use.
var viPrinter = message.NewPrinter(language.Vietnamese)

// FormatInt formats n with Vietnamese grouping: 1234567 → "1.234.567",
// -5 → "-5". It is hand-written (not x/text) because it sits in hot loops of
// the writers; the tests check it against x/text/message for many values.
func FormatInt(n int64) string {
	var buf [32]byte
	i := len(buf)
	u := uint64(n)
	if n < 0 {
		u = -u // two's complement; correct for math.MinInt64 too
	}
	for d := 0; ; d++ {
		if d > 0 && d%3 == 0 {
			i--
			buf[i] = '.'
		}
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if n < 0 {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// FormatDecimal formats f with prec digits after the decimal comma and
// thousands grouping: (12.5, 1) → "12,5", (1234.5, 2) → "1.234,50".
// Negative zero after rounding is written "0" without a sign. NaN and
// infinities, which have no Vietnamese form, come out as "NaN", "+Inf" and
// "-Inf".
func FormatDecimal(f float64, prec int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	if prec < 0 {
		prec = 0
	}
	s := viPrinter.Sprint(number.Decimal(f, number.Scale(prec)))
	return stripNegZero(s)
}

// FormatPercent formats f (already in percent: 12.5 means 12,5 %) as
// "12,5%". Vietnamese documents write the sign without a space.
func FormatPercent(f float64, prec int) string {
	return FormatDecimal(f, prec) + "%"
}

// stripNegZero turns "-0", "-0,00" into "0", "0,00".
func stripNegZero(s string) string {
	if !strings.HasPrefix(s, "-") {
		return s
	}
	for _, r := range s[1:] {
		if r != '0' && r != ',' && r != '.' {
			return s
		}
	}
	return s[1:]
}

// Errors returned (wrapped) by ParseNumber.
var (
	ErrNoDigits    = errors.New("no digits")
	ErrBadGrouping = errors.New("bad thousands grouping")
	ErrBadChar     = errors.New("unexpected character")
)

// currencySuffixes are stripped by ParseNumber (compared in lower case).
var currencySuffixes = []string{"đồng", "vnđ", "vnd", "đ", "₫"}

// ParseNumber reads a number written the Vietnamese way: "." groups
// thousands (every group after the first must have exactly three digits)
// and "," is the decimal separator. An optional sign and an optional
// currency suffix ("đ", "đồng", "VNĐ", "VND", "₫", with or without a space)
// are accepted: "1.234.567", "12,5", "370.000.000đ", "150.000.000 đồng".
//
// "12.5" is an error, not 12.5: in a Vietnamese document it is a malformed
// "12.500", and silently accepting it would let a wrong amount through.
func ParseNumber(s string) (float64, error) {
	orig := s
	fail := func(err error, detail string) (float64, error) {
		if detail != "" {
			return 0, fmt.Errorf("vntext: parse number %q: %w: %s", orig, err, detail)
		}
		return 0, fmt.Errorf("vntext: parse number %q: %w", orig, err)
	}
	s = strings.TrimSpace(NFC(s))
	low := strings.ToLower(s)
	for _, suf := range currencySuffixes {
		if strings.HasSuffix(low, suf) {
			s = strings.TrimRightFunc(s[:len(s)-len(suf)], unicode.IsSpace)
			break
		}
	}
	if s == "" {
		return fail(ErrNoDigits, "")
	}
	var b strings.Builder
	if s[0] == '-' || s[0] == '+' {
		b.WriteByte(s[0])
		s = s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ",")
	if hasFrac && strings.Contains(frac, ",") {
		return fail(ErrBadChar, "more than one decimal comma")
	}
	if intPart == "" {
		return fail(ErrNoDigits, "nothing before the decimal comma")
	}
	groups := strings.Split(intPart, ".")
	for i, g := range groups {
		if g == "" {
			return fail(ErrBadGrouping, "empty group")
		}
		for j := 0; j < len(g); j++ {
			if g[j] < '0' || g[j] > '9' {
				r := []rune(g[j:])[0]
				return fail(ErrBadChar, fmt.Sprintf("%q", r))
			}
		}
		if len(groups) > 1 {
			if i == 0 && len(g) > 3 {
				return fail(ErrBadGrouping, fmt.Sprintf("first group %q longer than 3 digits", g))
			}
			if i > 0 && len(g) != 3 {
				return fail(ErrBadGrouping, fmt.Sprintf("group %q after \".\" must have 3 digits", g))
			}
		}
		b.WriteString(g)
	}
	if hasFrac {
		if frac == "" {
			return fail(ErrNoDigits, "nothing after the decimal comma")
		}
		for j := 0; j < len(frac); j++ {
			if frac[j] < '0' || frac[j] > '9' {
				r := []rune(frac[j:])[0]
				if r == '.' {
					return fail(ErrBadGrouping, "\".\" after the decimal comma")
				}
				return fail(ErrBadChar, fmt.Sprintf("%q", r))
			}
		}
		b.WriteByte('.')
		b.WriteString(frac)
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return fail(errors.Unwrap(err), "")
	}
	return v, nil
}

// ParseUint reads a non-negative whole number with optional Vietnamese
// grouping ("370000000", "370.000.000", "370.000.000 đồng") exactly, without
// going through float64 (which loses digits above 2^53). The grouping rules
// and currency suffixes are those of ParseNumber; a decimal part is an
// error.
func ParseUint(s string) (uint64, error) {
	orig := s
	s = strings.TrimSpace(NFC(s))
	low := strings.ToLower(s)
	for _, suf := range currencySuffixes {
		if strings.HasSuffix(low, suf) {
			s = strings.TrimRightFunc(s[:len(s)-len(suf)], unicode.IsSpace)
			break
		}
	}
	s = strings.TrimPrefix(s, "+")
	if strings.Contains(s, ",") {
		return 0, fmt.Errorf("vntext: parse whole number %q: %w: decimal part not allowed", orig, ErrBadChar)
	}
	if s == "" {
		return 0, fmt.Errorf("vntext: parse whole number %q: %w", orig, ErrNoDigits)
	}
	// Reuse ParseNumber's grouping checks and error messages.
	if _, err := ParseNumber(s); err != nil {
		return 0, err
	}
	if strings.HasPrefix(s, "-") {
		return 0, fmt.Errorf("vntext: parse whole number %q: %w: negative", orig, ErrBadChar)
	}
	v, err := strconv.ParseUint(strings.ReplaceAll(s, ".", ""), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("vntext: parse whole number %q: %w", orig, errors.Unwrap(err))
	}
	return v, nil
}
