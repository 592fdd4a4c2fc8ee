package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/vanban/vanban/internal/importer"
)

// runImport implements `vanban import [--report FILE] FILE.docx|FILE.pdf|FILE.doc|FILE.txt|-`:
// the recognised document as indented v1 JSON on stdout, and the report of
// what was recognised, guessed and dropped on stderr (as text) or in FILE
// (as JSON). Exit status: 0 imported, 1 the file was refused (a .doc or PDF
// without its converter installed, too large, zip bomb, malformed), 2 usage
// or I/O errors.
func runImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	reportFile := fs.String("report", "", "write the import report as JSON to FILE instead of text on stderr")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban import [--report FILE] FILE.docx|FILE.pdf|FILE.doc|FILE.txt (or - for stdin)")
		fmt.Fprintln(stderr, "Prints the recognised document as vanban JSON v1; validate it with 'vanban validate --draft'.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	in := fs.Arg(0)
	lim := importer.DefaultLimits
	var data []byte
	var err error
	if in == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, lim.MaxBytes+1))
	} else {
		var st os.FileInfo
		if st, err = os.Stat(in); err == nil && st.Size() > lim.MaxBytes {
			fmt.Fprintf(stderr, "vanban import: %s: %d bytes, over the limit of %d\n", in, st.Size(), lim.MaxBytes)
			return 1
		}
		data, err = os.ReadFile(in)
	}
	if err != nil {
		fmt.Fprintln(stderr, "vanban import:", err)
		return 2
	}
	d, rep, err := importer.Import(bytes.NewReader(data), int64(len(data)), in, lim)
	if err != nil {
		fmt.Fprintf(stderr, "vanban import: %s: %v\n", in, err)
		switch {
		case errors.Is(err, importer.ErrLegacyDOC), errors.Is(err, importer.ErrNoConverter), errors.Is(err, importer.ErrTooLarge),
			errors.Is(err, importer.ErrZipBomb), errors.Is(err, importer.ErrMalformed):
			return 1
		}
		return 2
	}
	out, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		fmt.Fprintln(stderr, "vanban import:", err)
		return 2
	}
	if *reportFile != "" {
		rj, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "vanban import:", err)
			return 2
		}
		if err := writeAtomic(*reportFile, func(w io.Writer) error {
			_, err := w.Write(append(rj, '\n'))
			return err
		}); err != nil {
			fmt.Fprintln(stderr, "vanban import:", err)
			return 2
		}
	} else if err := rep.WriteText(stderr); err != nil {
		return 2
	}
	if _, err := stdout.Write(append(out, '\n')); err != nil {
		fmt.Fprintln(stderr, "vanban import:", err)
		return 2
	}
	return 0
}
