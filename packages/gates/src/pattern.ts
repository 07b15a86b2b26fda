/** A catalog pattern compiled for matching, or why it cannot be. */
export type CompiledPattern = { ok: true; test(text: string): boolean } | { ok: false; message: string };

/** Compiles a catalog's `pattern` matcher; every pattern a catalog holds goes through here. */
export function compilePattern(pattern: string, flags?: string): CompiledPattern {
  try {
    const regex = new RegExp(pattern, flags);
    return { ok: true, test: (text) => regex.test(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
