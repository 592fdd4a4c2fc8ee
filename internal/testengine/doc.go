// Package testengine gives tests one engine on the embedded templates and
// fonts, built once per test binary. It lives apart from testtools because
// the renderers' own tests use testtools and the engine imports the
// renderers.
package testengine
