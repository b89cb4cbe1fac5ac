// Every login name typed into the dev login form is an account. Its claims are derived from the
// name so tests can predict them; tests/KubeKey.EndToEnd.Tests/Support/OidcProvider.cs mirrors
// this derivation (ExpectedClaims) and the harness tests prove both agree.

function displayName(login) {
  return login.charAt(0).toUpperCase() + login.slice(1);
}

/** The claims of `login`: derived defaults, the HTML name switch, then per-account overrides. */
export function claimsFor(login, settings) {
  const name = settings.htmlName
    ? `<b>${displayName(login)}</b> & "<i>co</i>"`
    : `${displayName(login)} Example`;
  return {
    sub: login,
    name,
    preferred_username: login,
    email: `${login}@example.test`,
    email_verified: true,
    // A reserved name that never resolves: a page that loads it leaks nothing anywhere.
    picture: `https://pictures.example.test/${encodeURIComponent(login)}.png`,
    ...(settings.accounts[login] ?? {}),
  };
}

/** The findAccount hook of oidc-provider. */
export function accountFinder(settings) {
  return async (_ctx, id) => ({
    accountId: id,
    claims: async () => claimsFor(id, settings),
  });
}
