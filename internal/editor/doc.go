// Package editor holds the clerks' web editor: a Vietnamese form over the
// vanban/v1 JSON contract, served by the HTTP service at "/" and calling
// its API under /v1 (validate while typing, render the PDF preview and the
// downloads, list the samples and document types).
//
// The editor is plain HTML, CSS and JavaScript modules under web/, with no
// dependencies and no build step: what is in web/ is what the browser
// runs. Every input carries a data-path attribute holding the JSON Pointer
// of the value it edits, the same pointers the validator puts in its
// findings, which is how a finding is shown next to its field. The page
// holds no document content of its own: a new document is the server's
// blank of its form, and an office profile's fields and ranges are the
// server's JSON Schema.
//
// The page's code is split by job around one store (web/store.js, with
// subscribe and emit); web/app.js only wires the modules together. The
// pure parts are unit-tested with node's test runner (jstest/), the page
// by the *_e2e_test.go files, which drive the real binary with a headless
// Chromium.
package editor
