import type { DraftData } from '@core/portal/api';

/** Top-level parts of a draft that are maps: a change is tracked per entry, not for the whole map. */
const MAPS = ['contact', 'fields', 'conditions'] as const satisfies readonly (keyof DraftData)[];
type MapKey = (typeof MAPS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isMap = (key: keyof DraftData): key is MapKey => (MAPS as readonly string[]).includes(key);

/** A place in the draft the person changed: a top-level field, or one entry of a map. */
export type ChangedPath = readonly [keyof DraftData] | readonly [MapKey, string];

/** What the person changed between the last saved data (`base`) and what the form holds now (`local`). */
export function changedPaths(base: DraftData, local: DraftData): ChangedPath[] {
  const out: ChangedPath[] = [];
  for (const key of Object.keys(local) as (keyof DraftData)[]) {
    if (!isMap(key)) {
      if (!same(base[key], local[key])) out.push([key]);
      continue;
    }
    const before = (base[key] ?? {}) as Record<string, unknown>;
    const after = (local[key] ?? {}) as Record<string, unknown>;
    for (const entry of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!same(before[entry], after[entry])) out.push([key, entry]);
    }
  }
  return out;
}

/**
 * The newer draft saved elsewhere (`server`) with this form's own unsaved changes put back on top:
 * what another device changed is kept, and nothing the person typed here is lost.
 */
export function reapply(server: DraftData, base: DraftData, local: DraftData): DraftData {
  const merged: DraftData = { ...server, contact: { ...server.contact }, fields: { ...server.fields }, conditions: { ...server.conditions } };
  for (const path of changedPaths(base, local)) {
    if (path.length === 1) {
      (merged as Record<string, unknown>)[path[0]] = local[path[0]];
      continue;
    }
    const [map, entry] = path;
    const target = merged[map] as Record<string, unknown>;
    const value = (local[map] as Record<string, unknown>)[entry];
    if (value === undefined) delete target[entry];
    else target[entry] = value;
  }
  return merged;
}
