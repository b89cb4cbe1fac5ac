#!/usr/bin/env node
// A stand-in for a Kubernetes API server that trusts one OIDC issuer, for `make demo`:
//   apiserver.mjs --issuer URL --client-id ID [--max-seconds N] [--ignore-stdin]
// It serves HTTPS on 127.0.0.1 (an ephemeral port) with a self-signed certificate made by
// openssl at start-up, and prints one JSON line on stdout once it listens:
//   {"server":"https://127.0.0.1:40124","ca_file":"/tmp/…/ca.crt","pid":1234}
// Every request must carry a bearer ID token whose signature checks against the issuer's JWKS
// and whose iss and aud match; otherwise it answers 401 like the real API server does. It knows
// one call, the SelfSubjectReview behind `kubectl auth whoami`, and answers others with a Status.
// It exits when its stdin closes (unless --ignore-stdin) and after --max-seconds (default 600).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { createRemoteJWKSet, jwtVerify } from 'jose';

const { values: options } = parseArgs({
  options: {
    issuer: { type: 'string' },
    'client-id': { type: 'string' },
    'max-seconds': { type: 'string', default: '600' },
    'ignore-stdin': { type: 'boolean', default: false },
  },
});

function fail(message) {
  process.stderr.write(`apiserver.mjs: error: ${message}\n`);
  process.exit(2);
}

if (!options.issuer || !options['client-id']) {
  fail('--issuer and --client-id are required');
}
const maxSeconds = Number(options['max-seconds']);
if (!Number.isFinite(maxSeconds) || maxSeconds <= 0) {
  fail(`--max-seconds "${options['max-seconds']}" is not a positive number`);
}

const folder = mkdtempSync(join(tmpdir(), 'kubekey-apiserver-'));
const keyFile = join(folder, 'server.key');
const caFile = join(folder, 'ca.crt');
execFileSync('openssl', [
  'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-keyout', keyFile, '-out', caFile, '-days', '1', '-subj', '/CN=kubekey-demo-apiserver',
  '-addext', 'subjectAltName=IP:127.0.0.1',
], { stdio: ['ignore', 'ignore', 'pipe'] });

const discovery = await fetch(`${options.issuer}/.well-known/openid-configuration`)
  .then((response) => response.json())
  .catch((error) => fail(`cannot read the issuer's discovery document: ${error.message}`));
const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));

function send(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function status(code, reason, message) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

async function authenticate(request) {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (!match) {
    return { error: 'no bearer token' };
  }
  try {
    const { payload } = await jwtVerify(match[1], jwks, {
      issuer: options.issuer,
      audience: options['client-id'],
    });
    return { user: payload };
  } catch (error) {
    return { error: error.code ?? error.message };
  }
}

const tls = { key: readFileSync(keyFile), cert: readFileSync(caFile) };
const server = createServer(tls, async (request, response) => {
  const { user, error } = await authenticate(request);
  if (!user) {
    process.stderr.write(`apiserver.mjs: 401 ${request.method} ${request.url}: ${error}\n`);
    send(response, 401, status(401, 'Unauthorized', 'Unauthorized'));
    return;
  }
  process.stderr.write(`apiserver.mjs: ${request.method} ${request.url} as ${user.sub}\n`);
  const review = request.url.startsWith('/apis/authentication.k8s.io/v1/selfsubjectreviews');
  if (request.method === 'POST' && review) {
    send(response, 201, {
      kind: 'SelfSubjectReview',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: new Date().toISOString() },
      status: {
        userInfo: {
          username: `oidc:${user.email ?? user.sub}`,
          groups: ['system:authenticated'],
          extra: { name: [String(user.name ?? '')], iss: [String(user.iss)] },
        },
      },
    });
    return;
  }
  const message = `the demo API server only answers kubectl auth whoami, not ${request.url}`;
  send(response, 404, status(404, 'NotFound', message));
});

function stop() {
  server.close();
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const ready = { server: `https://127.0.0.1:${port}`, ca_file: caFile, pid: process.pid };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
});
setTimeout(stop, maxSeconds * 1000).unref();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (!options['ignore-stdin']) {
  process.stdin.on('end', stop);
  process.stdin.resume();
}
