import type { RequestListener } from 'node:http';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { clipText } from '@featuregates/gates';
import { admissionReview, parseAdmissionReview } from '../admission/review';
import type { Admission, AdmissionController } from '../controllers/admission-controller';
import type { FeaturesView } from '../features-view';
import type { Logger } from '../logger';
import type { WebhookMetrics } from '../metrics';
import type { Readiness } from '../readiness';
import { BODY_LIMIT_BYTES, clientError } from './request-errors';

export interface AppOptions {
  controllers: readonly AdmissionController[];
  metrics: WebhookMetrics;
  logger: Logger;
  readiness: () => Readiness;
  features: () => FeaturesView;
  /** `/certificates`: what is served and when it and its CA expire. */
  certificates?: () => unknown;
}

const JSON_TYPES = ['application/json', 'application/*+json'];

/** At most this many violations go into a rejection's log line; the count says how many there were. */
const LOGGED_VIOLATIONS = 20;

function admissionRoute(controller: AdmissionController, options: AppOptions): RequestHandler {
  const { metrics, logger } = options;
  return (req, res, next) => {
    const started = performance.now();
    if (req.body === undefined) {
      metrics.admission(controller.path, '', 'unknown', 'invalid', (performance.now() - started) / 1000);
      res.status(415).json({ error: 'the body must be JSON with content-type application/json' });
      return;
    }
    const parsed = parseAdmissionReview(req.body);
    if (!parsed.ok) {
      metrics.admission(controller.path, '', 'unknown', 'invalid', (performance.now() - started) / 1000);
      res.status(400).json({ error: parsed.reason });
      return;
    }
    const { request } = parsed;
    const answer = (admission: Admission) => {
      res.json(admissionReview(admission.response));
      const allowed = admission.response.allowed;
      metrics.admission(controller.path, request.kind.kind, request.operation, allowed ? 'allowed' : 'denied', (performance.now() - started) / 1000);
      if (admission.uses.length > 0) metrics.featureUses(admission.uses);
      if (!allowed) {
        logger.info(
          {
            route: controller.path,
            uid: request.uid,
            // Clipped: a request may carry a name of megabytes, and one log line must not.
            kind: clipText(`${request.kind.group ? `${request.kind.group}/` : ''}${request.kind.version}/${request.kind.kind}`),
            operation: request.operation,
            namespace: request.namespace === undefined ? undefined : clipText(request.namespace),
            name: request.name === undefined ? undefined : clipText(request.name),
            violationCount: admission.violations.length,
            violations: admission.violations.slice(0, LOGGED_VIOLATIONS),
          },
          'admission denied',
        );
      }
    };
    // Most decisions are synchronous; only a re-read of the config before a denial waits.
    const admission = controller.admit(request);
    if (admission instanceof Promise) admission.then(answer).catch(next);
    else answer(admission);
  };
}

const methodNotAllowed =
  (allow: string): RequestHandler =>
  (_req, res) => {
    res.set('allow', allow).status(405).json({ error: `use ${allow}` });
  };

/**
 * The webhook's HTTP surface, knowing nothing of any API type: each admission controller is a
 * POST route; health, readiness, metrics and the effective config are GET routes. Typed as a plain
 * request listener so that the public types do not need express's.
 */
export function createApp(options: AppOptions): RequestListener {
  const { metrics, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: BODY_LIMIT_BYTES, type: JSON_TYPES }));

  for (const controller of options.controllers) {
    app.post(controller.path, admissionRoute(controller, options));
    app.all(controller.path, methodNotAllowed('POST'));
  }
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', (_req, res) => {
    const readiness = options.readiness();
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.text());
  });
  app.get('/features', (_req, res) => {
    res.json(options.features());
  });
  const { certificates } = options;
  if (certificates) {
    app.get('/certificates', (_req, res) => {
      res.json(certificates());
    });
  }
  app.use((_req, res) => {
    res.status(404).json({ error: `not found: the routes are POST /validate, POST /validate/config, GET /healthz, /readyz, /metrics, /features${certificates ? ', /certificates' : ''}` });
  });

  const errors: ErrorRequestHandler = (error, req, res, _next) => {
    const known = clientError(error);
    const route = options.controllers.some((controller) => controller.path === req.path) ? req.path : undefined;
    if (route) metrics.admission(route, '', 'unknown', 'invalid', 0);
    if (known) {
      res.status(known.status).json({ error: known.reason });
      return;
    }
    logger.error({ err: error, path: req.path }, 'internal error');
    if (!res.headersSent) res.status(500).json({ error: 'internal error' });
  };
  app.use(errors);
  return app;
}
