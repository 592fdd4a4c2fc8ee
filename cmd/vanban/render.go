package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/render"
)

// runRender implements `vanban render --format docx|pdf|docx,pdf --out FILE
// [--draft] INPUT.json`. With two formats, --out names the base and each
// file gets its extension. Output files are written to a temporary name in
// the same directory and renamed only when complete, so a failure never
// leaves half a file.
func runRender(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "pdf", "output format: docx, pdf or docx,pdf")
	out := fs.String("out", "", "output file (\"-\" for stdout); default: INPUT with the format's extension")
	draft := fs.Bool("draft", false, "allow a blank number, date and signer name (a draft)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban render [--format docx|pdf|docx,pdf] [--out FILE|-] [--draft] INPUT.json (or - for stdin)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	formats, err := engine.ParseFormats(*format)
	if err != nil {
		fmt.Fprintln(stderr, "vanban render:", err)
		return 2
	}
	in := fs.Arg(0)
	var data []byte
	if in == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(in)
	}
	if err != nil {
		fmt.Fprintln(stderr, "vanban render:", err)
		return 2
	}
	if *out == "-" && len(formats) > 1 {
		fmt.Fprintln(stderr, "vanban render: --out - takes one format")
		return 2
	}
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintln(stderr, "vanban render:", err)
		return 2
	}
	c, err := eng.Check(data, *draft)
	var de *document.DecodeError
	if errors.As(err, &de) {
		printFindings(stderr, in, de.Findings)
		return 1
	} else if err != nil {
		fmt.Fprintln(stderr, "vanban render:", err)
		return 2
	}
	if !c.Valid() {
		printFindings(stderr, in, c.Findings)
		return 1
	}
	if len(c.Findings) > 0 {
		printFindings(stderr, in, c.Findings)
	}
	cd, err := eng.Compose(c)
	if err != nil {
		fmt.Fprintln(stderr, "vanban render:", err)
		return 1
	}
	ctx := context.Background()
	for _, f := range formats {
		target := outputName(*out, in, f, len(formats) > 1)
		if target == "-" {
			if _, err := eng.Render(ctx, cd, f, stdout); err != nil {
				fmt.Fprintln(stderr, "vanban render:", err)
				return 1
			}
			continue
		}
		var res *render.Result
		if err := writeAtomic(target, func(w io.Writer) error {
			var err error
			res, err = eng.Render(ctx, cd, f, w)
			return err
		}); err != nil {
			fmt.Fprintln(stderr, "vanban render:", err)
			return 1
		}
		fmt.Fprintln(stderr, "wrote", target)
		if res != nil && res.Signature != nil {
			a := res.Signature
			fmt.Fprintf(stderr, "  %d page(s); signer block on page %d at x=%.2f y=%.2f width=%.2f height=%.2f (PDF points)\n",
				res.Pages, a.Page, a.X, a.Y, a.W, a.H)
		}
		if res != nil {
			for _, n := range res.Notes {
				fmt.Fprintf(stderr, "  %s %s: %s\n", n.Severity, n.Code, n.VI)
			}
		}
	}
	return 0
}

// outputName picks the file for one format: --out as given for a single
// format, --out with the format's extension for several, or the input's
// name with the extension.
func outputName(out, in string, f engine.Format, several bool) string {
	if out == "-" {
		return out
	}
	base := out
	if base == "" {
		if in == "-" {
			base = "document"
		} else {
			base = strings.TrimSuffix(in, filepath.Ext(in))
		}
		return base + "." + string(f)
	}
	if several {
		return strings.TrimSuffix(base, filepath.Ext(base)) + "." + string(f)
	}
	return base
}

// writeAtomic writes to a temporary file beside name and renames it into
// place only when write succeeded. A missing folder is made, as a clerk
// asking for out/2025/ke-hoach expects.
func writeAtomic(name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
