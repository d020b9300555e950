// The built portal's files. Hashed assets (the bundler names them after their content, under assets/) are sent
// compressed (brotli or gzip, as the browser accepts) and cached by browsers for a year as immutable: a new build has
// new names. index.html (and the SPA fallback to it) is revalidated on every load, so a new build is picked up at once.
// The portal's build writes each asset's compressed bodies beside it (`name.js.br`, `name.js.gz`): those are sent as
// they are. Without them (another build), compressed bodies are made once per file and kept in memory (the portal is a
// few megabytes at most).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import express from 'express';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.map', '.txt', '.wasm']);
/** Below this, compression is not worth its header. */
const MIN_BYTES = 1024;
const YEAR_S = 365 * 24 * 3600;

type Encoding = 'br' | 'gzip' | 'identity';

interface Bodies {
  identity: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

/** The encoding to answer with for an Accept-Encoding header: brotli first, then gzip (q=0 excludes). */
export function chooseEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** A compressed body the build wrote beside an asset, or null when there is none. */
function prebuilt(file: string): Promise<Buffer | null> {
  return readFile(file).catch(() => null);
}

/** Serves `dir` (the portal's assets folder) at the mount point; unknown files fall through (404 later). */
export function portalAssets(dir: string): express.RequestHandler {
  const root = path.resolve(dir);
  const cache = new Map<string, Promise<Bodies | null>>();

  const load = (file: string): Promise<Bodies | null> => {
    let loaded = cache.get(file);
    if (!loaded) {
      loaded = stat(file)
        .then(async (s) => {
          if (!s.isFile()) return null;
          const [identity, br, gz] = await Promise.all([
            readFile(file),
            prebuilt(`${file}.br`),
            prebuilt(`${file}.gz`),
          ]);
          const bodies: Bodies = { identity };
          if (br) bodies.br = Promise.resolve(br);
          if (gz) bodies.gzip = Promise.resolve(gz);
          return bodies;
        })
        .catch(() => null);
      cache.set(file, loaded);
      // A missing file is not remembered: a later build may add it.
      void loaded.then((b) => b ?? cache.delete(file));
    }
    return loaded;
  };

  const encoded = (bodies: Bodies, encoding: Encoding): Promise<Buffer> => {
    if (encoding === 'br')
      return (bodies.br ??= brotli(bodies.identity, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bodies.identity.length },
      }));
    if (encoding === 'gzip') return (bodies.gzip ??= gzipped(bodies.identity, { level: 9 }));
    return Promise.resolve(bodies.identity);
  };

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.resolve(root, '.' + path.posix.normalize('/' + relative));
    if (!file.startsWith(root + path.sep)) return next();
    load(file)
      .then(async (bodies) => {
        if (!bodies) return next();
        const ext = path.extname(file).toLowerCase();
        const compressible = COMPRESSIBLE.has(ext) && bodies.identity.length >= MIN_BYTES;
        const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
        const body = await encoded(bodies, encoding);
        res.type(ext);
        res.setHeader('Cache-Control', `public, max-age=${YEAR_S}, immutable`);
        if (compressible) res.setHeader('Vary', 'Accept-Encoding');
        if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Length', String(body.length));
        res.status(200);
        if (req.method === 'HEAD') res.end();
        else res.end(body);
      })
      .catch(next);
  };
}
