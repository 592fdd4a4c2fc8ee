package pdfread

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrNoTool: the external converter a format needs (pdftotext for a PDF,
// soffice for a legacy .doc) is not installed on this machine.
var ErrNoTool = errors.New("converter not installed")

// ErrUnreadable: the converter ran and refused the file, or produced
// output that cannot be read.
var ErrUnreadable = errors.New("unreadable PDF")

// ErrTooLarge: the converter's output is over Limits.MaxOutput.
var ErrTooLarge = errors.New("PDF text over the limit")

// MissingToolError names the tool that is missing; it wraps ErrNoTool.
type MissingToolError struct {
	Tool    string // "pdftotext" or "soffice"
	Package string // the Debian package that provides it
}

func (e *MissingToolError) Error() string {
	return fmt.Sprintf("%s is not installed (Debian package %s): %v", e.Tool, e.Package, ErrNoTool)
}

func (e *MissingToolError) Unwrap() error { return ErrNoTool }

// Limits bound one extraction.
type Limits struct {
	// Timeout of the pdftotext process.
	Timeout time.Duration
	// MaxOutput caps the XHTML pdftotext writes (about 150 bytes a word).
	MaxOutput int64
	// MaxPages: a longer PDF is refused (ErrTooLarge).
	MaxPages int
}

// DefaultLimits: a 60-page plan is about 30 000 words, 5 MB of XHTML.
var DefaultLimits = Limits{Timeout: 30 * time.Second, MaxOutput: 64 << 20, MaxPages: 500}

// MaxWordsPerPage bounds the layout's work (some of its steps compare the
// words of a page pairwise): a dense A4 page in 8 pt type holds about
// 2 000 words.
const MaxWordsPerPage = 5000

// Word is one word of the text layer with its box in PDF points, y
// growing downwards from the page top.
type Word struct {
	Text           string
	X0, Y0, X1, Y1 float64
	// Bold and Italic come from the font (pdftohtml), when it is there.
	Bold, Italic bool
	// Font (the family the PDF names, subset prefix and style suffix
	// included) and Size in points, from pdftohtml, when it is there.
	Font string
	Size float64
}

// Page is one page's words in the order pdftotext found them.
type Page struct {
	Width, Height float64
	Words         []Word
}

// LookTool finds the pdftotext executable.
func LookTool() (string, error) {
	p, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", &MissingToolError{Tool: "pdftotext", Package: "poppler-utils"}
	}
	return p, nil
}

// Extract reads the positioned words of every page of a PDF.
func Extract(ctx context.Context, pdf []byte, lim Limits) ([]Page, error) {
	if lim.Timeout <= 0 {
		lim.Timeout = DefaultLimits.Timeout
	}
	if lim.MaxOutput <= 0 {
		lim.MaxOutput = DefaultLimits.MaxOutput
	}
	if lim.MaxPages <= 0 {
		lim.MaxPages = DefaultLimits.MaxPages
	}
	tool, err := LookTool()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "vanban-pdf-")
	if err != nil {
		return nil, fmt.Errorf("pdf: temp dir: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	// Font styles are a bonus, read by pdftohtml alongside: without it, or
	// when it fails, the words come without bold and italic.
	var scmd *exec.Cmd
	sout := &limitedWriter{w: &bytes.Buffer{}, n: lim.MaxOutput}
	if html, err := exec.LookPath("pdftohtml"); err == nil {
		scmd = exec.CommandContext(ctx, html, "-xml", "-i", "-stdout", "-q", "-l", strconv.Itoa(lim.MaxPages+1), in)
		scmd.Stdout = sout
		if scmd.Start() != nil {
			scmd = nil
		}
	}
	defer func() {
		if scmd != nil && scmd.ProcessState == nil {
			scmd.Process.Kill()
			scmd.Wait()
		}
	}()
	cmd := exec.CommandContext(ctx, tool, "-bbox-layout", "-enc", "UTF-8", "-l", strconv.Itoa(lim.MaxPages+1), in, "-")
	var stderr bytes.Buffer
	cmd.Stderr = &limitedWriter{w: &stderr, n: 4096}
	out := &limitedWriter{w: &bytes.Buffer{}, n: lim.MaxOutput}
	cmd.Stdout = out
	runErr := cmd.Run()
	if out.over {
		return nil, fmt.Errorf("pdf: pdftotext wrote more than %d bytes: %w", lim.MaxOutput, ErrTooLarge)
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("pdf: pdftotext did not finish in %s: %w", lim.Timeout, ErrUnreadable)
	}
	if runErr != nil {
		msg := strings.TrimSpace(stderr.String())
		return nil, fmt.Errorf("pdf: pdftotext: %v %s: %w", runErr, msg, ErrUnreadable)
	}
	pages, err := ParseBBox(out.w.(*bytes.Buffer))
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	// One page past the limit is read to tell a long PDF from one at the
	// limit: it is refused, never cut.
	if len(pages) > lim.MaxPages {
		return nil, fmt.Errorf("pdf: more than %d pages: %w", lim.MaxPages, ErrTooLarge)
	}
	if scmd != nil && scmd.Wait() == nil && !sout.over {
		if styles, err := parseStyles(sout.w.(*bytes.Buffer), pages); err == nil {
			applyStyles(pages, styles)
		}
	}
	return pages, nil
}

// limitedWriter keeps at most n bytes and remembers it was cut.
type limitedWriter struct {
	w    io.Writer
	n    int64
	over bool
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > l.n {
		l.over = true
		if l.n > 0 {
			l.w.Write(p[:l.n])
		}
		l.n = 0
		return 0, errors.New("output limit")
	}
	l.n -= int64(len(p))
	return l.w.Write(p)
}

// ParseBBox reads pdftotext's -bbox-layout XHTML.
func ParseBBox(r io.Reader) ([]Page, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var pages []Page
	var cur *Page
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read pdftotext output: %v: %w", err, ErrUnreadable)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			pages = append(pages, Page{Width: attrF(se, "width"), Height: attrF(se, "height")})
			cur = &pages[len(pages)-1]
		case "word":
			var s string
			if err := dec.DecodeElement(&s, &se); err != nil {
				return nil, fmt.Errorf("read pdftotext word: %v: %w", err, ErrUnreadable)
			}
			if cur == nil || strings.TrimSpace(s) == "" {
				continue
			}
			if len(cur.Words) >= MaxWordsPerPage {
				return nil, fmt.Errorf("page %d has more than %d words: %w", len(pages), MaxWordsPerPage, ErrTooLarge)
			}
			cur.Words = append(cur.Words, Word{Text: strings.TrimSpace(s),
				X0: attrF(se, "xMin"), Y0: attrF(se, "yMin"), X1: attrF(se, "xMax"), Y1: attrF(se, "yMax")})
		}
	}
	return pages, nil
}

func attrF(se xml.StartElement, name string) float64 {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			f, err := strconv.ParseFloat(a.Value, 64)
			if err == nil {
				return f
			}
		}
	}
	return 0
}
