package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunText(t *testing.T) {
	dir := t.TempDir()
	tcvnFile := filepath.Join(dir, "tcvn3.txt")
	if err := os.WriteFile(tcvnFile, []byte("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Raw legacy bytes (not UTF-8), as saved by an old editor: TCVN3
	// "Hµ Néi" is 48 B5 20 4E E9 69.
	rawFile := filepath.Join(dir, "raw.txt")
	if err := os.WriteFile(rawFile, []byte{'H', 0xB5, ' ', 'N', 0xE9, 'i', '\n'}, 0o644); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name        string
		args        []string
		stdin       string
		code        int
		out, errHas string
	}{
		{"words", []string{"words", "370000000"}, "", 0, "Ba trăm bảy mươi triệu đồng chẵn\n", ""},
		{"words bare", []string{"words", "--unit", "", "370000000"}, "", 0, "Ba trăm bảy mươi triệu\n", ""},
		{"words unit", []string{"words", "--unit", "đồng", "370.000.000"}, "", 0, "Ba trăm bảy mươi triệu đồng chẵn\n", ""},
		{"words big", []string{"words", "--unit=đồng", "3190000000"}, "", 0, "Ba tỷ một trăm chín mươi triệu đồng chẵn\n", ""},
		{"words other unit", []string{"words", "--unit", "triệu đồng", "3190"}, "", 0, "Ba nghìn một trăm chín mươi triệu đồng\n", ""},
		{"words options", []string{"words", "--bon", "--le", "--ngan", "--unit=", "1024"}, "", 0, "Một ngàn không trăm hai mươi bốn\n", ""},
		{"words le", []string{"words", "-le", "105"}, "", 0, "Một trăm lẻ năm đồng chẵn\n", ""},
		{"words bad number", []string{"words", "12.5"}, "", 1, "", "3 digits"},
		{"words no number", []string{"words"}, "", 2, "", "usage"},
		{"words two numbers", []string{"words", "1", "2"}, "", 2, "", "usage"},
		{"words bad flag", []string{"words", "--nope", "1"}, "", 2, "", "flag provided but not defined"},
		{"words help", []string{"words", "-h"}, "", 0, "", "usage"},
		{"convert tcvn3 stdin", []string{"convert", "--from", "tcvn3"}, "Céng hoµ x· héi chñ nghÜa ViÖt Nam", 0, "Cộng hoà xã hội chủ nghĩa Việt Nam", ""},
		{"convert vni stdin", []string{"convert", "--from", "vni"}, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", 0, "Cộng hòa xã hội chủ nghĩa Việt Nam", ""},
		{"convert auto vni", []string{"convert", "--from", "auto"}, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", 0, "Cộng hòa xã hội chủ nghĩa Việt Nam", "detected vni"},
		{"convert auto default", []string{"convert"}, "Céng hoµ x· héi", 0, "Cộng hoà xã hội", "detected tcvn3"},
		{"convert auto unicode", []string{"convert"}, "Cộng hòa xã hội", 0, "Cộng hòa xã hội", "detected unicode"},
		{"convert file", []string{"convert", "--from", "auto", tcvnFile}, "", 0, "Cộng hoà xã hội chủ nghĩa Việt Nam\n", "detected tcvn3"},
		{"convert raw bytes", []string{"convert", "--from", "tcvn3", rawFile}, "", 0, "Hà Nội\n", ""},
		{"convert missing file", []string{"convert", filepath.Join(dir, "nope.txt")}, "", 1, "", "no such file"},
		{"convert bad enc", []string{"convert", "--from", "utf7"}, "", 2, "", "unknown encoding"},
		{"convert two files", []string{"convert", "a", "b"}, "", 2, "", "usage"},
		{"date", []string{"date", "2020-01-05"}, "", 0, "ngày 05 tháng 01 năm 2020\n", ""},
		{"date no pad", []string{"date", "2019-06-29"}, "", 0, "ngày 29 tháng 6 năm 2019\n", ""},
		{"date blank", []string{"date", "2024-00-00"}, "", 0, "ngày     tháng     năm 2024\n", ""},
		{"date invalid", []string{"date", "2023-02-29"}, "", 1, "", "out of range"},
		{"date malformed", []string{"date", "05/01/2020"}, "", 1, "", "not YYYY-MM-DD"},
		{"date missing", []string{"date"}, "", 2, "", "usage"},
		{"no command", nil, "", 2, "", "usage"},
		{"unknown command", []string{"frobnicate"}, "", 2, "", "unknown command"},
		{"help", []string{"help"}, "", 0, "usage", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runText(c.args, strings.NewReader(c.stdin), &stdout, &stderr)
			if code != c.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, c.code, stderr.String())
			}
			if c.out != "" && !strings.Contains(stdout.String(), c.out) {
				t.Errorf("stdout %q, want %q", stdout.String(), c.out)
			}
			if c.code == 0 && c.name != "help" && c.out != "" && !strings.HasSuffix(c.out, "\n") && stdout.String() != c.out {
				t.Errorf("stdout %q, want exactly %q", stdout.String(), c.out)
			}
			if c.errHas != "" && !strings.Contains(stderr.String(), c.errHas) {
				t.Errorf("stderr %q, want containing %q", stderr.String(), c.errHas)
			}
		})
	}
}
