import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles';
import { foldDeadline } from '../calendar/deadline';
import { MINUTE_MS } from '../calendar/time';
import { AppError } from '../errors/app-error';
import { ACTIONS } from './actions';
import { decide } from './decide';
import { type Dossier, newDossier } from './dossier';
import { isFinished, STATUSES } from './status';
import { actor, CAL, ctxAt, POLICY, T0, UNIT, validInput } from './testing';
import { availableActions, transitionOf } from './workflow';

// one random move: an action (mostly one the table offers now, by a role it allows), a role, and minutes of waiting before it
const FORWARD: string[] = ['accept', 'hand_over', 'assign', 'submit_review', 'approve', 'issue_result', 'return_result'];
const move = fc.record({
  pick: fc.nat(),
  offered: fc.integer({ min: 0, max: 9 }).map((n) => n > 1),
  role: fc.constantFrom(...ROLES),
  waitMinutes: fc.oneof(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 5 * 24 * 60 })),
});

describe('decide on random action sequences (property)', () => {
  it('never breaks the dossier: refusals change nothing, successes keep every invariant', () => {
    fc.assert(
      fc.property(fc.constantFrom('counter', 'online', 'postal' as const), fc.array(move, { maxLength: 25 }), (channel, moves) => {
        let d: Dossier = newDossier({ unitCode: UNIT, channel, returnMethod: 'counter', submittedAt: T0 });
        let now = T0;
        for (const m of moves) {
          now += m.waitMinutes * MINUTE_MS;
          // ending actions are rarer, so that walks reach the later statuses
          const all = availableActions(d, ROLES);
          const onward = all.filter((a) => !['refuse', 'withdraw', 'stop'].includes(a));
          const ahead = onward.filter((a) => FORWARD.includes(a));
          const offered = m.pick % 8 === 0 || onward.length === 0 ? all : m.pick % 3 === 0 && ahead.length > 0 ? ahead : onward;
          const action = m.offered && offered.length > 0 ? offered[m.pick % offered.length]! : ACTIONS[m.pick % ACTIONS.length]!;
          const allowed = transitionOf(d.status, action)?.roles ?? [];
          const role = m.offered && allowed.length > 0 ? allowed[m.pick % allowed.length]! : m.role;
          const snapshot = structuredClone(d);
          let next: Dossier;
          try {
            next = decide(d, action, actor(role), validInput(action, d, now), ctxAt(now)).dossier;
          } catch (e) {
            // only domain errors, never a crash, and the input is untouched
            expect(e).toBeInstanceOf(AppError);
            expect(d).toEqual(snapshot);
            continue;
          }
          expect(d).toEqual(snapshot);
          expect(next.version).toBe(d.version + 1);
          expect(STATUSES).toContain(next.status);
          expect(next.history).toHaveLength(d.history.length + 1);
          const clock = foldDeadline(CAL, POLICY, next.clock);
          expect(next.clock.filter((e) => e.type === 'redated').length).toBeLessThanOrEqual(1);
          expect(next.supplementCount).toBe(next.history.filter((h) => h.action === 'request_supplement_processing').length);
          // processed (code 9) ends the processing but the result still has to go back to the applicant
          if (isFinished(next.status) && next.status !== 'processed') expect(availableActions(next, ROLES)).toEqual([]);
          if (next.status === 'processing') expect(next.stage).not.toBeNull();
          // once accepted the code never changes; once finished the clock is stopped for good
          if (d.code !== null) expect(next.code).toBe(d.code);
          if (isFinished(next.status) && clock.phase !== 'not_started') expect(clock.phase).toBe('finished');
          d = next;
          now += 1;
        }
      }),
      { numRuns: 200 },
    );
  });
});
