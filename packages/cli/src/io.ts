/** Where a command writes: the process's streams in `main`, buffers in tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
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
