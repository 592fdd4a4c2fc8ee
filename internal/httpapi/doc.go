// Package httpapi is vanban's HTTP service: the JSON API other systems and
// the web editor call to validate a document and render it as DOCX and PDF.
//
// It is the only package that imports gin and the Prometheus client. The
// pipeline, the samples, the JSON Schema and the document-type table are
// injected through Options, so tests can swap each of them; nothing is read
// from package globals or from the gin context.
//
// Every handler returns an error, and one function (errorFor) turns every
// error into an HTTP status and the single JSON error shape:
//
//	{"error": {"code": "...", "message_vi": "...", "message_en": "...",
//	           "request_id": "...", "findings": [...]}}
//
// Limits protect the service from one request exhausting it: the body size
// (413), the JSON depth and element counts (422 naming the path), a
// per-request render deadline (503) and a cap on concurrent renders (429
// with Retry-After once a short queue wait has passed).
//
// POST /v1/batch (a template with data rows, or a list of documents)
// streams a zip of every item's files and manifest.json from package batch;
// it has its own body and item limits and deadline, and renders on the
// render slots it can hold (see renderBatch). POST /v1/import takes a
// multipart upload and answers with the document package importer
// recognised and its report. Both depend on an interface in Options
// (Batcher, Importer) and answer 501 when it is not given.
package httpapi
