package batch

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/plantemplate"
	"github.com/vanban/vanban/internal/vntext"
)

// Status of one item.
type Status string

const (
	StatusOK      Status = "ok"      // rendered in every format asked
	StatusInvalid Status = "invalid" // the document has errors (decode, template or NĐ30); not rendered
	StatusFailed  Status = "failed"  // valid, but composing or rendering failed
)

// ManifestSchema names the manifest format.
const ManifestSchema = "vanban/batch-manifest/v1"

// ManifestName is the manifest's name inside the zip, written last.
const ManifestName = "manifest.json"

// Item is one document to render.
type Item struct {
	// Source says where the item came from, for people: a file name, or
	// "units.csv line 3" for a data row.
	Source string
	// Name is the base of its output file names before it is made a safe
	// ASCII slug ("xã Vĩnh Tú" → "xa-vinh-tu"); empty uses Source, then
	// "item-<n>".
	Name string
	// JSON is the document to decode, when Doc is nil.
	JSON []byte
	// Doc is an already decoded document (from a template); the batch
	// normalises it in place.
	Doc *document.Document
	// Findings found before the batch (a template's); any error makes the
	// item invalid without looking further.
	Findings document.Findings
	// Fill, when set, makes Doc and more Findings when the item's turn
	// comes (a template row), so that only the items in flight hold a
	// generated document, not all 500 at once.
	Fill func() (*document.Document, document.Findings)
}

// ItemResult is one item's entry in the manifest.
type ItemResult struct {
	// Index is the item's position in the input, from 0.
	Index  int    `json:"index"`
	Source string `json:"source"`
	Status Status `json:"status"`
	// Files are the item's entries in the zip, in the order of the formats.
	Files    []string          `json:"files"`
	Findings document.Findings `json:"findings"`
	// Error says why a failed item failed.
	Error string `json:"error,omitempty"`

	name string
}

// Manifest describes a batch: manifest.json inside the zip, and the value
// Run returns.
type Manifest struct {
	Schema  string          `json:"schema"`
	Formats []engine.Format `json:"formats"`
	Draft   bool            `json:"draft"`
	Total   int             `json:"total"`
	OK      int             `json:"ok"`
	Invalid int             `json:"invalid"`
	Failed  int             `json:"failed"`
	Items   []ItemResult    `json:"items"`
}

// Progress is reported after each item is written.
type Progress struct {
	Done, Total int
	Item        *ItemResult
}

// Options configure a Runner.
type Options struct {
	// Workers rendering at once; 0 means one per CPU (GOMAXPROCS).
	Workers int
	// Draft allows a blank number, date and signer name.
	Draft bool
	// Progress, when set, is called after each item is written to the zip,
	// in item order, from the goroutine that called Run.
	Progress func(Progress)
	// Gate, when set, runs each item's work (check, compose, render): a
	// service passes its cap on CPU-heavy work, so a batch's items queue
	// with every other request instead of beside them. An error (ctx
	// ended while waiting) fails the item.
	Gate func(ctx context.Context, work func()) error
}

// Runner renders batches with one engine. It is safe for concurrent use;
// each Run is independent.
type Runner struct {
	eng *engine.Engine
	opt Options
}

// New returns a Runner.
func New(eng *engine.Engine, opt Options) *Runner {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	return &Runner{eng: eng, opt: opt}
}

// zipTime is the modification time of every entry, so that the same batch
// gives the same zip bytes.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

type rendered struct {
	res   ItemResult
	files [][]byte
}

