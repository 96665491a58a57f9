/**
 * Gives the identity-provider SIMULATOR's demo people (server/sim/idp/identities.ts) dossiers of
 * their own in the demo history, so that signing in on the portal shows a real list — in progress,
 * awaiting the applicant, returned — instead of an empty page. A few planned dossiers of different
 * scenarios take a demo person (or the business its representative acts for) as their applicant;
 * nothing else about the plan changes.
 */
import { SIM_IDENTITIES, type SimIdentity } from '../sim/idp/identities';
import type { Plan } from './dossier-plan';

/** How many dossiers each demo identity gets, by CCCD (the business: by its tax code). */
const SHARES: readonly { idNumber: string; count: number; organisation?: boolean }[] = [
  { idNumber: '031085012345', count: 6 },
  { idNumber: '031192004567', count: 3 },
  { idNumber: '031203007890', count: 2 },
  { idNumber: '001187006543', count: 3, organisation: true },
];

function citizenApplicant(p: SimIdentity) {
  return { kind: 'citizen' as const, idNumber: p.idNumber, name: p.fullName, address: p.address, phone: p.phone, email: p.email };
}

function organisationApplicant(p: SimIdentity) {
  const org = p.organisations[0]!;
  return { kind: 'organisation' as const, taxCode: org.taxCode, name: org.name, representative: p.fullName, address: p.address, phone: p.phone, email: p.email };
}

/** Rewrites the applicant of a few plans (each identity: distinct scenarios, online ones first). */
export function assignDemoCitizens(plans: Plan[]): void {
  const taken = new Set<number>();
  for (const share of SHARES) {
    const person = SIM_IDENTITIES.find((p) => p.idNumber === share.idNumber);
    if (!person) continue;
    const kind = share.organisation ? 'organisation' : 'citizen';
    const scenarios = new Set<string>();
    const candidates = plans
      .filter((p) => !taken.has(p.n) && p.procedure.code !== '2.000522' && (p.body.applicant as { kind: string }).kind === kind)
      .sort((a, b) => Number(b.channel === 'online') - Number(a.channel === 'online') || a.n - b.n);
    for (const plan of candidates) {
      if (scenarios.size >= share.count) break;
      if (scenarios.has(plan.scenario.name)) continue;
      scenarios.add(plan.scenario.name);
      taken.add(plan.n);
      plan.body = { ...plan.body, applicant: kind === 'citizen' ? citizenApplicant(person) : organisationApplicant(person) };
    }
  }
}
