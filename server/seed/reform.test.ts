import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '@core/calendar/time';
import { createTestDatabase } from '../../tests/support/database';
import { LocalBlobStore } from '../blobs/local-store';
import type { Database } from '../db/database';
import { buildBoard, judgeTasks } from '../features/reform/present';
import { listEvents, listPlans, listTasks } from '../features/reform/queries';
import { seedDemoReform } from './reform';

const NOW = parseInstant('2026-12-01T10:00:00+07:00');

describe('demo reform plans', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database.close());

  it('seeds Plans 259 and 242 once, with on-time, late, overdue and in-progress work across units relative to the seed’s day', async () => {
    const blobs = new LocalBlobStore(mkdtempSync(path.join(os.tmpdir(), 'motcua-reform-seed-')));
    expect(await seedDemoReform(database.db, { now: NOW, blobs })).toBe(23);
    expect(await seedDemoReform(database.db, { now: NOW, blobs })).toBe(0);
    expect((await listPlans(database.db)).map((p) => p.number).sort()).toEqual(['242/KH-UBND', '259/KH-UBND']);
    const tasks = await listTasks(database.db);
    const board = buildBoard(judgeTasks(tasks, await listEvents(database.db, tasks.map((t) => t.id)), NOW), NOW, null);
    expect(board.totals.completed_on_time).toBeGreaterThan(5);
    expect(board.totals.completed_late).toBeGreaterThanOrEqual(5);
    expect(board.totals.overdue).toBeGreaterThanOrEqual(5);
    expect(board.totals.in_progress).toBeGreaterThanOrEqual(2);
    expect(board.totals).toMatchObject({ cancelled: 1, awaitingAcceptance: 1 });
    expect(board.units.length).toBeGreaterThanOrEqual(12);
    expect(new Set(board.attention.map((a) => a.reason))).toEqual(new Set(['overdue', 'awaiting_acceptance', 'due_soon']));
    expect(await database.db.selectFrom('reform_evidence').select('id').execute()).not.toHaveLength(0);
  });
});
