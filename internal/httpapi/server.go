package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vanban/vanban/internal/batch"
	"github.com/vanban/vanban/internal/compose"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/render"
	"github.com/vanban/vanban/internal/store"
)

func init() {
	// gin's mode is a package-wide setting; debug mode prints every route
	// to stdout on start-up, which would corrupt the JSON log stream.
	gin.SetMode(gin.ReleaseMode)
}

// Pipeline is the part of *engine.Engine the service calls. It is an
// interface so handler tests can drive errors and slow renders at will.
type Pipeline interface {
	Check(data []byte, draft bool) (*engine.Checked, error)
	Compose(c *engine.Checked) (*compose.Document, error)
	Render(ctx context.Context, cd *compose.Document, f engine.Format, w io.Writer) (*render.Result, error)
}

// Batcher renders many documents into one streamed zip with its
// manifest: *batch.Runner, built per call since batch.New wants the
// concrete engine (cmd/vanban adapts it). An interface, so handler tests
// can fake it.
type Batcher interface {
	Run(ctx context.Context, items []batch.Item, formats []engine.Format, w io.Writer, opt batch.Options) (*batch.Manifest, error)
}

// Options are the dependencies of a Server.
type Options struct {
	Config   Config
	Pipeline Pipeline
	// Batch serves POST /v1/batch; the route answers 501 when nil.
	Batch Batcher
	// Importer serves POST /v1/import; the route answers 501 when nil.
	Importer Importer
	// Samples holds the sample documents as NAME.json at its root.
	Samples fs.FS
	// Schema is the JSON Schema of the v1 contract, served as is.
	Schema []byte
	// Types is the document-type table; document.Types when nil.
	Types []document.DocType
	// Editor, when not nil, is the web editor's static files, served at
	// "/" for every GET that no API route claims.
	Editor fs.FS
	// Logger receives the request log; a discarding logger when nil.
	Logger *slog.Logger
	// Drafts keeps the drafting desk's drafts (/v1/drafts); the routes
	// answer 501 when nil. The caller opens and closes it.
	Drafts store.Store
	// ServiceProfile is the service's house style (VANBAN_PROFILE), shown
	// to the editor beside the office's stored profiles; nil when unset.
	ServiceProfile *document.Profile
}

// Server is the HTTP service. Build it with New; it is safe for
// concurrent use.
type Server struct {
	cfg      Config
	pipeline Pipeline
	batch    Batcher
	importer Importer
	samples  *sampleSet
	schema   []byte
	types    []document.DocType
	editor   http.Handler
	editorFS fs.FS
	log      *slog.Logger
	metrics  *metrics
	slots    chan struct{}
	workers  *workQueue // see work
	sessions *sessionStore
	mem      *memoryReturn
	store    store.Store
	service  *document.Profile // Options.ServiceProfile
	ready    atomic.Bool
	router   *gin.Engine
	handler  http.Handler // router behind compression
	// Entity tags of the static answers (cache.go): the editor's files
	// by name, and the embedded documents.
	editorTags map[string]string
	specTag    string
	schemaTag  string
}

