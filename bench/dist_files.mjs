// What dist/index.html makes a browser load: the files of its <link> and
// <script> tags, and the JS and wasm that web/boot.js imports, named by the
// boot script's data-journey-console-js / data-journey-console-wasm.
import { readFileSync } from 'node:fs';

const attributes = (tag) => {
  const found = {};
  for (const [, name, , double, single, bare] of tag.matchAll(/([\w-]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found[name.toLowerCase()] = double ?? single ?? bare ?? '';
  }
  return found;
};

// Paths inside dist, in the order the page names them, each once.
export function loadedFiles(distDir) {
  const html = readFileSync(`${distDir}/index.html`, 'utf8');
  const paths = [];
  const add = (url, why) => {
    if (!url || /^(https?:)?\/\//.test(url) || url.startsWith('data:')) return;
    // Trunk writes root-relative URLs under <base href="/">.
    const path = url.replace(/^\/+/, '').split(/[?#]/)[0];
    if (!paths.some((p) => p.path === path)) paths.push({ path, why });
  };
  for (const [tag, name] of html.matchAll(/<(link|script)\b[^>]*>/gi)) {
    const a = attributes(tag.slice(name.length + 1));
    if (name.toLowerCase() === 'link') {
      const rel = (a.rel ?? '').toLowerCase();
      if (/\b(stylesheet|modulepreload|preload|icon|manifest)\b/.test(rel)) add(a.href, rel);
    } else {
      add(a.src, 'script');
      add(a['data-journey-console-js'], 'imported by boot.js');
      add(a['data-journey-console-wasm'], 'fetched by boot.js');
    }
  }
  return paths;
}

// The stylesheet index.html links, for the vanilla page to use the same CSS.
export function stylesheet(distDir) {
  const css = loadedFiles(distDir).find((f) => f.path.endsWith('.css'));
  if (!css) throw new Error(`${distDir}/index.html links no stylesheet`);
  return css.path;
}
