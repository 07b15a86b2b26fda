import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { admissionReview, sendReview, type AdmissionAnswer } from '../admission-client';
import { CliError, EXIT, type Io } from '../io';
import { objectLabel, readManifests } from '../manifests';

export interface ReviewOptions {
  server: string;
  ca?: string;
  operation: 'CREATE' | 'UPDATE';
  old?: string;
  output: 'text' | 'json';
}

function validateUrl(server: string): URL {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new CliError(`--server ${server}: not a URL; e.g. --server https://127.0.0.1:8443`, EXIT.usage);
  }
  if (url.protocol !== 'https:') throw new CliError(`--server ${server}: the webhook speaks HTTPS only`, EXIT.usage);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/validate';
  return url;
}

/** Sends the objects in a file to a running webhook as AdmissionReviews: the installer's smoke test. */
export async function review(file: string, options: ReviewOptions, io: Io): Promise<number> {
  const url = validateUrl(options.server);
  if (options.operation === 'UPDATE' && !options.old) throw new CliError('--operation UPDATE needs --old FILE with the objects as they were', EXIT.usage);
  let ca: Buffer | undefined;
  if (options.ca) {
    try {
      ca = readFileSync(isAbsolute(options.ca) ? options.ca : join(io.cwd, options.ca));
    } catch {
      throw new CliError(`--ca ${options.ca}: cannot read the CA certificate`);
    }
  }
  const { objects, errors } = readManifests([file], io.cwd);
  const olds = options.old ? readManifests([options.old], io.cwd).objects : [];
  const oldFor = (object: unknown) => olds.find((old) => objectLabel(old.object) === objectLabel(object))?.object;
  const answers: { label: string; answer?: AdmissionAnswer; error?: string }[] = [];
  for (const { object } of objects) {
    const label = objectLabel(object);
    try {
      answers.push({ label, answer: await sendReview(url, admissionReview(object, options.operation, oldFor(object)), ca) });
    } catch (error) {
      answers.push({ label, error: (error as Error).message });
    }
  }
  if (options.output === 'json') {
    io.out(JSON.stringify({ server: url.href, answers, errors }, null, 2));
  } else {
    for (const error of errors) io.out(`${error.file}: error: ${error.message}`);
    for (const { label, answer, error } of answers) {
      if (error) io.out(`${file}: ${label}: error: ${error}`);
      else if (answer) {
        io.out(`${file}: ${label}: ${answer.allowed ? 'allowed' : `denied: ${answer.message ?? ''}`}`);
        for (const warning of answer.warnings) io.out(`${file}: ${label}: warning: ${warning}`);
      }
    }
  }
  return errors.length > 0 || answers.some(({ answer, error }) => error || !answer?.allowed) ? EXIT.rejected : EXIT.ok;
}
