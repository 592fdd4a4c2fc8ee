package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/vanban/vanban/internal/document"
)

// FormatDOC: a Word 97-2003 .doc converted to .docx by LibreOffice.
const FormatDOC = "doc"

// sofficeTimeout bounds one conversion; LibreOffice's cold start takes a
// few seconds, a long .doc a few more.
const sofficeTimeout = 90 * time.Second

// ImportDOC converts a legacy .doc to .docx with LibreOffice (soffice,
// found at run time) in a private temporary folder and imports that. When
// soffice is not installed, or cannot convert the file, the error wraps
// ErrLegacyDOC (HTTP 415: save it as .docx), as before.
func ImportDOC(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (*document.Document, *Report, error) {
	lim = lim.orDefault()
	if size > lim.MaxBytes {
		return nil, nil, fmt.Errorf("import: %d bytes, over the limit of %d: %w", size, lim.MaxBytes, ErrTooLarge)
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return nil, nil, fmt.Errorf("import: LibreOffice (soffice) is not installed to convert it: %w", ErrLegacyDOC)
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, nil, fmt.Errorf("import: read: %w", err)
	}
	dir, err := os.MkdirTemp("", "vanban-doc-")
	if err != nil {
		return nil, nil, fmt.Errorf("import: temp dir: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.doc")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, sofficeTimeout)
	defer cancel()
	// A private profile: a second LibreOffice running on the machine (or
	// a concurrent import) would otherwise take the conversion over or
	// lock it out.
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore", "--nolockcheck",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, in)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, nil, fmt.Errorf("import: LibreOffice did not convert the .doc in %s: %w", sofficeTimeout, ErrLegacyDOC)
		}
		return nil, nil, fmt.Errorf("import: LibreOffice could not convert the .doc: %v: %w", err, ErrLegacyDOC)
	}
	docx, err := os.ReadFile(filepath.Join(dir, "in.docx"))
	if err != nil {
		// LibreOffice exits 0 when it cannot read the input.
		return nil, nil, fmt.Errorf("import: LibreOffice could not convert the .doc (not a Word document?): %w", ErrLegacyDOC)
	}
	d, rep, err := ImportDOCX(bytes.NewReader(docx), int64(len(docx)), lim)
	if err != nil {
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrZipBomb) {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("import: converted .doc: %w", err)
	}
	rep.Format = FormatDOC
	rep.recognised("", "Tệp .doc (Word 97-2003) đã được chuyển sang .docx bằng LibreOffice.", "the .doc (Word 97-2003) was converted to .docx with LibreOffice")
	return d, rep, nil
}
