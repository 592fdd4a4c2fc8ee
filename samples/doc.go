// Package samples embeds the public sample documents: the five seed
// documents transcribed into the v1 contract. The CLI demos, the HTTP
// service's /v1/samples, the editor and the tests all read them from here.
package samples
