/**
 * The CLI's atomic write: the target holds the old complete file or the new complete file, never a part; the
 * temporary file never outlives the call; SIGINT/SIGTERM are held only during the write, so they still stop a render.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, closeSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/writeAtomic.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODULE = new URL('../../src/cli/writeAtomic.ts', import.meta.url).href;

let tmp: string;
let n = 0;
const folder = () => {
  const dir = join(tmp, `t${++n}`);
  mkdirSync(dir);
  return dir;
};
const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-atomic-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const dir = folder();
    const target = join(dir, 'r.pdf');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(readFileSync(target, 'latin1')).toBe('%PDF');
    expect(readdirSync(dir)).toEqual(['r.pdf']);
  });

  it('fails without touching the target when it cannot rename over it, and removes its temporary file', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'r.pdf'));
    writeFileSync(join(dir, 'r.pdf/keep'), 'x');
    await expect(writeFileAtomic(join(dir, 'r.pdf'), 'new')).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    expect(readdirSync(join(dir, 'r.pdf'))).toEqual(['keep']);
    expect(tempFiles(dir)).toEqual([]);
    await expect(writeFileAtomic(join(dir, 'no/such/folder/r.pdf'), 'new')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('holds no signal listener outside a write (so Ctrl-C still stops a long render)', async () => {
    const before = ['SIGINT', 'SIGTERM'].map((s) => process.listenerCount(s));
    await writeFileAtomic(join(folder(), 'a.pdf'), 'x');
    await writeFileAtomic(join(folder(), 'missing/a.pdf'), 'x').catch(() => {});
    expect(['SIGINT', 'SIGTERM'].map((s) => process.listenerCount(s))).toEqual(before);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s during the write: the file is finished and renamed, the temporary file removed, then the process exits 128 + signal', async (signal) => {
    const dir = folder();
    const target = join(dir, 'big.bin');
    writeFileSync(target, 'OLD');
    const size = 150_000_000; // large enough that the write takes a good part of a second
    const script = `const { writeFileAtomic } = await import(${JSON.stringify(MODULE)});
await writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(${size}, 0x4e));
console.log('returned');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b));
    child.stderr.on('data', (b: Buffer) => (output += b));
    let sent = false;
    // The signal goes as soon as the temporary file appears, i.e. while it is being written.
    const watcher = watch(dir, (_event, name) => {
      if (!sent && name?.endsWith('.tmp')) {
        sent = true;
        child.kill(signal);
      }
    });
    const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    watcher.close();
    expect(sent, output).toBe(true);
    expect({ code, killedBy }, output).toEqual({ code: 128 + constants.signals[signal], killedBy: null });
    expect(output).not.toContain('returned');
    // The new file is complete.
    expect(statSync(target).size).toBe(size);
    const fd = openSync(target, 'r');
    const tail = Buffer.alloc(16);
    readSync(fd, tail, 0, 16, size - 16);
    closeSync(fd);
    expect(tail.every((b) => b === 0x4e)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
    expect(existsSync(target)).toBe(true);
  });
});
