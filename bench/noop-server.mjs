// The floor for this stack: express 5 over node:https with the same TLS, body limit and JSON
// parsing as the webhook, answering every AdmissionReview with allowed: true.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import express from 'express';

const [certFile, keyFile] = process.argv.slice(2);
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json({ limit: 3 * 1024 * 1024 }));
app.post('/validate', (req, res) => {
  res.json({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: req.body.request.uid, allowed: true } });
});
const server = createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile), minVersion: 'TLSv1.2' }, app);
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ msg: 'listening', port: server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
