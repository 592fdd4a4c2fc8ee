package ndcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Result is one check of the report.
type Result struct {
	Status string `json:"status"` // PASS, FAIL, WARN or N/A
	ID     string `json:"id"`
	Detail string `json:"detail"`
}

// ErrUnavailable means the checker or python3 is not installed here.
var ErrUnavailable = errors.New("ndcheck: not available")

// ModuleRoot is the repository root, found from this file's location.
func ModuleRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Path returns the checker: the shared one when present (it is the
// reference), else the copy in .ci/.
func Path() (string, error) {
	if _, err := exec.LookPath("python3"); err != nil {
		return "", ErrUnavailable
	}
	root := ModuleRoot()
	for _, p := range []string{
		filepath.Join(root, "..", "shared", "tools", "ndcheck"),
		filepath.Join(root, ".ci", "ndcheck"),
	} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", ErrUnavailable
}

// Run checks files (one DOCX or PDF, or with "--parity" first, a DOCX and
// its PDF) and returns every result. A FAIL is a result, not an error; an
// error means the checker could not run.
func Run(args ...string) ([]Result, error) {
	tool, err := Path()
	if err != nil {
		return nil, err
	}
	out, err := exec.Command("python3", append([]string{tool, "--json"}, args...)...).Output()
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		return nil, fmt.Errorf("ndcheck %v: %w: %s", args, err, out)
	}
	var rep struct {
		Results []Result `json:"results"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("ndcheck %v: report: %w", args, err)
	}
	return rep.Results, nil
}

// Failed returns the results with status FAIL.
func Failed(rs []Result) []Result {
	var out []Result
	for _, r := range rs {
		if r.Status == "FAIL" {
			out = append(out, r)
		}
	}
	return out
}
