import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Fresh folders t1, t2 … inside the folder `root()` gives (a test file's temporary folder, made before its tests). */
export function numberedFolders(root: () => string): () => string {
  let n = 0;
  return () => {
    const dir = join(root(), `t${++n}`);
    mkdirSync(dir);
    return dir;
  };
}
