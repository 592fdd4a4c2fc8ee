// Numbers as clerks read them. Amounts in words, budget units and every
// other derived string come from the server (POST /v1/compose-preview);
// grouping digits is the browser's own vi-VN number format.

const VI = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 20, useGrouping: true });

/** formatInt groups digits the Vietnamese way: 370000000 → "370.000.000". */
export function formatInt(n) {
  return VI.format(Math.trunc(n));
}

/** formatNumber shows a number with Vietnamese grouping and decimal comma: 1234.5 → "1.234,5". */
export function formatNumber(n) {
  return VI.format(n);
}
