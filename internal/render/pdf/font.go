package pdf

import "github.com/vanban/vanban/internal/render/layout"

// fpdfStyle is the style string fpdf registers each face under, by
// layout.FaceIndex.
var fpdfStyle = [4]string{"", "B", "I", "BI"}

// face returns the metrics of face i (package layout measures for both
// writers).
func (w *Writer) face(i layout.FaceIndex) *layout.Face { return w.fonts.Face(i) }