// Run renders every item in every format, in parallel, and streams a zip to
// w: each valid item's files in item order, then manifest.json. Invalid and
// failed items are recorded in the manifest and do not stop the others.
// The error is for the batch itself (w failing, ctx cancelled, no format);
// the zip is then incomplete.
func (b *Runner) Run(parent context.Context, items []Item, formats []engine.Format, w io.Writer) (*Manifest, error) {
	if len(formats) == 0 {
		return nil, errors.New("batch: no output format")
	}
	man := &Manifest{Schema: ManifestSchema, Formats: formats, Draft: b.opt.Draft, Total: len(items), Items: make([]ItemResult, 0, len(items))}
	names := uniqueSlugs(items)

	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	workers := min(b.opt.Workers, max(len(items), 1))
	// window bounds the items rendered but not yet written: rendering is
	// parallel, writing is in order, and a slow item must not make the
	// others pile up in memory.
	window := make(chan struct{}, 2*workers)
	jobs := make(chan int)
	results := make(chan rendered, workers)
	go func() {
		defer close(jobs)
		for i := range items {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results <- b.process(ctx, i, names[i], items[i], formats)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	zw := zip.NewWriter(w)
	pending := map[int]rendered{}
	next := 0
	var failure error
	for r := range results {
		if failure != nil {
			continue // drain, so the workers can finish
		}
		pending[r.res.Index] = r
		for {
			cur, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if err := writeItem(zw, cur, formats); err != nil {
				failure = fmt.Errorf("batch: write %s: %w", cur.res.Source, err)
				cancel()
				break
			}
			man.add(cur.res)
			next++
			<-window
			if b.opt.Progress != nil {
				b.opt.Progress(Progress{Done: next, Total: len(items), Item: &man.Items[len(man.Items)-1]})
			}
		}
	}
	if failure != nil {
		return man, failure
	}
	if err := parent.Err(); err != nil || next < len(items) {
		// Only cancellation stops the dispatcher early; items rendered
		// after it would be recorded as failed, which they are not.
		return man, fmt.Errorf("batch: %w", context.Cause(ctx))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(man); err != nil {
		return man, fmt.Errorf("batch: manifest: %w", err)
	}
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: ManifestName, Method: zip.Deflate, Modified: zipTime})
	if err != nil {
		return man, fmt.Errorf("batch: manifest: %w", err)
	}
	if _, err := fw.Write(buf.Bytes()); err != nil {
		return man, fmt.Errorf("batch: manifest: %w", err)
	}
	if err := zw.Close(); err != nil {
		return man, fmt.Errorf("batch: close zip: %w", err)
	}
	return man, nil
}

func (m *Manifest) add(r ItemResult) {
	switch r.Status {
	case StatusOK:
		m.OK++
	case StatusInvalid:
		m.Invalid++
	case StatusFailed:
		m.Failed++
	}
	m.Items = append(m.Items, r)
}

func writeItem(zw *zip.Writer, r rendered, formats []engine.Format) error {
	if r.res.Status != StatusOK {
		return nil
	}
	for i := range formats {
		// Stored, not deflated: a DOCX is a zip already and a PDF's streams
		// are compressed; deflating again saved 11% of a PDF's size for
		// 1.5 ms of serial CPU per item, the one part of a batch that does
		// not run in parallel.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: r.res.Files[i], Method: zip.Store, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := fw.Write(r.files[i]); err != nil {
			return err
		}
	}
	return nil
}

// process runs processItem through the gate, if any.
func (b *Runner) process(ctx context.Context, idx int, name string, it Item, formats []engine.Format) (out rendered) {
	if b.opt.Gate == nil {
		return b.processItem(ctx, idx, name, it, formats)
	}
	if err := b.opt.Gate(ctx, func() { out = b.processItem(ctx, idx, name, it, formats) }); err != nil {
		out.res = ItemResult{Index: idx, Source: it.Source, Files: []string{}, Findings: document.Findings{}, name: name,
			Status: StatusFailed, Error: err.Error()}
		out.files = nil
	}
	return out
}

