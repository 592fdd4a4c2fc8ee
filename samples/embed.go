package samples

import "embed"

//go:embed *.json
var FS embed.FS
