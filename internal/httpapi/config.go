package httpapi

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/importer"
)

// Config is everything the service can be tuned with. DefaultConfig gives
// working values; ConfigFromEnv applies VANBAN_* overrides; the serve
// command applies its flags last (flags > environment > defaults).
type Config struct {
	// Addr is the listen address, e.g. ":8080" or "127.0.0.1:8080"
	// (VANBAN_ADDR).
	Addr string
	// MaxBodyBytes bounds a request body; larger bodies get 413
	// (VANBAN_MAX_BODY_BYTES).
	MaxBodyBytes int64
	// MaxDepth bounds the nesting of JSON objects and arrays
	// (VANBAN_MAX_DEPTH).
	MaxDepth int
	// MaxElements bounds the entries of any one JSON array or object
	// (VANBAN_MAX_ELEMENTS).
	MaxElements int
	// RenderTimeout is the deadline of one render request, queue wait
	// included; past it the client gets 503 (VANBAN_RENDER_TIMEOUT, a Go
	// duration such as "10s").
	RenderTimeout time.Duration
	// QueueTimeout is how long a render waits for a free slot before the
	// client gets 429 (VANBAN_QUEUE_TIMEOUT). The wait absorbs bursts (a
	// clerk would rather wait a few seconds than retry) without letting a
	// queue grow without bound; it also counts against RenderTimeout.
	QueueTimeout time.Duration
	// MaxConcurrentRenders caps renders running at once; the default is
	// twice GOMAXPROCS, since a render is CPU-bound
	// (VANBAN_MAX_CONCURRENT_RENDERS).
	MaxConcurrentRenders int
	// Workers is how many documents are decoded, validated or rendered at
	// once (VANBAN_WORKERS). Past it, requests wait their turn in arrival
	// order instead of sharing the cores: each then runs at full speed,
	// which keeps the slowest answers near the typical one (PDF p99 at
	// concurrency 8: 40 ms instead of 78 ms in `make loadtest`, with more
	// throughput). The default is GOMAXPROCS: the work is CPU-bound.
	Workers int
	// APIKeys, when not empty, are the bearer tokens accepted on /v1/*;
	// health, readiness, metrics, the OpenAPI document and the editor stay
	// open (VANBAN_API_KEYS, comma-separated).
	APIKeys []string
	// CORSOrigins are the origins allowed to call the API from a browser;
	// "*" allows any (VANBAN_CORS_ORIGINS, comma-separated).
	CORSOrigins []string
	// LogLevel is the minimum level of the JSON logs: debug, info, warn or
	// error (VANBAN_LOG_LEVEL).
	LogLevel slog.Level
	// ShutdownTimeout bounds how long in-flight requests may take to
	// finish after SIGTERM (VANBAN_SHUTDOWN_TIMEOUT).
	ShutdownTimeout time.Duration

	// MaxBatchBytes bounds the body of POST /v1/batch, which carries many
	// documents; larger bodies get 413 (VANBAN_MAX_BATCH_BYTES). Each
	// document in it is still held to MaxBodyBytes.
	MaxBatchBytes int64
	// MaxBatchItems bounds the rows or documents of one batch; more get
	// 422 naming /rows or /documents (VANBAN_MAX_BATCH_ITEMS).
	MaxBatchItems int
	// BatchWorkers is the most render slots one batch may hold. A batch
	// waits for one slot like any render, then takes up to BatchWorkers-1
	// more only if they are free at that moment, and renders with one
	// worker per slot held, so a batch never pushes the renders in flight
	// past MaxConcurrentRenders nor queues ahead of single renders. The
	// default, GOMAXPROCS, is half the default cap (VANBAN_BATCH_WORKERS).
	BatchWorkers int
	// BatchTimeout is the deadline of one batch, queue wait included; it
	// replaces RenderTimeout for POST /v1/batch (VANBAN_BATCH_TIMEOUT).
	BatchTimeout time.Duration
	// MaxImportBytes bounds an upload to POST /v1/import (the multipart
	// body as a whole); larger ones get 413 (VANBAN_MAX_IMPORT_BYTES).
	MaxImportBytes int64

	// Users are the office accounts the editor's sign-in form accepts,
	// name → password, besides the API keys (VANBAN_USERS,
	// "name:password,name2:password2"; passwords of 12 characters or
	// more). Setting users, like keys, turns authentication on.
	Users map[string]string
	// Roles give office users their role on the drafting desk, user →
	// clerk, reviewer or lead (VANBAN_ROLES, "lan@ubnd:reviewer,…"). With
	// none set every user may do everything, as before roles existed;
	// once any is set, a user without one is a clerk (roles.go).
	Roles map[string]Role
	// SessionTTL is how long a sign-in lasts (VANBAN_SESSION_TTL).
	SessionTTL time.Duration
	// MemoryLimit is the Go runtime's soft memory limit in bytes
	// (runtime/debug.SetMemoryLimit): the collector works harder as the
	// heap nears it, so a spike is returned instead of kept. GOMEMLIMIT,
	// when set, wins (VANBAN_MEMORY_LIMIT; 0 leaves the runtime's).
	MemoryLimit int64
}

