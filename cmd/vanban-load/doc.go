// Command vanban-load puts a bounded load on a vanban server on this
// machine and reports throughput and latency percentiles for validate,
// DOCX and PDF at several concurrencies, then the server's resident memory
// before and after a long run of renders.
//
// It only ever talks to a loopback address, and every phase stops by
// itself after a fixed number of requests or a fixed time, whichever comes
// first:
//
//	vanban-load --server ./bin/vanban            # starts and stops its own server
//	vanban-load --addr 127.0.0.1:8080 --pid 1234 # a server already running
package main
