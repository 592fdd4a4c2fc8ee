package httpapi

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics live in a registry of their own per server, so that two servers
// in one test binary do not collide and nothing depends on the global
// registry.
type metrics struct {
	registry  *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	renders   *prometheus.HistogramVec
	inFlight  prometheus.Gauge
	rejected  prometheus.Counter
	timeouts  *prometheus.CounterVec
	queueWait prometheus.Histogram
	// waiting counts requests waiting for a worker (Server.work).
	waiting prometheus.Gauge
	// batches count POST /v1/batch runs by outcome (complete, failed
	// before any output, aborted mid-stream); batchItems count their items
	// by manifest status.
	batches    *prometheus.CounterVec
	batchItems *prometheus.CounterVec
}

func newMetrics() *metrics {
	// Renders take milliseconds; the buckets resolve the 1-100 ms range
	// the service is tuned for and still show a slow tail.
	buckets := []float64{.001, .0025, .005, .01, .02, .035, .05, .075, .1, .25, .5, 1, 2.5, 5, 10}
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vanban_http_requests_total",
			Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "vanban_http_request_duration_seconds",
			Help:    "HTTP request latency by route pattern and method.",
			Buckets: buckets,
		}, []string{"route", "method"}),
		renders: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "vanban_render_duration_seconds",
			Help:    "Time to render one document, by output format.",
			Buckets: buckets,
		}, []string{"format"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "vanban_renders_in_flight",
			Help: "Renders running now.",
		}),
		rejected: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "vanban_render_rejected_total",
			Help: "Render requests refused with 429 because every slot stayed busy.",
		}),
		timeouts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vanban_render_timeouts_total",
			Help: "Render requests that missed the per-request deadline, by formats requested.",
		}, []string{"formats"}),
		queueWait: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "vanban_render_queue_wait_seconds",
			Help:    "Time a render request waited for a free slot.",
			Buckets: buckets,
		}),
		waiting: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "vanban_work_waiting",
			Help: "Requests waiting, in arrival order, for a worker to decode, validate or render their document.",
		}),
		batches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vanban_batches_total",
			Help: "Batch renders by outcome: complete, failed (before any output) or aborted (mid-stream).",
		}, []string{"outcome"}),
		batchItems: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vanban_batch_items_total",
			Help: "Items of batch renders by manifest status: ok, invalid or failed.",
		}, []string{"status"}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.renders, m.inFlight, m.rejected, m.timeouts, m.queueWait, m.waiting, m.batches, m.batchItems,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}
