package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
)

// fileReport is one file's outcome in `validate --json`.
type fileReport struct {
	File     string            `json:"file"`
	Valid    bool              `json:"valid"`
	Findings document.Findings `json:"findings"`
}

// runValidate implements `vanban validate [--json] [--draft] FILE...`.
// Exit 0: no errors (warnings allowed); 1: some file has errors; 2: usage
// or an unreadable file.
func runValidate(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print findings as JSON")
	draft := fs.Bool("draft", false, "allow a blank number, date and signer name (a draft)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban validate [--json] [--draft] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintln(stderr, "vanban:", err)
		return 2
	}
	code := 0
	var reports []fileReport
	for _, name := range fs.Args() {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "vanban: %v\n", err)
			code = 2
			continue
		}
		rep := fileReport{File: name}
		c, err := eng.Check(data, *draft)
		var de *document.DecodeError
		switch {
		case errors.As(err, &de):
			rep.Findings = de.Findings
		case err != nil:
			fmt.Fprintf(stderr, "vanban: %s: %v\n", name, err)
			code = 2
			continue
		default:
			rep.Findings = c.Findings
		}
		rep.Valid = !rep.Findings.HasErrors()
		if !rep.Valid && code == 0 {
			code = 1
		}
		reports = append(reports, rep)
		if !*asJSON {
			printFindings(stdout, name, rep.Findings)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(reports); err != nil {
			fmt.Fprintln(stderr, "vanban:", err)
			return 2
		}
	}
	return code
}

func printFindings(w io.Writer, name string, fs document.Findings) {
	nerr, nwarn := len(fs.Errors()), len(fs.Warnings())
	status := "OK"
	if nerr > 0 {
		status = "INVALID"
	}
	fmt.Fprintf(w, "%s: %s (%d error(s), %d warning(s))\n", name, status, nerr, nwarn)
	for _, f := range fs {
		path := f.Path
		if path == "" {
			path = "/"
		}
		fmt.Fprintf(w, "  %-7s %s  %s\n          %s\n          %s  [%s]\n", f.Severity, path, f.Code, f.VI, f.EN, f.Rule)
	}
}

// newEngine builds the pipeline from the embedded assets.
func newEngine() (*engine.Engine, error) {
	return engine.New(templatesFS(), fontsFS(), document.Limits{})
}
