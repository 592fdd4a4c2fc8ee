package httpapi

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"regexp"
	"sort"
	"strings"

	"github.com/gin-gonic/gin"
)

// SampleInfo describes one sample in GET /v1/samples.
type SampleInfo struct {
	Name  string `json:"name"`
	Type  string `json:"type"`
	Title string `json:"title"`
	URL   string `json:"url"`
	Size  int    `json:"size"`
}

// sampleSet is read once at start-up: the samples are small and fixed, so
// a request never touches the file system.
type sampleSet struct {
	list []SampleInfo
	data map[string][]byte
	tags map[string]string // entity tags by name (cache.go)
}

var sampleName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

func loadSamples(fsys fs.FS) (*sampleSet, error) {
	set := &sampleSet{list: []SampleInfo{}, data: map[string][]byte{}, tags: map[string]string{}}
	if fsys == nil {
		return set, nil
	}
	paths, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	for _, p := range paths {
		name := strings.TrimSuffix(p, ".json")
		if !sampleName.MatchString(name) {
			continue
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		// Only what the listing shows is read here; a sample that does
		// not decode is still listed, since /v1/validate will say why.
		var head struct {
			Type    string `json:"type"`
			Summary string `json:"summary"`
			Subject string `json:"subject"`
		}
		_ = json.Unmarshal(data, &head)
		title := head.Summary
		if title == "" && head.Subject != "" {
			title = "V/v " + head.Subject
		}
		set.data[name], set.tags[name] = data, contentTag(data)
		set.list = append(set.list, SampleInfo{Name: name, Type: head.Type, Title: title, URL: "/v1/samples/" + name, Size: len(data)})
	}
	return set, nil
}

func (s *Server) listSamples(c *gin.Context) error {
	writeJSON(c, http.StatusOK, map[string]any{"samples": s.samples.list})
	return nil
}

func (s *Server) getSample(c *gin.Context) error {
	name := strings.TrimSuffix(c.Param("name"), ".json")
	data, ok := s.samples.data[name]
	if !ok {
		return notFound(fmt.Sprintf("Không có mẫu %q; xem /v1/samples.", name),
			fmt.Sprintf("no sample %q; see /v1/samples", name))
	}
	serveStatic(c, "application/json; charset=utf-8", data, s.samples.tags[name])
	return nil
}
