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
// per-request deadline handed to the work as its context (503), and one
// cap on CPU-heavy work (Config.Workers: checks, renders, imports and
// every batch item take a worker in arrival order, small checks in a
// quick lane (queue.go); 429 with Retry-After
// once the queue wait has passed, so a small request is never left
// without an answer). A batch envelope is counted while it streams in;
// idle memory is given back after a spike (memory.go).
//
// Every response carries the browser policies (guard.go); the key or
// session is checked before routing, so nothing under /v1 answers anything
// but 401 without one; JSON routes answer 415 to another Content-Type;
// errors are clipped. The editor signs in through /auth/login for an
// HttpOnly, SameSite=Strict session cookie and sends its CSRF token with
// every POST (session.go); systems keep using bearer keys.
//
// POST /v1/batch (a template with data rows, or a list of documents)
// streams a zip of every item's files and manifest.json from package batch;
// it has its own body and item limits and deadline, and renders on the
// render slots it can hold (see renderBatch). POST /v1/import takes a
// multipart upload and answers with the document package importer
// recognised and its report. Both depend on an interface in Options
// (Batcher, Importer) and answer 501 when it is not given.
//
// /v1/drafts is the drafting desk (drafts.go) over the store.Store in
// Options.Drafts (501 without one): drafts of the signed-in clerk's office
// (VANBAN_USERS names office users "name@office"), each save a version,
// writes guarded by If-Match (412 when stale, 428 without it), comments
// by JSON Pointer, the workflow dự thảo → trình duyệt → đã ban hành and an
// audit trail. A document is checked by the same decode path as
// /v1/validate before it is stored, and must have no error to be issued.
// Roles (roles.go, VANBAN_ROLES) decide who edits, who comments and who
// issues, in one table; a refusal is 403 forbidden_role. Templates
// (templates.go: the samples built in, the office's own in the store) start
// new drafts; the recipients directory (recipients.go) is searched as a
// clerk types and learns the Nơi nhận of every issued draft. Office
// profiles (profiles.go) are the office's house styles kept by name,
// versioned and guarded like drafts, held to NĐ30's ranges by the
// document validator; everyone reads them, a lead keeps them.
//
// Answers are gzipped by content type (cache.go: JSON, HTML, JS, CSS,
// never a PDF, DOCX or zip), and the static ones (the editor, the OpenAPI
// document, the schema, the samples) carry content ETags for revalidation.
package httpapi
