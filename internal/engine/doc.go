// Package engine runs vanban's pipeline: decode → normalise → validate →
// compose → render. The CLI, the HTTP service and batch all call it, so a
// document gives the same findings and the same bytes whichever way it
// comes in.
package engine