// New checks the options and builds the routes.
func New(o Options) (*Server, error) {
	if err := o.Config.Validate(); err != nil {
		return nil, fmt.Errorf("httpapi: %w", err)
	}
	if o.Pipeline == nil {
		return nil, errors.New("httpapi: no pipeline")
	}
	s := &Server{
		cfg:      o.Config,
		pipeline: o.Pipeline,
		batch:    o.Batch,
		importer: o.Importer,
		schema:   o.Schema,
		types:    o.Types,
		log:      o.Logger,
		metrics:  newMetrics(),
		slots:    make(chan struct{}, o.Config.MaxConcurrentRenders),
		workers:  newWorkQueue(o.Config.Workers),
		sessions: newSessionStore(o.Config.SessionTTL),
		mem:      newMemoryReturn(),
		store:    o.Drafts,
		service:  o.ServiceProfile,
	}
	if s.types == nil {
		s.types = document.Types
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	var err error
	if s.samples, err = loadSamples(o.Samples); err != nil {
		return nil, fmt.Errorf("httpapi: samples: %w", err)
	}
	if o.Editor != nil {
		s.editor, s.editorFS = http.FileServerFS(o.Editor), o.Editor
		if s.editorTags, err = fileTags(o.Editor); err != nil {
			return nil, fmt.Errorf("httpapi: editor: %w", err)
		}
	}
	s.specTag, s.schemaTag = contentTag(openAPISpec), contentTag(s.schema)
	s.router = s.routes()
	s.handler = withCompression(s.router)
	s.ready.Store(true)
	return s, nil
}

// Handler returns the root handler, for httptest and custom servers.
func (s *Server) Handler() http.Handler { return s.handler }

// SetReady sets what /readyz answers; Serve clears it when shutting down
// so a load balancer stops sending new requests.
func (s *Server) SetReady(ok bool) { s.ready.Store(ok) }

func (s *Server) routes() *gin.Engine {
	r := gin.New()
	r.HandleMethodNotAllowed = true
	// Forwarded headers are trusted from nobody: the client IP is only
	// logged, and a spoofed one must not reach the log.
	_ = r.SetTrustedProxies(nil)
	// The key is checked (gate) before the router matches the path or
	// the method, so an unknown /v1 path and a wrong method answer 401 to
	// a caller without a key, like any real route.
	r.Use(s.requestID, s.observe, s.recoverPanic, s.securityHeaders, s.cors, s.gate)
	r.NoRoute(s.handle(s.noRoute))
	r.NoMethod(s.handle(func(*gin.Context) error {
		return &Error{Status: http.StatusMethodNotAllowed, Code: CodeMethodNotAllowed,
			VI: "Phương thức HTTP không được hỗ trợ ở đường dẫn này.", EN: "method not allowed on this path"}
	}))

	get := func(path string, h gin.HandlerFunc) {
		// HEAD answers what GET would, without the body (net/http drops
		// it), so health checks and link checkers that use HEAD work.
		r.GET(path, h)
		r.HEAD(path, h)
	}
	get("/healthz", s.handle(s.healthz))
	get("/readyz", s.handle(s.readyz))
	get("/metrics", gin.WrapH(s.metrics.handler()))
	get("/openapi.json", s.handle(s.openAPI))
	get("/auth/session", s.handle(s.sessionInfo))
	r.POST("/auth/login", s.handle(s.login))
	r.POST("/auth/logout", s.handle(s.logout))

	json := func(h func(*gin.Context) error) gin.HandlerFunc {
		return s.handle(func(c *gin.Context) error {
			if err := jsonBody(c); err != nil {
				return err
			}
			return h(c)
		})
	}
	v1 := r.Group("/v1")
	v1.POST("/validate", json(s.validate))
	v1.POST("/compose-preview", json(s.composePreview))
	v1.POST("/render", json(s.renderZip))
	v1.POST("/render/docx", json(s.renderOne(engine.DOCX)))
	v1.POST("/render/pdf", json(s.renderOne(engine.PDF)))
	v1.POST("/batch", json(s.renderBatch))
	v1.POST("/import", s.handle(s.importDocument))
	v1.POST("/check", s.handle(s.checkFile))
	for path, h := range map[string]func(*gin.Context) error{
		"/schema": s.getSchema, "/document-types": s.documentTypes,
		"/document-types/:code/blank": s.blankDocument,
		"/samples":                    s.listSamples, "/samples/:name": s.getSample,
	} {
		v1.GET(path, s.handle(h))
		v1.HEAD(path, s.handle(h))
	}
	v1.POST("/drafts", json(s.createDraft))
	v1.PUT("/drafts/:id", json(s.saveDraft))
	v1.DELETE("/drafts/:id", s.handle(s.deleteDraft))
	v1.POST("/drafts/:id/comments", json(s.addComment))
	v1.POST("/drafts/:id/comments/:cid/resolve", s.handle(s.resolveComment))
	v1.POST("/templates", json(s.createTemplate))
	v1.DELETE("/templates/:id", s.handle(s.deleteTemplate))
	v1.POST("/templates/:id/drafts", s.handle(s.draftFromTemplate))
	v1.POST("/recipients", json(s.addRecipient))
	v1.PUT("/recipients/:id", json(s.updateRecipient))
	v1.DELETE("/recipients/:id", s.handle(s.deleteRecipient))
	v1.PUT("/profiles/:name", json(s.putProfile))
	v1.DELETE("/profiles/:name", s.handle(s.deleteProfile))
	for path, h := range map[string]func(*gin.Context) error{
		"/drafts": s.listDrafts, "/drafts/:id": s.getDraft, "/drafts/:id/versions": s.listVersions,
		"/drafts/:id/versions/:n": s.getVersion, "/drafts/:id/comments": s.listComments, "/drafts/:id/audit": s.draftAudit,
		"/templates": s.listTemplates, "/templates/:id": s.getTemplate, "/recipients": s.listRecipients,
		"/profiles": s.listProfiles, "/profiles/:name": s.getProfile,
	} {
		v1.GET(path, s.handle(h))
		v1.HEAD(path, s.handle(h))
	}
	return r
}

// handle adapts a handler that returns an error; the error, if any, is
// written by writeError in the one error shape.
func (s *Server) handle(h func(*gin.Context) error) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := h(c); err != nil {
			s.writeError(c, err)
		}
	}
}

// writeError answers with the public side of err and logs the internal
// side of a server error.
func (s *Server) writeError(c *gin.Context, err error) {
	e := bounded(errorFor(err, s.cfg))
	e.ID = requestIDFrom(c.Request.Context())
	if e.Findings == nil {
		e.Findings = document.Findings{}
	}
	if e.Status >= 500 {
		s.log.LogAttrs(c.Request.Context(), slog.LevelError, "request failed",
			slog.String("request_id", e.ID), slog.String("code", e.Code), slog.Any("error", err))
	}
	if c.Writer.Written() {
		// Headers are gone; all that is left is to drop the connection's
		// answer short, which the client sees as a broken download.
		c.Abort()
		return
	}
	retryAfter(c.Writer.Header(), e.RetryAfter)
	if e.Status == http.StatusUnauthorized {
		c.Header("WWW-Authenticate", `Bearer realm="vanban"`)
	}
	c.Abort()
	writeJSON(c, e.Status, errorBody{Error: e})
}

// Serve answers on ln until ctx is done, then shuts down gracefully: the
// listener closes at once (new connections are refused), /readyz turns
// 503, and in-flight requests get up to ShutdownTimeout to finish. A clean
// shutdown returns nil.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		// A slow client must not hold a render slot's answer forever.
		WriteTimeout: s.cfg.RenderTimeout + s.cfg.QueueTimeout + 30*time.Second,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	go s.mem.run(ctx, func() bool { return s.workers.busy() > 0 })
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.ready.Store(false)
	s.log.Info("shutting down", slog.String("timeout", s.cfg.ShutdownTimeout.String()))
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
