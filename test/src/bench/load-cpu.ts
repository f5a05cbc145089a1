import { readFileSync } from 'node:fs';

/**
 * CPU seconds a process (all its threads: the engine's included) has used, from /proc on Linux; null
 * elsewhere. On a shared machine wall-clock latency says how busy the neighbours were as much as how
 * costly the server is; CPU time per answered request says the latter alone.
 */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    // USER_HZ is 100 on every Linux configuration Node supports.
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}
