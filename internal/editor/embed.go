package editor

import (
	"embed"
	"io/fs"
)

//go:embed web
var files embed.FS

// FS returns the editor's static files with index.html at its root, ready
// for http.FileServerFS.
func FS() fs.FS {
	sub, err := fs.Sub(files, "web")
	if err != nil {
		// fs.Sub fails only on an invalid path; "web" is a constant.
		panic("editor: " + err.Error())
	}
	return sub
}
