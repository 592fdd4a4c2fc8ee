package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadProfile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	p, err := loadProfile(write("ok.json", `{"name":"Sở Nội vụ","margin_right":15,"first_indent":10}`))
	if err != nil || *p.MarginRight != 15 || *p.FirstIndent != 10 {
		t.Fatalf("a good profile: %+v, %v", p, err)
	}
	if _, err := loadProfile(write("range.json", `{"margin_right":12}`)); !errors.Is(err, errProfileRange) || !strings.Contains(err.Error(), "/options/profile/margin_right") {
		t.Errorf("out of range: %v", err)
	}
	if _, err := loadProfile(write("typo.json", `{"margin_rigth":15}`)); err == nil {
		t.Error("an unknown field must be refused, not ignored")
	}
	if _, err := loadProfile(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing file must be an error")
	}
}
