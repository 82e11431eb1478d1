/**
 * Text analysis for the in-process index (memory.ts), close to the engines' `product_text` analyzer (mapping.ts):
 * words of letters and digits, lower case, ASCII folding, and a light English plural stemmer. Plus the edit
 * distance of `fuzziness: AUTO` and the HTML highlighter. Pure functions.
 */

/** Lower case, accents folded ("Café" → "cafe"), plurals reduced ("lamps" → "lamp", "boxes" → "box"). */
export function normalizeTerm(word: string): string {
  return stem(foldIfNeeded(word).toLowerCase());
}

/**
 * The analysed terms of `text`: normalizeTerm of each of its tokens, computed on the whole text at once (folding
 * and lower-casing word by word costs several times more over a catalog).
 */
export function analyze(text: string): string[] {
  const folded = foldIfNeeded(text).toLowerCase();
  const terms: string[] = [];
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) if (word) terms.push(stem(word));
  return terms;
}

/** ASCII folding: accents off ("Café" → "Cafe"). */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** fold(), skipped for plain ASCII (most words), which it leaves as it is: the highlighter folds every word. */
const foldIfNeeded = (text: string) => (/[^ -~\s]/.test(text) ? fold(text) : text);

/**
 * A light plural stemmer, in the spirit of Lucene's light English stemmers: only plural endings, and never below
 * three letters, so a typo in a short word is not made worse. Idempotent on its own output in practice.
 */
function stem(term: string): string {
  if (term.length > 4 && term.endsWith('ies') && !/[ae]ies$/.test(term)) return `${term.slice(0, -3)}y`;
  if (term.length > 4 && /(ss|sh|ch|x|z)es$/.test(term)) return term.slice(0, -2);
  if (term.length > 3 && term.endsWith('s') && !/(ss|us|is)$/.test(term)) return term.slice(0, -1);
  return term;
}

/** `fuzziness: AUTO`: no typo in terms of 1–2 letters, one in 3–5, two beyond. */
export function autoFuzziness(term: string): number {
  const length = [...term].length;
  if (length <= 2) return 0;
  return length <= 5 ? 1 : 2;
}

/**
 * The optimal-string-alignment distance (Levenshtein plus adjacent transpositions, as the engines' fuzzy queries
 * count them: "aredn" is one edit from "arden"), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = i === 0 ? j : Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (i > 0 && best > max) return max + 1;
    rows.push(row);
  }
  return Math.min(rows[a.length]![b.length]!, max + 1);
}

/** `term` with one pair of neighbouring letters swapped, every way. */
export function transpositions(term: string): string[] {
  const variants = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    variants.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  variants.delete(term);
  return [...variants];
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '/': '&#x2F;',
};

/** What the engines' `encoder: html` does to stored text before adding the tags. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'/]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The analysed terms to mark: a Set, or anything that answers `has`. */
export interface TermsToMark {
  has(term: string): boolean;
}

/** Whether a word, as it stands in the text, is to be marked (highlights.ts remembers its answers per word). */
export type MarkWord = (word: string) => boolean;

/**
 * `text` HTML-escaped with `<mark>` around every word whose analysed form is in `terms` (or that `terms` marks);
 * undefined when none is. With `fragmentSize`, only a window of about that many characters around the first match
 * (cut at spaces), as the engines' description fragment: the words beyond it are not looked at.
 */
export function highlight(
  text: string,
  terms: TermsToMark | MarkWord,
  fragmentSize?: number,
): string | undefined {
  const marks: MarkWord = typeof terms === 'function' ? terms : (word) => terms.has(normalizeTerm(word));
  const marked: { word: string; start: number; end: number }[] = [];
  let beyond = Infinity;
  const words = /[\p{L}\p{N}]+/gu;
  for (let match = words.exec(text); match && match.index < beyond; match = words.exec(text)) {
    const word = match[0];
    if (!marks(word)) continue;
    marked.push({ word, start: match.index, end: match.index + word.length });
    // The window starts at or before the first match, so it ends before this.
    if (fragmentSize !== undefined && marked.length === 1) beyond = match.index + fragmentSize;
  }
  const first = marked[0];
  if (!first) return undefined;
  let start = 0;
  let end = text.length;
  if (fragmentSize !== undefined && text.length > fragmentSize) {
    start = Math.max(0, first.start - Math.floor(fragmentSize / 4));
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    if (start > first.start) start = first.start;
    end = Math.min(text.length, start + fragmentSize);
    if (end < text.length) end = text.lastIndexOf(' ', end) > first.end ? text.lastIndexOf(' ', end) : end;
  }
  let out = '';
  let last = start;
  for (const token of marked) {
    if (token.start < start || token.end > end) continue;
    out += `${escapeHtml(text.slice(last, token.start))}<mark>${escapeHtml(token.word)}</mark>`;
    last = token.end;
  }
  return (out + escapeHtml(text.slice(last, end))).trim();
}
