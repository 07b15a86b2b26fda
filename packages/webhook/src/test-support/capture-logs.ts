import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../logger';

/** A logger whose JSON lines are kept in memory, parsed. */
export function captureLogs(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}
