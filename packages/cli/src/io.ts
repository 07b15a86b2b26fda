/** Where a command writes: the process's streams in `main`, buffers in tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

/**
 * A stream that stops being written once its reader has gone (`featuregates check … | head`): the
 * EPIPE is not an error to report, and the command still ends with its own exit code.
 */
function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  let listening = false;
  return (line) => {
    if (closed) return;
    if (!listening) {
      listening = true;
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
      });
    }
    stream.write(`${line}\n`);
  };
}

export const processIo: Io = {
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
  cwd: process.cwd(),
};

/** Exit codes of every command: 0 ok, 1 rejected or invalid, 2 usage error. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

/** A user error with a message that says what to do; exits 1 (or 2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.rejected,
  ) {
    super(message);
  }
}
