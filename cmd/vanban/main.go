package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

func main() {
	if len(os.Args) > 1 && oneShot[os.Args[1]] {
		// A one-shot command allocates a few tens of MB and exits: garbage
		// collection would only cost time (a third of a PDF render's). The
		// memory limit turns it back on should an input be unexpectedly
		// large. Long-running commands (serve, batch) keep the defaults.
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(512 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// collectLessOften is the garbage-collection setting of the long-running
// commands (serve, batch), and returns what restores the previous one. A
// render allocates 1-3 MB of short-lived garbage while the live heap stays
// small (a few rendered documents in flight), so collecting at 400 %
// instead of 100 % spends a fifth less CPU per PDF (BenchmarkHandler with
// GOGC=400) for a heap of tens of MB. The user's GOGC wins.
func collectLessOften() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(400)
	return func() { debug.SetGCPercent(old) }
}

// oneShot lists the commands that handle one document and exit.
var oneShot = map[string]bool{"validate": true, "check": true, "render": true, "text": true, "import": true, "rollover": true}

type command struct {
	name, summary string
	run           func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"validate", "check documents against NĐ30 and their own arithmetic", runValidate},
		{"check", "review a .docx or PDF against NĐ30 (layout, text, content); --parity A.docx B.pdf", runCheck},
		{"render", "render a document to DOCX and/or PDF", runRender},
		{"batch", "render many documents (a template with data, or a folder) into one zip", runBatch},
		{"rollover", "turn this year's plan into next year's draft, with a change report", runRollover},
		{"import", "turn a .docx or text file into vanban JSON, with a report", runImport},
		{"serve", "run the HTTP API and the web editor", runServe},
		{"text", "Vietnamese text tools: amounts in words, dates, TCVN3/VNI conversion", runText},
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "vanban: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: vanban <command> [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'vanban <command> -h' for a command's flags.")
}
