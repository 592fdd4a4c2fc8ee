//go:build integration

package whole

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

// vocab are ordinary words of administrative prose, and refs the pieces a
// line must not be broken inside (layout.BadBreaks): references, dates,
// year ranges, amounts with their unit.
var (
	vocab = strings.Fields(`triển khai thực hiện kế hoạch nhiệm vụ giải pháp phát triển kinh tế xã hội
		vùng đồng bào dân tộc thiểu số miền núi giai đoạn bình đẳng giới tiến bộ phụ nữ trẻ em
		nâng cao năng lực cán bộ cơ sở tuyên truyền phổ biến giáo dục pháp luật các sở ban ngành
		Ủy ban nhân dân huyện thị xã thành phố tổ chức đánh giá kết quả báo cáo định kỳ hằng năm
		kinh phí ngân sách nhà nước bảo đảm hiệu quả thiết thực phù hợp điều kiện thực tế địa phương`)
	refs = []string{"1898/QĐ-TTg", "02-NQ/TW", "KH-UBND", "39/UBDT-DTTS", "2018-2025", "2021-2030",
		"30/6/2023", "12/02/2020", "70.000.000 đồng", "15 %", "120 ha", "35 km", "2.500 người",
		"450 triệu đồng", "12 m3", "Điều 1.", "1.200.000 đồng"}
)

// titleTerms are two-syllable words of layout's lexicon, strung into the
// generated titles (spec.titleTerms): a word processor breaking such a
// title where its column ends splits one of them ("KẾ ⏎ HOẠCH").
var titleTerms = strings.Split("kế hoạch|thực hiện|phát triển|kinh tế|xã hội|giai đoạn|chương trình|tổ chức|"+
	"quyết định|ủy ban|nhân dân|bình đẳng|hoạt động|giải quyết|địa bàn|dân tộc|thiểu số|miền núi|"+
	"đồng bào|quản lý|nâng cao|hiệu quả|công tác|tuyên truyền|phổ biến|giáo dục|pháp luật|cải cách|hành chính", "|")

// terms returns n two-syllable words drawn from titleTerms.
func terms(rng *rand.Rand, n int) string {
	var f []string
	for range n {
		f = append(f, titleTerms[rng.IntN(len(titleTerms))])
	}
	return strings.Join(f, " ")
}

// words returns n words drawn from vocab, with a reference every so often.
func words(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		if rng.IntN(9) == 0 {
			b.WriteString(refs[rng.IntN(len(refs))])
			continue
		}
		b.WriteString(vocab[rng.IntN(len(vocab))])
	}
	return b.String()
}

// spec says how big each piece of a generated document is; a zero field
// means the piece's ordinary size.
type spec struct {
	congVan      bool
	recipients   int // Nơi nhận lines
	addressees   int // Kính gửi lines (công văn)
	subjectWords int // V/v subject or trích yếu
	// titleTerms, when > 0, makes the V/v subject or trích yếu, the
	// appendix title and the signer title this many two-syllable words
	// of the lexicon (the title breaker's test).
	titleTerms   int
	signerWords  int // signer title
	paraWords    int // one body paragraph this long
	cellWords    int // one table cell this long
	headerWords  int // one table column title this long
	rows         int // table rows
	appendixRows int // an appendix table shaped like a real 67-row one (tall grouped header)
	// appendixHeaderWords, when > 0, makes its column titles about this
	// long: the header rows then stack taller than a page.
	appendixHeaderWords int
	// appendixGroupWords, when > 0, makes the grouped column title (the
	// first header row, beside merged cells) this long.
	appendixGroupWords int
	headingDepth       int // nest headings this deep (3 roman; 4 with decimal numbering)
	decimal            bool
	items              bool // "-" and "+" items under the deepest heading
	paras              int  // ordinary body paragraphs
	footnoteWords      int  // a footnote this long on the intro (longer than a page from ~900 words)
	// notedAt, when > 0, opens the body with this many one-line
	// paragraphs and then a paragraph of about four lines with a footnote
	// on its third line: swept over, it meets the foot of a page with
	// every amount of room left.
	notedAt int
	// notedLists puts a footnote on the last Kính gửi line and on the
	// last Nơi nhận line before Lưu, as offices list who is meant.
	notedLists bool
}

