/**
 * Turns spreadsheet cells back into the raw JSON shape of a procedure. Values are converted only when
 * the conversion is unambiguous; anything else is passed through so validation reports it with its
 * field (a word in a number column stays a string and fails as "invalid value").
 */

/** One spreadsheet row by column key. */
export type Cells = Record<string, unknown>;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A trimmed string, or undefined for an empty cell. */
export function str(v: unknown): unknown {
  if (blank(v)) return undefined;
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v;
}

/** A number from a numeric cell or numeric text; other text passes through (and fails validation). */
export function num(v: unknown): unknown {
  if (blank(v)) return undefined;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  return v;
}

const TRUE = new Set(['true', 'x', 'có', 'co', 'yes', '1']);
const FALSE = new Set(['false', 'không', 'khong', 'no', '0']);

/** A boolean from true/false, có/không, x, 1/0. */
export function bool(v: unknown): unknown {
  if (blank(v)) return undefined;
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  return TRUE.has(s) ? true : FALSE.has(s) ? false : v;
}

/** A `;`-separated list. */
export function listOf(v: unknown): unknown {
  if (blank(v)) return undefined;
  return String(v)
    .split(/[;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Drops undefined keys, so schema defaults apply. */
function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** The raw procedure of one procedures-sheet row (without components, fees, steps). */
export function procedureFromCells(c: Cells): Record<string, unknown> {
  const amount = num(c.processingAmount);
  const unit = str(c.processingUnit);
  const resultName = str(c.resultName);
  return compact({
    code: str(c.code),
    name: str(c.name),
    field: compact({ code: str(c.fieldCode), name: str(c.fieldName) }),
    level: str(c.level),
    responsibleUnit: str(c.responsibleUnit),
    implementingUnits: listOf(c.implementingUnits),
    receivingUnits: listOf(c.receivingUnits),
    applicants: listOf(c.applicants),
    methods: listOf(c.methods),
    processingTime: amount === undefined && unit === undefined ? null : compact({ amount, unit }),
    financialObligation: bool(c.financialObligation),
    conditions: str(c.conditions),
    legalBasis: str(c.legalBasis),
    result: resultName === undefined ? null : compact({ name: resultName, paper: bool(c.resultPaper) }),
    onlineLevel: str(c.onlineLevel),
    onlineJustification: str(c.onlineJustification),
    identityLevel: str(c.identityLevel),
  });
}

/** A raw component of a components-sheet row. */
export function componentFromCells(c: Cells) {
  return compact({ name: str(c.name), originals: num(c.originals), copies: num(c.copies), required: bool(c.required), condition: str(c.condition), form: str(c.form), documentType: str(c.documentType) });
}

/** A raw fee of a fees-sheet row. */
export function feeFromCells(c: Cells) {
  return compact({ name: str(c.name), amount: num(c.amount) ?? null, rule: str(c.rule) });
}

/** A raw step of a steps-sheet row. */
export function stepFromCells(c: Cells) {
  return compact({ name: str(c.name), role: str(c.role), unit: str(c.unit) ?? null, time: num(c.time) });
}
