import type { HistoryEntry, Stability } from '@featuregates/gates';

/** Tekton Pipelines release dates (the tag's commit date), so history and policy windows are exact. */
export const RELEASE_DATES: Readonly<Record<string, string>> = {
  'v0.11.0': '2020-03-30', 'v0.13.0': '2020-06-05', 'v0.17.0': '2020-10-06', 'v0.18.0': '2020-11-09',
  'v0.19.0': '2020-12-07', 'v0.24.0': '2021-05-10', 'v0.26.0': '2021-07-12', 'v0.27.0': '2021-08-12',
  'v0.28.0': '2021-09-16', 'v0.33.0': '2022-02-17', 'v0.34.0': '2022-03-21', 'v0.35.0': '2022-04-26',
  'v0.38.0': '2022-07-25', 'v0.39.0': '2022-08-18', 'v0.41.0': '2022-10-31', 'v0.42.0': '2022-11-22',
  'v0.43.0': '2022-12-22', 'v0.44.0': '2023-01-24', 'v0.45.0': '2023-02-17', 'v0.46.0': '2023-03-17',
  'v0.47.0': '2023-04-24', 'v0.48.0': '2023-05-24', 'v0.49.0': '2023-06-20', 'v0.50.0': '2023-07-25',
  'v0.51.0': '2023-08-22', 'v0.52.0': '2023-09-20', 'v0.53.0': '2023-10-26', 'v0.54.0': '2023-11-24',
  'v0.55.0': '2023-12-20', 'v0.58.0': '2024-03-20', 'v0.59.0': '2024-04-25', 'v0.60.0': '2024-05-22',
  'v0.61.0': '2024-06-24', 'v0.62.0': '2024-07-25', 'v0.69.0': '2025-03-06', 'v0.70.0': '2025-03-25',
  'v1.0.0': '2025-04-29', 'v1.3.0': '2025-07-31', 'v1.13.0': '2026-05-29', 'v1.15.0': '2026-07-31',
};

type Event = HistoryEntry['event'];

/** A history entry at a Tekton release, dated from the table above. */
export function at(release: string, event: Event, extra: { stability?: Stability; default?: string | number | boolean; note?: string } = {}): HistoryEntry {
  const date = RELEASE_DATES[release];
  return { release, ...(date ? { date } : {}), event, ...extra };
}
