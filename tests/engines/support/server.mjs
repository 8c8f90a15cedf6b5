// The release build (dist/, or JOURNEY_DIST) served as static files on
// loopback, the way Playwright's first webServer serves it (`serve --single`),
// started and stopped by the engine tests themselves.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SERVE = path.join(ROOT, 'node_modules', '.bin', 'serve');

/// Serves the build on 127.0.0.1:`port` and resolves once it answers.
export async function startServer(port) {
  const dist = process.env.JOURNEY_DIST
    ? path.resolve(process.env.JOURNEY_DIST)
    : path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`no release build in ${dist}: run \`trunk build --release\` first`);
  }
  const url = `http://127.0.0.1:${port}/`;
  // Like Playwright's webServer without reuseExistingServer: a server already
  // answering there is someone else's, and the tests would not be testing
  // this build.
  if (await answers(url)) throw new Error(`${url} is already in use`);

  const child = spawn(
    SERVE,
    ['--single', '--no-clipboard', '--no-port-switching', '--listen', `tcp://127.0.0.1:${port}`, dist],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit');

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`serve stopped before answering on ${url}: ${stderr.trim()}`);
    }
    if (await answers(url)) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`serve did not answer on ${url} within 30 s: ${stderr.trim()}`);
    }
    await sleep(100);
  }

  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
