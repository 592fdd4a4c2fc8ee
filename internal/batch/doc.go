// Package batch renders many documents in one go into one zip: the plans
// of every commune from one template, or a folder of documents.
//
// API (used by `vanban batch` and by POST /v1/batch):
//
//	r := batch.New(eng, batch.Options{Workers: 0, Draft: false, Progress: nil})
//	man, err := r.Run(ctx, items, []engine.Format{engine.DOCX, engine.PDF}, w)
//
// Items are built from raw JSON (Item{Source: "a.json", JSON: data}), or
// from a template and its data rows with FromTemplate (see package
// plantemplate). Run streams a zip to w:
//
//   - for each item that is valid and rendered, in input order, one entry
//     per format named <slug>.<format>, where slug is a safe, unique ASCII
//     form of the item's name ("xã Vĩnh Tú" → "xa-vinh-tu.docx",
//     "xa-vinh-tu-2.docx" for a second one);
//   - then manifest.json (ManifestSchema "vanban/batch-manifest/v1"):
//     formats, draft, counts (total, ok, invalid, failed) and per item its
//     index, source, status ("ok", "invalid", "failed"), files, findings
//     (every one, warnings included) and, when failed, the error.
//
// Rendering is parallel (Options.Workers, default one per CPU) but the zip
// is written in input order, with fixed entry times, so the same batch
// gives the same bytes. At most 2×Workers rendered items wait in memory
// for their turn. An invalid item (decode, template or NĐ30 errors) or a
// failed one (a writer error, even a panic) is recorded and the others are
// still rendered; Run returns an error only for the batch as a whole (w
// failing, ctx cancelled, no format), and the zip is then incomplete.
// Limits on the number and size of items are the caller's (the HTTP
// service applies its own; the CLI has none). Template rows are filled
// when their turn comes (Item.Fill), so only the items in flight hold a
// generated document; Options.Gate lets a service run each item under its
// own cap on CPU-heavy work.
package batch
