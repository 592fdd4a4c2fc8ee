package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/vanban/vanban/internal/check"
)

// runCheck implements `vanban check [--json] FILE.docx|FILE.pdf` and
// `vanban check --parity A.docx B.pdf`. Exit 0: nothing a reviewer would
// send back (parity: the same lines); 1: something would be; 2: usage or
// an unreadable file.
func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	parity := fs.Bool("parity", false, "compare A.docx laid out by LibreOffice with B.pdf, line by line")
	timeout := fs.Duration("timeout", 2*time.Minute, "deadline of one check")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban check [--json] FILE.docx|FILE.pdf\n       vanban check --parity [--json] A.docx B.pdf")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	want := 1
	if *parity {
		want = 2
	}
	if fs.NArg() != want {
		fs.Usage()
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	var files [][]byte
	for _, name := range fs.Args() {
		b, err := readLimited(name, 200<<20)
		if err != nil {
			fmt.Fprintf(stderr, "vanban check: %v\n", err)
			return 2
		}
		files = append(files, b)
	}
	if *parity {
		rep, err := check.Parity(ctx, files[0], files[1], *timeout)
		if err != nil {
			fmt.Fprintf(stderr, "vanban check: %v\n", err)
			return 2
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			enc.Encode(rep)
		} else {
			for _, d := range rep.Diffs {
				fmt.Fprintf(stdout, "p.%d line %d:\n  docx: %s\n  pdf:  %s\n", d.Page, d.Line, d.DOCX, d.PDF)
			}
			if rep.NoTimes {
				fmt.Fprintf(stdout, "LibreOffice had no Times New Roman or metric clone (it used %s): install fonts-liberation2\n", strings.Join(rep.Fonts, ", "))
			}
			verdict := "PASS"
			if !rep.Same() {
				verdict = "FAIL"
			}
			fmt.Fprintf(stdout, "%s: pages %d (docx via LibreOffice) / %d (pdf), %d lines compared, %d differ (first %d shown), %d page edges and %d words differ\n",
				verdict, rep.PagesDOCX, rep.PagesPDF, rep.Lines, rep.Differ, len(rep.Diffs), rep.EdgesDiffer, rep.WordsDiffer)
		}
		if !rep.Same() {
			return 1
		}
		return 0
	}
	rep, err := check.File(ctx, fs.Arg(0), files[0])
	if err != nil {
		fmt.Fprintf(stderr, "vanban check: %v\n", err)
		return 2
	}
	if *asJSON {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "vanban check: %v\n", err)
		return 2
	}
	if !rep.Passes() {
		return 1
	}
	return 0
}

// readLimited reads a file of at most max bytes: a larger one is refused,
// never cut.
func readLimited(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, errors.New(name + ": over the size limit")
	}
	return b, nil
}
