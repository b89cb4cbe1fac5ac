// Keeps authorization codes, state and similar one-time values out of logs and reports.

const SECRET_PARAMS = new Set([
  'code', 'state', 'session_state', 'id_token', 'access_token', 'refresh_token', 'nonce',
  'code_challenge', 'code_verifier', 'request_uri',
]);

/** Free text (an error message quoting URLs) with secret parameter values masked. */
export function maskText(text) {
  // Playwright colours its call logs; the escapes are noise in a JSON report.
  return String(text).replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/([?&](?:[a-z_]+))=([^&\s"']*)/gi, (whole, name, _value) => (
      SECRET_PARAMS.has(name.slice(1)) ? `${name}=***` : whole));
}

/** The URL with the values of secret query parameters replaced by "***". */
export function maskUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    return '<unparsable url>';
  }
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAMS.has(name)) {
      url.searchParams.set(name, '***');
    }
  }
  return url.href;
}