// DefaultConfig returns the defaults: the decode limits of package
// document, a 10 s render deadline, a 5 s queue wait, 2×GOMAXPROCS
// concurrent renders; batches of at most 500 items in 32 MiB, each with
// up to GOMAXPROCS workers and 5 minutes; uploads to import within the
// importer's default (20 MiB).
func DefaultConfig() Config {
	return Config{
		Addr:                 ":8080",
		MaxBodyBytes:         document.DefaultLimits.MaxBytes,
		MaxDepth:             document.DefaultLimits.MaxDepth,
		MaxElements:          document.DefaultLimits.MaxElements,
		RenderTimeout:        10 * time.Second,
		QueueTimeout:         5 * time.Second,
		MaxConcurrentRenders: 2 * runtime.GOMAXPROCS(0),
		Workers:              runtime.GOMAXPROCS(0),
		LogLevel:             slog.LevelInfo,
		ShutdownTimeout:      30 * time.Second,
		MaxBatchBytes:        32 << 20,
		MaxBatchItems:        500,
		BatchWorkers:         runtime.GOMAXPROCS(0),
		BatchTimeout:         5 * time.Minute,
		MaxImportBytes:       importer.DefaultLimits.MaxBytes,
		SessionTTL:           8 * time.Hour,
		MemoryLimit:          256 << 20,
	}
}

// Limits returns the decode limits the pipeline must be built with, so
// that the body limit and the decoder agree.
func (c Config) Limits() document.Limits {
	return document.Limits{MaxBytes: c.MaxBodyBytes, MaxDepth: c.MaxDepth, MaxElements: c.MaxElements}
}

// Validate reports every setting out of range.
func (c Config) Validate() error {
	var errs []error
	if c.Addr == "" {
		errs = append(errs, errors.New("addr: must not be empty"))
	}
	if c.MaxBodyBytes <= 0 {
		errs = append(errs, fmt.Errorf("max body bytes: %d: must be positive", c.MaxBodyBytes))
	}
	if c.MaxDepth <= 0 {
		errs = append(errs, fmt.Errorf("max depth: %d: must be positive", c.MaxDepth))
	}
	if c.MaxElements <= 0 {
		errs = append(errs, fmt.Errorf("max elements: %d: must be positive", c.MaxElements))
	}
	if c.RenderTimeout <= 0 {
		errs = append(errs, fmt.Errorf("render timeout: %s: must be positive", c.RenderTimeout))
	}
	if c.QueueTimeout < 0 {
		errs = append(errs, fmt.Errorf("queue timeout: %s: must not be negative", c.QueueTimeout))
	}
	if c.MaxConcurrentRenders <= 0 {
		errs = append(errs, fmt.Errorf("max concurrent renders: %d: must be positive", c.MaxConcurrentRenders))
	}
	if c.Workers <= 0 {
		errs = append(errs, fmt.Errorf("workers: %d: must be positive", c.Workers))
	}
	if c.ShutdownTimeout <= 0 {
		errs = append(errs, fmt.Errorf("shutdown timeout: %s: must be positive", c.ShutdownTimeout))
	}
	if c.MaxBatchBytes <= 0 {
		errs = append(errs, fmt.Errorf("max batch bytes: %d: must be positive", c.MaxBatchBytes))
	}
	if c.MaxBatchItems <= 0 {
		errs = append(errs, fmt.Errorf("max batch items: %d: must be positive", c.MaxBatchItems))
	}
	if c.BatchWorkers <= 0 {
		errs = append(errs, fmt.Errorf("batch workers: %d: must be positive", c.BatchWorkers))
	}
	if c.BatchTimeout <= 0 {
		errs = append(errs, fmt.Errorf("batch timeout: %s: must be positive", c.BatchTimeout))
	}
	if c.MaxImportBytes <= 0 {
		errs = append(errs, fmt.Errorf("max import bytes: %d: must be positive", c.MaxImportBytes))
	}
	if c.SessionTTL <= 0 {
		errs = append(errs, fmt.Errorf("session ttl: %s: must be positive", c.SessionTTL))
	}
	if c.MemoryLimit < 0 {
		errs = append(errs, fmt.Errorf("memory limit: %d: must not be negative", c.MemoryLimit))
	}
	for name, pass := range c.Users {
		if name == "" || len(pass) < 12 {
			errs = append(errs, errors.New("users: every user needs a name and a password of at least 12 characters"))
			break
		}
	}
	for name, role := range c.Roles {
		if _, ok := c.Users[name]; !ok || !role.Valid() {
			errs = append(errs, fmt.Errorf("roles: %q: every role names a user of VANBAN_USERS and is clerk, reviewer or lead", name))
			break
		}
	}
	for _, k := range c.APIKeys {
		if len(k) < 16 {
			// A short key is guessable; refusing it at start-up is kinder
			// than discovering it in an audit.
			errs = append(errs, errors.New("api keys: every key must be at least 16 characters"))
			break
		}
	}
	return errors.Join(errs...)
}

