// Drives headless Debian Chromium through node oidc-provider's dev login and consent pages to
// whatever page the redirect chain ends on, and describes that page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { maskUrl } from './mask.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_STEPS = 10;

async function navigation(page, timeoutMs, action) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: timeoutMs }), action()]);
}

async function step(page, options, log) {
  const loginForm = page.locator('form input[name="prompt"][value="login"]');
  const consentForm = page.locator('form input[name="prompt"][value="consent"]');

  if (await loginForm.count() > 0) {
    const login = page.locator('input[name="login"]');
    const hinted = await login.inputValue();
    const user = options.user ?? (hinted || 'alice');
    log(`login page: signing in as "${user}"`);
    await login.fill(user);
    await page.locator('input[name="password"]').fill(options.password);
    await navigation(page, options.stepTimeoutMs, () => page.click('form button[type="submit"]'));
    return true;
  }
  if (await consentForm.count() > 0) {
    if (options.consent === 'deny') {
      log('consent page: cancelling ("[ Cancel ]" answers access_denied)');
      await navigation(page, options.stepTimeoutMs, () => page.click('a[href$="/abort"]'));
    } else {
      log('consent page: accepting');
      await navigation(page, options.stepTimeoutMs, () => page.click('form button[type="submit"]'));
    }
    return true;
  }
  return false;
}

/**
 * Opens `url`, signs in and answers consent, and returns the final page:
 * { url, status, headers, html, text, blockedRequests }.
 */
export async function drive(url, options, log) {
  const profile = mkdtempSync(join(tmpdir(), 'kubekey-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: options.stepTimeoutMs,
      // The test provider's https mode uses a private CA; this browser only ever visits loopback.
      ignoreHTTPSErrors: true,
    });
    // Nothing leaves the machine: the provider's dev pages import a web font, and a page that
    // loads third-party content must show up in the result rather than reach the network.
    const blockedRequests = [];
    await context.route('**/*', (route) => {
      const target = new URL(route.request().url());
      const offMachine = ['http:', 'https:'].includes(target.protocol)
        && !LOOPBACK_HOSTS.has(target.hostname);
      if (offMachine) {
        const from = maskUrl(route.request().frame().url());
        blockedRequests.push({ url: maskUrl(target.href), from });
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    const page = context.pages()[0] ?? await context.newPage();
    let lastResponse;
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
        lastResponse = response;
      }
    });

    log(`opening ${maskUrl(url)}`);
    await page.goto(url, { waitUntil: 'load', timeout: options.stepTimeoutMs });
    let steps = 0;
    while (await step(page, options, log)) {
      steps += 1;
      if (steps >= MAX_STEPS) {
        throw new Error(`still on the provider's pages after ${MAX_STEPS} steps`);
      }
    }

    const result = {
      url: maskUrl(page.url()),
      status: lastResponse ? lastResponse.status() : null,
      headers: lastResponse ? await lastResponse.allHeaders() : {},
      html: lastResponse ? await lastResponse.text().catch(() => null) : null,
      text: await page.evaluate(() => document.body?.innerText ?? ''),
      blockedRequests,
    };
    if (options.screenshot) {
      await page.screenshot({ path: options.screenshot, fullPage: true });
    }
    log(`final page ${result.url} answered ${result.status}`);
    return result;
  } finally {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}
