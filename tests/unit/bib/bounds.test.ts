/**
 * The .bib reader under hostile input: @string concatenation that doubles at each step, braces
 * nested ten thousand deep, a NUL. Each is a located error naming the entry; the other entries
 * are read; the work done stays proportional to the file.
 */
import { describe, expect, test } from 'vitest';
import { MAX_DEPTH } from '../../../src/bib/prescan.js';
import { parseBib } from '../../../src/bib/read.js';

const GOOD = '@misc{good, title={A Good Entry}, author={Doe, Jan}, year=2024}\n';

describe('bounds', () => {
  test('@string macros that double at each step: an error at the first one past the bound, the rest read', () => {
    const lines = ['@string{s0 = "abcdefgh"}'];
    for (let i = 1; i <= 15; i++) lines.push(`@string{s${i} = s${i - 1} # s${i - 1}}`);
    const file = `${lines.join('\n')}\n@misc{bomb, title = s15}\n${GOOD}`;
    const { entries, diagnostics } = parseBib(file);
    expect(entries.map((e) => e.key)).toEqual(['good']);
    // s1 … s11 would add 8 × (2^12 − 2) = 32,752 characters, past twice the file's length and
    // 16,384: s11, on line 12, is the first past the bound.
    expect(diagnostics[0]).toMatchObject({ severity: 'error', path: 's11', line: 12, column: 15 });
    expect(diagnostics[0]!.message).toMatch(/grows too large through @string macros/);
    // s15 and the entry that uses it are past the bound too, and named.
    expect(diagnostics.map((d) => [d.path, d.line])).toEqual([
      ['s11', 12],
      ['s12', 13],
      ['s13', 14],
      ['s14', 15],
      ['s15', 16],
      ['bomb', 17],
    ]);
  });

  test('braces nested 10,000 deep: an error at the brace past the bound, not a stack overflow', () => {
    const file = `${GOOD}@misc{deep, title = ${'{'.repeat(10_000)}x${'}'.repeat(10_000)}}\n${GOOD.replace('good', 'after')}`;
    const { entries, diagnostics } = parseBib(file);
    expect(entries.map((e) => e.key)).toEqual(['good', 'after']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      path: 'deep',
      line: 2,
      column: 21 + MAX_DEPTH,
    });
    expect(diagnostics[0]!.message).toMatch(/nests braces more than 100 deep/);
    expect(diagnostics[0]!.message.length).toBeLessThan(300);
  });

  test('a NUL: a located error naming the entry, the other entries read', () => {
    const file = `${GOOD}@misc{nul, title = {A\0B}}\n${GOOD.replace('good', 'after')}`;
    const { entries, diagnostics } = parseBib(file);
    expect(entries.map((e) => e.key)).toEqual(['good', 'after']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', path: 'nul', line: 2, column: 22 }),
    ]);
    expect(diagnostics[0]!.message).toMatch(/NUL character/);
  });
});
