import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readBlt } from './blt.helpers.ts';
import { countRanked } from './count.ts';
import { ers97Quota } from './ers97.ts';
import { lotOrder } from './lot.ts';
import { renderSheet } from './render.ts';
import type { CountInput, ResultSheet } from './types.ts';

const seed = '5a'.repeat(32);
const data = (name: string) => fileURLToPath(new URL(`../test-data/${name}`, import.meta.url));

function sheet(input: Omit<CountInput, 'seed'> & { seed?: string }): ResultSheet {
  const r = countRanked({ seed, ...input });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** test-data/`name` (a .blt file) counted by STV under `rules`: the file read, and its sheet. */
function stvSheetOf(name: string, rules: 'ers97' | 'meek') {
  const b = readBlt(data(name));
  const s = sheet({
    method: 'stv',
    rules,
    seats: b.seats,
    candidates: b.candidates,
    rankings: b.rankings,
  });
  return { b, s };
}

function copies(...groups: [number, number[]][]): number[][] {
  return groups.flatMap(([n, ranking]) => Array.from({ length: n }, () => ranking));
}

/** The single transferable vote example of Wikipedia's "Single transferable vote" article. */
const FOOD = ['Oranges', 'Pears', 'Chocolate', 'Strawberries', 'Hamburgers'];
const food = copies([4, [0]], [2, [1, 0]], [8, [2, 3]], [4, [2, 4]], [1, [3]], [1, [4]]);

describe('ERS97 STV', () => {
  it('5.1.6: the quota is V/(n+1) to two places, plus 0.01 unless exact', () => {
    assert.equal(ers97Quota(2000n, 3), 500n);
    assert.equal(ers97Quota(67_900n, 7), 8488n); // 84.875 → 84.87 + 0.01
    assert.equal(ers97Quota(67_700n, 7), 8463n); // 84.625 → 84.62 + 0.01
  });

  it('counts the food example stage by stage in hundredths (worked by hand from the rules)', () => {
    const s = sheet({ method: 'stv', rules: 'ers97', seats: 3, candidates: 5, rankings: food });
    assert.deepEqual(
      s.stages.map((x) => [x.action, x.votes, x.nonTransferable, x.quota, x.elected]),
      [
        [{ type: 'first' }, ['4.00', '2.00', '12.00', '1.00', '1.00'], '0.00', '5.00', [2]],
        // 7 over 12 papers: 0.58 each (5.3.7); 0.04 lost to the neglected remainder.
        [
          { type: 'surplus', candidate: 2 },
          ['4.00', '2.00', '5.00', '5.64', '3.32'],
          '0.04',
          '5.00',
          [3],
        ],
        // Strawberries' 0.64 is deferred (5.2.2a: less than 3.32 − 2.00).
        [
          { type: 'exclude', candidates: [1], batch: '1.00' },
          ['6.00', '0.00', '5.00', '5.64', '3.32'],
          '0.04',
          '5.00',
          [0],
        ],
      ]
    );
    assert.deepEqual(
      s.elected.map((c) => FOOD[c]),
      ['Chocolate', 'Strawberries', 'Oranges']
    );
  });

  it('5.6.2: equal votes over the quota with one place left go to the higher vote at the first stage (Droop 42.blt)', () => {
    const { b, s } = stvSheetOf('42.blt', 'ers97');
    assert.deepEqual(
      s.elected.map((c) => b.names[c]),
      ['Castor', 'Helen']
    );
  });

  it('elects at the first stage everyone at the quota, exactly reached (Droop 513.blt)', () => {
    const { b, s } = stvSheetOf('513.blt', 'ers97');
    assert.equal(s.stages.length, 1);
    assert.deepEqual(s.stages[0]?.votes, ['5.00', '1.00', '3.00']);
    assert.deepEqual(
      s.elected.map((c) => b.names[c]),
      ['Castor', 'Helen']
    );
  });

  it('5.6.2: two at the quota for the last place: the higher at the first stage is elected, and the sheet says why', () => {
    // Quota 3.00. A's 3.00 surplus goes at 0.50 to 2 papers for B and 4 for C: B 2 + 1, C 1 + 2.
    const rankings = copies([2, [0, 1]], [4, [0, 2]], [2, [1]], [1, [2]]);
    const s = sheet({ method: 'stv', rules: 'ers97', seats: 2, candidates: 3, rankings });
    assert.deepEqual(s.stages[1]?.votes, ['3.00', '3.00', '3.00']);
    assert.deepEqual(s.stages[1]?.ties, [
      { for: 'elect', among: [1, 2], by: 'earlier-stages', chosen: [1] },
    ]);
    assert.deepEqual(s.elected, [0, 1]);
  });

  it('elects on Wichmann’s M135 validation ballots the seven Meek elects, keeping every hundredth', () => {
    const { b, s } = stvSheetOf('M135.blt', 'ers97');
    assert.equal(s.ballots, 677);
    assert.equal(s.blank, 2);
    assert.deepEqual(s.elected.map((c) => b.names[c]).sort(), [
      'C1',
      'C10',
      'C2',
      'C3',
      'C4',
      'C6',
      'C9',
    ]);
    for (const stage of s.stages) {
      const units = [...stage.votes, stage.nonTransferable].reduce(
        (a, v) => a + BigInt(v.replace('.', '')),
        0n
      );
      assert.equal(units, 67_700n, `stage ${stage.stage} adds up to the total valid vote`);
    }
  });
});

describe('Meek STV', () => {
  it('matches Droop’s PR Foundation Meek reference on M135: exclusion order, quotas to 10⁻⁹, winners', () => {
    const { b, s } = stvSheetOf('M135.blt', 'meek');
    const excluded = s.stages.flatMap((x) => x.excluded).map((c) => b.names[c]);
    assert.deepEqual(excluded, [
      'C25',
      'C22',
      'C24',
      'C21',
      'C19',
      'C23',
      'C17',
      'C14',
      'C20',
      'C18',
      'C13',
      'C16',
      'C8',
      'C12',
      'C7',
      'C5',
      'C15',
    ]);
    // Quotas printed in the reference report (test-data/README.md) after the same rounds.
    const quotas = s.stages.map((x) => x.quota);
    for (const q of [
      '84.516332983',
      '84.390937830',
      '83.333333340',
      '80.079198477',
      '79.432883967',
      '77.350430329',
    ])
      assert.ok(quotas.includes(q), `quota ${q}`);
    assert.deepEqual(
      s.elected.map((c) => b.names[c]),
      ['C1', 'C2', 'C6', 'C3', 'C4', 'C9', 'C10']
    );
  });

  it('on the food example elects the same three, with keep values below one for the elected', () => {
    const s = sheet({ method: 'stv', rules: 'meek', seats: 3, candidates: 5, rankings: food });
    assert.deepEqual(
      s.elected.map((c) => FOOD[c]),
      ['Chocolate', 'Strawberries', 'Oranges']
    );
    const last = s.stages[s.stages.length - 1];
    assert.ok(last?.keepValues?.[2]?.startsWith('0.'));
    assert.equal(last?.keepValues?.[1], '0.000000000');
  });
});

describe('IRV', () => {
  it('excludes the lowest until someone has a majority of the continuing votes', () => {
    // A 8, B 7, C 5 (C → B 4, exhausted 1): B 11 of 19 continuing.
    const rankings = copies([8, [0]], [7, [1]], [4, [2, 1]], [1, [2]]);
    const s = sheet({ method: 'irv', seats: 1, candidates: 3, rankings });
    assert.deepEqual(
      s.stages.map((x) => [x.votes, x.nonTransferable, x.quota, x.elected, x.excluded]),
      [
        [['8', '7', '5'], '0', '11', [], []],
        [['8', '11', '0'], '1', '10', [1], [2]],
      ]
    );
  });

  it('breaks a tie for exclusion by the earlier stages, then by lot from the seed', () => {
    // Stage 1: A 4, B 3, C 3, D 2 → D out to B: B 5, C 3… no tie. Use a pure tie instead:
    const rankings = copies([5, [0]], [3, [1]], [3, [2]]);
    const s = sheet({ method: 'irv', seats: 1, candidates: 3, rankings });
    const tie = s.stages[1]?.ties[0];
    assert.equal(tie?.by, 'lot');
    assert.deepEqual(tie?.among, [1, 2]);
    const order = lotOrder(seed, 3).filter((c) => c !== 0);
    assert.deepEqual(tie?.chosen, [order[order.length - 1]], 'the least favoured by the lot goes');
  });
});

describe('input', () => {
  const base = { method: 'stv', rules: 'ers97', seats: 2, candidates: 3, seed } as const;
  it('refuses a ranking that names a candidate twice, or one that does not exist', () => {
    const twice = countRanked({
      ...base,
      rankings: [
        [0, 1],
        [2, 0, 2],
      ],
    });
    assert.equal(twice.ok, false);
    assert.deepEqual(!twice.ok && [twice.error.code, twice.error.ballot], [
      'count/invalid-ranking',
      1,
    ]);
    const missing = countRanked({ ...base, rankings: [[3]] });
    assert.equal(!missing.ok && missing.error.code, 'count/invalid-ranking');
  });
  it('refuses a bad seed, an IRV with two places, STV without rules, more places than candidates', () => {
    const code = (i: CountInput) => {
      const r = countRanked(i);
      return r.ok ? 'ok' : r.error.code;
    };
    assert.equal(code({ ...base, rankings: [], seed: 'AB'.repeat(32) }), 'count/bad-seed');
    assert.equal(
      code({ method: 'irv', seats: 2, candidates: 3, rankings: [], seed }),
      'count/bad-seats'
    );
    assert.equal(
      code({ method: 'stv', seats: 2, candidates: 3, rankings: [], seed }),
      'count/bad-rules'
    );
    assert.equal(code({ ...base, seats: 4, rankings: [] }), 'count/bad-seats');
  });
  it('counts blank ballots apart, outside the total valid vote', () => {
    const s = sheet({ ...base, rankings: [[], [0], [1], [2, 1], []] });
    assert.equal(s.ballots, 3);
    assert.equal(s.blank, 2);
    assert.equal(s.stages[0]?.quota, '1.00');
  });
});

describe('the readable sheet', () => {
  it('has one column per stage, the changes, the quota and who was elected', () => {
    const s = sheet({ method: 'stv', rules: 'ers97', seats: 3, candidates: 5, rankings: food });
    const text = renderSheet(s, FOOD);
    assert.match(
      text,
      /\| Candidate \| 1\. First preferences \| 2\. Surplus of Chocolate \| 3\. Exclusion of Pears \(papers at 1\.00\) \|/
    );
    assert.match(text, /\| Strawberries \| 1\.00 \| \+4\.64 → 5\.64 \*\*elected\*\* \| 5\.64 \|/);
    assert.match(text, /Elected: Chocolate, Strawberries, Oranges\./);
  });
});
