import { relative } from 'node:path';
import { Option, type Command } from 'commander';
import {
  bumpFor,
  checkReport,
  createReleaseContext,
  DEFAULTS,
  describeEvent,
  releaseChangesets,
  releaseCheck,
  releaseDiff,
  releaseNotes,
  releaseSnapshot,
  ReleaseError,
  RULES,
  notesPath,
  staleReleaseNotes,
  type ContextOptions,
} from '@featuregates/release';
import { CATALOG_HELP } from '../catalog-option';
import { CliError, EXIT, type Io } from '../io';
import { releasePackageOf, type ProjectSource } from '../project/load-project';

interface SharedOptions {
  catalog?: string;
  releases?: string;
  changesetDir?: string;
  package?: string;
  date?: string;
}

/** The options every release command takes, with the workspace's defaults. */
function shared(command: Command): Command {
  return command
    .option('--date <YYYY-MM-DD>', 'the release date the policy counts windows to (default: today, UTC)')
    .option('--catalog <module>', CATALOG_HELP)
    .option('--releases <dir>', `where released snapshots live (default: "featuregates".releases, else ${DEFAULTS.releases})`)
    .option('--changeset-dir <dir>', `the changesets directory (default: "featuregates".changesetDir, else ${DEFAULTS.changesetDir})`)
    .option('--package <name>', 'the package that holds the catalog: its version is the release version (default: "featuregates".package, else the package whose sources hold the catalog)');
}

function context(source: ProjectSource, io: Io, options: SharedOptions) {
  const loaded = source(options.catalog);
  const packageName = options.package ?? releasePackageOf(loaded);
  if (!packageName) throw new CliError('which package is released? pass --package NAME, or set "featuregates".package in package.json');
  const input: ContextOptions = {
    cwd: io.cwd,
    registry: loaded.registry,
    packageName,
    releases: options.releases ?? loaded.settings.releases ?? DEFAULTS.releases,
    changesetDir: options.changesetDir ?? loaded.settings.changesetDir ?? DEFAULTS.changesetDir,
    ...(options.date ? { date: options.date } : {}),
  };
  return createReleaseContext(input);
}

/** Runs a command body; a ReleaseError becomes the CLI's user error (exit 1). */
function guarded(body: () => number): number {
  try {
    return body();
  } catch (error) {
    if (error instanceof ReleaseError) throw new CliError(error.message);
    throw error;
  }
}

const shown = (io: Io, path: string) => relative(io.cwd, path);

