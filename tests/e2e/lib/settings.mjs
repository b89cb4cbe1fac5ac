// Reads the provider's settings from the command line, an optional JSON file and the environment.
// Precedence, later wins: built-in defaults, --config file, KUBEKEY_TEST_PROVIDER_CONFIG (inline
// JSON), TEST_MODE shortcuts, then the flags --port and --max-seconds.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const TAMPER_MODES = new Set([
  'none', 'wrong-issuer', 'wrong-audience', 'extra-audience-no-azp', 'expired', 'future-iat',
  'wrong-nonce', 'missing-nonce', 'bad-signature', 'alg-none',
]);

const DEFAULTS = {
  port: 0,
  maxSeconds: 600,
  watchStdin: true,
  publicClientId: 'kubekey-public',
  confidentialClientId: 'kubekey-confidential',
  confidentialClientSecret: '',
  confidentialAuthMethod: 'client_secret_post',
  idTokenTtl: 3600,
  accessTokenTtl: 3600,
  refreshTokenTtl: 86400,
  rotateRefreshToken: true,
  pushedAuthorizationRequests: true,
  htmlName: false,
  accounts: {},
  abortError: '',
  abortErrorDescription: '',
  idTokenTamper: 'none',
  idTokenTamperGrant: 'any',
  refreshOmitsIdToken: false,
  callbackState: '',
  callbackIssuer: '',
  https: false,
};

// TEST_MODE is a comma-separated list of shortcuts, handy from a shell.
function testModeSettings(value) {
  const settings = {};
  for (const mode of (value ?? '').split(',').map((m) => m.trim()).filter(Boolean)) {
    if (mode === 'html-name') {
      settings.htmlName = true;
    } else if (mode === 'html-error') {
      settings.abortError = 'access_denied';
      settings.abortErrorDescription = 'Denied <script>alert("x")</script> & <b>bold</b>';
    } else if (mode === 'refresh-omits-id-token') {
      settings.refreshOmitsIdToken = true;
    } else if (mode === 'no-par') {
      settings.pushedAuthorizationRequests = false;
    } else if (mode === 'state-mismatch') {
      settings.callbackState = 'tampered-state';
    } else if (mode === 'wrong-callback-issuer') {
      settings.callbackIssuer = 'https://wrong-issuer.example.test';
    } else if (mode.startsWith('tamper:')) {
      settings.idTokenTamper = mode.slice('tamper:'.length);
    } else {
      throw new Error(`TEST_MODE "${mode}" is unknown; see tests/e2e/README.md for the modes.`);
    }
  }
  return settings;
}

function parseArgs(argv) {
  const flags = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = () => {
      i += 1;
      if (i >= argv.length) {
        throw new Error(`${arg} needs a value.`);
      }
      return argv[i];
    };
    if (arg === '--port') {
      flags.port = Number(next());
    } else if (arg === '--config') {
      flags.configFile = next();
    } else if (arg === '--max-seconds') {
      flags.maxSeconds = Number(next());
    } else if (arg === '--ignore-stdin') {
      flags.watchStdin = false;
    } else if (/^\d+$/.test(arg)) {
      flags.port = Number(arg);
    } else {
      throw new Error(`Argument "${arg}" is unknown; use [--port N|N] [--config FILE] `
        + '[--max-seconds N] [--ignore-stdin].');
    }
  }
  return flags;
}

function readJson(text, origin) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${origin} is not valid JSON (${error.message}); fix the JSON.`);
  }
}

/** Resolves the settings; throws with a one-sentence message on bad input. */
export function loadSettings(argv, env) {
  const { configFile, ...flags } = parseArgs(argv);
  const fromFile = configFile ? readJson(readFileSync(configFile, 'utf8'), configFile) : {};
  const fromEnv = env.KUBEKEY_TEST_PROVIDER_CONFIG
    ? readJson(env.KUBEKEY_TEST_PROVIDER_CONFIG, 'KUBEKEY_TEST_PROVIDER_CONFIG')
    : {};
  const settings = {
    ...DEFAULTS, ...fromFile, ...fromEnv, ...testModeSettings(env.TEST_MODE), ...flags,
  };

  for (const key of Object.keys(settings)) {
    if (!(key in DEFAULTS)) {
      throw new Error(`Setting "${key}" is unknown; the settings are ${Object.keys(DEFAULTS)}.`);
    }
  }
  if (!TAMPER_MODES.has(settings.idTokenTamper)) {
    throw new Error(`idTokenTamper "${settings.idTokenTamper}" is unknown; use one of `
      + `${[...TAMPER_MODES].join(', ')}.`);
  }
  if (!['any', 'authorization_code', 'refresh_token'].includes(settings.idTokenTamperGrant)) {
    throw new Error(`idTokenTamperGrant "${settings.idTokenTamperGrant}" is unknown; use any, `
      + 'authorization_code or refresh_token.');
  }
  for (const key of ['port', 'maxSeconds', 'idTokenTtl', 'accessTokenTtl', 'refreshTokenTtl']) {
    if (!Number.isInteger(settings[key]) || settings[key] < 0 || settings[key] > 10_000_000) {
      throw new Error(`${key} "${settings[key]}" is not a whole number of seconds (or a port).`);
    }
  }
  if (!settings.confidentialClientSecret) {
    settings.confidentialClientSecret = randomBytes(24).toString('base64url');
  }
  return settings;
}
