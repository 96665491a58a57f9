/**
 * CPU time of threads and processes on Linux, from /proc (utime + stime, in clock ticks of 10 ms):
 * on a shared machine the CPU a piece of work costs is far steadier than the wall-clock time it takes.
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10;

/** utime + stime of a /proc stat file, in ms; 0 when it is gone. */
function statCpuMs(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch {
    return 0;
  }
  // the command name is in parentheses and may hold spaces: count fields after the last ')'
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** CPU of the calling thread (main or worker), in ms. */
export const ownThreadCpuMs = () => statCpuMs('/proc/thread-self/stat');

/** CPU of one thread of this process, in ms. */
export const threadCpuMs = (tid: number) => statCpuMs(`/proc/self/task/${tid}/stat`);

/** CPU of the whole of this process (every thread), in ms. */
export const processCpuMs = () => statCpuMs('/proc/self/stat');

/** CPU of other processes (e.g. PostgreSQL backends), in ms, by pid. */
export function processesCpuMs(pids: readonly number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, statCpuMs(`/proc/${pid}/stat`)]));
}

/** The threads of this process, tid → name (main thread: tid = pid). */
export function threadNames(): Map<number, string> {
  const out = new Map<number, string>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      out.set(Number(tid), readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim());
    } catch {}
  }
  return out;
}

/** CPU by thread name (several threads may share one), in ms. */
export function cpuByThreadName(): Map<string, number> {
  const out = new Map<string, number>();
  for (const [tid, name] of threadNames()) {
    const key = tid === process.pid ? 'main' : name;
    out.set(key, (out.get(key) ?? 0) + threadCpuMs(tid));
  }
  return out;
}

/** Total CPU of the whole machine (all cores, user + system + irq), in ms, and the 1-minute load average. */
export function machineCpuMs(): number {
  const first = readFileSync('/proc/stat', 'latin1').split('\n')[0]!.split(/\s+/).slice(1);
  // user nice system idle iowait irq softirq steal: everything but idle and iowait
  const [user, nice, system, , , irq, softirq, steal] = first.map(Number);
  return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * TICK_MS;
}

export const loadAverage = () => Number(readFileSync('/proc/loadavg', 'latin1').split(' ')[0]);
