// Package document is vanban's domain model: the JSON contract for a
// Vietnamese administrative document (văn bản hành chính), its strict
// decoding and its normalisation. The contract is "vanban/v2": v1 plus
// optional fields for what real documents carry (labels as written, Điều,
// the thẩm quyền line, attached texts, appendix headings, Bản điện tử,
// grouped notes, a second signature and issuer). A "vanban/v1" document
// is read as the v2 document it already is.
//
// The package imports neither gin nor any renderer. It only knows what a
// document is; the rules it must obey live in package validate, and the
// printed form in package compose.
//
// The pipeline is decode → normalise → validate → compose → render. Decode
// rejects what is structurally wrong (wrong types, unknown fields, excessive
// depth or size) with a Finding naming the JSON Pointer of the problem.
// Normalise never changes meaning: it applies Unicode NFC and trims and folds
// whitespace, so that later rules and both writers see one spelling. With
// the tone rules (NormalizeWith), a document that mixes old and new
// tone-mark placement without options.tone is moved to its majority style
// (MajorityTone), and the ToneReport lets validation say so.
//
// EachString walks every string of a document with its JSON Pointer;
// AuthorityPrefixes is the one list of TM., KT., TL., TUQ. and Q.
package document
