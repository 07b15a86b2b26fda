import { MAX_CONFIG_KEY_LENGTH } from './limits';

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("feilds" → "fields" is 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

function tokenOverlap(a: string, b: string): number {
  const left = new Set(a.split(/[-_.]/));
  const right = new Set(b.split(/[-_.]/));
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / new Set([...left, ...right]).size;
}

/**
 * The closest candidate: by edit distance within a limit that scales with the word, or else by
 * shared dash-separated words ("keep-pod-enabled-cancel" → "keep-pod-on-cancel"); undefined when
 * nothing is close enough to be a safe guess. Bounded: a word longer than any key Kubernetes
 * allows gets no suggestion, and a candidate whose length alone differs by more than the limit is
 * never aligned, so the work is at most O(word × candidate) for each of a few close candidates.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_CONFIG_KEY_LENGTH) return undefined;
  const lowered = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  let byTokens: string | undefined;
  let bestOverlap = 0.6;
  for (const candidate of candidates) {
    if (candidate.length > MAX_CONFIG_KEY_LENGTH) continue;
    // The edit distance is at least the difference in length.
    const distance = Math.abs(candidate.length - word.length) > limit ? Infinity : editDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
    const overlap = tokenOverlap(lowered, candidate.toLowerCase());
    if (overlap >= bestOverlap) {
      byTokens = candidate;
      bestOverlap = overlap;
    }
  }
  return bestDistance <= limit ? best : byTokens;
}
