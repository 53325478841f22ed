/**
 * Ballot styles and weights through the officer's own commands (spec §13), as processes against a
 * running server: the membership CSV's category and weight columns go through `roll import`,
 * `roll audit --manifest` (which names an unknown category), `packs generate` (which refuses a
 * category below the minimum size and otherwise binds each credential to its member's style and
 * weight) and `election open` (which publishes them with the keys). Each category's members then
 * vote in their own contests only — the client refuses a contest outside the style, and the board
 * refuses such a ballot when a device sends one anyway — and the published record verifies, each
 * contest with its own electorate and turnout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGroup } from '@scrutineer/crypto';
import { type RollMember, formatAnswers, memberAnswers } from '@scrutineer/protocol';
import type { EventBody } from '@scrutineer/record';
import { testDraft } from '../../../test-fixtures/test-manifest.ts';
import { ServerClient } from '../../client/server-client.ts';
import { tallyWithTrustees } from '../../../test-fixtures/trustee-tally.ts';
import { castVote, loadVotingSetup } from '../../client/vote-client.ts';
import { codeFile } from '../../../test-fixtures/code-file.ts';
import { cliRunner } from '../../../test-fixtures/cli-process.ts';
import { electionPublish, startCommandServer } from '../../../test-fixtures/command-election.ts';
import { readPrintFile } from '../packs/pack-files.ts';
import { readRollFile } from '../roll/roll-files.ts';

const OPERATOR_KEY = 'operator-key-for-the-styles-commands-test';
const ADMIN_KEY = 'admin-key-for-the-styles-commands-test-made-long-enough';
const { run, ok } = cliRunner({ operatorKey: OPERATOR_KEY, adminKey: ADMIN_KEY });

const CATEGORIES = ['north', 'south', 'affiliates'] as const;
const WEIGHT = { north: '', south: '1', affiliates: '3' } as const;
const PER_CATEGORY = 3;

/** The membership CSV of the registrar, with its category and weight columns (spec §13.1). */
function membersCsv(category: (k: number) => string): string {
  const lines = [
    'Member ID,Name,Address,Postcode,Date of birth,Email,Join date,Status,Category,Weight',
  ];
  for (let k = 0; k < CATEGORIES.length * PER_CATEGORY; k++) {
    const c = category(k);
    const weight = WEIGHT[c as keyof typeof WEIGHT] ?? '';
    lines.push(
      `S${100 + k},Member ${k},"${k} Mill Lane, York",YO1 ${k}HH,1980-01-${String(k + 1).padStart(2, '0')},,2020-01-01,active,${c},${weight}`
    );
  }
  return `${lines.join('\n')}\n`;
}

const contest = (id: string, title: string) => ({
  id,
  title,
  minSelections: 1,
  maxSelections: 1,
  candidates: [
    { id: `${id}-a`, name: `${title} A` },
    { id: `${id}-b`, name: `${title} B` },
  ],
});

/** Spec §13.1, §13.4: a general contest, a seat for each region, affiliates weighing 3. */
function stylesDraft(id: string, minCategorySize: number) {
  const now = Date.now();
  const instant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    ...testDraft({
      electionId: id,
      candidates: ['Unused'],
      window: { opens: instant(now - 60_000), closes: instant(now + 86_400_000) },
    }),
    title: 'Styles through the commands',
    contests: [
      contest('general', 'General'),
      contest('north-seat', 'North seat'),
      contest('south-seat', 'South seat'),
    ],
    styles: {
      minCategorySize,
      categories: [
        { id: 'north', name: 'North', contests: ['general', 'north-seat'] },
        { id: 'south', name: 'South', contests: ['general', 'south-seat'] },
        { id: 'affiliates', name: 'Affiliates', contests: ['general'] },
      ],
    },
    weights: { max: 5 },
    // Online only here: postal papers per style are tested in postal-styles.test.ts (§13.2.1).
    channels: { online: true, postal: false },
    trustees: { threshold: 1 },
    securityQuestions: [
      { id: 'dob', label: 'Date of birth' },
      { id: 'postcode', label: 'Postcode' },
    ],
  };
}

