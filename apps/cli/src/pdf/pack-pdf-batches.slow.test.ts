import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatVotingCode, generateVotingCode } from '@scrutineer/crypto';
import { generatePackId } from '@scrutineer/protocol';
import { PackPdfWriter } from './pack-pdf-batches.ts';

test(
  '2,000 packs stream into 4 files of 500 in seconds, memory flat',
  { timeout: 600_000 },
  async () => {
    const directory = mkdtempSync(join(tmpdir(), 'scrutineer-pdf-'));
    const writer = new PackPdfWriter(
      {
        electionId: 'leader-2025',
        organisation: 'Example Party',
        title: 'Election of the Leader 2025',
        contests: [
          {
            title: 'Leader',
            minSelections: 1,
            maxSelections: 1,
            candidates: [{ name: 'Alex Morgan' }, { name: 'Sam Patel' }],
          },
        ],
        fingerprint: '3F2A 9C01 77BE 0D4E 5A12',
        boothUrl: 'https://vote.example.org',
        questionLabels: ['date of birth', 'postcode'],
        closes: '2025-09-30T17:00:00Z',
      },
      { directory, batchSize: 500 }
    );
    const proof = Array.from({ length: 11 }, () => 'EF'.repeat(32));
    const start = performance.now();
    let peak = 0;
    for (let i = 0; i < 2000; i++) {
      await writer.add({
        packId: generatePackId(),
        memberId: `M${100_000 + i}`,
        name: `Member ${i}`,
        addressLines: [`${i} High Street`, 'Leeds', 'LS6 1AA'],
        code: formatVotingCode(generateVotingCode()),
        credential: 'e2'.repeat(32),
        returnSecret: 'ab'.repeat(16),
        roll: {
          index: i,
          count: 2000,
          salt: 'ab'.repeat(32),
          root: 'cd'.repeat(32),
          reference: ['ROLL1', 2000, i, 'AB'.repeat(32), 'CD'.repeat(32), ...proof].join(':'),
        },
      });
      if (i % 250 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const files = await writer.close();
    const seconds = (performance.now() - start) / 1000;
    process.stdout.write(
      `# ${2000 / seconds} packs/s (${seconds.toFixed(1)} s), heap peak ${(peak / 1e6).toFixed(0)} MB\n`
    );
    assert.deepEqual(readdirSync(directory).sort(), [
      'packs-0001.pdf',
      'packs-0002.pdf',
      'packs-0003.pdf',
      'packs-0004.pdf',
    ]);
    assert.equal(files.length, 4);
    for (const file of files) assert.ok(statSync(file).size > 500 * 5000);
    assert.ok(seconds < 120, `${seconds} s`);
    assert.ok(peak < 400e6, `heap ${peak}`);
  }
);
