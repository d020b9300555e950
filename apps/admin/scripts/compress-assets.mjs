// After `vite build`: writes each compressible asset's brotli (quality 11) and gzip (level 9) bodies beside it
// (`name.js.br`, `name.js.gz`). The API sends those files as they are, so the first visit after a start costs no
// compression on the server (it shared the thread pool with the password check of the sign-in).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.map', '.txt', '.wasm']);
const MIN_BYTES = 1024;
const dir = path.resolve(process.argv[2] ?? 'dist/assets');

let files = 0;
let raw = 0;
let br = 0;
for (const name of readdirSync(dir)) {
  const file = path.join(dir, name);
  if (!COMPRESSIBLE.has(path.extname(name).toLowerCase()) || !statSync(file).isFile()) continue;
  const body = readFileSync(file);
  if (body.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  files += 1;
  raw += body.length;
  br += brotli.length;
}
console.log(`compressed ${files} assets: ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`);
