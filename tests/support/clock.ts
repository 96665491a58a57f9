/** A clock tests move by hand, given to the app as `now` (createTestApp / useBrowserSuite): never the machine's clock. */
export interface TestClock {
  now: number;
  set(iso: string): void;
}

/** A clock standing at `start` (ISO 8601 with offset). */
export function testClock(start: string): TestClock {
  return {
    now: Date.parse(start),
    set(iso) {
      this.now = Date.parse(iso);
    },
  };
}