test('roll categories and weights reach the credentials through roll, packs and election commands', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-styles-commands-'));
  const id = 'styles-commands';
  const categoryOf = (k: number) => CATEGORIES[k % CATEGORIES.length] as string;
  writeFileSync(join(dir, 'members.csv'), membersCsv(categoryOf));
  writeJsonText(join(dir, 'draft.json'), stylesDraft(id, PER_CATEGORY));
  await ok([
    'roll',
    'import',
    join(dir, 'members.csv'),
    '--out',
    join(dir, 'roll.json'),
    '--as-of',
    '2025-09-01',
  ]);

  // The audit names a category the manifest does not have, and exits 1.
  writeFileSync(
    join(dir, 'typo.csv'),
    membersCsv((k) => (k === 4 ? 'nrth' : categoryOf(k)))
  );
  await ok([
    'roll',
    'import',
    join(dir, 'typo.csv'),
    '--out',
    join(dir, 'typo.json'),
    '--as-of',
    '2025-09-01',
  ]);
  const typo = await run([
    'roll',
    'audit',
    join(dir, 'typo.json'),
    '--out',
    join(dir, 'typo-audit.csv'),
    '--manifest',
    join(dir, 'draft.json'),
  ]);
  assert.equal(typo.code, 1, typo.stdout);
  assert.match(typo.stdout, /roll\/unknown-category: category "nrth" \(S104\)/);
  // Moving S104 out of "south" also leaves that category below the minimum: both are named.
  assert.deepEqual(
    readFileSync(join(dir, 'typo-audit.csv'), 'utf8')
      .split('\r\n')
      .slice(1, 3)
      .map((line) => line.split(',').slice(0, 3).join(',')),
    ['T0001,roll/category-too-small,S101;S107', 'T0002,roll/unknown-category,S104']
  );
  const clean = await ok([
    'roll',
    'audit',
    join(dir, 'roll.json'),
    '--out',
    join(dir, 'audit.csv'),
    '--manifest',
    join(dir, 'draft.json'),
  ]);
  assert.match(clean, /every eligible member fits the manifest/);
  await ok(['roll', 'commit', join(dir, 'roll.json'), '--out', join(dir, 'commitment')]);

  // A minimum category size above the roll's categories: `packs generate` refuses, writes nothing.
  writeJsonText(join(dir, 'strict-draft.json'), stylesDraft(id, PER_CATEGORY + 1));
  const packsArgs = (election: string, out: string) => [
    'packs',
    'generate',
    '--roll',
    join(dir, 'roll.json'),
    '--references',
    join(dir, 'commitment', 'roll-references.json'),
    '--election',
    election,
    '--out',
    out,
    '--no-pdf',
    '--argon2-memory',
    '256',
    '--argon2-iterations',
    '1',
  ];
  const small = await run(packsArgs(join(dir, 'strict-draft.json'), join(dir, 'strict')));
  assert.notEqual(small.code, 0);
  assert.match(
    small.stderr,
    /roll\/category-too-small: category "north" has 3 eligible member\(s\), fewer than the manifest's minimum of 4/
  );
  assert.ok(!existsSync(join(dir, 'strict', 'answers.json')));

  const server = await startCommandServer(dir, OPERATOR_KEY);
  try {
    const url = server.url;
    const common = ['--server', url, '--election', id];
    await ok([
      'trustee',
      'keygen',
      '--election',
      id,
      '--index',
      '1',
      '--out',
      join(dir, 'trustee-1.json'),
    ]);
    await ok([
      'election',
      'create',
      '--server',
      url,
      '--draft',
      join(dir, 'draft.json'),
      '--trustee',
      join(dir, 'trustee-1.public.json'),
      '--roll',
      join(dir, 'commitment', 'roll-commitment.json'),
      '--out',
      join(dir, 'manifest.json'),
    ]);
    await Promise.all([
      ok(['trustee', 'ceremony', '--server', url, '--key', join(dir, 'trustee-1.json')]),
      ok(['election', 'key', ...common, '--complaint-wait', '1']),
    ]);
    await ok(packsArgs(join(dir, 'manifest.json'), join(dir, 'packs')));
    const opened = await ok([
      'election',
      'open',
      ...common,
      '--answers',
      join(dir, 'packs', 'answers.json'),
    ]);
    assert.match(opened, /north\s+3 credentials, weight 3\n/);
    assert.match(opened, /affiliates\s+3 credentials, weight 9\n/);

    // Spec §13.1: the board published each key's category and weight, as the roll gave them.
    const client = new ServerClient(url);
    const events = await client.events(id);
    const credentials = events.find((e) => e.type === 'credentials')
      ?.body as EventBody<'credentials'>;
    const roll = readRollFile(join(dir, 'roll.json'));
    const byMember = new Map<string, RollMember>(roll.members.map((m) => [m.memberId, m]));
    const group = await loadGroup();
    const print = readPrintFile(join(dir, 'packs', 'print', 'packs.csv'));
    const register = readFileSync(join(dir, 'packs', 'registrar', 'packs.csv'), 'utf8');
    const members = print.map((row) => {
      const member = byMember.get(row.member_id);
      assert.ok(member !== undefined);
      const key = new RegExp(`^${row.pack_id},([0-9a-f]{64})$`, 'm').exec(register)?.[1];
      assert.ok(key !== undefined);
      const k = credentials.keys.indexOf(key);
      assert.equal(credentials.styles?.[k], member.category);
      assert.equal(credentials.weights?.[k], member.category === 'affiliates' ? 3 : 1);
      return {
        row,
        member,
        answers: formatAnswers(['dob', 'postcode'], memberAnswers(member, ['dob', 'postcode'])),
      };
    });

    // Every member votes in their own contests; a north member asking for the south seat is refused.
    for (const { row, member, answers } of members) {
      const own = member.category === 'affiliates' ? [] : [`${member.category}-seat=2`];
      const file = codeFile(row.code, answers);
      if (member.category === 'north') {
        const wrong = await run([
          'vote',
          ...common,
          '--code-file',
          file,
          '--choice',
          'general=1',
          '--choice',
          'north-seat=1',
          '--choice',
          'south-seat=1',
        ]);
        assert.equal(wrong.code, 1);
        assert.match(wrong.stderr, /south-seat/);
      }
      if (
        member.category === 'affiliates' &&
        row === members.find((m) => m.member.category === 'affiliates')?.row
      ) {
        // A hostile device sends the north seat too: the board refuses it (spec §13.2).
        const forced = await castVote({
          server: client,
          electionId: id,
          code: row.code,
          answers: memberAnswers(member, ['dob', 'postcode']),
          choices: ['general=1', 'north-seat=1'],
          group,
          setup: await loadVotingSetup(client, group, id),
          forceContests: [0, 1],
        });
        assert.ok(!forced.ok);
        assert.equal(forced.code, 'ballot/contest-not-in-style');
      }
      await ok([
        'vote',
        ...common,
        '--code-file',
        file,
        '--choice',
        'general=1',
        ...own.flatMap((c) => ['--choice', c]),
      ]);
    }
    await ok(['election', 'close', ...common]);
    await tallyWithTrustees(ok, url, id, [join(dir, 'trustee-1.json')]);
    const published = await ok(electionPublish(url, id, join(dir, 'out')));
    assert.match(published, /VERIFIED/);
    const declared = JSON.parse(readFileSync(join(dir, 'out', 'result.json'), 'utf8')) as {
      verified: boolean;
      contests: {
        id: string;
        electorate: number;
        turnout: { online: number };
        weighted: { electorate: number; turnout: number };
        candidates: { total: number }[];
      }[];
    };
    assert.equal(declared.verified, true);
    // general: everyone (3 + 3 + 3×3 = 15 by weight); each seat: its region's 3 members only.
    const summary = declared.contests.map((c) => [
      c.id,
      c.electorate,
      c.turnout.online,
      c.weighted.electorate,
      c.weighted.turnout,
      c.candidates.map((o) => o.total).join('/'),
    ]);
    assert.deepEqual(summary, [
      ['general', 9, 9, 15, 15, '15/0'],
      ['north-seat', 3, 3, 3, 3, '0/3'],
      ['south-seat', 3, 3, 3, 3, '0/3'],
    ]);
    const verify = await run(['verify', join(dir, 'out', 'record')]);
    assert.equal(verify.code, 0, verify.stdout);
  } finally {
    await server.close();
  }
});

function writeJsonText(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
