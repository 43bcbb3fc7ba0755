/**
 * The CLI's atomic write: the target holds the old complete file or the new complete file, never a part; the
 * temporary file never outlives the call; SIGINT/SIGTERM are held only during the write, so they still stop a render.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, closeSync, rmSync, statSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberedFolders } from '../helpers/folders.js';
import { removeStaleTemps, STALE_TEMP_MS, tempPath, writeFileAtomic } from '../../src/cli/writeAtomic.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODULE = new URL('../../src/cli/writeAtomic.ts', import.meta.url).href;

let tmp: string;
/** A fresh folder for one test. */
const folder = numberedFolders(() => tmp);
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

  it('keeps the permission bits of the file it replaces', async () => {
    const dir = folder();
    const target = join(dir, 'r.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it('names its temporary file after the target and its process, so that a later run can tell a stale one', () => {
    expect(tempPath('/x/r.pdf')).toMatch(new RegExp(`^/x/\\.r\\.pdf\\.xxgk-${process.pid}-[0-9a-f]{8}\\.tmp$`));
  });

  it('removeStaleTemps removes only temporary files of this module whose process is gone and that are older than a minute', () => {
    const dir = folder();
    // Pids above 4194304 (Linux's largest pid_max) belong to no process.
    const files = {
      stale: '.a.pdf.xxgk-4194305-0badc0de.tmp',
      young: '.b.pdf.xxgk-4194306-0badc0df.tmp',
      alive: `.c.pdf.xxgk-${process.pid}-0badc0e0.tmp`,
      other: '.d.pdf.4194307.0badc0e1.tmp',
    };
    for (const name of Object.values(files)) writeFileSync(join(dir, name), 'x');
    // "Now" is given to removeStaleTemps: the young file's own time, and the others a second past the minute before it.
    const now = statSync(join(dir, files.young)).mtimeMs;
    const past = (now - STALE_TEMP_MS - 1000) / 1000;
    for (const [key, name] of Object.entries(files)) if (key !== 'young') utimesSync(join(dir, name), past, past);
    expect(removeStaleTemps(dir, now)).toEqual([files.stale]);
    expect(readdirSync(dir).sort()).toEqual([files.young, files.alive, files.other].sort());
    expect(removeStaleTemps(join(dir, 'missing'), now)).toEqual([]);
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