// processItem checks and renders one item. A panic in a writer fails the
// item, not the batch: one odd document must not cost the other 999.
func (b *Runner) processItem(ctx context.Context, idx int, name string, it Item, formats []engine.Format) (out rendered) {
	out.res = ItemResult{Index: idx, Source: it.Source, Files: []string{}, Findings: document.Findings{}, name: name}
	if it.Fill != nil {
		d, fs := it.Fill()
		it.Doc = d
		it.Findings = append(slices.Clip(it.Findings), fs...)
	}
	out.res.Findings = append(out.res.Findings, it.Findings...)
	defer func() {
		if p := recover(); p != nil {
			out.res.Status = StatusFailed
			out.res.Files = []string{}
			out.files = nil
			out.res.Error = fmt.Sprintf("internal error: %v\n%s", p, firstLines(string(debug.Stack()), 12))
		}
	}()
	if it.Findings.HasErrors() || (it.Doc == nil && it.JSON == nil) {
		out.res.Status = StatusInvalid
		return out
	}
	if err := ctx.Err(); err != nil {
		// The batch is over (deadline, client gone): no more work.
		out.res.Status = StatusFailed
		out.res.Error = err.Error()
		return out
	}
	var c *engine.Checked
	if it.Doc != nil {
		c = b.eng.CheckDocument(it.Doc, b.opt.Draft)
	} else {
		var err error
		c, err = b.eng.Check(it.JSON, b.opt.Draft)
		var de *document.DecodeError
		switch {
		case errors.As(err, &de):
			out.res.Findings = append(out.res.Findings, de.Findings...)
			out.res.Status = StatusInvalid
			return out
		case err != nil:
			out.res.Status = StatusFailed
			out.res.Error = err.Error()
			return out
		}
	}
	out.res.Findings = append(out.res.Findings, c.Findings...)
	if !c.Valid() {
		out.res.Status = StatusInvalid
		return out
	}
	cd, err := b.eng.Compose(c)
	if err != nil {
		out.res.Status = StatusFailed
		out.res.Error = err.Error()
		return out
	}
	for _, f := range formats {
		var buf bytes.Buffer
		if _, err := b.eng.Render(ctx, cd, f, &buf); err != nil {
			out.res.Status = StatusFailed
			out.res.Error = err.Error()
			out.files = nil
			return out
		}
		out.files = append(out.files, buf.Bytes())
	}
	for _, f := range formats {
		out.res.Files = append(out.res.Files, name+"."+string(f))
	}
	out.res.Status = StatusOK
	return out
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// FromTemplate fills t with each row and returns one item per row, named
// by the row (Row.Name) and sourced by its data line. A row the template
// cannot fill becomes an invalid item carrying its findings.
func FromTemplate(t *plantemplate.Template, rows []plantemplate.Row, lim document.Limits) []Item {
	items := make([]Item, len(rows))
	for i, row := range rows {
		items[i] = Item{Source: row.Where(), Name: row.Name(), Fill: func() (*document.Document, document.Findings) {
			res := t.Execute(row, lim)
			return res.Doc, res.Findings
		}}
	}
	return items
}

// uniqueSlugs gives every item a distinct safe file name base, in item
// order, so names do not depend on which worker finishes first.
func uniqueSlugs(items []Item) []string {
	used := map[string]bool{}
	out := make([]string, len(items))
	for i, it := range items {
		base := it.Name
		if base == "" {
			base = it.Source
			if j := strings.LastIndexAny(base, `/\`); j >= 0 {
				base = base[j+1:]
			}
			base = strings.TrimSuffix(base, ".json")
		}
		s := Slug(base)
		if s == "" {
			s = "item-" + strconv.Itoa(i+1)
		}
		name := s
		for n := 2; used[name]; n++ {
			name = s + "-" + strconv.Itoa(n)
		}
		used[name] = true
		out[i] = name
	}
	return out
}

// Slug makes a safe ASCII file name base: Vietnamese letters lose their
// marks ("đ" → "d"), everything but letters and digits becomes "-", lower
// case, at most 60 characters: "xã Vĩnh Tú" → "xa-vinh-tu".
func Slug(s string) string { return vntext.Slug(s, 60) }
