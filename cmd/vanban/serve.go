package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/editor"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/httpapi"
	"github.com/vanban/vanban/internal/importer"
	"github.com/vanban/vanban/internal/store"
)

// runServe implements `vanban serve`: the HTTP API on --addr (":8080" by
// default) until SIGTERM or SIGINT, then a graceful shutdown and exit 0.
// Settings come from flags, then VANBAN_* variables, then defaults.
func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	return serve(ctx, args, os.Getenv, stderr, nil)
}

// serve is runServe with the signal context, the environment and a hook
// receiving the bound address injected, so tests run it in-process.
func serve(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, listening func(net.Addr)) int {
	start := time.Now()
	dataDir := defaultDataDir(getenv)
	cfg, err := serveConfig(args, getenv, stderr, &dataDir)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "vanban serve:", err)
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	defer collectLessOften()()
	defer limitMemory(cfg.MemoryLimit, getenv)()
	eng, err := engine.New(templatesFS(), fontsFS(), cfg.Limits())
	var service *document.Profile
	if path := strings.TrimSpace(getenv("VANBAN_PROFILE")); err == nil && path != "" {
		// The office's house style for every document without its own.
		if service, err = loadProfile(path); err == nil {
			eng.UseProfile(service)
		}
	}
	if err == nil {
		// A service builds both writers before it listens, so the first
		// request does not pay for the template and fonts, and a broken
		// template stops start-up instead of failing a clerk's render.
		err = eng.Prepare()
	}
	if err != nil {
		log.Error("start", slog.Any("error", err))
		return 1
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		log.Error("start", slog.Any("error", fmt.Errorf("listen: %w", err)))
		return 1
	}
	defer ln.Close()
	// Drafts: PostgreSQL when VANBAN_DATABASE_URL is set, else the SQLite
	// file under the data directory, created on first start.
	drafts, err := store.Open(ctx, getenv("VANBAN_DATABASE_URL"), dataDir)
	if err != nil {
		log.Error("start", slog.Any("error", err))
		return 1
	}
	defer drafts.Close()
	srv, err := httpapi.New(httpapi.Options{
		Config:   cfg,
		Pipeline: eng,
		Batch:    httpapi.EngineBatcher(eng),
		Importer: httpapi.ImportFunc(importer.ImportContext),
		Samples:  samplesFS(),
		Schema:   document.SchemaJSON,
		Logger:   log,
		Editor:   editor.FS(),
		Drafts:   drafts,
		// The editor shows it beside the office's stored profiles.
		ServiceProfile: service,
	})
	if err != nil {
		log.Error("start", slog.Any("error", err))
		return 1
	}
	log.Info("listening", slog.String("addr", ln.Addr().String()),
		slog.Float64("startup_ms", float64(time.Since(start).Microseconds())/1000),
		slog.Int("max_concurrent_renders", cfg.MaxConcurrentRenders),
		slog.Int("workers", cfg.Workers),
		slog.String("render_timeout", cfg.RenderTimeout.String()),
		slog.Bool("api_keys", len(cfg.APIKeys) > 0),
		slog.Int("office_users", len(cfg.Users)),
		slog.String("drafts", storeLabel(getenv("VANBAN_DATABASE_URL"), dataDir)),
		slog.Int64("memory_limit", debug.SetMemoryLimit(-1)))
	if listening != nil {
		listening(ln.Addr())
	}
	if err := srv.Serve(ctx, ln); err != nil {
		log.Error("serve", slog.Any("error", err))
		return 1
	}
	log.Info("stopped")
	return 0
}

// defaultDataDir is VANBAN_DATA_DIR, or "data" in the working folder.
func defaultDataDir(getenv func(string) string) string {
	if d := strings.TrimSpace(getenv("VANBAN_DATA_DIR")); d != "" {
		return d
	}
	return "data"
}

// storeLabel says where drafts are kept, for the start-up log; the
// database URL may hold a password, so only its kind is logged.
func storeLabel(databaseURL, dataDir string) string {
	if databaseURL != "" {
		return "postgresql"
	}
	return "sqlite:" + filepath.Join(dataDir, store.SQLiteFile)
}

// limitMemory sets the runtime's soft memory limit from the config, and
// returns what restores the previous one. GOMEMLIMIT, when set, is the
// runtime's own and wins. The limit is what makes the collector give a
// spike back: with GOGC at 400 (collectLessOften) the heap may otherwise
// grow to five times what is live before a collection.
func limitMemory(limit int64, getenv func(string) string) (restore func()) {
	if getenv("GOMEMLIMIT") != "" || limit <= 0 {
		return func() {}
	}
	old := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(old) }
}

