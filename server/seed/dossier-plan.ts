/**
 * Plans the demo dossiers before any is written: for each one a scenario, the desk that receives
 * it, a procedure that desk receives, the channel, the applicant and when the story starts. Pure
 * (calendar and random source in, plans out), so the runner only executes.
 */
import type { ProcedureInput } from '@core/catalogue/procedure';
import { formatInstant, HOUR_MS, MINUTE_MS } from '@core/calendar/time';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import { type Channel, RETURN_METHODS, type ReturnMethod } from '@core/dossier/channel';
import type { ProcedureRules } from '../features/dossiers/rules';
import { type Scenario, SCENARIOS, scenarioQuotas } from './dossier-scenarios';
import { citizen, organisation, PLACE_KEYS } from './people';
import type { Random } from './random';

/** A desk that receives demo dossiers. */
export interface Desk {
  key: string;
  id: string;
  code: string;
  /** The commune behind a commune desk (its handling unit); null for the city service centre. */
  commune: { key: string; code: string } | null;
  share: number;
}

/** A procedure the demo can receive, with its rules and where it is handled. */
export interface DemoProcedure {
  code: string;
  input: ProcedureInput;
  rules: ProcedureRules;
  /** Working ms of the legal time (approximate for calendar-day procedures: placement only). */
  legalMs: number;
  /** For province procedures: the unit the centre hands over to, and the department's abbreviation. */
  handling: { code: string; abbr: string } | null;
  /** Another department an inter-agency transfer can go to. */
  transferTo: string | null;
  weight: number;
}

/** One planned dossier. */
export interface Plan {
  n: number;
  scenario: Scenario;
  desk: Desk;
  procedure: DemoProcedure;
  /** The unit the desk hands over to. */
  handlingCode: string;
  abbr: string;
  channel: Channel;
  returnMethod: ReturnMethod;
  body: Record<string, unknown>;
  submittedAt: number;
  /** The planned first desk action (accept, refuse, …). */
  anchor: number;
}

/** What planning needs. */
export interface PlanWorld {
  now: number;
  /** Start of the simulated period. */
  from: number;
  cal: WorkingCalendar;
  r: Random;
  desks: Desk[];
  procedures: DemoProcedure[];
}

const CHANNEL_WEIGHT: Record<Channel, number> = { counter: 0.5, online: 0.35, postal: 0.15 };
/** How results go back, by how the dossier came. */
const RETURN_WEIGHT: Record<Channel, Record<ReturnMethod, number>> = {
  counter: { counter: 85, post: 15, online: 0 },
  postal: { counter: 20, post: 80, online: 0 },
  online: { counter: 20, post: 25, online: 55 },
};

/** Which procedures a desk receives: the centre those of staffed departments, a commune desk its commune's. */
function receives(desk: Desk, p: DemoProcedure): boolean {
  if (!p.input.receivingUnits.includes(desk.code)) return false;
  return desk.commune ? p.input.implementingUnits.includes(desk.commune.code) : p.handling !== null;
}

function fits(s: Scenario, desk: Desk, p: DemoProcedure, w: PlanWorld): boolean {
  if (s.needs?.fee && !p.input.financialObligation) return false;
  if (s.needs?.transfer && (desk.commune || !p.transferTo)) return false;
  if (s.needs?.channels && !s.needs.channels.some((c) => p.input.methods.includes(c))) return false;
  const window = w.cal.workingPosition(w.now) - earliestAnchor(w);
  if (s.place.kind === 'age') return s.place.hi * p.legalMs < window;
  if (s.place.kind === 'recent') return true;
  return latestAnchor(s, p, w) - earliestAnchor(w) > w.cal.dayLengthMs;
}

const earliestAnchor = (w: PlanWorld) => w.cal.workingPosition(w.from) + 5 * w.cal.dayLengthMs;
const latestAnchor = (s: Scenario, p: DemoProcedure, w: PlanWorld) => {
  const place = s.place as Extract<Scenario['place'], { kind: 'past' }>;
  return w.cal.workingPosition(w.now) - place.legal * p.legalMs - place.days * w.cal.dayLengthMs;
};

/** The working position of the first desk action, by the scenario's placement. */
function anchorPosition(s: Scenario, p: DemoProcedure, w: PlanWorld): number {
  const { cal, r } = w;
  const now = cal.workingPosition(w.now);
  switch (s.place.kind) {
    case 'past':
      return r.between(earliestAnchor(w), latestAnchor(s, p, w));
    case 'age':
      return now - r.between(s.place.lo, s.place.hi) * p.legalMs;
    case 'recent':
      return now - r.between(s.place.lo, s.place.hi) * cal.dayLengthMs;
  }
}

