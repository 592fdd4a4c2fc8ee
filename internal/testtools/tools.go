//go:build integration

package testtools

import (
	"os"
	"os/exec"
	"testing"
)

// Tool returns the path of the named program, or fails the test with the
// Debian package that provides it.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed (apt-get install %s); integration tests need it", name, pkg)
	}
	return p
}

// Soffice is LibreOffice's converter.
func Soffice(t testing.TB) string {
	return Tool(t, "soffice", "libreoffice-writer-nogui fonts-liberation2")
}

// Poppler checks that pdftotext, pdftohtml and pdfinfo are installed and
// returns pdftotext's path.
func Poppler(t testing.TB) string {
	t.Helper()
	p := Tool(t, "pdftotext", "poppler-utils")
	Tool(t, "pdftohtml", "poppler-utils")
	Tool(t, "pdfinfo", "poppler-utils")
	return p
}

// Chromium is the browser the editor's end-to-end tests drive:
// VANBAN_CHROMIUM when set, else the first of the usual names on PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("VANBAN_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is not installed (apt-get install chromium, or set VANBAN_CHROMIUM); integration tests need it")
	return ""
}

// PostgresURL is the server the store's tests run on, from
// VANBAN_TEST_DATABASE_URL (.ci/run creates one and sets it).
func PostgresURL(t testing.TB) string {
	t.Helper()
	url := os.Getenv("VANBAN_TEST_DATABASE_URL")
	if url == "" {
		t.Fatal("VANBAN_TEST_DATABASE_URL is not set: the store's integration tests need a PostgreSQL database " +
			"(apt-get install postgresql; see .ci/run for the role and database it creates)")
	}
	return url
}
