/**
 * @module `scrutineer verify <record-dir> [--tracker T] [--json]`: runs every check of
 * docs/spec/verification.md on a record bundle and lists the faults attributed to trustees
 * (`faults` in --json). Exit 0 valid, 1 invalid, 2 unreadable or usage.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { loadGroup } from '@scrutineer/crypto';
import {
  type AuditFinding,
  type VerificationReport,
  findAuditedBallot,
  verifyRecord,
} from '@scrutineer/verifier';
import { recordDirectory, workerPoolFactory } from '@scrutineer/verifier/node';
import { ServerClient } from '../client/server-client.ts';
import { progressBar } from '../progress.ts';
import { findTracker, type TrackerFinding } from '../tracker-lookup.ts';

export function verifyCommand(): Command {
  return new Command('verify')
    .description('verify an election record: every proof, the chain, the tally and the result')
    .argument('<record-dir>', 'the record bundle (format.json, board.jsonl, checkpoints.jsonl)')
    .option(
      '--tracker <tracker>',
      'also say whether this ballot tracker is on the board, where, and under which checkpoint'
    )
    .option('--audit <tracker>', 'open this audited (device-check) ballot and say what it encrypts')
    .option('--json', 'print a machine-readable report')
    .option(
      '--report-to <server-url>',
      'tell this board the verdict (valid or not, nothing else) for its public uptake count (spec §9.10)'
    )
    .option('--threads <n>', 'worker threads for ballot checks (default: all cores)', (v) =>
      Number.parseInt(v, 10)
    )
    .action(
      async (
        dir: string,
        options: {
          tracker?: string;
          audit?: string;
          json?: boolean;
          threads?: number;
          reportTo?: string;
        }
      ) => {
        if (!existsSync(join(dir, 'board.jsonl')) || !statSync(dir).isDirectory()) {
          process.stderr.write(
            `scrutineer verify: ${dir} is not a record bundle (no board.jsonl)\n`
          );
          process.exitCode = 2;
          return;
        }
        const source = recordDirectory(dir);
        const bar = options.json === true ? null : progressBar('verifying');
        const threads = options.threads;
        const report = await verifyRecord(source, {
          runners: workerPoolFactory(threads === undefined ? {} : { threads }),
          onProgress: (p) => bar?.update(p.events, p.ballotsVerified),
        });
        bar?.stop();
        const tracker =
          options.tracker === undefined ? undefined : await findTracker(source, options.tracker);
        const audit =
          options.audit === undefined
            ? undefined
            : await findAuditedBallot(await loadGroup('sodium'), source, options.audit);
        if (options.json === true) {
          const extra = {
            ...(tracker === undefined ? {} : { tracker }),
            ...(audit === undefined ? {} : { audit }),
          };
          process.stdout.write(`${JSON.stringify({ ...report, ...extra }, null, 2)}\n`);
        } else {
          process.stdout.write(formatReport(report));
          if (tracker !== undefined) process.stdout.write(formatTracker(tracker));
          if (audit !== undefined) process.stdout.write(formatAudit(audit));
        }
        const trackerMissing = tracker !== undefined && !tracker.found;
        const auditFails = audit !== undefined && !(audit.found && audit.opensCorrectly);
        process.exitCode = report.ok && !trackerMissing && !auditFails ? 0 : 1;
        if (options.reportTo !== undefined) await reportVerdict(options.reportTo, dir, report.ok);
      }
    );
}

/** Spec §9.10: the verdict only, to the election named by the record's first line. */
async function reportVerdict(url: string, dir: string, valid: boolean): Promise<void> {
  const first = readFileSync(join(dir, 'board.jsonl'), 'utf8').split('\n', 1)[0] ?? '';
  const electionId = (JSON.parse(first) as { body?: { electionId?: unknown } }).body?.electionId;
  if (typeof electionId !== 'string') throw new Error('the record names no election to report to');
  const client = new ServerClient(url);
  await client.call('verifierReport', { params: { electionId }, body: { valid } });
  process.stderr.write(`Verdict reported to ${url} (counted, nothing else kept).\n`);
}

export function formatReport(report: VerificationReport): string {
  const lines = [
    `Record: ${report.events} events, stage ${report.stage}, head ${report.headHash ?? '(empty)'}`,
    '',
  ];
  for (const check of report.checks) {
    const mark = check.status === 'passed' ? 'ok  ' : check.status === 'failed' ? 'FAIL' : '  - ';
    lines.push(`${mark} ${check.id.padEnd(6)} ${check.title} (${check.checked})`);
    for (const failure of check.failures) {
      lines.push(
        `       ${failure.position === undefined ? '' : `at ${failure.position}: `}${failure.message}`
      );
    }
    if (check.failureCount > check.failures.length)
      lines.push(`       … ${check.failureCount - check.failures.length} more`);
  }
  if (report.faults.length > 0) {
    // Faults the protocol absorbs (docs/spec/verification.md, "Faults and failures").
    lines.push(
      '',
      `Attributed faults (${report.faults.length}; they do not make the record invalid):`
    );
    for (const fault of report.faults) {
      const at = fault.position === undefined ? '' : ` at ${fault.position}`;
      lines.push(
        `  ${fault.check.padEnd(6)} trustee ${fault.party.trustee}: ${fault.code}${at}: ${fault.message}`
      );
    }
  }
  const failed = report.checks.filter((c) => c.status === 'failed').length;
  lines.push(
    '',
    report.ok
      ? `VALID: every check reached passed (stage ${report.stage}).`
      : `INVALID: ${failed} check(s) failed.`,
    ''
  );
  // Spec §9.6: a cancelled election has no result, whatever its record held before.
  if (report.cancellation !== undefined)
    lines.push(
      `CANCELLED at stage ${report.cancellation.at} (position ${report.cancellation.position}): ${report.cancellation.reason}`,
      'This election has no result.',
      ''
    );
  return lines.join('\n');
}

function formatAudit(finding: AuditFinding): string {
  if (!finding.found) return `Audited ballot ${finding.tracker}: NOT on the board.\n`;
  if (!finding.opensCorrectly)
    return `Audited ballot ${finding.tracker}: does NOT open to its published votes.\n`;
  const lines = finding.choices.map(
    (c) => `  ${c.contest}: ${c.chosen.length === 0 ? '(no choice)' : c.chosen.join(', ')}`
  );
  return [
    `Audited ballot ${finding.tracker} encrypts:`,
    ...lines,
    'If that is what you chose, the device encrypted your vote faithfully.',
    '',
  ].join('\n');
}

function formatTracker(finding: TrackerFinding): string {
  if (!finding.found) return `Tracker ${finding.tracker}: NOT on the board.\n`;
  const under =
    finding.checkpoint === null
      ? 'not yet under a checkpoint'
      : `under the checkpoint of size ${finding.checkpoint.size} (${finding.checkpoint.time}), root ${finding.checkpoint.root}`;
  return `Tracker ${finding.tracker}: ${finding.kind} ballot at position ${finding.position} (${finding.time}), ${under}.\n`;
}
