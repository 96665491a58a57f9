import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AVAILABLE_ACTIONS, type Transition } from './workflow';

// docs/dossier.md shows the workflow table to people; this keeps it equal to the data
describe('the workflow table in docs/dossier.md', () => {
  it('lists exactly the transitions of AVAILABLE_ACTIONS', () => {
    const doc = readFileSync(new URL('../../docs/dossier.md', import.meta.url), 'utf8');
    const documented = doc
      .split('\n')
      .map((line) => /^\| (\w+) \(\d+\) \| `(\w+)` \| ([\w, ]+) \| (\w+) \|/.exec(line))
      .filter((m) => m !== null)
      .map((m) => `${m[1]} ${m[2]} ${m[3]!.trim()} ${m[4]}`);
    const data = Object.entries(AVAILABLE_ACTIONS).flatMap(([status, row]) =>
      Object.entries(row as Record<string, Transition>).map(([action, t]) => `${status} ${action} ${t.roles.join(', ')} ${t.to}`),
    );
    expect(documented.sort()).toEqual(data.sort());
  });
});
