// Prints every file of the release build in dist/: raw, gzip and brotli bytes.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { resolve } from 'node:path';

/** The release build. */
const DIST = resolve(import.meta.dirname, '../../dist');

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path); else yield path;
  }
}

/** A file's size raw, and as served with gzip -9 and brotli 11. */
export function sizes(file, body) {
  return {
    file,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export async function measure(dist = DIST) {
  const rows = [];
  for await (const path of files(dist)) rows.push(sizes(relative(dist, path), await readFile(path)));
  rows.sort((a, b) => b.raw - a.raw);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measure();
  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  console.log(`${'file'.padEnd(44)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'br KB'.padStart(8)}`);
  for (const r of rows) console.log(`${r.file.padEnd(44)}${kb(r.raw)} ${kb(r.gzip)}${kb(r.brotli)}`);
  const total = (k) => rows.reduce((sum, r) => sum + r[k], 0);
  console.log(`${'total'.padEnd(44)}${kb(total('raw'))} ${kb(total('gzip'))}${kb(total('brotli'))}`);
}
