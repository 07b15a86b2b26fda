import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout (or `destination`), ISO times, the level as a word. */
export function createLogger(destination?: DestinationStream, level = 'info'): Logger {
  const options = {
    level,
    base: { name: 'featuregates-webhook' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}
