// scripts/drop-stream-exports.mjs on a small module and glue shaped like
// wasm-bindgen's: the stream classes' exports and JavaScript go, the rest stays
// and still works; a wasm or glue that uses one of those classes keeps them
// and stops the build.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dropStreamExports } from '../../scripts/drop-stream-exports.mjs';
import { name, section, typeSection, wasmModule } from './wasm-bytes.mjs';

// What the page needs of the glue, and a stream class as wasm-bindgen writes it.
const KEPT = `export class Explorer {
    run() { return wasm.explorer_run(); }
}
if (Symbol.dispose) Explorer.prototype[Symbol.dispose] = Explorer.prototype.free;
`;
const STREAM = `export class IntoUnderlyingSink {
    write(chunk) {
        return wasm.intounderlyingsink_write(this.__wbg_ptr, chunk);
    }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;
`;
const REGISTRY = `const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));
`;
const GLUE = STREAM + KEPT + REGISTRY;

// One function (it does nothing), exported under the names given.
function module(exportNames, importNames = []) {
  const imports = importNames.length
    ? [section(2, [importNames.length, ...importNames.flatMap((n) => [...name('./page_bg.js'), ...name(n), 0, 0])])]
    : [];
  const functions = section(3, [1, 0]);
  const exports = section(7, [exportNames.length, ...exportNames.flatMap((n) => [...name(n), 0, importNames.length])]);
  const code = section(10, [1, 2, 0, 0x0b]);
  return wasmModule(typeSection(), ...imports, functions, exports, code);
}

function files(wasm) {
  const dir = mkdtempSync(join(tmpdir(), 'drop-stream-exports-'));
  const wasmFile = join(dir, 'page_bg.wasm');
  const jsFile = join(dir, 'page.js');
  writeFileSync(wasmFile, wasm);
  writeFileSync(jsFile, GLUE);
  return { wasmFile, jsFile };
}

const exportsOf = (file) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(file))).map((e) => e.name);

test("the stream classes' exports go; the page's own stay and still work", async () => {
  const { wasmFile, jsFile } = files(module(['intounderlyingsink_write', '__wbg_intounderlyingsink_free', 'explorer_run', 'memory_size']));
  const dropped = dropStreamExports(wasmFile, jsFile);
  assert.deepEqual(dropped, ['intounderlyingsink_write', '__wbg_intounderlyingsink_free']);
  assert.deepEqual(exportsOf(wasmFile), ['explorer_run', 'memory_size']);
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile));
  assert.equal(instance.exports.explorer_run(), undefined);
  assert.equal(readFileSync(jsFile, 'utf8'), KEPT, "the class's JavaScript goes, the rest stays");
});

test('a glue that uses a stream class elsewhere keeps it and stops the build', () => {
  const glue = `${GLUE}function wrap(ptr) { return IntoUnderlyingSink.__wrap(ptr); }\n`;
  const wasm = module(['intounderlyingsink_write', 'explorer_run']);
  const { wasmFile, jsFile } = files(wasm);
  writeFileSync(jsFile, glue);
  assert.throws(() => dropStreamExports(wasmFile, jsFile), /uses IntoUnderlyingSink elsewhere/);
  assert.deepEqual(readFileSync(wasmFile), Buffer.from(wasm));
  assert.equal(readFileSync(jsFile, 'utf8'), glue);
});

test('a wasm that creates a stream object keeps the exports and stops the build', () => {
  const wasm = module(['intounderlyingsink_write', 'explorer_run'], ['__wbg_intounderlyingsink_new_0123456789abcdef']);
  const { wasmFile, jsFile } = files(wasm);
  assert.throws(() => dropStreamExports(wasmFile, jsFile), /creates intounderlyingsink objects/);
  assert.deepEqual(readFileSync(wasmFile), Buffer.from(wasm));
  assert.equal(readFileSync(jsFile, 'utf8'), GLUE);
});

test('a glue with no stream classes changes nothing', () => {
  const wasm = module(['explorer_run']);
  const { wasmFile, jsFile } = files(wasm);
  writeFileSync(jsFile, KEPT);
  assert.deepEqual(dropStreamExports(wasmFile, jsFile), []);
  assert.deepEqual(readFileSync(wasmFile), Buffer.from(wasm));
});
