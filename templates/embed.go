package templates

import "embed"

// FS holds the template parts under "base/". The "all:" prefix is needed
// because the _rels folders start with an underscore, which go:embed skips
// otherwise.
//
//go:embed all:base
var FS embed.FS

// Base is the directory in FS holding the unpacked DOCX parts.
const Base = "base"
