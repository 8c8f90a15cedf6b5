// Trunk post-build hook (release builds only): minifies what index.html loads
// besides the wasm (the wasm-bindgen glue, boot.js and the stylesheet) with
// esbuild, each with a source map beside it (read only by developer tools),
// and writes the new files' sha384 into index.html's integrity attributes, so
// subresource integrity still holds. Trunk's own `--minify` cannot parse the
// glue and leaves it as it is (bench/RESULTS.md, "Size").
//
// embed.js is left readable: host pages load it, and their developers read it.

import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { transform } from 'esbuild';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('minify-staged: TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

/// The sha384 of `bytes` as an integrity attribute writes it.
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const files = (await readdir(staging)).filter(
  (name) => name === 'boot.js' || /^journey-console-[0-9a-f]+\.js$/.test(name) || /^console-[0-9a-f]+\.css$/.test(name),
);
if (!files.some((name) => name.startsWith('journey-console-'))) {
  console.error(`minify-staged: no wasm-bindgen glue in ${staging}`);
  process.exit(1);
}

const indexPath = join(staging, 'index.html');
let index = await readFile(indexPath, 'utf8');
for (const name of files) {
  const path = join(staging, name);
  const source = await readFile(path, 'utf8');
  const css = name.endsWith('.css');
  const minified = await transform(source, {
    loader: css ? 'css' : 'js',
    format: css ? undefined : 'esm',
    minify: true,
    legalComments: 'none',
    sourcemap: 'external',
    sourcefile: `unminified/${name}`,
    sourcesContent: true,
  });
  const link = css ? `/*# sourceMappingURL=${name}.map */` : `//# sourceMappingURL=${name}.map`;
  const code = `${minified.code}${link}\n`;
  await writeFile(path, code);
  await writeFile(`${path}.map`, minified.map);
  // Trunk wrote the integrity of the file as it was; it must name this one.
  // (boot.js is loaded without one.)
  const before = integrity(source);
  if (index.includes(before)) index = index.replaceAll(before, integrity(code));
  else if (name !== 'boot.js') {
    console.error(`minify-staged: index.html has no integrity for ${name}`);
    process.exit(1);
  }
}
await writeFile(indexPath, index);
