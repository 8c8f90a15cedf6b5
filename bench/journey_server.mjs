// Starts the reference server (crates/reference_server, built by scripts/bench)
// on a free loopback port with an in-memory database of generated versions.
import { spawn } from 'node:child_process';

const running = new Set();

// Every server still running is killed when the benchmark ends, however it ends.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startJourneyServer({ binary, versions, pageLimit, allowOrigin }) {
  // Options are all given here; JOURNEY_SERVER_* from the environment (tokens,
  // a database file) must not change what is measured.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('JOURNEY_SERVER_')));
  const args = [
    '--listen', '127.0.0.1:0',
    '--db', ':memory:',
    '--demo-versions', String(versions),
    '--page-limit', String(pageLimit),
    // Still counts: every poll is a 304, as for an account where nothing moved.
    '--no-simulation',
    '--allow-origin', allowOrigin,
  ];
  const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const apiBase = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`journey-server did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`journey-server exited (${code}):\n${output}`));
    });
  });
  return {
    apiBase,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      running.delete(child);
    },
  };
}

// How long walking the whole list takes with no browser: every page in turn,
// as the pages ask for them (limit=500, then `next`), read as JSON. The floor
// under any page's "whole list" time: the server and the network alone.
export async function walkList(apiBase) {
  const started = performance.now();
  let versions = 0;
  let url = `${apiBase}/journeys?limit=500`;
  while (url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    const page = await response.json();
    versions += page.items.length;
    url = page.next ? `${apiBase}/journeys?limit=500&cursor=${encodeURIComponent(page.next)}` : null;
  }
  return { ms: performance.now() - started, versions };
}
