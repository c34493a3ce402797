// scripts/shorten-imports.mjs on a small module and glue shaped like
// wasm-bindgen's: after renaming, the module still links to its glue and calls
// the right functions; anything it cannot match stops with a message.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { shortenImports } from '../../scripts/shorten-imports.mjs';
import { name, section, typeSection, wasmModule } from './wasm-bytes.mjs';

const GLUE = './page_bg.js';
const FIRST = '__wbg_first_0123456789abcdef';
const SECOND = '__wbg_second_fedcba9876543210';

// Imports two functions from the glue and exports them back, second first.
function module() {
  const imports = section(2, [2, ...name(GLUE), ...name(FIRST), 0, 0, ...name(GLUE), ...name(SECOND), 0, 0]);
  const exports = section(7, [2, ...name('callSecond'), 0, 1, ...name('callFirst'), 0, 0]);
  return wasmModule(typeSection(), imports, exports);
}

function glue(definitions = [FIRST, SECOND]) {
  // Each pushes its own label: `first` or `second`.
  const functions = definitions.map((name) => `        ${name}: function() { globalThis.called.push(${JSON.stringify(name.split('_')[3])}); },`);
  return `function getImports() {
    const import0 = {
        __proto__: null,
${functions.join('\n')}
    };
    return {
        __proto__: null,
        ${JSON.stringify(GLUE)}: import0,
    };
}
export { getImports };
`;
}

function files(js) {
  const dir = mkdtempSync(join(tmpdir(), 'shorten-imports-'));
  const wasmFile = join(dir, 'page_bg.wasm');
  const jsFile = join(dir, 'page.js');
  writeFileSync(wasmFile, module());
  writeFileSync(jsFile, js);
  return { wasmFile, jsFile };
}

test('the renamed module links to its renamed glue and calls the same functions', async () => {
  const { wasmFile, jsFile } = files(glue());
  const before = readFileSync(wasmFile).length;
  const { renamed } = shortenImports(wasmFile, jsFile);
  assert.equal(renamed, 2);

  const wasm = readFileSync(wasmFile);
  assert.ok(wasm.length < before - 40, 'the long names are gone from the wasm');
  const js = readFileSync(jsFile, 'utf8');
  assert.ok(!js.includes(FIRST) && !js.includes(GLUE), 'and from the glue');
  assert.deepEqual(
    WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => i.module + '.' + i.name),
    ['w.a', 'w.b'],
  );

  const { getImports } = await import(pathToFileURL(jsFile).href);
  globalThis.called = [];
  const { instance } = await WebAssembly.instantiate(wasm, getImports());
  instance.exports.callSecond();
  instance.exports.callFirst();
  assert.deepEqual(globalThis.called, ['second', 'first']);
});

test('a glue that does not define an import stops the build, and changes nothing', () => {
  const { wasmFile, jsFile } = files(glue([FIRST]));
  assert.throws(() => shortenImports(wasmFile, jsFile), new RegExp(`defines the import ${SECOND} 0 times`));
  assert.deepEqual(readFileSync(wasmFile), Buffer.from(module()));
  assert.equal(readFileSync(jsFile, 'utf8'), glue([FIRST]));
});

test('a file that is not wasm is named in the message', () => {
  const { wasmFile, jsFile } = files(glue());
  writeFileSync(wasmFile, 'not wasm at all');
  assert.throws(() => shortenImports(wasmFile, jsFile), /is not a wasm module/);
});