// ConfigFromEnv starts from DefaultConfig and applies the VANBAN_*
// variables that are set. getenv is os.Getenv in production; tests pass a
// map lookup. Every malformed variable is reported, not only the first.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	c := DefaultConfig()
	var errs []error
	set := func(name string, apply func(string) error) {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			return
		}
		if err := apply(v); err != nil {
			if name == "VANBAN_USERS" || name == "VANBAN_API_KEYS" {
				v = "…" // secrets never reach an error message or a log
			}
			errs = append(errs, fmt.Errorf("%s=%q: %w", name, v, err))
		}
	}
	set("VANBAN_ADDR", func(v string) error { c.Addr = v; return nil })
	set("VANBAN_MAX_BODY_BYTES", func(v string) (err error) { c.MaxBodyBytes, err = ParseSize(v); return })
	set("VANBAN_MAX_DEPTH", intSetter(&c.MaxDepth))
	set("VANBAN_MAX_ELEMENTS", intSetter(&c.MaxElements))
	set("VANBAN_RENDER_TIMEOUT", durationSetter(&c.RenderTimeout))
	set("VANBAN_QUEUE_TIMEOUT", durationSetter(&c.QueueTimeout))
	set("VANBAN_MAX_CONCURRENT_RENDERS", intSetter(&c.MaxConcurrentRenders))
	set("VANBAN_WORKERS", intSetter(&c.Workers))
	set("VANBAN_API_KEYS", func(v string) error { c.APIKeys = SplitList(v); return nil })
	set("VANBAN_CORS_ORIGINS", func(v string) error { c.CORSOrigins = SplitList(v); return nil })
	set("VANBAN_LOG_LEVEL", func(v string) error { return c.LogLevel.UnmarshalText([]byte(v)) })
	set("VANBAN_SHUTDOWN_TIMEOUT", durationSetter(&c.ShutdownTimeout))
	set("VANBAN_MAX_BATCH_BYTES", func(v string) (err error) { c.MaxBatchBytes, err = ParseSize(v); return })
	set("VANBAN_MAX_BATCH_ITEMS", intSetter(&c.MaxBatchItems))
	set("VANBAN_BATCH_WORKERS", intSetter(&c.BatchWorkers))
	set("VANBAN_BATCH_TIMEOUT", durationSetter(&c.BatchTimeout))
	set("VANBAN_MAX_IMPORT_BYTES", func(v string) (err error) { c.MaxImportBytes, err = ParseSize(v); return })
	set("VANBAN_USERS", func(v string) (err error) { c.Users, err = ParseUsers(v); return })
	set("VANBAN_ROLES", func(v string) (err error) { c.Roles, err = ParseRoles(v); return })
	set("VANBAN_SESSION_TTL", durationSetter(&c.SessionTTL))
	set("VANBAN_MEMORY_LIMIT", func(v string) (err error) { c.MemoryLimit, err = ParseSize(v); return })
	if err := errors.Join(errs...); err != nil {
		return c, fmt.Errorf("config: %w", err)
	}
	return c, nil
}

func intSetter(p *int) func(string) error {
	return func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil {
			return errors.New("want an integer")
		}
		*p = n
		return nil
	}
}

func durationSetter(p *time.Duration) func(string) error {
	return func(v string) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return errors.New(`want a duration such as "10s" or "500ms"`)
		}
		*p = d
		return nil
	}
}

// ParseSize reads a byte count: a plain integer or one with a KiB, MiB or
// GiB suffix (also K, M, G, KB, MB, GB, read as powers of 1024).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, errors.New(`want a byte count such as "4194304" or "4MiB"`)
	}
	return n * mult, nil
}

// ParseUsers reads "name:password,name2:password2". The error never
// repeats the value, which holds passwords.
func ParseUsers(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, p := range SplitList(s) {
		name, pass, ok := strings.Cut(p, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, errors.New(`want "name:password" pairs separated by commas`)
		}
		out[strings.TrimSpace(name)] = pass
	}
	return out, nil
}

// ParseRoles reads "name:role,name2:role2" (roles.go).
func ParseRoles(s string) (map[string]Role, error) {
	out := map[string]Role{}
	for _, p := range SplitList(s) {
		name, role, ok := strings.Cut(p, ":")
		r := Role(strings.TrimSpace(role))
		if !ok || strings.TrimSpace(name) == "" || !r.Valid() {
			return nil, errors.New(`want "name:role" pairs separated by commas, role clerk, reviewer or lead`)
		}
		out[strings.TrimSpace(name)] = r
	}
	return out, nil
}

// SplitList splits a comma-separated list, dropping blanks.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
