import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type ReferenceResult, type ReferenceTask } from './reference-runner.js';

/**
 * A few worker threads running the reference engine (see
 * reference-worker.cjs): json-rules-engine is slow enough that the
 * differential test would otherwise dominate the test run.
 */
export class ReferencePool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve(hits: string[][][]): void; reject(error: Error): void }>();
  private nextId = 0;

  constructor(size = Math.min(2, availableParallelism())) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(join(__dirname, 'reference-worker.cjs'));
      worker.on('message', (result: ReferenceResult) => this.settle(result));
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.failAll(new Error(`reference worker exited with code ${code}`));
      });
      return worker;
    });
  }

  run(task: Omit<ReferenceTask, 'id'>): Promise<string[][][]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ ...task, id } satisfies ReferenceTask);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(result: ReferenceResult): void {
    const waiting = this.pending.get(result.id);
    this.pending.delete(result.id);
    if (result.hits) waiting?.resolve(result.hits);
    else waiting?.reject(new Error(result.error ?? 'reference worker failed'));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
