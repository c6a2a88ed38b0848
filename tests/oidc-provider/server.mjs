// A real OpenID provider (oidc-provider, an OpenID-certified implementation) for the
// client-credentials test of sdk-core (sdk-core/tests/oidc.rs).
//
//   node server.mjs [PORT]        (or OIDC_PORT=PORT; 0 or nothing: any free port)
//
// Listens on 127.0.0.1 over plain HTTP and prints the port it chose on stdout, alone on one
// line (oidc-provider's own notices may print other lines around it). Stops when stdin
// closes, so a test that dies does not leave it behind.
//
// Routes, in the Keycloak shape that the AXP token URL has:
//   POST /auth/realms/ABCDEF/protocol/openid-connect/token             the token endpoint
//   POST /auth/realms/ABCDEF/protocol/openid-connect/token/introspect  RFC 7662 introspection
//   GET  /stats   what the token endpoint was asked: {"token_requests": n,
//                 "issued": {client_id: n}, "failed": {client_id: n}, "errors": {code: n}}

import { createServer } from 'node:http';
import { once } from 'node:events';

import Provider, { errors } from 'oidc-provider';

const ACCOUNT_ID = 'ABCDEF';
const REALM = `/auth/realms/${ACCOUNT_ID}`;
const TOKEN_PATH = `${REALM}/protocol/openid-connect/token`;
const INTROSPECTION_PATH = `${TOKEN_PATH}/introspect`;

// The resource indicator (RFC 8707) the provider knows, and what a token for it carries.
const RESOURCE = 'https://api.example.test/voice';

const SCOPES = 'voice-admin numbers';

// RFC 6749 appendix A.2 limits a client secret to printable ASCII (VSCHAR), and
// oidc-provider enforces it: this one holds the characters that form-encoding changes.
const SPECIAL_SECRET = 'Pa+ss/wo:rd %2F 100%&=?#~';

// Every client may use the client-credentials grant only.
function client(id, secret, method) {
  return {
    client_id: id,
    client_secret: secret,
    token_endpoint_auth_method: method,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: SCOPES,
  };
}

const CLIENTS = [
  client('basic-client', 'basic-secret-0123456789', 'client_secret_basic'),
  client('post-client', 'post-secret-0123456789', 'client_secret_post'),
  client('special-client', SPECIAL_SECRET, 'client_secret_basic'),
  client('special-post-client', SPECIAL_SECRET, 'client_secret_post'),
  // Short-lived tokens (TTL below): the tests of concurrency and renewal.
  client('short-client', 'short-secret-0123456789', 'client_secret_basic'),
  client('renewal-client', 'renewal-secret-0123456789', 'client_secret_basic'),
  // The API server's own client: it introspects the tokens it is sent.
  client('api-server', 'api-server-secret-0123456789', 'client_secret_basic'),
];

// Access-token lifetimes in seconds. `exp` is whole seconds (oidc-provider floors the
// issue time), so a token may end up to 1 s before `expires_in` says.
const TTL = { 'short-client': 2, 'renewal-client': 3 };
const DEFAULT_TTL = 300;

const stats = { token_requests: 0, issued: {}, failed: {}, errors: {} };

function bump(map, key) {
  map[key] = (map[key] ?? 0) + 1;
}

const requested = process.argv[2] ?? process.env.OIDC_PORT ?? '0';
const port = Number.parseInt(requested, 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`not a port: ${requested}`);
  process.exit(2);
}

let provider;
const server = createServer((req, res) => {
  const path = (req.url ?? '').split('?')[0];
  if (req.method === 'GET' && path === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
    return;
  }
  if (path === TOKEN_PATH) stats.token_requests += 1;
  provider.callback()(req, res);
});
server.listen(port, '127.0.0.1');
await once(server, 'listening');
const { port: chosen } = server.address();

provider = new Provider(`http://127.0.0.1:${chosen}${REALM}`, {
  clients: CLIENTS,
  routes: {
    token: TOKEN_PATH,
    introspection: INTROSPECTION_PATH,
  },
  scopes: ['openid', 'offline_access', 'voice-admin', 'numbers'],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => undefined,
      useGrantedResource: () => false,
      getResourceServerInfo(ctx, resourceIndicator) {
        if (resourceIndicator !== RESOURCE) throw new errors.InvalidTarget();
        return {
          scope: 'voice-admin',
          audience: RESOURCE,
          accessTokenFormat: 'opaque',
        };
      },
    },
  },
  ttl: {
    ClientCredentials(ctx, token, c) {
      return TTL[c.clientId] ?? DEFAULT_TTL;
    },
  },
  // Two facts of each token request, kept in the token so that a test reads them back
  // through introspection:
  // - `client_auth_method_used`: oidc-provider takes a client's secret by either shared-secret
  //   method, whichever one the client is registered with, so that is how a test tells
  //   which one a request used;
  // - `requested_audience`: `audience` (the parameter some providers take instead of
  //   RFC 8707's `resource`) is no parameter oidc-provider knows, so it never reaches the
  //   grant; the raw form body still holds it.
  async extraTokenClaims(ctx) {
    const claims = {
      client_auth_method_used: ctx.headers.authorization === undefined
        ? 'client_secret_post'
        : 'client_secret_basic',
    };
    const audience = ctx.oidc?.body?.audience;
    if (typeof audience === 'string') claims.requested_audience = audience;
    return claims;
  },
});
provider.on('grant.success', (ctx) => bump(stats.issued, ctx.oidc.client?.clientId ?? '?'));
provider.on('grant.error', (ctx, err) => {
  bump(stats.failed, ctx.oidc?.client?.clientId ?? '?');
  bump(stats.errors, err.error ?? err.name);
});

process.stdout.write(`${chosen}\n`);

process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
