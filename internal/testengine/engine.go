package testengine

import (
	"sync"
	"testing"

	"github.com/vanban/vanban/fonts"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/templates"
)

var (
	engOnce sync.Once
	eng     *engine.Engine
	engErr  error
)

// Shared is the engine on the embedded templates and fonts with the
// default limits, built once per test binary: the tests that render
// samples share it instead of each building its own.
func Shared(tb testing.TB) *engine.Engine {
	tb.Helper()
	engOnce.Do(func() { eng, engErr = engine.New(templates.FS, fonts.FS, document.Limits{}) })
	if engErr != nil {
		tb.Fatal(engErr)
	}
	return eng
}
