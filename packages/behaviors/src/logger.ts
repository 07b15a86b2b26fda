/** Where the switches report: deprecations, rejected configs, failing listeners. */
export interface Logger {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** JSON lines on stderr, the format the webhook logs in. */
export const jsonLogger: Logger = {
  warn: (message, fields) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message, ...fields })}\n`),
  error: (message, fields) => process.stderr.write(`${JSON.stringify({ level: 'error', msg: message, ...fields })}\n`),
};
