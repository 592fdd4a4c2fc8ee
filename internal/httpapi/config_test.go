package httpapi

import (
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		check   func(Config) bool
		wantErr string
	}{
		{"defaults", nil, func(c Config) bool {
			return c.Addr == ":8080" && c.MaxConcurrentRenders == 2*runtime.GOMAXPROCS(0) && c.MaxBodyBytes == 4<<20 && c.LogLevel == slog.LevelInfo &&
				c.MaxBatchBytes == 32<<20 && c.MaxBatchItems == 500 && c.BatchWorkers == runtime.GOMAXPROCS(0) &&
				c.Workers == runtime.GOMAXPROCS(0)
		}, ""},
		{"overrides", map[string]string{
			"VANBAN_ADDR": "127.0.0.1:9000", "VANBAN_MAX_BODY_BYTES": "1MiB", "VANBAN_MAX_DEPTH": "12", "VANBAN_MAX_ELEMENTS": "99",
			"VANBAN_RENDER_TIMEOUT": "3s", "VANBAN_QUEUE_TIMEOUT": "250ms", "VANBAN_MAX_CONCURRENT_RENDERS": "7",
			"VANBAN_API_KEYS": " key-aaaaaaaaaaaaaaaa , ,key-bbbbbbbbbbbbbbbb", "VANBAN_CORS_ORIGINS": "http://localhost:5173",
			"VANBAN_LOG_LEVEL": "debug", "VANBAN_SHUTDOWN_TIMEOUT": "5s",
			"VANBAN_MAX_BATCH_BYTES": "8MiB", "VANBAN_MAX_BATCH_ITEMS": "20", "VANBAN_BATCH_WORKERS": "3", "VANBAN_BATCH_TIMEOUT": "1m",
			"VANBAN_MAX_IMPORT_BYTES": "2MiB", "VANBAN_WORKERS": "5",
		}, func(c Config) bool {
			return c.Addr == "127.0.0.1:9000" && c.MaxBodyBytes == 1<<20 && c.MaxDepth == 12 && c.MaxElements == 99 &&
				c.RenderTimeout == 3*time.Second && c.QueueTimeout == 250*time.Millisecond && c.MaxConcurrentRenders == 7 &&
				slices.Equal(c.APIKeys, []string{"key-aaaaaaaaaaaaaaaa", "key-bbbbbbbbbbbbbbbb"}) &&
				slices.Equal(c.CORSOrigins, []string{"http://localhost:5173"}) && c.LogLevel == slog.LevelDebug &&
				c.ShutdownTimeout == 5*time.Second && c.MaxBatchBytes == 8<<20 && c.MaxBatchItems == 20 && c.BatchWorkers == 3 &&
				c.BatchTimeout == time.Minute && c.MaxImportBytes == 2<<20 && c.Workers == 5 && c.Validate() == nil
		}, ""},
		{"every bad variable reported", map[string]string{"VANBAN_MAX_DEPTH": "deep", "VANBAN_RENDER_TIMEOUT": "10", "VANBAN_LOG_LEVEL": "loud"}, nil,
			"VANBAN_MAX_DEPTH"},
		{"bad size", map[string]string{"VANBAN_MAX_BODY_BYTES": "-1"}, nil, "VANBAN_MAX_BODY_BYTES"},
		{"sign-in and memory", map[string]string{"VANBAN_USERS": "vanthu:correct-horse-battery, ketoan:another-long-pass",
			"VANBAN_SESSION_TTL": "1h", "VANBAN_MEMORY_LIMIT": "512MiB"}, func(c Config) bool {
			return len(c.Users) == 2 && c.Users["vanthu"] == "correct-horse-battery" && c.Users["ketoan"] == "another-long-pass" &&
				c.SessionTTL == time.Hour && c.MemoryLimit == 512<<20 && c.Validate() == nil
		}, ""},
		{"memory limit defaults", nil, func(c Config) bool { return c.MemoryLimit == 256<<20 && c.SessionTTL == 8*time.Hour }, ""},
		{"malformed users never echoed", map[string]string{"VANBAN_USERS": "secret-password-only"}, nil, "VANBAN_USERS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ConfigFromEnv(func(k string) string { return tt.env[k] })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one naming %s", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "secret-password-only") {
					t.Errorf("the error repeats a secret: %v", err)
				}
				if tt.name == "every bad variable reported" && (!strings.Contains(err.Error(), "VANBAN_RENDER_TIMEOUT") || !strings.Contains(err.Error(), "VANBAN_LOG_LEVEL")) {
					t.Errorf("not every variable reported: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				t.Errorf("config = %+v", c)
			}
		})
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"zero renders", func(c *Config) { c.MaxConcurrentRenders = 0 }, "max concurrent renders"},
		{"short key", func(c *Config) { c.APIKeys = []string{"short"} }, "api keys"},
		{"short password", func(c *Config) { c.Users = map[string]string{"vanthu": "short"} }, "users"},
		{"no session ttl", func(c *Config) { c.SessionTTL = 0 }, "session ttl"},
		{"no addr", func(c *Config) { c.Addr = "" }, "addr"},
		{"negative queue", func(c *Config) { c.QueueTimeout = -time.Second }, "queue timeout"},
		{"zero timeout", func(c *Config) { c.RenderTimeout = 0 }, "render timeout"},
		{"zero batch bytes", func(c *Config) { c.MaxBatchBytes = 0 }, "max batch bytes"},
		{"zero batch items", func(c *Config) { c.MaxBatchItems = 0 }, "max batch items"},
		{"zero batch workers", func(c *Config) { c.BatchWorkers = 0 }, "batch workers"},
		{"zero batch timeout", func(c *Config) { c.BatchTimeout = 0 }, "batch timeout"},
		{"zero import bytes", func(c *Config) { c.MaxImportBytes = 0 }, "max import bytes"},
		{"zero workers", func(c *Config) { c.Workers = 0 }, "workers"},
	}
	for _, tt := range tests {
		c := DefaultConfig()
		tt.edit(&c)
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one naming %q", tt.name, err, tt.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"4194304", 4 << 20, true}, {"4MiB", 4 << 20, true}, {"512k", 512 << 10, true}, {"1 GB", 1 << 30, true}, {"10B", 10, true},
		{"", 0, false}, {"-5", 0, false}, {"1.5MB", 0, false}, {"99999999999G", 0, false}, {"MB", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