/** `featuregates release diff|check|changeset|snapshot|notes`: parse, call @featuregates/release, print. */
export function registerRelease(program: Command, source: ProjectSource, io: Io, setExitCode: (code: number) => void): void {
  const release = program.command('release').description('Release tooling: snapshots and diffs, the compatibility policy check, changesets, release notes.');

  shared(release.command('diff'))
    .description('What changed since a release (the latest by default), as typed events.')
    .option('--from <version>', 'compare with this release instead of the latest')
    .addOption(new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text'))
    .action((options: SharedOptions & { from?: string; output: string }) =>
      setExitCode(
        guarded(() => {
          const { from, to, events } = releaseDiff(context(source, io, options), options.from);
          if (options.output === 'json') {
            io.out(JSON.stringify({ from: { version: from.version, date: from.date }, to: { version: to.version, date: to.date }, events: events.map((event) => ({ ...event, bump: bumpFor(event) })) }, null, 2));
          } else {
            io.out(events.length === 0 ? `no changes since ${from.version} (${from.date})` : `${events.length} change(s) since ${from.version} (${from.date}):`);
            for (const event of events) io.out(`  ${bumpFor(event)}: ${describeEvent(event)}`);
          }
          return EXIT.ok;
        }),
      ),
    );

  shared(release.command('check'))
    .description(`Fails when the changes since the latest release break the compatibility policy, naming the rule and when it would be allowed; every change must have a changeset. Rules:\n${Object.entries(RULES).map(([rule, text]) => `  ${rule}: ${text}`).join('\n')}`)
    .addOption(new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text'))
    .action((options: SharedOptions & { output: string }) =>
      setExitCode(
        guarded(() => {
          const ctx = context(source, io, options);
          const result = releaseCheck(ctx);
          const lines = checkReport(result, ctx);
          if (options.output === 'json') {
            io.out(JSON.stringify({ ok: result.ok, from: result.from.version, date: ctx.date, violations: result.violations, unrecorded: result.unrecorded, unfrozen: result.unfrozen ?? null, changed: result.changed, lines }, null, 2));
          } else {
            for (const line of lines) io.out(line);
            io.err(`release check at ${ctx.date}: ${result.events.length} change(s) since ${result.from.version} (${result.from.date}), ${lines.length} problem(s)${result.ok ? ': the policy holds' : ''}`);
          }
          return result.ok ? EXIT.ok : EXIT.rejected;
        }),
      ),
    );

  shared(release.command('changeset'))
    .description('Writes one changeset per change since the latest release, with the bump the policy implies; removes generated ones whose change is gone.')
    .option('--dry-run', 'print what would be written')
    .action((options: SharedOptions & { dryRun?: boolean }) =>
      setExitCode(
        guarded(() => {
          const ctx = context(source, io, options);
          const { events, plan } = releaseChangesets(ctx, { dryRun: options.dryRun === true });
          const verb = options.dryRun ? 'would write' : 'wrote';
          for (const { file } of plan.write) io.out(`${verb} ${shown(io, `${ctx.changesetDir}/${file}`)}`);
          for (const file of plan.remove) io.out(`${options.dryRun ? 'would remove' : 'removed'} ${shown(io, `${ctx.changesetDir}/${file}`)} (its change is gone)`);
          io.err(events.length === 0 ? 'no changes since the latest release: no changeset to write' : `${events.length} change(s): ${plan.write.length} changeset(s) written, ${plan.unchanged.length} unchanged`);
          return EXIT.ok;
        }),
      ),
    );

  shared(release.command('snapshot'))
    .description('Freezes the catalog as a release (after `npx changeset version`): releases/<version>/features.json and RELEASE_NOTES.md.')
    .option('--version <version>', 'the release version (default: the catalog package\'s version)')
    .action((options: SharedOptions & { version?: string }) =>
      setExitCode(
        guarded(() => {
          const result = releaseSnapshot(context(source, io, options), options.version ? { version: options.version } : {});
          const state = result.written ? 'froze' : 'already frozen:';
          io.out(`${state} release ${result.snapshot.version} (${result.snapshot.date}), ${result.events.length} change(s): ${shown(io, result.snapshotFile)}, ${shown(io, result.notesFile)}`);
          return EXIT.ok;
        }),
      ),
    );

  shared(release.command('notes'))
    .description('Writes RELEASE_NOTES.md of a released version beside its snapshot; without --version, prints a preview for the working tree; --check regenerates every release\'s notes and fails on a difference.')
    .option('--version <version>', 'a released version')
    .option('--check', 'exit 1 when a released version\'s RELEASE_NOTES.md differs from a fresh generation')
    .action((options: SharedOptions & { version?: string; check?: boolean }) =>
      setExitCode(
        guarded(() => {
          if (options.check) {
            const ctx = context(source, io, options);
            const stale = staleReleaseNotes(ctx);
            for (const version of stale) io.err(`${shown(io, notesPath(ctx.releasesDir, version))} is stale (it differs from a fresh generation from the snapshots): run featuregates release notes --version ${version}, then commit it`);
            if (stale.length === 0) io.out('release notes are fresh');
            return stale.length === 0 ? EXIT.ok : EXIT.rejected;
          }
          const { text, file } = releaseNotes(context(source, io, options), options.version);
          if (file) io.out(`wrote ${shown(io, file)}`);
          else io.out(text.trimEnd());
          return EXIT.ok;
        }),
      ),
    );
}
