import type { ProcedureInput } from './procedure';

/** JSON with object keys sorted, so two equal values always give the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * True when two validated procedures carry the same content (an import of it changes nothing).
 * Both must have passed the schema (defaults filled in), so equal content means equal text.
 */
export function sameProcedure(a: ProcedureInput, b: ProcedureInput): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
