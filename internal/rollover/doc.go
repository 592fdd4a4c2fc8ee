// Package rollover turns this year's plan into next year's draft.
//
// Offices reissue the same kế hoạch every year with the year changed. A
// blind search-and-replace of "2024" breaks the references the plan cites
// (Kế hoạch số 87/KH-UBND ngày 11/8/2021 must stay as issued) and the
// multi-year periods it serves (giai đoạn 2021-2025). Roll applies
// explicit rules instead, and reports every edit and every doubt:
//
//   - the plan year is the "năm YYYY" of the summary (trích yếu), or the
//     year of the date when the summary has none;
//   - "năm <plan year>" in the summary, subject, intro, body, closing and
//     appendices is moved to the new year (code plan_year);
//   - full dates (d/m/yyyy, "ngày d tháng m năm yyyy") and months
//     ("tháng 6/2024", "quý II/2024") of the plan year or the year after
//     it are moved by the same number of years: a reporting deadline
//     ("trước ngày 15/12/2024") as code deadline, any other as code date;
//     a 29 February that does not exist in the new year is left for review;
//   - a document reference — a number with its ký hiệu and, if present,
//     its date ("số 87/KH-UBND ngày 11/8/2021", "1719/QĐ-TTg, ngày
//     14/10/2021", "30/2020/NĐ-CP") or a law with its year ("Bộ luật Lao
//     động năm 2019") — is never moved; one of the plan year is listed for
//     review, since next year may bring a newer one;
//   - căn cứ lines (bases) are never changed; one naming the plan year is
//     listed for review;
//   - periods ("giai đoạn 2021-2025", "2021 - 2025", "nhiệm kỳ 2020-2025",
//     "từ năm 2021 đến năm 2025") are never moved; one that ends before the
//     new year is listed for review as a warning (code period_ended);
//   - the year before the plan year ("kết quả năm 2023") may mean "last
//     year" or a fixed year: listed for review, not changed; likewise the
//     year after it, and the plan year without "năm" (a table heading);
//   - the number is cleared and the date reduced to its year, moved (a
//     plan for 2025 dated 2024 gives a 2026 plan dated 2025): a draft;
//   - the signer's name is listed for review;
//   - a rename table (old name → new name) is applied to every string,
//     whole words only, with its upper-case form for headings; căn cứ
//     lines keep the names documents were issued under (listed for
//     review); two old names merged into one in the same string are listed
//     for review.
//
// Rules work on one run of text at a time: a date split across two runs
// of different emphasis is not seen (deadline words in earlier runs of the
// paragraph are). Nothing is changed without an Edit in
// the Report; the Report's text form (WriteText) is what the CLI prints on
// stderr and its JSON form (WriteJSON) what --report writes.
package rollover
