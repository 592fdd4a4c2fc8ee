// Package vntext holds the small, exact pieces of Vietnamese text handling
// that vanban needs in more than one place: validation checks them and both
// writers (DOCX and PDF) render with them, so they live here once instead of
// being re-implemented (and subtly diverging) in each writer.
//
// The package covers:
//
//   - amounts in words ("bằng chữ"), formal register, and their inverse
//     (Words, AmountInWords, ParseWords, WordsEqual). Administrative documents
//     state money twice, in figures and in words; validation parses the words
//     back instead of comparing strings, because authors legitimately write
//     variants (tư/bốn, linh/lẻ, nghìn/ngàn, tỷ/tỉ, capitalisation, commas);
//   - numbers with Vietnamese grouping ("1.234.567", "12,5")
//     (FormatInt, FormatDecimal, FormatPercent, ParseNumber);
//   - dates in the form required by Nghị định 30/2020/NĐ-CP, where days 1–9
//     and months 1–2 are zero-padded and nothing else is (FormatDate, Date);
//   - Vietnamese-aware case mapping (Upper, Lower, IsUpper, CapitalizeFirst);
//   - the administrative unit words Phụ lục II writes lower case before a
//     place's name (AdminUnits), the one list of them;
//   - marks removed for keys, ASCII names and slugs (StripMarks, Fold, Slug);
//   - the money units of a budget and their value in đồng (MoneyUnit,
//     LookupMoneyUnit), the one table of them;
//   - Unicode normalisation and the old/new tone-mark placement
//     ("hòa"/"hoà", "thủy"/"thuỷ") (NFC, DetectToneStyle, NormalizeTone,
//     MoveTone);
//   - repair of text typed in the legacy 8-bit encodings TCVN3 (ABC) and
//     VNI-Windows that was decoded as Windows-1252 and pasted as Unicode
//     ("mojibake") (DetectLegacy, ConvertLegacy, ToLegacy).
//
// Everything is pure, allocation-light and safe for concurrent use. No
// function panics on any input (the fuzz tests check this).
package vntext
