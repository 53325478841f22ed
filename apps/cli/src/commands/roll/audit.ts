/**
 * @module `scrutineer roll audit <roll.json> --out <roll-audit.csv>`: runs the roll
 * audit (duplicates, shared emails, invalid postcodes, join bursts, ineligible members) and writes
 * one CSV line per finding (`finding,rule,member_ids,evidence`, ids separated by `;`), then prints
 * a summary. Exit 0 whether or not there are findings: they are for the officer to resolve.
 *
 * With `--manifest` (the manifest or its draft), it also checks the roll's category and weight
 * columns against the manifest's ballot styles and weights (spec §13.1, §13.3, §13.4): each problem
 * is a finding whose rule is its code (`roll/unknown-category`…), and the exit is 1, because
 * `packs generate` refuses such a roll outright.
 */
import { Command, InvalidArgumentError } from 'commander';
import {
  AUDIT_RULES,
  type AuditOptions,
  type Roll,
  type RollAudit,
  type RollAuditReport,
  type RollTermsProblem,
  type TermsManifest,
  auditRollReport,
} from '@scrutineer/protocol';
import { readElection } from '../packs/election-input.ts';
import { csvLine } from './csv-file.ts';
import { parseDateOption } from './import.ts';
import { readRollFile, writeFileAtomic } from './roll-files.ts';

export const AUDIT_COLUMNS = ['finding', 'rule', 'member_ids', 'evidence'] as const;

/**
 * Library form: audits `roll` (and, given the manifest's styles and weights, its eligible members'
 * categories and weights) and writes the CSV report to `outPath`.
 */
export function writeRollAudit(
  roll: Roll,
  outPath: string,
  options: AuditOptions = {},
  manifest?: TermsManifest
): RollAuditReport {
  const audit = auditRollReport(roll, options, manifest);
  const lines = [csvLine(AUDIT_COLUMNS)];
  for (const f of audit.findings)
    lines.push(csvLine([f.id, f.rule, f.memberIds.join(';'), f.evidence]));
  for (const t of audit.terms)
    lines.push(csvLine([t.id, t.code, t.memberIds.join(';'), t.message]));
  writeFileAtomic(outPath, lines.join(''));
  return audit;
}

/** Spec §13: what the roll's categories and weights make of the manifest's styles, or why not. */
export function formatTermsSummary(problems: readonly RollTermsProblem[]): string {
  if (problems.length === 0)
    return 'Categories and weights: every eligible member fits the manifest.\n';
  return `${[
    `Categories and weights: ${problems.length} problem(s); \`packs generate\` refuses this roll until they are fixed:`,
    ...problems.map((p) => `  ${p.code}: ${p.message}`),
  ].join('\n')}\n`;
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
    .option(
      '--manifest <file>',
      "the manifest or its draft: check the roll's category and weight columns against its ballot styles and weights (exit 1 on a problem)"
    )
    .action(
      (
        rollPath: string,
        options: {
          out: string;
          cutoff?: string;
          burstFactor: number;
          burstWindow: number;
          manifest?: string;
        }
      ) => {
        const roll = readRollFile(rollPath);
        const manifest =
          options.manifest === undefined ? undefined : readElection(options.manifest);
        const audit = writeRollAudit(
          roll,
          options.out,
          {
            ...(options.cutoff === undefined ? {} : { cutoff: options.cutoff }),
            burst: { factor: options.burstFactor, windowDays: Math.floor(options.burstWindow) },
          },
          manifest
        );
        process.stdout.write(formatAuditSummary(audit));
        if (manifest !== undefined) process.stdout.write(formatTermsSummary(audit.terms));
        process.stdout.write(`Report: ${options.out}\n`);
        process.exitCode = audit.terms.length === 0 ? 0 : 1;
      }
    );
}
