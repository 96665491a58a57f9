/**
 * One-typo tolerance for catalogue search: a query word that is not in the catalogue's vocabulary
 * is matched against near words (an insertion, deletion, substitution or swap of two neighbours).
 * Works on folded text (lower case, no diacritics), so "sihn" finds "sinh" and "ki" finds "ky".
 */

/** Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** Edits allowed for a word of this length: none under 2 letters, one up to 7, two from 8. */
export function allowedEdits(word: string): number {
  return word.length < 2 ? 0 : word.length < 8 ? 1 : 2;
}

/** The vocabulary words within the allowed edits of `word`, nearest first (stable among ties). */
export function corrections(word: string, candidates: readonly string[]): string[] {
  const max = allowedEdits(word);
  return candidates
    .map((c, i) => ({ c, i, d: editDistance(word, c) }))
    .filter((x) => x.d > 0 && x.d <= max)
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map((x) => x.c);
}
