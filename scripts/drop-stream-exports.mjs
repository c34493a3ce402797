// Drops the wasm's exports for the stream classes no page of ours uses.
//
// Leptos' client build always brings in server_fn, and with it wasm-streams,
// whose three `#[wasm_bindgen]` classes (IntoUnderlyingSource, ...Sink,
// ...ByteSource) wasm-bindgen must export: they are for JavaScript that hands
// a Rust stream to the browser, and this page has no server and no such code.
// Their exports keep their code alive; without them wasm-opt removes it
// (1.6 KiB of the gzip'd wasm). Run by scripts/post-build.mjs on release
// builds, before the imports are renamed, followed by `wasm-opt -Oz`.
//
// Only classes the wasm itself never creates are dropped: the glue creates
// a class for Rust through an import named after it, so a class with such an
// import stops the build. The classes' JavaScript goes too (each class, its
// dispose line and its finalization registry, as wasm-bindgen writes them);
// a class named anywhere else in the glue stops the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { leb, readImports, readLeb, readName, replaceSection, SECTION_EXPORT, SECTION_IMPORT, sections } from './wasm-binary.mjs';

/** The stream classes the glue exports (wasm-streams' "IntoUnderlying..."). */
export function streamClasses(js) {
  return [...js.matchAll(/^export class (IntoUnderlying\w+) /gm)].map(([, name]) => name);
}

/** The glue without the JavaScript of the given classes. */
export function withoutClasses(js, classes) {
  let out = js;
  for (const name of classes) {
    const parts = [
      new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\n`, 'm'),
      new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm'),
      new RegExp(`^const ${name}Finalization = [^;]*;\\n`, 'm'),
    ];
    for (const part of parts) {
      if (!part.test(out)) throw new Error(`the glue's ${name} is not written as this script expects (${part})`);
      out = out.replace(part, '');
    }
    if (new RegExp(`\\b${name}\\b`).test(out)) throw new Error(`the glue uses ${name} elsewhere: its exports are needed`);
  }
  return out;
}

/**
 * Removes from `wasmFile` the exports of the glue `jsFile`'s stream classes,
 * and their JavaScript from the glue. Returns the names of the exports removed.
 */
export function dropStreamExports(wasmFile, jsFile) {
  const wasm = readFileSync(wasmFile);
  const all = sections(wasm, wasmFile);
  const js = readFileSync(jsFile, 'utf8');
  const classes = streamClasses(js);
  if (classes.length === 0) return [];
  const glue = withoutClasses(js, classes);
  const prefixes = classes.map((c) => c.toLowerCase());
  const belongs = (name) => prefixes.some((p) => name.startsWith(`${p}_`) || name === `__wbg_${p}_free`);

  const importSection = all.find((s) => s.id === SECTION_IMPORT);
  for (const { field } of importSection ? readImports(wasm, importSection) : []) {
    const made = prefixes.find((prefix) => field.includes(`_${prefix}_`));
    if (made) throw new Error(`the wasm creates ${made} objects (import ${field}): its exports are needed`);
  }
  const exportSection = all.find((s) => s.id === SECTION_EXPORT);
  if (!exportSection) return [];
  let [count, p] = readLeb(wasm, exportSection.start);
  const kept = []; // each export kept, as its bytes
  const dropped = [];
  while (count-- > 0) {
    const from = p;
    const [name, afterName] = readName(wasm, p);
    p = readLeb(wasm, afterName + 1)[1]; // kind, then index
    if (belongs(name)) dropped.push(name);
    else kept.push(wasm.subarray(from, p));
  }
  if (p !== exportSection.end) throw new Error('the export section has bytes this script did not read');
  const body = Buffer.concat([Uint8Array.from(leb(kept.length)), ...kept]);
  writeFileSync(wasmFile, replaceSection(wasm, exportSection, body));
  writeFileSync(jsFile, glue);
  return dropped;
}