const at = (cal: WorkingCalendar, position: number) => cal.instantAtPosition(Math.round(position / 1000) * 1000);

/** Plans `count` dossiers: scenario quotas, shuffled, each given a desk, procedure, channel, applicant and instants. */
export function planDossiers(w: PlanWorld, count: number): Plan[] {
  const { cal, r } = w;
  const quotas = scenarioQuotas(count);
  const order = r.shuffle(SCENARIOS.flatMap((s) => Array.from({ length: quotas.get(s)! }, () => s)));
  const usedIds = new Set<string>();
  const year = Number(formatInstant(w.now).slice(0, 4));
  const plans: Plan[] = [];
  for (const [n, scenario] of order.entries()) {
    const desks = w.desks.filter((d) => w.procedures.some((p) => receives(d, p) && fits(scenario, d, p, w)));
    if (desks.length === 0) continue;
    const desk = r.weighted(desks, (d) => d.share);
    const procedure = r.weighted(
      w.procedures.filter((p) => receives(desk, p) && fits(scenario, desk, p, w)),
      (p) => p.weight,
    );
    const channels = procedure.input.methods.filter((c): c is Channel => !scenario.needs?.channels || scenario.needs.channels.includes(c as Channel));
    const channel = r.weighted(channels, (c) => CHANNEL_WEIGHT[c]);
    const returnMethod = r.weighted(RETURN_METHODS, (m) => RETURN_WEIGHT[channel][m]);

    // the first desk action, kept inside a working day and before the seed's instant
    const L = cal.dayLengthMs;
    let anchorPos = Math.min(anchorPosition(scenario, procedure, w), cal.workingPosition(w.now) - MINUTE_MS);
    if (channel === 'counter' && anchorPos - Math.floor(anchorPos / L) * L < 25 * MINUTE_MS) anchorPos = Math.min(Math.floor(anchorPos / L) * L + 25 * MINUTE_MS, cal.workingPosition(w.now) - MINUTE_MS);
    const anchor = at(cal, anchorPos);
    let submittedAt: number;
    let postal: { trackingNumber: string; deliveredAt: string } | undefined;
    if (channel === 'counter') {
      submittedAt = at(cal, Math.max(anchorPos - r.between(3, 20) * MINUTE_MS, Math.floor(anchorPos / L) * L + MINUTE_MS));
    } else if (channel === 'postal') {
      // the post delivered it earlier; the officer registers it just before checking it
      const delivered = at(cal, anchorPos - r.between(30, 600) * MINUTE_MS);
      submittedAt = at(cal, anchorPos - r.between(3, 20) * MINUTE_MS);
      postal = { trackingNumber: `${r.pick(['EB', 'EE', 'RR'])}${r.digits(9)}VN`, deliveredAt: formatInstant(delivered) };
    } else {
      // online: submitted whenever the applicant chose, evenings and weekends included
      submittedAt = at(cal, anchorPos - r.between(10, 240) * MINUTE_MS) - (r.chance(0.4) ? Math.round(r.between(0, 14) * 60) * MINUTE_MS : 0);
    }
    submittedAt = Math.min(submittedAt, anchor - MINUTE_MS);
    if (submittedAt >= w.now) submittedAt = w.now - HOUR_MS;

    const placeKey = desk.commune && r.chance(0.8) ? desk.commune.key : r.pick(PLACE_KEYS);
    const kinds = procedure.input.applicants;
    const orgApplicant = kinds.includes('organisation') && (!kinds.includes('citizen') || r.chance(0.3));
    const applicant = orgApplicant ? organisation(r, placeKey, usedIds, procedure.code === '2.000522') : citizen(r, placeKey, year, usedIds, channel === 'online');

    const handlingCode = procedure.handling?.code ?? desk.commune!.code;
    const abbr = procedure.handling?.abbr ?? 'UBND';
    plans.push({
      n,
      scenario,
      desk,
      procedure,
      handlingCode,
      abbr,
      channel,
      returnMethod,
      body: { procedureCode: procedure.code, applicant, channel, returnMethod, ...(postal ? { postal } : {}) },
      submittedAt,
      anchor,
    });
  }
  return plans;
}
