// A real OpenID provider (node oidc-provider) on 127.0.0.1 for kubekey's end-to-end tests.
// Usage: node provider.mjs [--port N | N] [--config FILE] [--max-seconds N] [--ignore-stdin]
// Prints one JSON line on stdout when it listens; everything else goes to stderr. It exits when
// stdin closes (unless --ignore-stdin) and after --max-seconds (default 600) in any case.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { accountFinder } from './lib/accounts.mjs';
import { abortFaults, callbackFaults, tokenFaults } from './lib/faults.mjs';
import { rsaPrivateKey } from './lib/keys.mjs';
import { loadSettings } from './lib/settings.mjs';

// oidc-provider prints notices with console.info, i.e. on stdout, which belongs to the ready
// line alone.
console.info = (...args) => console.error(...args);
console.log = (...args) => console.error(...args);

function fail(message) {
  process.stderr.write(`provider: error: ${message}\n`);
  process.exit(2);
}

let settings;
try {
  settings = loadSettings(process.argv.slice(2), process.env);
} catch (error) {
  fail(error.message);
}

// Exit on its own: tests that crash must not leave servers behind.
setTimeout(() => {
  process.stderr.write(`provider: max lifetime of ${settings.maxSeconds} s reached, exiting\n`);
  process.exit(0);
}, settings.maxSeconds * 1000).unref();
if (settings.watchStdin) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('close', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}

const { default: Provider } = await import('oidc-provider');

// With https, a certificate for 127.0.0.1 from a CA no system trusts, as a company's private CA
// would be: clients must be told to trust its ca_file.
let caFile;
let server;
if (settings.https) {
  const folder = mkdtempSync(join(tmpdir(), 'kubekey-provider-'));
  const keyFile = join(folder, 'server.key');
  caFile = join(folder, 'ca.crt');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', caFile, '-days', '1', '-subj', '/CN=kubekey-test-provider',
    '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  server = createHttpsServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) });
} else {
  server = createHttpServer();
}
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(settings.port, '127.0.0.1', resolve);
}).catch((error) => fail(`cannot listen on 127.0.0.1:${settings.port} (${error.code}); `
  + 'pick another port or pass 0 for an ephemeral one.'));
const issuer = `${settings.https ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;

const privateKey = rsaPrivateKey();
const signingJwk = {
  ...privateKey.export({ format: 'jwk' }),
  kid: randomBytes(8).toString('hex'),
  alg: 'RS256',
  use: 'sig',
};

// Native clients: oidc-provider accepts any port on a registered loopback redirect (RFC 8252
// §7.3), so one registration serves every ephemeral listener.
const redirectUris = ['http://127.0.0.1/callback', 'http://localhost/callback'];
const grantTypes = ['authorization_code', 'refresh_token'];
const clients = [
  {
    client_id: settings.publicClientId,
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    redirect_uris: redirectUris,
    grant_types: grantTypes,
    response_types: ['code'],
  },
  {
    client_id: settings.confidentialClientId,
    client_secret: settings.confidentialClientSecret,
    application_type: 'native',
    token_endpoint_auth_method: settings.confidentialAuthMethod,
    redirect_uris: redirectUris,
    grant_types: grantTypes,
    response_types: ['code'],
  },
];

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [signingJwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  findAccount: accountFinder(settings),
  // Without this, ID tokens carry only sub and the protocol claims (REFERENCE.md §6).
  conformIdTokenClaims: false,
  scopes: ['openid', 'offline_access', 'profile', 'email'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username', 'picture'],
    email: ['email', 'email_verified'],
  },
  features: {
    devInteractions: { enabled: true },
    pushedAuthorizationRequests: { enabled: settings.pushedAuthorizationRequests },
    revocation: { enabled: true },
  },
  pkce: { required: () => true },
  rotateRefreshToken: () => settings.rotateRefreshToken,
  ttl: {
    AccessToken: settings.accessTokenTtl,
    AuthorizationCode: 60,
    IdToken: settings.idTokenTtl,
    RefreshToken: settings.refreshTokenTtl,
    Grant: settings.refreshTokenTtl,
    Interaction: 600,
    Session: 3600,
  },
});

provider.use(abortFaults(settings, provider));
provider.use(callbackFaults(settings, issuer));
provider.use(tokenFaults(settings, privateKey));
provider.on('server_error', (_ctx, error) => process.stderr.write(`provider: ${error.stack}\n`));

server.on('request', provider.callback());
const confidential = {
  client_id: settings.confidentialClientId,
  client_secret: settings.confidentialClientSecret,
  token_endpoint_auth_method: settings.confidentialAuthMethod,
};
process.stdout.write(`${JSON.stringify({
  issuer,
  pid: process.pid,
  public_client_id: settings.publicClientId,
  confidential_client: confidential,
  ...(caFile ? { ca_file: caFile } : {}),
})}\n`);
