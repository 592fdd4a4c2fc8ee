package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer/pdfread"
	"github.com/vanban/vanban/internal/vntext"
)

// FormatPDF: a born-digital PDF read through its text layer.
const FormatPDF = "pdf"

// ErrNoConverter: the external tool a format needs is not installed
// (pdftotext for a .pdf). HTTP: 415. The error names the tool.
var ErrNoConverter = pdfread.ErrNoTool

// ImportPDF reads a born-digital PDF: its positioned words (poppler's
// pdftotext, see package pdfread) laid out into the lines a .docx gives,
// then recognised the same way.
func ImportPDF(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (*document.Document, *Report, error) {
	lim = lim.orDefault()
	if size > lim.MaxBytes {
		return nil, nil, fmt.Errorf("import: %d bytes, over the limit of %d: %w", size, lim.MaxBytes, ErrTooLarge)
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, nil, fmt.Errorf("import: read: %w", err)
	}
	pages, err := pdfread.Extract(ctx, data, pdfread.DefaultLimits)
	switch {
	case err == nil:
	case errors.Is(err, pdfread.ErrNoTool):
		return nil, nil, fmt.Errorf("import: %w", err)
	case errors.Is(err, pdfread.ErrTooLarge):
		return nil, nil, fmt.Errorf("import: %v: %w", err, ErrTooLarge)
	default:
		return nil, nil, fmt.Errorf("import: %v: %w", err, ErrMalformed)
	}
	rep := &Report{Format: FormatPDF, Encoding: "utf-8"}
	lines := pdfLines(pages, rep)
	if len(lines) == 0 {
		return nil, nil, fmt.Errorf("import: the PDF has no text layer (a scan?): %w", ErrMalformed)
	}
	d := recognise(lines, rep, true)
	if p := pdfProfile(pages, rep); p != nil {
		d.Options.Profile = p
	}
	return d, rep, nil
}

var amountStartRE = regexp.MustCompile(`^\d{1,3}(?:\.\d{3})+\b`)

// pdfOptions hand the recogniser's own patterns to the layout step.
var pdfOptions = pdfread.Options{
	// An amount wrapped to the start of a line ("45.000.000 đồng;") is no
	// "45." label.
	StartsBlock: func(t string) bool {
		return (startsBlock(t) && !amountStartRE.MatchString(t)) || kinhGuiRE.MatchString(t) || isNation(t)
	},
	Standalone: func(t string) bool {
		return isTypeLine(t) || decisionLineRE.MatchString(strings.TrimSpace(t)) || appendixRE.MatchString(t) || divisionLine(t)
	},
	EndsHeader: kinhGuiRE.MatchString,
	// A "Nơi nhận:" heading alone (a body line "Nơi nhận hồ sơ: ..." is
	// text), or a TM./KT./TL. authority line.
	Closing: func(t string) bool {
		if m := noiNhanRE.FindStringSubmatch(strings.TrimSpace(t)); m != nil {
			return m[1] == "" || strings.HasPrefix(m[1], "-")
		}
		return authorityRE.MatchString(t)
	},
}

// pdfLines lays out the pages and reports what the layout removed or
// repaired.
func pdfLines(pages []pdfread.Page, rep *Report) []line {
	res := pdfread.Layout(pages, pdfOptions)
	for _, dr := range res.Dropped {
		vi, en := "số trang", "page number"
		if dr.Reason == pdfread.ReasonStamp {
			vi, en = "dấu chữ ký số", "digital-signature stamp"
		}
		// A page number is printed again by the system; a stamp is not
		// part of the document. Neither has a source paragraph number.
		rep.drop(-1, dr.Text, dr.Reason != pdfread.ReasonStamp, fmt.Sprintf("Trang %d: %s, không phải nội dung văn bản.", dr.Page, vi),
			fmt.Sprintf("page %d: %s, not part of the document", dr.Page, en))
	}
	for _, rp := range res.Repairs {
		rep.guessed("", fmt.Sprintf("Phông chữ của PDF mã hóa sai %d chữ %q: đã sửa thành %q.", rp.Count, string(rp.From), string(rp.To)),
			fmt.Sprintf("the PDF's font mis-encodes %d letter(s) %q: repaired to %q", rp.Count, string(rp.From), string(rp.To)))
	}
	if res.Footnotes > 0 {
		rep.recognised("", fmt.Sprintf("Chú thích cuối trang: %d, đã gắn vào chỗ đánh dấu.", res.Footnotes),
			fmt.Sprintf("%d footnote(s) attached to their marks", res.Footnotes))
	}
	if res.LooseFootnotes > 0 {
		rep.guessed("", fmt.Sprintf("%d chú thích cuối trang không tìm thấy chỗ đánh dấu: giữ lại như đoạn văn.", res.LooseFootnotes),
			fmt.Sprintf("%d footnote(s) without a matching mark: kept as paragraphs", res.LooseFootnotes))
	}
	var out []line
	// The two columns of a header (the document's, or an attached
	// document's) and of the closing come as a .docx layout table's cells
	// do, left column then right, so their lines carry a layout table
	// number (tbl) as docxLines gives them: the recogniser then knows the
	// closing block ends where its columns end, and an attached document
	// starts at its header, by one rule for both formats.
	tables, prev := 0, pdfread.ZoneBody
	for _, p := range res.Paras {
		tbl := 0
		if k := columnsOf(p.Zone); k != pdfread.ZoneBody {
			// A new block, or a first column again after a second one.
			if k != columnsOf(prev) || (p.Zone == k && prev != k) {
				tables++
			}
			tbl = tables
		}
		prev = p.Zone
		if p.Rows != nil {
			rows := make([][]string, len(p.Rows))
			for i, r := range p.Rows {
				for _, c := range r {
					rows[i] = append(rows[i], vntext.NFC(c))
				}
			}
			if rowsSignaturePair(rows) {
				// Two signature blocks side by side (forms.go), which
				// the layout saw as a grid: their lines, as a DOCX
				// layout table's, the two columns in cells.
				tables++
				for _, row := range rows {
					out = append(out, line{runs: []document.Run{{Text: strings.Join(row, "\t")}}, cells: row, tbl: tables, sigPair: true})
				}
				prev = pdfread.ZoneBody
				continue
			}
			out = append(out, line{table: tableFromRows(rows)})
			continue
		}
		l := line{cellEnd: p.CellEnd, tbl: tbl, running: p.Zone == pdfread.ZoneBody && p.Running}
		for _, r := range p.Runs {
			l.runs = append(l.runs, document.Run{Text: vntext.NFC(r.Text), Bold: r.Bold, Italic: r.Italic, Footnote: r.Footnote})
		}
		out = append(out, l)
	}
	return out
}

// columnsOf names the two-column block a zone belongs to by its first
// column (ZoneHeaderLeft, ZoneRecipients), ZoneBody for running text.
func columnsOf(z pdfread.Zone) pdfread.Zone {
	switch z {
	case pdfread.ZoneHeaderLeft, pdfread.ZoneHeaderRight:
		return pdfread.ZoneHeaderLeft
	case pdfread.ZoneRecipients, pdfread.ZoneSignature:
		return pdfread.ZoneRecipients
	}
	return pdfread.ZoneBody
}
