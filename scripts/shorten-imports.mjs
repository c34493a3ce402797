// Gives the wasm's imports from its JavaScript glue short names, in both files.
//
// wasm-bindgen names each import after the call and a 16-digit hash
// (`__wbg_addEventListener_847fd86b8c33ec43`), and imports every one from a
// module named after the glue file. The hashes are random digits, which gzip
// cannot shrink: 2.9 KiB of the gzip'd wasm and 1.7 KiB of the script, downloaded
// on every first visit. Run by scripts/post-build.mjs on the finished build.
//
// Each import's module becomes "w" and its name a short one ("a", "b", ...
// "ba", ...), in the wasm's import section and in the glue's import object.
// Anything unexpected (an import the glue does not define, a name twice, a
// section this reader does not know) stops the build with a message: a page
// whose imports do not match its glue would not start.
import { readFileSync, writeFileSync } from 'node:fs';
import { isWasm, leb, name, readLeb, readName } from './wasm-binary.mjs';

const SECTION_IMPORT = 2;
const MODULE = 'w';

// The bytes after an import's names that say what it is, as they are.
function importDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (from) => {
    const flags = bytes[from++];
    let to = readLeb(bytes, from)[1];
    if (flags & 1) to = readLeb(bytes, to)[1];
    return to;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    default: throw new Error(`an import of kind ${kind}, which this script does not read`);
  }
}

/** The n-th short name: a, b, ... z, A, ... Z, ba, bb, ... (never a digit first). */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  do {
    out = letters[n % letters.length] + out;
    n = Math.floor(n / letters.length);
  } while (n > 0);
  return out;
}

/**
 * Renames the imports of `wasmFile` that come from the glue `jsFile`, in both
 * files. Returns how many were renamed and the bytes saved (uncompressed).
 */
export function shortenImports(wasmFile, jsFile) {
  const wasm = readFileSync(wasmFile);
  let js = readFileSync(jsFile, 'utf8');
  if (!isWasm(wasm)) throw new Error(`${wasmFile} is not a wasm module`);

  // The rewritten module, as pieces: the sections other than imports as
  // they were.
  const out = [wasm.subarray(0, 8)];
  const renames = new Map();
  let glueModule = null;
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (id !== SECTION_IMPORT) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readLeb(wasm, start);
    const section = [...leb(count)];
    while (count-- > 0) {
      let module;
      let field;
      [module, p] = readName(wasm, p);
      [field, p] = readName(wasm, p);
      const described = importDescription(wasm, p);
      const description = wasm.subarray(p, described);
      p = described;
      glueModule ??= module;
      if (module !== glueModule) throw new Error(`imports from two modules (${glueModule}, ${module})`);
      if (renames.has(field)) throw new Error(`the import ${field} is there twice`);
      const short = shortName(renames.size);
      renames.set(field, short);
      section.push(...name(MODULE), ...name(short), ...description);
    }
    if (p !== end) throw new Error('the import section has bytes this script did not read');
    out.push(Uint8Array.from([id, ...leb(section.length), ...section]));
    at = end;
  }
  if (glueModule === null) throw new Error(`${wasmFile} imports nothing`);

  // The glue defines each import once, as a key of its import object
  // (`name: function(...)`), and names the module once (`"module": import0`).
  const moduleKey = `${JSON.stringify(glueModule)}:`;
  if (js.split(moduleKey).length !== 2) throw new Error(`the glue does not name ${glueModule} once`);
  js = js.replace(moduleKey, `${MODULE}:`);
  for (const [field, short] of renames) {
    const key = new RegExp(`(?<![\\w$])${field.replace(/\$/g, '\\$')}(?=\\s*:)`, 'g');
    const found = js.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`the glue defines the import ${field} ${found} times, not once`);
    js = js.replace(key, short);
  }

  const rewritten = Buffer.concat(out);
  const before = wasm.length + readFileSync(jsFile).length;
  writeFileSync(wasmFile, rewritten);
  writeFileSync(jsFile, js);
  return { renamed: renames.size, saved: before - rewritten.length - Buffer.byteLength(js) };
}
