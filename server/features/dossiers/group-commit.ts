/**
 * Group commit for writes that serialise on one key. A unit's dossier numbers and its audit chain
 * head are row locks held until COMMIT, so one unit's intakes commit one after the other, each
 * waiting for the previous one's WAL flush: measured, that caps one desk at a few hundred dossiers a
 * second whatever the rest costs. Here the writes of a key that arrive while its transaction is in
 * flight wait, and the next transaction takes them all: one lock hand-over and one flush for the
 * group. Nothing is delayed when the key is idle (a lone write commits at once), nothing is kept
 * that matters (a queued write is an open request), and several instances stay correct because the
 * database locks still decide the order between them.
 */

/** What a group commit says of each of its items: committed with a value, or refused with an error. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/** Queues items per key and hands them to `commit` in groups (at most `maxGroup`), one group of a key at a time. */
export class GroupCommitter<T, R> {
  private readonly queues = new Map<string, Waiting<T, R>[]>();

  /**
   * `commit` writes a group in one transaction and answers one outcome per item, in order; an item it
   * refuses (its own rule failed) must not stop the others. If it throws, each item of the group is
   * tried again alone, so one bad item never fails its neighbours.
   */
  constructor(
    private readonly commit: (key: string, items: T[]) => Promise<Outcome<R>[]>,
    private readonly maxGroup = 64,
  ) {}

  /** Commits the item with the next group of its key. */
  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.queues.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) await this.commitGroup(key, queue.splice(0, this.maxGroup));
    this.queues.delete(key);
  }

  private async commitGroup(key: string, group: Waiting<T, R>[]): Promise<void> {
    let outcomes: Outcome<R>[];
    try {
      outcomes = await this.commit(key, group.map((w) => w.item));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      for (const w of group) await this.commitGroup(key, [w]);
      return;
    }
    group.forEach((w, i) => {
      const o = outcomes[i];
      if (!o) w.reject(new Error('group commit gave no outcome'));
      else if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }
}
