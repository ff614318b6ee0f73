// The OpenAPI 3.1 document, generated from the app's own routes by hono-openapi (docs/integrations.md "The REST API
// reference"), and the reference page that reads it.
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { version } from '../../../package.json';
import { describer, errorEnvelopeSchema } from './describe';
import { AGENT_DESCRIPTION, API_TOKEN_DESCRIPTION, withScopes } from './scopes';

/**
 * Routes deliberately left out of the document, with why. The drift test (document.test.ts) fails on any other route
 * the document lacks.
 */
export const UNDOCUMENTED: Record<string, string> = {
  'GET /api/dev/outbox': 'local development: the mail the local email provider kept',
  'GET /api/dev/counters': "the bench's counters, 404 unless PARLEY_COUNTERS=1",
  'POST /api/dev/counters/reset': "the bench's counters, 404 unless PARLEY_COUNTERS=1",
};

const SECURITY_SCHEMES = {
  agent: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: AGENT_DESCRIPTION,
  },
  visitor: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "A visitor's token (90 days), from POST /api/widget/session or /continue; the widget routes also check the Origin against the site's allowed origins.",
  },
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description: API_TOKEN_DESCRIPTION,
  },
} as const;

const validationError = () => ({
  description: 'bad_request: the body, query or a path parameter does not match its schema',
  content: {
    'application/json': { schema: errorEnvelopeSchema() },
  },
});

let cached: Promise<unknown> | undefined;

/** The document for `app`, built once per isolate on first request (never at startup: cold starts stay as they were). */
export function openApiDocument(app: Hono<never, never, never>) {
  cached ??= generateSpecs(app as never, {
    documentation: {
      info: {
        title: 'Parley API',
        version,
        description:
          'The REST API of Parley, generated from its routes. Every refusal is `{error:{code,message}}`; realtime frames are in docs/protocol.md.',
      },
      components: { securitySchemes: SECURITY_SCHEMES as never },
    },
    // /api/openapi.json itself would count as a static file.
    excludeStaticFile: false,
    exclude: Object.keys(UNDOCUMENTED).map((k) => k.split(' ')[1]!),
    defaultValidationErrorResponse: validationError() as never,
  })
    .then((doc) => withScopes(doc as never, app))
    .catch((err: unknown) => {
      cached = undefined;
      throw err;
    });
  return cached;
}

const doc = describer('Reference');

/**
 * The reference page's policy: scripts only by this response's nonce (Scalar's one script from jsDelivr, pinned to
 * major 1, and its configuration), requests to this origin only (the document, and "Test request" against this API).
 * Styles need 'unsafe-inline': the page sets inline style attributes, which no nonce can allow (Scalar's own
 * recommendation, scalar/scalar#9422).
 */
const docsCsp = (nonce: string) =>
  [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net",
    "font-src 'self' data: https://cdn.jsdelivr.net",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** GET /openapi.json and GET /docs, mounted on /api: the document lists the whole `app`, so it is passed in. */
export function openApiRoutes(app: Hono<never, never, never>) {
  return new Hono<{ Bindings: Env }>()
    .get(
      '/openapi.json',
      doc({ summary: 'This document: OpenAPI 3.1, generated from the routes', auth: 'public', ok: [200, null] }),
      async (c) => c.json(await openApiDocument(app), 200),
    )
    .get(
      '/docs',
      doc({
        summary: "A readable reference of this document (Scalar's page; its script loads from jsDelivr)",
        auth: 'public',
        ok: [200, null],
        media: 'text/html',
      }),
      async (c, next) => {
        const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
        c.header('Content-Security-Policy', docsCsp(nonce));
        return Scalar({
          url: '/api/openapi.json',
          pageTitle: 'Parley API reference',
          // The single-file build (a nonce allows it), major 1: a breaking release does not change the page.
          cdn: 'https://cdn.jsdelivr.net/npm/@scalar/api-reference@1',
          nonce,
          withDefaultFonts: false,
        })(c as never, next);
      },
    );
}
