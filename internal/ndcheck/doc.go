// Package ndcheck runs the team's NĐ30 checker (a Python program kept
// beside the project in shared/tools, with a copy in .ci/ for CI machines
// that have no shared folder) and parses its JSON report. Tests of both
// writers and of the service use it, so the checker is found and read in
// one place.
package ndcheck
