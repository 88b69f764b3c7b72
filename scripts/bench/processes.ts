/**
 * Runs a command as a child process and measures what a user would see: its wall time and its
 * peak resident set size (GNU time's maximum RSS when /usr/bin/time is there; otherwise the
 * VmHWM of /proc/PID/status, polled while it runs).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import { performance } from 'perf_hooks';

const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  readonly wallMs: number;
  /** User and system CPU time: on a busy machine, steadier than wall time. */
  readonly cpuMs: number | undefined;
  readonly peakRssMb: number | undefined;
  readonly exitCode: number | null;
  /** Where the child's standard output was written (the next run to the same file overwrites it). */
  readonly stdoutFile: string;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Files standard output and error are written to (a full lint report can be megabytes). */
  readonly stdoutFile: string;
  readonly stderrFile: string;
}

/** Peak RSS in MB from /proc/PID/status (VmHWM), or undefined where /proc is not available. */
export function procMemoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return line ? Number(/(\d+)/.exec(line)?.[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  const useTime = fs.existsSync(GNU_TIME);
  const timeFile = `${options.stdoutFile}.time`;
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, [...args]];
  const out = fs.openSync(options.stdoutFile, 'w');
  const err = fs.openSync(options.stderrFile, 'w');
  const start = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, stdio: ['ignore', out, err] });
  let polledPeak: number | undefined;
  const poll = useTime ? undefined : setInterval(() => (polledPeak = Math.max(polledPeak ?? 0, procMemoryMb(child.pid ?? 0, 'VmHWM') ?? 0)), 10);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
  const wallMs = performance.now() - start;
  if (poll) clearInterval(poll);
  fs.closeSync(out);
  fs.closeSync(err);
  let peakRssMb = polledPeak || undefined;
  let cpuMs: number | undefined;
  if (useTime) {
    const report = fs.readFileSync(timeFile, 'utf8');
    const field = (label: string) => report.split('\n').find((l) => l.trim().startsWith(`${label}:`))?.split(': ').pop();
    const kb = field('Maximum resident set size (kbytes)');
    peakRssMb = kb ? Number(kb) / 1024 : undefined;
    const [user, system] = [field('User time (seconds)'), field('System time (seconds)')];
    cpuMs = user && system ? (Number(user) + Number(system)) * 1000 : undefined;
    fs.rmSync(timeFile, { force: true });
  }
  return { wallMs, cpuMs, peakRssMb, exitCode, stdoutFile: options.stdoutFile };
}

/** The faster of two runs of the same thing (the one less disturbed by the rest of a shared machine). */
export function faster<T extends ProcessRun>(a: T | undefined, b: T): T {
  return a && a.wallMs <= b.wallMs ? a : b;
}
