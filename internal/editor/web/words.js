// Amounts in words (bằng chữ), read the way the server reads them
// (internal/vntext.Words): mốt, lăm, tư after "mươi", linh for a zero tens
// digit, and a group after a higher one read in full ("không trăm linh
// năm"). The editor only displays these words; the server composes and
// checks the printed ones, so a difference here never reaches paper.

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const BILLION = 1000000000n;

/** Scale of each budget unit in đồng: the words always read đồng. */
export const UNIT_SCALE = {
  "đồng": 1n,
  "nghìn đồng": 1000n,
  "ngàn đồng": 1000n,
  "triệu đồng": 1000000n,
  "tỷ đồng": 1000000000n,
  "tỉ đồng": 1000000000n,
};

function group(out, g, full, opt) {
  const h = Math.floor(g / 100), t = Math.floor(g / 10) % 10, u = g % 10;
  const hundreds = full || h > 0;
  if (hundreds) out.push(DIGITS[h], "trăm");
  if (t === 0 && u === 0) return;
  if (t === 0) {
    if (hundreds) out.push(opt.le ? "lẻ" : "linh");
    out.push(DIGITS[u]);
    return;
  }
  if (t === 1) {
    out.push("mười");
    if (u === 5) out.push("lăm");
    else if (u !== 0) out.push(DIGITS[u]);
    return;
  }
  out.push(DIGITS[t], "mươi");
  if (u === 1) out.push("mốt");
  else if (u === 4) out.push(opt.bon ? "bốn" : "tư");
  else if (u === 5) out.push("lăm");
  else if (u !== 0) out.push(DIGITS[u]);
}

function belowBillion(out, n, full, opt) {
  const groups = [Number(n / 1000000n), Number((n / 1000n) % 1000n), Number(n % 1000n)];
  const units = ["triệu", opt.ngan ? "ngàn" : "nghìn", ""];
  groups.forEach((g, i) => {
    if (g === 0) return;
    group(out, g, full, opt);
    if (units[i]) out.push(units[i]);
    full = true;
  });
}

function words(out, n, full, opt) {
  if (n >= BILLION) {
    words(out, n / BILLION, full, opt);
    out.push("tỷ");
    const lo = n % BILLION;
    if (lo > 0n) belowBillion(out, lo, true, opt);
    return;
  }
  belowBillion(out, n, full, opt);
}

/**
 * numberWords spells a non-negative integer (number or BigInt) in lower
 * case: 370000000 → "ba trăm bảy mươi triệu".
 * opt: {bon, le, ngan} as in document options words_bon/words_le/words_ngan.
 */
export function numberWords(n, opt = {}) {
  const v = BigInt(n);
  if (v < 0n) return "";
  if (v === 0n) return DIGITS[0];
  const out = [];
  words(out, v, false, opt);
  return out.join(" ");
}

/**
 * amountWords is the "bằng chữ" of an amount given in a budget unit:
 * (370, "triệu đồng") → "Ba trăm bảy mươi triệu đồng chẵn". It returns ""
 * when the unit is unknown or the amount is not a whole non-negative number.
 */
export function amountWords(amount, unit, opt = {}) {
  const scale = UNIT_SCALE[(unit || "đồng").trim()];
  if (scale === undefined || !Number.isSafeInteger(amount) || amount < 0) return "";
  const s = numberWords(BigInt(amount) * scale, opt) + " đồng chẵn";
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** formatInt groups digits the Vietnamese way: 370000000 → "370.000.000". */
export function formatInt(n) {
  const neg = n < 0;
  const s = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return neg ? "-" + s : s;
}
