// Command vanban-attack replays hostile requests (a .docx that inflates to
// tens of megabytes of paragraphs, a batch envelope of millions of items,
// a template that asks printf for megabytes, a million-character word, a
// legitimate 3.4 MiB document, a 900 KB path) against the real vanban
// binary, alone and three at once, and reports the answers, the server's
// peak resident memory (VmHWM), its memory a few seconds later (VmRSS),
// and the latency of a small /v1/validate sent alongside; then checks the
// protocol hardening (security headers, 401 before routing, 415, BOM,
// HEAD, CORS, sign-in and CSRF) on a server with keys on.
//
// It only ever starts its own servers on 127.0.0.1, and every attack is
// bounded: a fixed number of requests, each with a client deadline. It
// exits non-zero when a target is missed. `make attack` runs it.
package main