// build makes the JSON of a valid document with the pieces of s, words
// drawn from seed.
func build(s spec, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	d := map[string]any{
		"schema": "vanban/v1",
		"issuer": map[string]any{
			"parent":       []string{"UBND TỈNH GIA LAI"},
			"name":         []string{"SỞ KẾ HOẠCH VÀ ĐẦU TƯ"},
			"abbreviation": "SKHĐT",
			"unit":         "TH",
		},
		"number": "15",
		"place":  "Gia Lai",
		"date":   map[string]int{"day": 30, "month": 6, "year": 2023},
	}
	subject := max(s.subjectWords, 8)
	if s.congVan {
		d["type"] = "cong_van"
		d["subject"] = words(rng, subject)
		if s.titleTerms > 0 {
			d["subject"] = "hướng dẫn " + terms(rng, s.titleTerms)
		}
		n := max(s.addressees, 1)
		var ad []any
		for i := range n {
			ad = append(ad, fmt.Sprintf("Ủy ban nhân dân xã số %d %s", i+1, words(rng, 2+rng.IntN(6))))
		}
		if s.notedLists {
			ad[n-1] = []map[string]any{{"text": fmt.Sprintf("Ủy ban nhân dân các xã %s", words(rng, 3)), "footnote": "Gồm các xã: " + words(rng, 30) + "."}}
		}
		d["addressees"] = ad
	} else {
		d["type"] = "ke_hoach"
		d["summary"] = "Triển khai " + words(rng, subject-1)
		if s.titleTerms > 0 {
			d["summary"] = "Triển khai " + terms(rng, s.titleTerms) + " năm 2023"
		}
	}
	intro := "Căn cứ Quyết định số 1898/QĐ-TTg ngày 28/11/2021, " + words(rng, 40) + "."
	if s.footnoteWords > 0 {
		d["intro"] = []any{[]map[string]any{
			{"text": "Căn cứ Kế hoạch số 15/KH-UBND ngày 30/6/2023", "footnote": "Gồm: " + words(rng, s.footnoteWords) + "."},
			{"text": ", " + words(rng, 60) + "."},
		}}
	} else {
		d["intro"] = []string{intro}
	}

	var body []any
	para := func(n int) any { return map[string]any{"paragraph": "Nội dung " + words(rng, n-2) + "."} }
	for range s.paras {
		body = append(body, para(30+rng.IntN(60)))
	}
	if s.notedAt > 0 {
		for i := range s.notedAt {
			body = append(body, map[string]any{"paragraph": fmt.Sprintf("Dòng %d: %s.", i+1, words(rng, 5))})
		}
		body = append(body, map[string]any{"paragraph": []map[string]any{
			{"text": "Nội dung " + words(rng, 38), "footnote": "Ghi chú " + words(rng, 20) + "."},
			{"text": " " + words(rng, 16) + "."},
		}})
	}
	if s.paraWords > 0 {
		body = append(body, para(s.paraWords))
	}
	if s.headingDepth > 0 {
		body = append(body, nest(rng, 1, s.headingDepth, s.items))
	}
	if s.rows > 0 || s.cellWords > 0 || s.headerWords > 0 {
		body = append(body, table(rng, max(s.rows, 3), s.cellWords, s.headerWords))
	}
	if len(body) == 0 {
		body = append(body, para(60))
	}
	d["body"] = body
	d["closing"] = []string{"Đề nghị các đơn vị " + words(rng, 12) + "."}

	title := "PHÓ GIÁM ĐỐC"
	if s.signerWords > 0 {
		title = "PHÓ GIÁM ĐỐC " + strings.ToUpper(words(rng, s.signerWords-3))
	}
	if s.titleTerms > 0 {
		title = "PHÓ GIÁM ĐỐC " + strings.ToUpper(terms(rng, 6))
	}
	d["signature"] = map[string]any{
		"authority": []map[string]string{{"prefix": "KT.", "title": "GIÁM ĐỐC"}},
		"title":     title,
		"name":      "Nguyễn Văn An",
	}
	n := max(s.recipients, 3)
	var rec []map[string]any
	if s.congVan {
		rec = append(rec, map[string]any{"name": "Như trên"})
	}
	for i := len(rec); i < n; i++ {
		rec = append(rec, map[string]any{"name": fmt.Sprintf("UBND xã số %d %s", i+1, words(rng, 1+rng.IntN(5)))})
	}
	if s.notedLists {
		rec[n-1]["name"] = []map[string]any{{"text": "Các đơn vị phối hợp", "footnote": "Gồm: " + words(rng, 20) + "."}}
	}
	d["distribution"] = map[string]any{
		"recipients": rec,
		"archive":    map[string]any{"units": []string{"TH"}, "drafter": "h"},
	}
	if s.decimal {
		d["options"] = map[string]any{"numbering": "decimal"}
	}
	if s.titleTerms > 0 {
		d["appendices"] = []any{map[string]any{
			"title":  "Danh mục " + terms(rng, s.titleTerms),
			"blocks": []any{map[string]any{"paragraph": "Nội dung " + words(rng, 40) + "."}},
		}}
	}
	if s.appendixRows > 0 {
		d["appendices"] = []any{map[string]any{
			"title":       "Danh mục " + words(rng, 10),
			"orientation": "landscape",
			"blocks":      []any{appendixTable(rng, s.appendixRows, max(s.appendixHeaderWords, 25), s.appendixGroupWords)},
		}}
	}
	out, err := json.MarshalIndent(d, "", " ")
	if err != nil {
		panic(err)
	}
	return out
}

