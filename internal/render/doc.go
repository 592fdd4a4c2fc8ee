// Package render defines the narrow interface every output format
// implements. A writer receives a composed document and decides geometry
// only; wording, numbering and totals were fixed by package compose.
package render
