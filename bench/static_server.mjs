// A static server on a free loopback port for the benchmark: the app's dist at
// /, the vanilla page at /vanilla/, and config.json beside each as the
// benchmark wants it, or as the build has it.
// Compresses as a CDN would: brotli (quality 11) when the browser accepts it,
// otherwise gzip (level 9); each file is compressed once and kept.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { stylesheet } from './dist_files.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

const VANILLA = new URL('./vanilla/', import.meta.url).pathname;
// Trunk's names for the files it hashes: journey-console-<hash>.js and
// _bg.wasm, console-<hash>.css.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

// `setConfig(config)` sets what config.json answers: an object, or null for
// the build's own file (a 404 where it has none: the app's default backend).
export async function startStaticServer({ dist, compress = true }) {
  const css = stylesheet(dist);
  let config = null;
  const compressed = new Map();
  const tags = new Map();
  // Which encodings were served, by path, for the report.
  const encodings = new Map();

  const fileFor = (path) => {
    if (path === '/vanilla/console.css') return join(dist, css);
    if (path === '/vanilla/' || path === '/vanilla/index.html') return join(VANILLA, 'index.html');
    if (path.startsWith('/vanilla/')) return join(VANILLA, normalize(path.slice('/vanilla/'.length)));
    return join(dist, normalize(path === '/' ? 'index.html' : path.slice(1)));
  };

  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path.includes('..')) return answer404(response);
    if (config && (path === '/config.json' || path === '/vanilla/config.json')) {
      return send(request, response, path, null, Buffer.from(JSON.stringify(config)), TYPES['.json']);
    }
    const file = fileFor(path);
    let body;
    try {
      if (!statSync(file).isFile()) return answer404(response);
      body = readFileSync(file);
    } catch {
      return answer404(response);
    }
    // Cached as a CDN's files are (see send); the parts that want an empty
    // cache load every page in a new browser context.
    send(request, response, path, file, body, TYPES[extname(file)] ?? 'application/octet-stream');
  });

  // `file` names the body, for compressing it once; null for a body made here.
  function send(request, response, path, file, body, type) {
    const accepts = String(request.headers['accept-encoding'] ?? '');
    let encoding = 'identity';
    if (compress && file && body.length > 256) {
      if (/\bbr\b/.test(accepts)) encoding = 'br';
      else if (/\bgzip\b/.test(accepts)) encoding = 'gzip';
    }
    if (encoding !== 'identity') body = compressedBody(file, body, encoding);
    encodings.set(path, encoding);
    // As the README tells a CDN: files named by their hash kept forever, the
    // rest checked every time (an ETag, answered 304 while unchanged).
    const tag = entityTag(file, body, encoding);
    const cache = HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (request.headers['if-none-match'] === tag) {
      response.writeHead(304, { ETag: tag, 'Cache-Control': cache, Vary: 'Accept-Encoding' });
      return response.end();
    }
    const headers = { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': cache, ETag: tag, Vary: 'Accept-Encoding' };
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  function answer404(response) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  }

  // Worked out once per file and encoding, so that no request waits for it.
  function entityTag(file, body, encoding) {
    const key = `${encoding} ${file}`;
    if (file && tags.has(key)) return tags.get(key);
    const tag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}-${encoding}"`;
    if (file) tags.set(key, tag);
    return tag;
  }

  function compressedBody(file, body, encoding) {
    const key = `${encoding} ${file}`;
    if (!compressed.has(key)) {
      compressed.set(key, encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 9 }));
    }
    return compressed.get(key);
  }

  // Compressed before the first request, so that no page load waits for it.
  for (const dir of [dist, VANILLA]) {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (!statSync(file).isFile()) continue;
      const body = readFileSync(file);
      if (compress && body.length > 256) for (const encoding of ['br', 'gzip']) compressedBody(file, body, encoding);
    }
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    encodings,
    setConfig(value) {
      config = value;
    },
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
