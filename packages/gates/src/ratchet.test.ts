import { findUses } from './find-uses';
import { PathTable } from './path-table';
import { ratchetedUses } from './ratchet';
import { fixture, widget } from './test-support/fixture';

const fanOut = (value: string) => ({ name: 'p', fanOut: { params: [{ name: 'x', value: [value] }] } });

describe('ratchetedUses', () => {
  it('keeps the uses the old object had for the same feature at the same path with an equal value', () => {
    const paths = new PathTable();
    const updated = findUses(fixture, widget({ parts: [fanOut('1'), fanOut('2'), fanOut('3')], turbo: true }), undefined, paths);
    const old = findUses(fixture, widget({ parts: [fanOut('1'), fanOut('9')], child: { parts: [fanOut('3')] }, turbo: true }), undefined, paths);
    const kept = ratchetedUses(updated, old);
    expect(updated.filter((use) => kept.has(use)).map((use) => use.path)).toEqual(['spec.parts[0].fanOut', 'spec.turbo']);
  });
});
