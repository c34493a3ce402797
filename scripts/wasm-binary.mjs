// Reading and writing the few parts of a wasm binary the post-build hook
// rewrites (the wasm spec's "binary format"): LEB128 numbers, names, the
// module's sections, its imports, and one section replaced.

/** The unsigned LEB128 number at `at`, and where the bytes after it start. */
export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('the wasm ends inside a number');
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** `value` as unsigned LEB128 bytes. */
export function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder('utf-8', { fatal: true });

/** The name at `at` (its length, then UTF-8), and where the bytes after it start. */
export function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [text.decode(bytes.subarray(start, start + length)), start + length];
}

/** `value` as a wasm name's bytes. */
export function name(value) {
  const bytes = utf8.encode(value);
  return [...leb(bytes.length), ...bytes];
}

/** Whether `bytes` start as a wasm module does. */
const isWasm = (bytes) => bytes.length >= 8 && bytes.readUInt32LE(0) === 0x6d736100;

export const SECTION_IMPORT = 2;
export const SECTION_EXPORT = 7;

/** Each section of the module: its id, and where it and its contents start and end. */
export function sections(wasm, file) {
  if (!isWasm(wasm)) throw new Error(`${file} is not a wasm module`);
  const out = [];
  let at = 8;
  while (at < wasm.length) {
    const [size, start] = readLeb(wasm, at + 1);
    out.push({ id: wasm[at], at, start, end: start + size });
    at = start + size;
  }
  return out;
}

/** The module with `section`'s contents replaced by `body` (bytes). */
export function replaceSection(wasm, section, body) {
  const contents = Buffer.from(body);
  return Buffer.concat([
    wasm.subarray(0, section.at),
    Uint8Array.from([section.id, ...leb(contents.length)]),
    contents,
    wasm.subarray(section.end),
  ]);
}

// Where the bytes after an import's names that say what it is end.
function importDescriptionEnd(bytes, at) {
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

/** The import section's imports: module, name and the bytes that describe each. */
export function readImports(wasm, section) {
  let [count, p] = readLeb(wasm, section.start);
  const imports = [];
  while (count-- > 0) {
    let module;
    let field;
    [module, p] = readName(wasm, p);
    [field, p] = readName(wasm, p);
    const end = importDescriptionEnd(wasm, p);
    imports.push({ module, field, description: wasm.subarray(p, end) });
    p = end;
  }
  if (p !== section.end) throw new Error('the import section has bytes this script did not read');
  return imports;
}
