import type { Kysely } from 'kysely';
import { corrections } from '@core/catalogue/spelling';
import type { DB } from '../../db/schema';
import { queryWords, type SearchFilters, type SearchRow, searchByCode, searchByFilters, searchByMostWords, searchByWords, searchFuzzy } from './search-queries';

/**
 * The catalogue search. A code-shaped query matches codes by prefix. Otherwise every query word must
 * appear in the name (folded: with or without diacritics), a word unknown to the catalogue may be any
 * spelling one edit away ("sihn" → "sinh"), and an unknown word with no near word is dropped; the
 * names closest to the corrected phrase come first. When no name has every word, names with most of
 * them come first; when even that finds nothing, a trigram similarity search over whole names.
 */
export async function searchCatalogue(db: Kysely<DB>, f: SearchFilters): Promise<SearchRow[]> {
  const q = f.q?.trim() ?? '';
  if (q === '') return searchByFilters(db, f);
  if (/^\d\.?\d*$/.test(q)) return searchByCode(db, f, q);
  const words = await queryWords(db, q);
  const alternatives: string[][] = [];
  const phrase: string[] = [];
  let unmatched = false;
  for (const w of words) {
    if (w.known) {
      alternatives.push([w.word]);
      phrase.push(w.word);
      continue;
    }
    const near = corrections(w.word, w.near);
    if (near.length === 0) unmatched = true;
    // Kept as typed too: a fragment ("giay ph") still matches inside longer words.
    if (near.length > 0 || w.word.length >= 3) alternatives.push([w.word, ...near.slice(0, 3)]);
    phrase.push(near[0] ?? w.word);
  }
  if (alternatives.length > 0) {
    const rows = await searchByWords(db, f, alternatives, phrase.join(' '));
    if (rows.length > 0 || f.offset > 0) return rows;
    if (alternatives.length > 1) {
      const most = await searchByMostWords(db, f, alternatives, phrase.join(' '));
      if (most.length > 0) return most;
    }
  }
  // Every word is a catalogue word (or one edit from one): nothing similar can be missing, only the
  // combination or the filters exclude it — skip the costly fuzzy pass.
  return unmatched || alternatives.length === 0 ? searchFuzzy(db, f, q) : [];
}
