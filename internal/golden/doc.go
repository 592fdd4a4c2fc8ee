// Package golden compares test output with golden files in testdata/ and
// rewrites them when a test runs with -update, so that every package that
// pins its output (the composed dump, the DOCX parts, the PDF bytes, the
// rollover reports) refreshes and reports differences the same way. The
// refreshed files are reviewed in the diff like code.
package golden
