/**
 * A Node child process running an ES module given as source, with a small heap: how the robustness tests watch a
 * hostile input end in an answer rather than a crash, an out-of-memory exit or a hang. The time limit only kills a
 * child that hangs; nothing measures time.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** How a child ended, with what it printed (stderr: its last 4,000 characters). */
export interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `source` (TypeScript imports allowed, through tsx) with `args` in argv[1…], a heap of `heapMb` MB, Node `flags`
 * and `env` added to this process's environment.
 */
export function runModuleChild(source: string, args: readonly string[], options: { heapMb: number; hangGuardMs: number; flags?: readonly string[]; env?: NodeJS.ProcessEnv }): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const argv = [`--max-old-space-size=${options.heapMb}`, ...(options.flags ?? []), '--import', 'tsx', '--input-type=module', '-e', source, ...args];
    const env = { ...process.env, ...options.env };
    const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.hangGuardMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `tasks` with at most `size` at a time, results in task order. */
export async function pool<T>(tasks: readonly (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, worker));
  return results;
}
