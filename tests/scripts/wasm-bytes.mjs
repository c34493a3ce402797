// Small wasm modules written byte by byte, for the build scripts' tests.

/** A name as wasm writes it: its length, then its UTF-8 bytes. */
export const name = (text) => [text.length, ...new TextEncoder().encode(text)];

/** A section: its id, its length and its bytes (short sections only). */
export const section = (id, body) => [id, body.length, ...body];

/** One function type, () -> (), as the type section. */
export const typeSection = () => section(1, [1, 0x60, 0, 0]);

/** The header, then the sections given. */
export const wasmModule = (...sections) => Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...sections.flat()]);
