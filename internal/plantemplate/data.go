package plantemplate

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// MaxRows bounds a data table, so that one file cannot exhaust a batch.
const MaxRows = 10000

// Row is one data row: the variables of one document.
type Row struct {
	// Line is the 1-based line of the data file the row starts on (the
	// header is line 1 of a CSV file).
	Line int
	// Source names the data file, for messages ("units.csv").
	Source string
	// Values by variable name. From CSV every value is a string; from JSON
	// lines a value may be a string, a json.Number, a bool, null, an array
	// or an object (float64 is accepted too, for callers that decoded
	// without UseNumber).
	Values map[string]any
	// Columns in file order (CSV) or sorted (JSON lines).
	Columns []string
}

// Where names the row for messages and manifests: "units.csv line 3".
func (r Row) Where() string { return r.where().en }

type where struct{ vi, en string }

func (r Row) where() where {
	if r.Source == "" {
		return where{fmt.Sprintf("dữ liệu dòng %d", r.Line), fmt.Sprintf("data line %d", r.Line)}
	}
	return where{fmt.Sprintf("%s dòng %d", r.Source, r.Line), fmt.Sprintf("%s line %d", r.Source, r.Line)}
}

// NameColumns are the columns that name a row's output, in order of
// preference; without any of them the first column does.
var NameColumns = []string{"DonVi", "TenDonVi", "Ten", "Name"}

// Name is the text that names the row's output files: the first of
// NameColumns present and non-empty, else the first column's value, else
// "row-<line>".
func (r Row) Name() string {
	for _, c := range NameColumns {
		if s, ok := r.Values[c].(string); ok && strings.TrimSpace(s) != "" {
			return s
		}
	}
	if len(r.Columns) > 0 {
		if s, ok := r.Values[r.Columns[0]].(string); ok && strings.TrimSpace(s) != "" {
			return s
		}
	}
	return "row-" + strconv.Itoa(r.Line)
}

// ReadData reads a data table, choosing the format by the file name:
// ".jsonl", ".ndjson" or ".json" → JSON lines, anything else → CSV.
func ReadData(name string, r io.Reader) ([]Row, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson", ".json":
		return ReadJSONLines(filepath.Base(name), r)
	}
	return ReadCSV(filepath.Base(name), r)
}

// ReadCSV reads a CSV table with a header row naming the variables. A
// UTF-8 byte-order mark (Excel writes one) is skipped; header names are
// trimmed and must be unique and non-empty; every row must have as many
// cells as the header.
func ReadCSV(source string, r io.Reader) ([]Row, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
		br.Discard(3) //nolint:errcheck // Peek saw the bytes
	}
	cr := csv.NewReader(br)
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("data %s: empty file, want a header row", source)
	}
	if err != nil {
		return nil, fmt.Errorf("data %s: %w", source, err)
	}
	for i, h := range header {
		header[i] = strings.TrimSpace(h)
		if header[i] == "" {
			return nil, fmt.Errorf("data %s: header column %d is empty", source, i+1)
		}
		if slices.Contains(header[:i], header[i]) {
			return nil, fmt.Errorf("data %s: header column %q appears twice", source, header[i])
		}
	}
	var rows []Row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("data %s: %w", source, err)
		}
		if len(rows) == MaxRows {
			return nil, fmt.Errorf("data %s: more than %d rows", source, MaxRows)
		}
		line, _ := cr.FieldPos(0)
		row := Row{Line: line, Source: source, Values: make(map[string]any, len(header)), Columns: header}
		for i, h := range header {
			row.Values[h] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// ReadJSONLines reads one JSON object a line; blank lines are skipped.
func ReadJSONLines(source string, r io.Reader) ([]Row, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	var rows []Row
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		if len(rows) == MaxRows {
			return nil, fmt.Errorf("data %s: more than %d rows", source, MaxRows)
		}
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.UseNumber()
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			return nil, fmt.Errorf("data %s: line %d: want one JSON object: %w", source, line, err)
		}
		if dec.More() {
			return nil, fmt.Errorf("data %s: line %d: more than one JSON value", source, line)
		}
		if obj == nil {
			return nil, fmt.Errorf("data %s: line %d: want one JSON object, got null", source, line)
		}
		cols := make([]string, 0, len(obj))
		for k := range obj {
			cols = append(cols, k)
		}
		slices.Sort(cols)
		rows = append(rows, Row{Line: line, Source: source, Values: obj, Columns: cols})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("data %s: %w", source, err)
	}
	return rows, nil
}
