/**
 * @module `scrutineer roll audit <roll.json> --out <roll-audit.csv>`: runs the roll
 * audit (duplicates, shared emails, invalid postcodes, join bursts, ineligible members) and writes
 * one CSV line per finding (`finding,rule,member_ids,evidence`, ids separated by `;`), then prints
 * a summary. Exit 0 whether or not there are findings: they are for the officer to resolve.
 */
import { Command, InvalidArgumentError } from 'commander';
import {
  AUDIT_RULES,
  type AuditOptions,
  type Roll,
  type RollAudit,
  auditRoll,
} from '@scrutineer/protocol';
import { csvLine } from './csv-file.ts';
import { parseDateOption } from './import.ts';
import { readRollFile, writeFileAtomic } from './roll-files.ts';

export const AUDIT_COLUMNS = ['finding', 'rule', 'member_ids', 'evidence'] as const;

/** Library form: audits `roll` and writes the CSV report to `outPath`. */
export function writeRollAudit(roll: Roll, outPath: string, options: AuditOptions = {}): RollAudit {
  const audit = auditRoll(roll, options);
  const lines = [csvLine(AUDIT_COLUMNS)];
  for (const f of audit.findings)
    lines.push(csvLine([f.id, f.rule, f.memberIds.join(';'), f.evidence]));
  writeFileAtomic(outPath, lines.join(''));
  return audit;
}

export function formatAuditSummary(audit: RollAudit): string {
  const lines = [`Roll audit: ${audit.members} members, ${audit.eligible} eligible.`];
  for (const rule of AUDIT_RULES) lines.push(`  ${rule.padEnd(30)} ${audit.countsByRule[rule]}`);
  lines.push(
    audit.findings.length === 0
      ? 'No findings.'
      : `${audit.findings.length} finding(s) naming ${audit.flaggedMembers} member(s): resolve them before packs are printed.`
  );
  return `${lines.join('\n')}\n`;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

export function rollAuditCommand(): Command {
  return new Command('audit')
    .description(
      'audit a roll: duplicates, shared emails, bad postcodes, join bursts, ineligible members'
    )
    .argument('<roll.json>', 'a roll written by `roll import`')
    .requiredOption('--out <roll-audit.csv>', 'the report: finding,rule,member_ids,evidence')
    .option(
      '--cutoff <date>',
      "look for join bursts before this date (default: the roll's cut-off)",
      parseDateOption
    )
    .option(
      '--burst-factor <k>',
      'a burst day has more than k × the median daily joins',
      parsePositive,
      5
    )
    .option('--burst-window <days>', 'days before the cut-off to look at', parsePositive, 30)
    .action(
      (
        rollPath: string,
        options: { out: string; cutoff?: string; burstFactor: number; burstWindow: number }
      ) => {
        const roll = readRollFile(rollPath);
        const audit = writeRollAudit(roll, options.out, {
          ...(options.cutoff === undefined ? {} : { cutoff: options.cutoff }),
          burst: { factor: options.burstFactor, windowDays: Math.floor(options.burstWindow) },
        });
        process.stdout.write(formatAuditSummary(audit));
        process.stdout.write(`Report: ${options.out}\n`);
        process.exitCode = 0;
      }
    );
}
