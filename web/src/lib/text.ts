/** Lower-cases and strips Vietnamese diacritics ("Đồ Sơn" → "do son") so search works with or without them. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** True when every word of the query occurs in one of the fields, ignoring case and diacritics. */
export function matchesQuery(query: string, fields: readonly string[]): boolean {
  const words = foldVietnamese(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldVietnamese(fields.join(' '));
  return words.every((word) => haystack.includes(word));
}
