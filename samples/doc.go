// Package samples embeds the public sample documents: the five seed
// documents transcribed into the v1 contract, v2 documents transcribed from
// real documents of the development corpus, and built examples of the
// Phụ lục III forms the corpus lacks (mau-…), each listed in README.md. The
// CLI demos, the HTTP service's /v1/samples, the editor and the tests all
// read them from here.
package samples
