package plantemplate

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/vntext"
)

// funcs are the functions a template may call, besides the harmless
// built-ins listed in allowed.
var funcs = map[string]any{
	// print and printf replace the built-ins of the same name (a
	// template's own functions win over them) with bounded ones: see
	// safePrintf.
	"print":  safePrint,
	"printf": safePrintf,
	// upper: Vietnamese upper case, for headings: {{upper .DonVi}}.
	"upper": func(v any) string { return vntext.Upper(fmt.Sprint(v)) },
	// lower: Vietnamese lower case.
	"lower": func(v any) string { return vntext.Lower(fmt.Sprint(v)) },
	// num: a number with Vietnamese grouping: 1250000 → "1.250.000",
	// 12.5 → "12,5".
	"num": func(v any) (string, error) {
		s, err := numberText(v)
		if err != nil {
			return "", err
		}
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return vntext.FormatInt(i), nil
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return "", fmt.Errorf("num: %q is not a number", s)
		}
		prec := 0
		if _, frac, ok := strings.Cut(s, "."); ok {
			prec = len(frac)
		}
		return vntext.FormatDecimal(f, prec), nil
	},
	// words: a whole number in words, lower case, without unit:
	// 370000000 → "ba trăm bảy mươi triệu".
	"words": func(v any) (string, error) {
		s, err := numberText(v)
		if err != nil {
			return "", err
		}
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return "", fmt.Errorf("words: %q is not a whole number ≥ 0", s)
		}
		return vntext.Words(n, vntext.WordsOptions{}), nil
	},
	// add: whole-number addition, e.g. last year: {{add .Nam -1}}.
	"add": func(a, b any) (int64, error) {
		x, err := intOf(a)
		if err != nil {
			return 0, err
		}
		y, err := intOf(b)
		if err != nil {
			return 0, err
		}
		return x + y, nil
	},
}

func intOf(v any) (int64, error) {
	switch x := v.(type) {
	case int:
		return int64(x), nil
	case int64:
		return x, nil
	}
	s, err := numberText(v)
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("add: %q is not a whole number", s)
	}
	return n, nil
}

var (
	jsonNumberRE = regexp.MustCompile(`^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$`)
	// Vietnamese grouping: "1.250.000", "3.190", "12,5", "1.234,56".
	viGroupedRE = regexp.MustCompile(`^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$`)
	viDecimalRE = regexp.MustCompile(`^-?\d+,\d+$`)
)

// numberText reads a number written either way and returns it in JSON
// syntax. Vietnamese grouping wins when both readings are possible: a
// clerk's "3.190" is three thousand one hundred and ninety.
func numberText(v any) (string, error) {
	switch x := v.(type) {
	case json.Number:
		return x.String(), nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case string:
		s := spaceRemover.Replace(strings.TrimSpace(x))
		switch {
		case viGroupedRE.MatchString(s), viDecimalRE.MatchString(s):
			return strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."), nil
		case jsonNumberRE.MatchString(s):
			return s, nil
		}
		return "", fmt.Errorf("%q is not a number", x)
	}
	return "", fmt.Errorf("%v is not a number", v)
}

// spaceRemover drops the spaces some clerks group digits with.
var spaceRemover = strings.NewReplacer(" ", "", "\u00a0", "")

var errNotBool = errors.New("want true or false")

// typed turns the value of a {{.Name}} that is a whole string into the
// JSON value the contract expects at that place.
func typed(v any, target reflect.Type) (any, error) {
	if f, ok := v.(float64); ok {
		v = json.Number(strconv.FormatFloat(f, 'f', -1, 64))
	}
	s, isString := v.(string)
	if !isString || target == nil {
		return v, nil // JSON lines values keep their type; decoding checks it
	}
	switch {
	case target == cellType:
		if n, err := numberText(s); err == nil {
			return json.Number(n), nil
		}
		return s, nil
	case target.Kind() >= reflect.Int && target.Kind() <= reflect.Float64:
		n, err := numberText(s)
		if err != nil {
			return nil, err
		}
		return json.Number(n), nil
	case target.Kind() == reflect.Bool:
		b, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return nil, errNotBool
		}
		return b, nil
	}
	return s, nil
}
