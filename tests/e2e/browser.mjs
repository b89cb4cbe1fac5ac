#!/usr/bin/env node
// A stand-in for the user's browser, usable as $BROWSER or as kubekey's custom browser command:
//   browser.mjs URL
// It records the call (KUBEKEY_TEST_BROWSER_LOG), then detaches and, in the background, drives
// headless Chromium through the provider's login and consent pages to the loopback callback,
// writing what that final page showed to KUBEKEY_TEST_PAGE_OUT. All output goes to stderr.
// See README.md in this folder for every variable.
import { spawn } from 'node:child_process';
import { appendFileSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { maskText, maskUrl } from './lib/mask.mjs';

const env = process.env;
const FOREGROUND = 'KUBEKEY_TEST_BROWSER_FOREGROUND';

// A launcher that closed our stderr must not turn a finished login into a crash.
process.stderr.on('error', () => {});
function log(message) {
  process.stderr.write(`browser.mjs: ${message}\n`);
}

function writePageOut(result) {
  const target = env.KUBEKEY_TEST_PAGE_OUT;
  if (!target) {
    return;
  }
  // Written whole and renamed, so a reader polling for the file never sees half of it.
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(result, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, target);
}

function seconds(name, fallback) {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    log(`error: ${name}="${raw}" is not a positive number of seconds; unset it or fix it`);
    process.exit(2);
  }
  return value;
}

const url = process.argv[2];
if (!url || process.argv.length > 3) {
  log('error: expected exactly one argument, the URL to open');
  process.exit(2);
}
const timeoutSeconds = seconds('KUBEKEY_TEST_BROWSER_TIMEOUT', 60);

if (env[FOREGROUND] !== '1') {
  // The caller (kubekey, xdg-open) must not wait for the login to finish, and must not be able
  // to take the browser down with its process group: record the call, start a detached copy of
  // this script in its own session, and return at once.
  if (env.KUBEKEY_TEST_BROWSER_LOG) {
    appendFileSync(env.KUBEKEY_TEST_BROWSER_LOG, `${new Date().toISOString()} ${maskUrl(url)}\n`);
  }
  if (env.KUBEKEY_TEST_BROWSER_RECORD_ONLY === '1') {
    process.exit(0);
  }
  const errTarget = env.KUBEKEY_TEST_BROWSER_STDERR
    ? openSync(env.KUBEKEY_TEST_BROWSER_STDERR, 'a')
    : 'inherit';
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), url], {
    detached: true,
    stdio: ['ignore', errTarget, errTarget],
    env: { ...env, [FOREGROUND]: '1' },
  });
  child.unref();
  log(`driving the login in the background (pid ${child.pid})`);
  process.exit(0);
}

const timer = setTimeout(() => {
  log(`error: no final page within ${timeoutSeconds} s (KUBEKEY_TEST_BROWSER_TIMEOUT)`);
  writePageOut({ ok: false, error: `timed out after ${timeoutSeconds} s` });
  process.exit(3);
}, timeoutSeconds * 1000);

try {
  const consent = env.KUBEKEY_TEST_CONSENT || 'accept';
  if (!['accept', 'deny'].includes(consent)) {
    throw new Error(`KUBEKEY_TEST_CONSENT="${consent}" must be accept or deny`);
  }
  // Loaded only here: playwright-core takes seconds to import, and the launcher must return fast.
  const { drive } = await import('./lib/drive.mjs');
  const result = await drive(url, {
    executablePath: env.KUBEKEY_TEST_CHROMIUM || '/usr/bin/chromium',
    user: env.KUBEKEY_TEST_USER || undefined,
    password: env.KUBEKEY_TEST_PASSWORD || 'any-password',
    consent,
    screenshot: env.KUBEKEY_TEST_SCREENSHOT || undefined,
    stepTimeoutMs: timeoutSeconds * 1000,
  }, log);
  writePageOut({ ok: true, ...result });
  clearTimeout(timer);
  process.exit(0);
} catch (error) {
  const message = maskText(error.message);
  log(`error: ${message}`);
  writePageOut({ ok: false, error: message });
  process.exit(1);
}
