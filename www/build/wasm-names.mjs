// Shortens the names the wasm and its wasm-bindgen glue call each other by. The
// bindings are named for what they do plus a 16-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`, `..._invoke__h35cbedc8435ab5ce`);
// the hashes are random to a compressor and each is written twice, in the wasm's
// import or export section and in the glue: about 4 KB of the page (brotli).
// Every such name becomes `w<n>` in both files, consistently; names without a
// hash (`memory`, `mount`, ...) stay as they are. Run by postbuild.mjs on release
// builds, before the glue is minified.
import { readFile, writeFile } from 'node:fs/promises';

/** A name wasm-bindgen made unique with a hash. */
const HASHED_NAME = /^[A-Za-z_$][\w$]*_h?[0-9a-f]{16}$/;

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** An unsigned LEB128. */
function uleb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const name = (text) => Buffer.concat([uleb(Buffer.byteLength(text)), Buffer.from(text)]);

/** The bytes of one import or export entry after its name(s), given its kind. */
function importDescEnd(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // function: type index
    case 1: { at += 1; const [flags, next] = leb(bytes, at); at = leb(bytes, next)[1]; return flags & 1 ? leb(bytes, at)[1] : at; } // table
    case 2: { const [flags, next] = leb(bytes, at); at = leb(bytes, next)[1]; return flags & 1 ? leb(bytes, at)[1] : at; } // memory
    case 3: return at + 2; // global: type, mutability
    case 4: return leb(bytes, at + 1)[1]; // tag
    default: throw new Error(`wasm-names: unknown import kind ${kind}`);
  }
}

/**
 * The wasm with its hashed import and export names replaced by `rename(old)`;
 * every other byte as it was.
 */
export function renameInWasm(wasm, rename) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id !== 2 && id !== 7) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    const [count, first] = leb(wasm, body);
    const entries = [uleb(count)];
    let p = first;
    for (let i = 0; i < count; i += 1) {
      const names = [];
      for (let n = 0; n < (id === 2 ? 2 : 1); n += 1) {
        const [length, start] = leb(wasm, p);
        names.push(wasm.subarray(start, start + length).toString('utf8'));
        p = start + length;
      }
      const descEnd = id === 2 ? importDescEnd(wasm, p) : leb(wasm, p + 1)[1];
      const field = names.length - 1;
      names[field] = rename(names[field]);
      entries.push(...names.map(name), wasm.subarray(p, descEnd));
      p = descEnd;
    }
    const content = Buffer.concat(entries);
    parts.push(Buffer.from([id]), uleb(content.length), content);
    at = end;
  }
  return Buffer.concat(parts);
}

/** The hashed names of the wasm's imports and exports. */
export function hashedNames(wasm) {
  const found = [];
  renameInWasm(wasm, (old) => {
    if (HASHED_NAME.test(old)) found.push(old);
    return old;
  });
  return found;
}

/**
 * Shortens the hashed binding names in `wasmPath` and `gluePath` (in place).
 * Returns how many names were shortened.
 */
export async function shortenBindingNames(wasmPath, gluePath) {
  const wasm = await readFile(wasmPath);
  let glue = await readFile(gluePath, 'utf8');
  const names = [...new Set(hashedNames(wasm))];
  const taken = new Set(glue.match(/\bw\d+\b/g) ?? []);
  const short = new Map();
  let n = 0;
  for (const old of names) {
    while (taken.has(`w${n}`)) n += 1;
    short.set(old, `w${n}`);
    n += 1;
    // Every use of the name in the glue: as a key of the imports or a property of the exports.
    const uses = glue.split(old).length - 1;
    if (uses === 0) throw new Error(`wasm-names: ${old} is in the wasm but not in the glue`);
    glue = glue.replace(new RegExp(`\\b${old}\\b`, 'g'), short.get(old));
  }
  await writeFile(wasmPath, renameInWasm(wasm, (old) => short.get(old) ?? old));
  await writeFile(gluePath, glue);
  return short.size;
}
