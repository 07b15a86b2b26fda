export * from './types';
export { addMonths, isIsoDate, monthsBetween, today } from './dates';
export { compareVersions, isVersion } from './versions';
export { canonicalJson } from './canonical-json';
export { snapshotOf, emptySnapshot, type SnapshotOptions } from './snapshot';
export { featureRef, flagRef, stableKindsOf } from './refs';
export { BETA_MONTHS, V1_MONTHS, featureWindow, flagWindow, levelWindow, earliestAfter, type Window } from './windows';
export { diffSnapshots, eventId, eventSubject } from './diff';
export { checkPolicy } from './policy';
export { checkReleaseDates } from './release-history';
export { bumpVersion, bumpShortfall, describeShortfall, changelogSection, unrecordedInChangelog, type BumpShortfall } from './version-bump';
export * as messages from './messages';
export { RULES, describeEvent, formatViolation, earliestText } from './messages';
export { bumpFor, highestBump } from './bump';
export { SECTIONS, sectionOf, headingOf, groupBySection, type Section } from './sections';
export { entryText, kindsText, bundlesText, featureFlagText } from './entries';
export {
  changesetFileName,
  renderChangeset,
  parseChangeset,
  parseSummary,
  planChangesets,
  eventsWithoutChangeset,
  readChangesetDir,
  applyChangesetPlan,
  type ParsedChangeset,
  type ChangesetPlan,
} from './changeset-writer';
export { getReleaseLine, getDependencyReleaseLine, renderGroup, findChangesetDir } from './changelog';
export { renderReleaseNotes, bundleDefaultLevel, concernsBundle, BUNDLES, type NotesInput } from './release-notes';
export { renderDocs, DOCS_PATH } from './docs';
export { listReleases, readSnapshot, latestSnapshot, previousSnapshot, writeSnapshot, snapshotPath, notesPath, SNAPSHOT_FILE, NOTES_FILE } from './releases-dir';
export { findWorkspacePackage, type WorkspacePackage } from './workspace';
export { loadCatalog, registryIn } from './load-catalog';
export * from './release-steps';
export { bundleParts, type BundleEntry, type BundlePart } from './release-notes';
export type { NoteClaim, ClaimConfig } from './notes-claims';
export { falseClaims, claimProblems, rebuiltDisagreements, decide, bundleConfig, type UseDecision } from './check-claims';
export { registryFromSnapshot, objectAt, parseKindLabel } from './rebuild-registry';
export { laterOf } from './diff';
export { pathsText, gatesText, removedText, pinText } from './entries';
