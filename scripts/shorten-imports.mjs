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
import { leb, name, readImports, replaceSection, SECTION_IMPORT, sections } from './wasm-binary.mjs';

const MODULE = 'w';

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
  const importSection = sections(wasm, wasmFile).find((s) => s.id === SECTION_IMPORT);
  if (!importSection) throw new Error(`${wasmFile} imports nothing`);
  const imports = readImports(wasm, importSection);
  const glueModule = imports[0]?.module;
  if (glueModule === undefined) throw new Error(`${wasmFile} imports nothing`);
  // The new import section: each import from MODULE, under its short name.
  const renames = new Map();
  const body = leb(imports.length);
  for (const { module, field, description } of imports) {
    if (module !== glueModule) throw new Error(`imports from two modules (${glueModule}, ${module})`);
    if (renames.has(field)) throw new Error(`the import ${field} is there twice`);
    const short = shortName(renames.size);
    renames.set(field, short);
    body.push(...name(MODULE), ...name(short), ...description);
  }

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

  const rewritten = replaceSection(wasm, importSection, body);
  const before = wasm.length + readFileSync(jsFile).length;
  writeFileSync(wasmFile, rewritten);
  writeFileSync(jsFile, js);
  return { renamed: renames.size, saved: before - rewritten.length - Buffer.byteLength(js) };
}
