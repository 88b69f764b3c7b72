import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { PrecomputedOutline } from '../core/document/model';
import type { OutlineRequest, Outliner } from '../core/index/workspaceIndex';

interface Job {
  readonly id: number;
  readonly items: readonly OutlineRequest[];
  readonly resolve: (results: readonly PrecomputedOutline[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Worker threads that outline Markdown while the main thread parses frontmatter: Markdown
 * parsing is most of the cost of indexing a large folder. Workers start with the first
 * job and end when the pool has been idle for a few seconds, or on `close()`. A worker
 * that fails or exits fails its job (the index then outlines those documents itself);
 * no job is ever left unsettled.
 */
export class OutlinePool {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private workers: Worker[] = [];
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  static readonly IDLE_MS = 5000;

  constructor(
    private readonly size = defaultPoolSize(),
    private readonly script = path.join(__dirname, 'outlineWorker.js'),
  ) {}

  /** Whether workers can run here (the worker script is shipped next to this code, and not turned off). */
  get available(): boolean {
    return this.size > 0 && fs.existsSync(this.script);
  }

  readonly outliner: Outliner = (items) =>
    new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, items, resolve, reject });
      this.pump();
    });

  close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const workers = this.workers;
    this.workers = [];
    this.idle.length = 0;
    const closed = new Error('outline pool closed');
    for (const job of this.queue.splice(0)) job.reject(closed);
    for (const job of this.busy.values()) job.reject(closed);
    this.busy.clear();
    return Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
  }

  private pump(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.queue.length === 0 && this.busy.size === 0 && this.workers.length > 0) {
      this.idleTimer = setTimeout(() => void this.close(), OutlinePool.IDLE_MS);
      this.idleTimer.unref();
      return;
    }
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers.length < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, items: job.items });
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    this.workers.push(worker);
    worker.on('message', (message: { id: number; results: readonly PrecomputedOutline[] }) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      if (job?.id === message.id) job.resolve(message.results);
      if (this.workers.includes(worker)) this.idle.push(worker);
      this.pump();
    });
    const lost = (error: Error): void => {
      if (!this.workers.includes(worker)) return;
      this.busy.get(worker)?.reject(error);
      this.busy.delete(worker);
      this.workers = this.workers.filter((w) => w !== worker);
      const idleAt = this.idle.indexOf(worker);
      if (idleAt >= 0) this.idle.splice(idleAt, 1);
      this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`outline worker exited with code ${code}`)));
    return worker;
  }
}

/** One worker per core but the main thread's, at most 3; `ATTEST_WORKERS=0` turns them off. */
function defaultPoolSize(): number {
  const configured = Number(process.env.ATTEST_WORKERS);
  if (process.env.ATTEST_WORKERS !== undefined && Number.isInteger(configured) && configured >= 0) return configured;
  return Math.max(1, Math.min(3, os.availableParallelism() - 1));
}
