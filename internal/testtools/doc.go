//go:build integration

// Package testtools finds the programs and services the integration tests
// need (LibreOffice, poppler, Chromium, PostgreSQL) in one place. Built
// only with -tags integration: the unit tests need none of them, and an
// integration test whose tool is missing fails (t.Fatal) instead of
// skipping, so a CI machine that lost a package cannot pass by running
// less. The failure names the Debian package to install.
package testtools
