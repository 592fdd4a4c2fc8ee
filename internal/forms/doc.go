// Package forms describes the forms of Phụ lục III (NĐ30) to the editor:
// for each document type, the parts its Mẫu has (thẩm quyền, căn cứ and
// "Xét đề nghị …", Điều, Kính gửi, attached texts, a second signature,
// Bản điện tử …), what each is called on that form, the names of its
// heading levels, and a blank draft laid out as the form (Blank).
//
// The editor draws its fields from this description (GET
// /v1/document-types, GET /v1/document-types/{code}/blank), so which form
// has which part is stated once, here, next to the type table of package
// document and the numbering rules of package compose it reads.
package forms
