package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/rollover"
)

// runRollover implements `vanban rollover --to-year YEAR [--from-year YEAR]
// [--out FILE] [--report FILE] [--rename FILE.csv] INPUT.json`: next year's
// draft on stdout (or --out), the change report as text on stderr and as
// JSON in --report. Exit 0: done; 1: the input is not a valid v1 document;
// 2: usage, an unreadable file or a plan year that cannot be told.
func runRollover(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rollover", flag.ContinueOnError)
	fs.SetOutput(stderr)
	toYear := fs.Int("to-year", 0, "the year of the new plan (required)")
	fromYear := fs.Int("from-year", 0, "the plan year of the input (default: from the summary, else the date)")
	out := fs.String("out", "", "write the new draft to FILE instead of stdout")
	report := fs.String("report", "", "write the change report as JSON to FILE")
	renameFile := fs.String("rename", "", "CSV rename table: old name,new name per line")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban rollover --to-year YEAR [--from-year YEAR] [--out FILE] [--report FILE] [--rename FILE.csv] INPUT.json (or - for stdin)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *toYear == 0 {
		fs.Usage()
		return 2
	}
	in := fs.Arg(0)
	var data []byte
	var err error
	if in == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(in)
	}
	if err != nil {
		fmt.Fprintln(stderr, "vanban rollover:", err)
		return 2
	}
	var opt rollover.Options
	opt.FromYear = *fromYear
	if *renameFile != "" {
		f, err := os.Open(*renameFile)
		if err != nil {
			fmt.Fprintln(stderr, "vanban rollover:", err)
			return 2
		}
		opt.Renames, err = rollover.ReadRenames(f)
		f.Close()
		if err != nil {
			fmt.Fprintln(stderr, "vanban rollover:", err)
			return 2
		}
	}
	d, err := document.DecodeBytes(data, document.Limits{})
	var de *document.DecodeError
	if errors.As(err, &de) {
		printFindings(stderr, in, de.Findings)
		return 1
	} else if err != nil {
		fmt.Fprintln(stderr, "vanban rollover:", err)
		return 2
	}
	nd, rep, err := rollover.Roll(d, *toYear, opt)
	if err != nil {
		fmt.Fprintln(stderr, "vanban rollover:", err)
		return 2
	}
	js, err := rollover.Marshal(nd)
	if err != nil {
		fmt.Fprintln(stderr, "vanban rollover:", err)
		return 2
	}
	if *out == "" || *out == "-" {
		if _, err := stdout.Write(js); err != nil {
			fmt.Fprintln(stderr, "vanban rollover:", err)
			return 2
		}
	} else if err := writeAtomic(*out, func(w io.Writer) error { _, err := w.Write(js); return err }); err != nil {
		fmt.Fprintln(stderr, "vanban rollover:", err)
		return 2
	}
	if *report != "" {
		if err := writeAtomic(*report, rep.WriteJSON); err != nil {
			fmt.Fprintln(stderr, "vanban rollover:", err)
			return 2
		}
	}
	if err := rep.WriteText(stderr); err != nil {
		return 2
	}
	if *out != "" && *out != "-" {
		fmt.Fprintln(stderr, "wrote", *out)
	}
	return 0
}
