/**
 * `npm run bench calendar`: due-date computations per second on one core, for mixed random inputs
 * over 2025–2035 (all three units, any instant including nights and weekends, amounts 1–60).
 * The core figure is the engine itself (epoch ms in, epoch ms out); the API figure adds the edge
 * work of an HTTP call: ISO parsing, validation, +07:00 formatting and the explanation.
 */
import { computeDue, DUE_UNITS, type DueUnit, dueAtMs } from '../core/calendar/due';
import { formatInstant, parseInstant } from '../core/calendar/time';
import { WorkingCalendar } from '../core/calendar/working-calendar';
import { rng } from './lib/support';

/** Runs `batch` repeatedly for at least `minMs`, returning calls per second and a checksum that defeats dead-code elimination. */
function measure(batch: () => number, callsPerBatch: number, minMs: number): { perSecond: number; checksum: number } {
  let calls = 0;
  let checksum = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    checksum += batch();
    calls += callsPerBatch;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return { perSecond: Math.round((calls / elapsed) * 1000), checksum };
}

export default async function (): Promise<Record<string, number>> {
  const buildStart = performance.now();
  const cal = new WorkingCalendar({ years: { from: 2025, to: 2035 } });
  const buildMs = performance.now() - buildStart;

  const random = rng(20250101);
  const lo = parseInstant('2025-01-01T00:00:00+07:00');
  const hi = parseInstant('2034-12-31T23:59:59+07:00');
  const inputs = 1 << 16;
  const froms = new Float64Array(inputs);
  const amounts = new Int32Array(inputs);
  const units: DueUnit[] = [];
  let offHours = 0;
  for (let i = 0; i < inputs; i++) {
    froms[i] = lo + Math.floor(random() * (hi - lo));
    amounts[i] = 1 + Math.floor(random() * 60);
    units.push(DUE_UNITS[Math.floor(random() * DUE_UNITS.length)]!);
    if (cal.countingStart(froms[i]!) !== froms[i]) offHours++;
  }

  const core = (): number => {
    let sum = 0;
    for (let i = 0; i < inputs; i++) sum += dueAtMs(cal, froms[i]!, amounts[i]!, units[i]!);
    return sum;
  };
  measure(core, inputs, 500); // warm-up: let the JIT settle before timing
  const coreRun = measure(core, inputs, 2000);

  const isoFroms = Array.from(froms, (ms) => formatInstant(ms));
  const api = (): number => {
    let sum = 0;
    for (let i = 0; i < 4096; i++) sum += computeDue(cal, { from: isoFroms[i]!, amount: amounts[i]!, unit: units[i]! }).dueAt.length;
    return sum;
  };
  measure(api, 4096, 300);
  const apiRun = measure(api, 4096, 2000);

  return {
    dueComputationsPerSecond: coreRun.perSecond,
    apiComputationsPerSecond: apiRun.perSecond,
    inputs,
    offHoursInputsPercent: Math.round((offHours / inputs) * 100),
    calendarBuildMs: Math.round(buildMs * 10) / 10,
    checksum: (coreRun.checksum + apiRun.checksum) % 1_000_003,
  };
}