// serveConfig layers the settings: defaults, then VANBAN_* variables,
// then flags. The flags' defaults are the environment's values, so a flag
// that is not given leaves them in force.
func serveConfig(args []string, getenv func(string) string, stderr io.Writer, dataDir *string) (httpapi.Config, error) {
	cfg, err := httpapi.ConfigFromEnv(getenv)
	if err != nil {
		return cfg, err
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address (VANBAN_ADDR)")
	fs.Func("max-body-bytes", "largest request body, e.g. 4MiB (VANBAN_MAX_BODY_BYTES; default "+strconv.FormatInt(cfg.MaxBodyBytes, 10)+")", func(v string) error {
		n, err := httpapi.ParseSize(v)
		cfg.MaxBodyBytes = n
		return err
	})
	fs.IntVar(&cfg.MaxDepth, "max-depth", cfg.MaxDepth, "deepest JSON nesting (VANBAN_MAX_DEPTH)")
	fs.IntVar(&cfg.MaxElements, "max-elements", cfg.MaxElements, "most entries in one JSON array or object (VANBAN_MAX_ELEMENTS)")
	fs.DurationVar(&cfg.RenderTimeout, "render-timeout", cfg.RenderTimeout, "deadline of one render request (VANBAN_RENDER_TIMEOUT)")
	fs.DurationVar(&cfg.QueueTimeout, "queue-timeout", cfg.QueueTimeout, "longest wait for a render slot before 429 (VANBAN_QUEUE_TIMEOUT)")
	fs.IntVar(&cfg.MaxConcurrentRenders, "max-concurrent-renders", cfg.MaxConcurrentRenders, "renders running at once (VANBAN_MAX_CONCURRENT_RENDERS)")
	fs.IntVar(&cfg.Workers, "workers", cfg.Workers, "documents decoded, validated or rendered at once; the rest wait in arrival order (VANBAN_WORKERS)")
	fs.Func("api-keys", "comma-separated bearer keys required on /v1/*; prefer VANBAN_API_KEYS, since flags show in ps", func(v string) error {
		cfg.APIKeys = httpapi.SplitList(v)
		return nil
	})
	fs.Func("cors-origins", `comma-separated browser origins allowed, or "*" (VANBAN_CORS_ORIGINS)`, func(v string) error {
		cfg.CORSOrigins = httpapi.SplitList(v)
		return nil
	})
	fs.Func("log-level", "debug, info, warn or error (VANBAN_LOG_LEVEL; default "+strings.ToLower(cfg.LogLevel.String())+")", func(v string) error {
		return cfg.LogLevel.UnmarshalText([]byte(v))
	})
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", cfg.ShutdownTimeout, "time in-flight requests get to finish after SIGTERM (VANBAN_SHUTDOWN_TIMEOUT)")
	fs.Func("max-batch-bytes", "largest POST /v1/batch body, e.g. 32MiB (VANBAN_MAX_BATCH_BYTES; default "+strconv.FormatInt(cfg.MaxBatchBytes, 10)+")", func(v string) error {
		n, err := httpapi.ParseSize(v)
		cfg.MaxBatchBytes = n
		return err
	})
	fs.IntVar(&cfg.MaxBatchItems, "max-batch-items", cfg.MaxBatchItems, "most rows or documents in one batch (VANBAN_MAX_BATCH_ITEMS)")
	fs.IntVar(&cfg.BatchWorkers, "batch-workers", cfg.BatchWorkers, "most render slots one batch may hold, taken only when free (VANBAN_BATCH_WORKERS)")
	fs.DurationVar(&cfg.BatchTimeout, "batch-timeout", cfg.BatchTimeout, "deadline of one batch (VANBAN_BATCH_TIMEOUT)")
	fs.Func("max-import-bytes", "largest upload to POST /v1/import, e.g. 20MiB (VANBAN_MAX_IMPORT_BYTES; default "+strconv.FormatInt(cfg.MaxImportBytes, 10)+")", func(v string) error {
		n, err := httpapi.ParseSize(v)
		cfg.MaxImportBytes = n
		return err
	})
	fs.Func("memory-limit", "soft memory limit of the Go runtime, e.g. 256MiB; GOMEMLIMIT wins (VANBAN_MEMORY_LIMIT; default "+strconv.FormatInt(cfg.MemoryLimit, 10)+")", func(v string) error {
		n, err := httpapi.ParseSize(v)
		cfg.MemoryLimit = n
		return err
	})
	fs.StringVar(dataDir, "data-dir", *dataDir, "folder of the drafts' SQLite file, created on first start; unused when VANBAN_DATABASE_URL names a PostgreSQL database (VANBAN_DATA_DIR)")
	fs.DurationVar(&cfg.SessionTTL, "session-ttl", cfg.SessionTTL, "how long an editor sign-in lasts (VANBAN_SESSION_TTL)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: vanban serve [flags]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err := cfg.Validate(); err != nil {
		return cfg, err
	}
	return cfg, nil
}
