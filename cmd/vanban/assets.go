package main

import (
	"io/fs"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/samples"
	"github.com/vanban/vanban/templates"
)

// The binary carries its assets; they are handed to constructors as fs.FS
// so that nothing below cmd depends on embedding.
func templatesFS() fs.FS { return templates.FS }
func fontsFS() fs.FS     { return fonts.FS }
func samplesFS() fs.FS   { return samples.FS }
