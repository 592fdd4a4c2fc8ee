package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/vanban/vanban/internal/vntext"
)

const textUsage = `usage: vanban text <command> [flags] [args]

commands:
  words [--bon] [--le] [--ngan] [--unit UNIT] NUMBER
        print NUMBER (370000000 or 370.000.000) in words;
        --unit đồng appends "đồng chẵn"
  convert --from tcvn3|vni|auto [FILE]
        repair TCVN3/VNI mojibake (or raw legacy bytes) to Unicode NFC;
        reads stdin when FILE is absent, writes stdout
  date YYYY-MM-DD
        print the date in the Nghị định 30 form; 0 leaves a part blank
        (2024-00-00 → "ngày     tháng     năm 2024")
`

// runText implements `vanban text ...`; returns the exit code (0 ok, 1
// failure, 2 usage).
func runText(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, textUsage)
		return 2
	}
	switch args[0] {
	case "words":
		return runTextWords(args[1:], stdout, stderr)
	case "convert":
		return runTextConvert(args[1:], stdin, stdout, stderr)
	case "date":
		return runTextDate(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, textUsage)
		return 0
	}
	fmt.Fprintf(stderr, "vanban text: unknown command %q\n%s", args[0], textUsage)
	return 2
}

func newTextFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("vanban text "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: vanban text %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// textFlagCode maps a flag parse error to an exit code: -h is success.
func textFlagCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

func runTextWords(args []string, stdout, stderr io.Writer) int {
	fs := newTextFlagSet("words", "words [--bon] [--le] [--ngan] [--unit UNIT] NUMBER", stderr)
	var opt vntext.WordsOptions
	fs.BoolVar(&opt.Bon, "bon", false, `use "bốn" instead of "tư" after mươi`)
	fs.BoolVar(&opt.Le, "le", false, `use "lẻ" instead of "linh"`)
	fs.BoolVar(&opt.Ngan, "ngan", false, `use "ngàn" instead of "nghìn"`)
	// "đồng" by default: the words a clerk needs are the "bằng chữ" line under
	// a budget, which reads "... đồng chẵn".
	unit := fs.String("unit", "đồng", `unit appended after the words ("đồng" adds "chẵn"; "" for the bare number)`)
	if err := fs.Parse(args); err != nil {
		return textFlagCode(err)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	n, err := vntext.ParseUint(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "vanban text words: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, vntext.AmountInWords(n, *unit, opt))
	return 0
}

func runTextConvert(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newTextFlagSet("convert", "convert --from tcvn3|vni|auto [FILE]", stderr)
	from := fs.String("from", "auto", "source encoding: tcvn3, vni or auto")
	if err := fs.Parse(args); err != nil {
		return textFlagCode(err)
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	var enc vntext.Encoding
	switch strings.ToLower(*from) {
	case "tcvn3", "abc":
		enc = vntext.EncTCVN3
	case "vni":
		enc = vntext.EncVNI
	case "auto":
		enc = -1
	default:
		fmt.Fprintf(stderr, "vanban text convert: unknown encoding %q (want tcvn3, vni or auto)\n", *from)
		return 2
	}
	var data []byte
	var err error
	if fs.NArg() == 1 {
		data, err = os.ReadFile(fs.Arg(0))
	} else {
		data, err = io.ReadAll(stdin)
	}
	if err != nil {
		fmt.Fprintf(stderr, "vanban text convert: %v\n", err)
		return 1
	}
	// A file saved by a legacy editor holds the raw 8-bit codes, which are
	// not UTF-8. Decoding them as Windows-1252 gives exactly the mojibake
	// the tables expect.
	if !utf8.Valid(data) {
		if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
			fmt.Fprintf(stderr, "vanban text convert: %v\n", err)
			return 1
		}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	s := string(data)
	if enc < 0 {
		var n int
		enc, n = vntext.DetectLegacy(s)
		fmt.Fprintf(stderr, "vanban text convert: detected %s (%d suspicious words)\n", enc, n)
	}
	if _, err := io.WriteString(stdout, vntext.ConvertLegacy(s, enc)); err != nil {
		fmt.Fprintf(stderr, "vanban text convert: %v\n", err)
		return 1
	}
	return 0
}

func runTextDate(args []string, stdout, stderr io.Writer) int {
	fs := newTextFlagSet("date", "date YYYY-MM-DD", stderr)
	if err := fs.Parse(args); err != nil {
		return textFlagCode(err)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	parts := strings.Split(fs.Arg(0), "-")
	if len(parts) != 3 {
		fmt.Fprintf(stderr, "vanban text date: %q is not YYYY-MM-DD\n", fs.Arg(0))
		return 1
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			fmt.Fprintf(stderr, "vanban text date: %q is not YYYY-MM-DD\n", fs.Arg(0))
			return 1
		}
		v[i] = n
	}
	d := vntext.Date{Year: v[0], Month: v[1], Day: v[2]}
	if err := d.Valid(); err != nil {
		fmt.Fprintf(stderr, "vanban text date: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, vntext.FormatDate(d))
	return 0
}
