// Structural operations on a list of blocks (the outline of the body or
// of an appendix): move, indent, outdent. Each changes doc in place and
// returns the block's new pointer, or undefined when it cannot apply.
import * as M from "./model.js";

/** moveBlock swaps a block with its neighbour; returns the new pointer. */
export function moveBlock(doc, listPath, i, d) {
  const a = M.getAt(doc, listPath);
  const j = i + d;
  if (!a || j < 0 || j >= a.length) return undefined;
  [a[i], a[j]] = [a[j], a[i]];
  return M.join(listPath, j);
}

/** indentBlock makes a block the last child of the heading or bullet above it. */
export function indentBlock(doc, listPath, i) {
  const a = M.getAt(doc, listPath);
  if (!a || i === 0) return undefined;
  const prev = a[i - 1];
  const kids = M.childrenOf(prev, true);
  if (!kids) return undefined;
  const [b] = a.splice(i, 1);
  kids.push(b);
  return M.join(listPath, i - 1, M.blockKind(prev), "children", kids.length - 1);
}

/** outdentBlock moves a block out of its parent, right after the parent. */
export function outdentBlock(doc, listPath, i) {
  const m = listPath.match(/^(.*)\/(\d+)\/(heading|item)\/children$/);
  if (!m) return undefined;
  const [, grandList, pi] = m;
  const a = M.getAt(doc, listPath);
  const [b] = a.splice(i, 1);
  const parentBlock = M.getAt(doc, M.join(grandList, Number(pi)));
  const kind = M.blockKind(parentBlock);
  if (a.length === 0) delete parentBlock[kind].children;
  const g = M.getAt(doc, grandList);
  g.splice(Number(pi) + 1, 0, b);
  return M.join(grandList, Number(pi) + 1);
}

/** mainPath is the pointer of a block's main text field (where the caret goes). */
export function mainPath(blockPath, kind) {
  switch (kind) {
    case "heading": return blockPath + "/heading/title";
    case "paragraph": return blockPath + "/paragraph";
    case "item": return blockPath + "/item/text";
    case "table": return blockPath + "/table/title";
    case "budget": return blockPath + "/budget/label";
  }
  return blockPath;
}
