// Reading and writing the few parts of a wasm binary the post-build hook
// rewrites: LEB128 numbers and names (the wasm spec's "binary format").

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
export const isWasm = (bytes) => bytes.length >= 8 && bytes.readUInt32LE(0) === 0x6d736100;
