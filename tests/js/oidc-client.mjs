// The OpenID Connect tests' client: the certified `openid-client` library talking to a running Host.
// Usage: node oidc-client.mjs <scenario> '<json input>'; prints one JSON line with what it observed.
// Every scenario discovers the server first, as a real client does; the Host speaks plain HTTP on loopback in tests.
import * as client from 'openid-client';

const [scenario, raw] = process.argv.slice(2);
const input = JSON.parse(raw ?? '{}');

async function configuration() {
  const auth = input.clientSecret ? client.ClientSecretBasic(input.clientSecret) : client.None();
  return client.discovery(new URL(input.issuer), input.clientId, undefined, auth, { execute: [client.allowInsecureRequests] });
}

// Protocol errors are answers too: the tests check that a revoked or foreign token is refused.
async function attempt(work) {
  try {
    return await work();
  } catch (error) {
    // A 401 carries the error in its WWW-Authenticate challenge (RFC 6750 §3), which the library hands over as the cause.
    const challenge = Array.isArray(error.cause) ? error.cause.find((c) => c.parameters?.error)?.parameters : undefined;
    return {
      error: error.error ?? challenge?.error ?? error.code ?? error.name,
      description: error.error_description ?? challenge?.error_description ?? error.message,
    };
  }
}

const tokens = (response) => ({
  accessToken: response.access_token,
  refreshToken: response.refresh_token,
  idToken: response.id_token,
  scope: response.scope,
  expiresIn: response.expires_in,
  claims: response.id_token ? response.claims() : undefined,
});

const scenarios = {
  async discover() {
    const config = await configuration();
    const metadata = config.serverMetadata();
    const jwks = await (await fetch(metadata.jwks_uri)).json();
    return { metadata, keys: jwks.keys.map((k) => ({ kty: k.kty, alg: k.alg, use: k.use })) };
  },

  async 'client-credentials'() {
    const config = await configuration();
    return attempt(async () => tokens(await client.clientCredentialsGrant(config, input.scope ? { scope: input.scope } : {})));
  },

  async 'authorization-url'() {
    const config = await configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: input.redirectUri,
      scope: input.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      ...(input.prompt ? { prompt: input.prompt } : {}),
    });
    return { url: url.href, codeVerifier, state };
  },

  async 'exchange-code'() {
    const config = await configuration();
    return attempt(async () => tokens(await client.authorizationCodeGrant(config, new URL(input.callbackUrl),
      { pkceCodeVerifier: input.codeVerifier, expectedState: input.state })));
  },

  async refresh() {
    const config = await configuration();
    return attempt(async () => tokens(await client.refreshTokenGrant(config, input.refreshToken)));
  },

  async revoke() {
    const config = await configuration();
    return attempt(async () => {
      await client.tokenRevocation(config, input.token);
      return { revoked: true };
    });
  },

  async introspect() {
    const config = await configuration();
    return attempt(async () => client.tokenIntrospection(config, input.token));
  },

  async userinfo() {
    const config = await configuration();
    return attempt(async () => client.fetchUserInfo(config, input.accessToken, input.subject));
  },
};

if (!scenarios[scenario]) {
  console.error(`unknown scenario ${scenario}`);
  process.exit(2);
}
console.log(JSON.stringify(await scenarios[scenario]()));
