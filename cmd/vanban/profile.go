package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
)

// maxProfileBytes bounds a profile file: a handful of numbers and a name.
const maxProfileBytes = 64 << 10

// loadProfile reads an office's house style (the JSON of options.profile)
// for a whole service: VANBAN_PROFILE. A value outside NĐ30's range stops
// start-up with every finding, as a document using it would be refused.
func loadProfile(path string) (*document.Profile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxProfileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	if len(data) > maxProfileBytes {
		return nil, fmt.Errorf("profile: %s is larger than %d bytes", path, maxProfileBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p document.Profile
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("profile: %s: %w", path, err)
	}
	if fs := engine.ProfileFindings(&p); len(fs) > 0 {
		msgs := make([]string, len(fs))
		for i, f := range fs {
			msgs[i] = f.String()
		}
		return nil, fmt.Errorf("profile: %s: %w:\n  %s", path, errProfileRange, strings.Join(msgs, "\n  "))
	}
	return &p, nil
}

var errProfileRange = errors.New("values outside NĐ30's ranges")
