package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/term"

	"github.com/vanban/vanban/internal/batch"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/plantemplate"
)

// runBatch implements
//
//	vanban batch --template T.json --data units.csv --out out.zip [--format docx,pdf] [--draft] [--fail-on-error] [--workers N]
//	vanban batch --out out.zip [--format docx,pdf] [--draft] [--fail-on-error] [--workers N] DIR|FILE.json...
//
// It renders every document (every data row, or every *.json of each DIR
// and each FILE) into one zip with manifest.json. Invalid items are
// reported on stderr and in the manifest, and every valid item is still
// rendered. Exit 0: the zip was written, whatever the items' status; 1:
// with --fail-on-error, some item is invalid or failed; 2: usage, an
// unreadable input or the zip could not be written.
func runBatch(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tmplFile := fs.String("template", "", "plan template (a v1 document with {{.Variables}})")
	dataFile := fs.String("data", "", "data table for --template: CSV with a header row, or JSON lines (.jsonl)")
	format := fs.String("format", "docx,pdf", "output formats: docx, pdf or docx,pdf")
	out := fs.String("out", "", "output zip (\"-\" for stdout; required)")
	draft := fs.Bool("draft", false, "allow a blank number, date and signer name (drafts)")
	failOnError := fs.Bool("fail-on-error", false, "exit 1 when any item is invalid or failed")
	workers := fs.Int("workers", 0, "documents rendered at once (default: one per CPU)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban batch --template T.json --data units.csv --out out.zip [flags]")
		fmt.Fprintln(stderr, "       vanban batch --out out.zip [flags] DIR|FILE.json...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fromTemplate := *tmplFile != "" || *dataFile != ""
	if *out == "" || (fromTemplate && (*tmplFile == "" || *dataFile == "" || fs.NArg() > 0)) || (!fromTemplate && fs.NArg() == 0) {
		fs.Usage()
		return 2
	}
	formats, err := engine.ParseFormats(*format)
	if err != nil {
		fmt.Fprintln(stderr, "vanban batch:", err)
		return 2
	}
	var items []batch.Item
	if fromTemplate {
		items, err = templateItems(*tmplFile, *dataFile)
	} else {
		items, err = fileItems(fs.Args())
	}
	if err != nil {
		fmt.Fprintln(stderr, "vanban batch:", err)
		return 2
	}
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintln(stderr, "vanban batch:", err)
		return 2
	}
	defer collectLessOften()()
	prog := newProgress(stderr, len(items))
	r := batch.New(eng, batch.Options{Workers: *workers, Draft: *draft, Progress: prog.report})
	var man *batch.Manifest
	run := func(w io.Writer) error {
		var err error
		man, err = r.Run(context.Background(), items, formats, w)
		return err
	}
	if *out == "-" {
		err = run(stdout)
	} else {
		err = writeAtomic(*out, run)
	}
	prog.done()
	if err != nil {
		fmt.Fprintln(stderr, "vanban batch:", err)
		return 2
	}
	for _, it := range man.Items {
		// Errors of the items that were not rendered, and every finding
		// about the template's variables (a column never used is a
		// warning, but it is a mistake in the data the user gave).
		var show []document.Finding
		for _, f := range it.Findings {
			if (it.Status != batch.StatusOK && f.Severity == document.Error) || strings.HasPrefix(f.Code, "template.") {
				show = append(show, f)
			}
		}
		if it.Status == batch.StatusOK && len(show) == 0 {
			continue
		}
		fmt.Fprintf(stderr, "%s: %s\n", it.Source, strings.ToUpper(string(it.Status)))
		if it.Error != "" {
			fmt.Fprintf(stderr, "  %s\n", firstLine(it.Error))
		}
		for _, f := range show {
			fmt.Fprintf(stderr, "  %s\n", f)
		}
	}
	dest := *out
	if dest == "-" {
		dest = "stdout"
	}
	fmt.Fprintf(stderr, "wrote %s: %d item(s): %d ok, %d invalid, %d failed\n", dest, man.Total, man.OK, man.Invalid, man.Failed)
	if *failOnError && man.OK != man.Total {
		return 1
	}
	return 0
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func templateItems(tmplFile, dataFile string) ([]batch.Item, error) {
	data, err := os.ReadFile(tmplFile)
	if err != nil {
		return nil, err
	}
	t, err := plantemplate.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", tmplFile, err)
	}
	f, err := os.Open(dataFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := plantemplate.ReadData(dataFile, f)
	if err != nil {
		return nil, err
	}
	return batch.FromTemplate(t, rows, document.Limits{}), nil
}

// fileItems reads every FILE and every *.json of every DIR (sorted, not
// recursive) as one item each.
func fileItems(args []string) ([]batch.Item, error) {
	var names []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			names = append(names, a)
			continue
		}
		m, err := filepath.Glob(filepath.Join(a, "*.json"))
		if err != nil {
			return nil, err
		}
		slices.Sort(m)
		names = append(names, m...)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no *.json in %s", strings.Join(args, ", "))
	}
	items := make([]batch.Item, 0, len(names))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		items = append(items, batch.Item{Source: n, Name: strings.TrimSuffix(filepath.Base(n), filepath.Ext(n)), JSON: data})
	}
	return items, nil
}

// progress shows a bar that redraws in place when stderr is a terminal,
// and one plain line per item otherwise (logs, CI).
type progress struct {
	w     io.Writer
	tty   bool
	total int
	shown bool
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) report(pr batch.Progress) {
	if !p.tty {
		fmt.Fprintf(p.w, "batch: %d/%d %s %s\n", pr.Done, pr.Total, pr.Item.Status, pr.Item.Source)
		return
	}
	const width = 30
	filled := width
	if pr.Total > 0 {
		filled = pr.Done * width / pr.Total
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(".", width-filled), pr.Done, pr.Total)
	p.shown = true
}

func (p *progress) done() {
	if p.tty && p.shown {
		fmt.Fprintln(p.w)
	}
}