// nest makes a heading at level with children down to depth, and items
// ("-" then "+") under the deepest one when asked.
func nest(rng *rand.Rand, level, depth int, items bool) any {
	var kids []any
	kids = append(kids, map[string]any{"paragraph": "Nội dung " + words(rng, 20+rng.IntN(20)) + "."})
	if level < depth {
		kids = append(kids, nest(rng, level+1, depth, items), nest(rng, level+1, depth, items))
	} else if items {
		kids = append(kids, map[string]any{"item": map[string]any{
			"text":     words(rng, 15) + ";",
			"children": []any{map[string]any{"item": map[string]any{"text": words(rng, 12) + "."}}},
		}})
	}
	return map[string]any{"heading": map[string]any{"title": "Mục " + words(rng, 3+rng.IntN(8)), "children": kids}}
}

// table makes a data table of rows rows; cellWords, when > 0, makes one
// cell that long, headerWords one column title.
func table(rng *rand.Rand, rows, cellWords, headerWords int) any {
	colTitle := "Nội dung công việc"
	if headerWords > 0 {
		colTitle = "Nội dung " + words(rng, headerWords)
	}
	cols := []any{
		map[string]any{"title": "TT"},
		map[string]any{"title": colTitle},
		map[string]any{"title": "Đơn vị thực hiện"},
		map[string]any{"title": "Kinh phí (triệu đồng)", "numeric": true, "sum": true},
	}
	var rs []any
	for i := range rows {
		text := words(rng, 4+rng.IntN(12))
		if cellWords > 0 && i == rows/2 {
			text = words(rng, cellWords)
		}
		rs = append(rs, map[string]any{"cells": []any{fmt.Sprint(i + 1), text, words(rng, 2+rng.IntN(3)), 10 + rng.IntN(900)}})
	}
	rs = append(rs, map[string]any{"kind": "total", "label": "Tổng cộng", "cells": []any{nil, nil, nil, nil}})
	return map[string]any{"table": map[string]any{"title": "Bảng " + words(rng, 5), "unit": "triệu đồng", "columns": cols, "rows": rs}}
}

// appendixTable is shaped like a real appendix: three header levels whose
// titles are long sentences (titleWords or more: most of a landscape page
// when stacked, or more than a page),
// eleven numeric columns, n rows of mostly numbers.
func appendixTable(rng *rand.Rand, n, titleWords, groupWords int) any {
	long := func() string { return words(rng, titleWords+rng.IntN(titleWords)) }
	group := long()
	if groupWords > 0 {
		group = words(rng, groupWords)
	}
	var groups []any
	for range 3 {
		var kids []any
		for range 3 {
			kids = append(kids, map[string]any{"title": long(), "numeric": true})
		}
		groups = append(groups, map[string]any{"title": long(), "children": kids})
	}
	cols := []any{
		map[string]any{"title": "TT"},
		map[string]any{"title": "Đơn vị " + words(rng, 6)},
		map[string]any{"title": "Nội dung " + group, "children": groups},
	}
	var rs []any
	for i := range n {
		cells := []any{fmt.Sprint(i + 1), words(rng, 2+rng.IntN(4))}
		for range 9 {
			cells = append(cells, rng.IntN(300))
		}
		rs = append(rs, map[string]any{"cells": cells})
	}
	return map[string]any{"table": map[string]any{"title": "Chỉ tiêu " + words(rng, 6), "columns": cols, "rows": rs}}
}
