/**
 * @module `scrutineer packs replace` (spec §9.2.7, §9.5): the registrar issues a replacement pack
 * for one member who asked for one. It finds the member's current credential (the register of
 * earlier replacements, else the printer's file of `packs generate`, or `--revoke`/`--pack-id`),
 * makes a new code, credential key and answers hash exactly as `packs generate` does, signs the
 * approval with the registrar's key over the event body the board will append, and writes the
 * request for the officer (`election replace`), the new pack's PDF, and the notice letter to the
 * member's roll address. Also the library `issueReplacement`.
 */
import { Command, InvalidArgumentError } from 'commander';
import {
  type Group,
  bytesToHex,
  deriveCredentialKey,
  loadGroup,
  parseVotingCode,
} from '@scrutineer/crypto';
import {
  type Argon2Parameters,
  type Roll,
  eligibleMembers,
  generatePackCredentials,
  hashSecurityAnswers,
  printRows,
} from '@scrutineer/protocol';
import {
  REPLACEMENT_REASONS,
  type ReplacementReason,
  electionFingerprint,
  isReplacementReason,
  signReplacementApproval,
} from '@scrutineer/record';
import { ServerClient } from '../../client/server-client.ts';
import { writeNoticeLetter } from '../../pdf/notice-letter.ts';
import { emailPaths, latestDeliveries, readDeliveries } from './email/delivery-log.ts';
import { sendPackEmails } from './email/smtp-delivery.ts';
import { markHandled, readReissueRequests, reissuedPath } from './email/reissue-requests.ts';
import { type RollReferencesFile, readRollFile, readRollReferences } from '../roll/roll-files.ts';
import {
  type ApprovalKeyFile,
  approvalSecretKey,
  checkApprover,
  readApprovalKeyFile,
} from './approval-key.ts';
import { defaultArgon2Parameters } from './answers-hashing.ts';
import { type ElectionDraft, readElection } from './election-input.ts';
import { packPaths, readPackRegister, readPrintFile, writePrintFile } from './pack-files.ts';
import { parseHexOption, renderPackPdfs } from './render.ts';
import {
  REPLACEMENT_FORMAT,
  type ReplacementRequestFile,
  appendRegister,
  readRegister,
  replacementPaths,
  writeReplacementRequest,
} from './replacement-files.ts';

export interface IssueReplacementOptions {
  readonly roll: Roll;
  readonly references: RollReferencesFile;
  /** The published manifest (complete): its `replacements.approverKey` must be this key's. */
  readonly election: ElectionDraft;
  /** The output directory of `packs generate`. */
  readonly packsDir: string;
  readonly memberId: string;
  readonly reason: ReplacementReason;
  readonly approvalKey: ApprovalKeyFile;
  /** The election's base hash h (spec §9.3): the approval is signed with it. */
  readonly baseHash: string;
  /** Whom the member contacts if they did not ask (printed on the notice). */
  readonly contact: string;
  /** The credential to revoke, if not the member's current one by the registrar's files. */
  readonly revoke?: { readonly credential: string } | { readonly packId: string };
  readonly issued: string;
  readonly group?: Group;
  readonly argon2?: Argon2Parameters;
  readonly boothUrl?: string | null;
}

export interface IssuedReplacement {
  /** The new pack's reference, the registrar's (never in the request the board gets). */
  readonly packId: string;
  readonly request: ReplacementRequestFile;
  readonly paths: ReturnType<typeof replacementPaths>;
  readonly packPdf: string;
}

/** The member's current credential key by the registrar's files, and its pack id if known. */
function currentCredential(
  group: Group,
  options: IssueReplacementOptions
): { key: string; packId: string | null } {
  const { packsDir, memberId, election } = options;
  const paths = packPaths(packsDir);
  const register = readRegister(replacementPaths(packsDir, '-').register);
  const revoke = options.revoke;
  if (revoke !== undefined && 'credential' in revoke)
    return { key: revoke.credential, packId: null };
  if (revoke !== undefined) {
    const replaced = register.find((r) => r.pack_id === revoke.packId);
    if (replaced !== undefined) return { key: replaced.replacement, packId: revoke.packId };
    // Spec §9.5.4: the registrar's own register; the board holds no pack ids.
    const entry = readPackRegister(paths.packRegister).find((e) => e.pack_id === revoke.packId);
    if (entry === undefined) throw new Error(`no pack ${revoke.packId} in ${paths.packRegister}`);
    return { key: entry.credential, packId: revoke.packId };
  }
  const latest = register.filter((r) => r.member_id === memberId).at(-1);
  if (latest !== undefined) return { key: latest.replacement, packId: latest.pack_id };
  const row = readPrintFile(paths.print).find((r) => r.member_id === memberId);
  if (row === undefined)
    throw new Error(
      `member ${memberId} has no pack in ${paths.print} (destroyed after printing?): give --pack-id from the member's pack or --revoke`
    );
  const code = parseVotingCode(row.code);
  if (!code.ok) throw new Error(`${paths.print}: the code of ${memberId} does not parse`);
  const { publicKey } = deriveCredentialKey(group, election.electionId, code.value);
  return { key: bytesToHex(group.encodePoint(publicKey)), packId: row.pack_id };
}

/** Library form of `packs replace`. */
export async function issueReplacement(
  options: IssueReplacementOptions
): Promise<IssuedReplacement> {
  const { election, approvalKey, memberId, reason } = options;
  const group = options.group ?? (await loadGroup('sodium'));
  const manifest = election.manifest;
  if (manifest === null) throw new Error('packs replace needs the published manifest (complete)');
  checkApprover(manifest, approvalKey);
  const member = eligibleMembers(options.roll).find((m) => m.memberId === memberId);
  if (member === undefined)
    throw new Error(`member ${memberId} is not an eligible member of the roll`);
  const old = currentCredential(group, options);

  // A new code, key and pack id exactly as `packs generate` makes them (spec §6).
  const generated = generatePackCredentials(group, {
    electionId: manifest.electionId,
    members: [member],
    questionIds: election.questionIds,
  });
  const pack = generated.packs[0];
  if (pack === undefined) throw new Error('no pack generated');
  const answersHash = await hashSecurityAnswers(
    election.questionIds,
    pack.answers,
    options.argon2 ?? (await defaultArgon2Parameters())
  );
  // Spec §9.5.3: with a postal channel the new pack's return commitment is approved with the rest.
  const returnCommitment = manifest.channels.postal ? pack.postalReturn.commitment : undefined;
  const returnPart = returnCommitment === undefined ? {} : { return: returnCommitment };
  const unsigned = { revoked: old.key, replacement: pack.credentialKey, ...returnPart, reason };
  const approval = signReplacementApproval(
    group,
    options.baseHash,
    approvalSecretKey(approvalKey),
    unsigned
  );
  const request: ReplacementRequestFile = {
    format: REPLACEMENT_FORMAT,
    electionId: manifest.electionId,
    revoke: old.key,
    replacement: {
      key: pack.credentialKey,
      answersHash,
      ...(returnCommitment === undefined ? {} : { returnCommitment }),
    },
    reason,
    approval,
    issued: options.issued,
  };
  const paths = replacementPaths(options.packsDir, pack.packId);
  writeReplacementRequest(paths.request, request);
  const rows = printRows(generated);
  writePrintFile(paths.print, rows);
  const rendered = await renderPackPdfs({
    rows,
    roll: options.roll,
    references: options.references,
    election,
    fingerprint: electionFingerprint(options.baseHash),
    directory: paths.pdfDirectory,
    boothUrl: options.boothUrl ?? null,
  });
  await writeNoticeLetter(paths.notice, {
    organisation: election.organisation,
    electionTitle: election.title,
    name: member.name,
    addressLines: [...member.address.split('\n'), member.postcode],
    issued: options.issued,
    reason,
    revokedPackId: old.packId,
    replacementPackId: pack.packId,
    contact: options.contact,
    closes: election.closes,
  });
  appendRegister(paths.register, {
    member_id: memberId,
    revoked: old.key,
    replacement: pack.credentialKey,
    pack_id: pack.packId,
    reason,
    issued: options.issued,
  });
  return { packId: pack.packId, request, paths, packPdf: rendered.files[0] ?? '' };
}

function parseReason(value: string): ReplacementReason {
  if (!isReplacementReason(value))
    throw new InvalidArgumentError(`expected one of ${REPLACEMENT_REASONS.join(', ')}`);
  return value;
}

interface ReplaceCommandOptions {
  dir: string;
  roll: string;
  references: string;
  election: string;
  memberId?: string;
  requests?: string;
  reason: ReplacementReason;
  approvalKey: string;
  contact: string;
  baseHash?: string;
  server?: string;
  revoke?: string;
  packId?: string;
  boothUrl?: string;
  smtp?: string;
  from?: string;
}

export function packsReplaceCommand(): Command {
  return new Command('replace')
    .description(
      "issue a replacement pack for a member who asked for one: new code and pack PDF, the registrar's signed approval for `election replace`, and a notice letter to the member's roll address"
    )
    .requiredOption(
      '--dir <dir>',
      'the output directory of `packs generate` (replacements go under it)'
    )
    .requiredOption('--roll <roll.json>', 'the roll (name and address for the pack and the notice)')
    .requiredOption('--references <roll-references.json>', 'the roll references from `roll commit`')
    .requiredOption('--election <manifest.json>', 'the published manifest')
    .option('--member-id <id>', 'the member who asked for a replacement')
    .option(
      '--requests <folder>',
      'instead of --member-id: a folder of reissue requests e-mailed by members (.eml); each sender on the roll gets a replacement e-mailed to their roll address (needs --smtp)'
    )
    .requiredOption(
      '--reason <reason>',
      `why: ${REPLACEMENT_REASONS.join(', ')} (published, counted by reason)`,
      parseReason
    )
    .requiredOption('--approval-key <key.json>', 'the registrar key file from `packs approval-key`')
    .requiredOption(
      '--contact <text>',
      'whom the member contacts if they did not ask (printed on the notice letter)'
    )
    .option('--base-hash <hex>', 'the base hash (else read from --server)', parseHexOption)
    .option('--server <url>', 'the election server, to read the base hash from')
    .option(
      '--revoke <credential key>',
      'the credential to revoke, if not found in the files',
      parseHexOption
    )
    .option('--pack-id <id>', "the pack to revoke by its id (printed on the member's pack)")
    .option('--booth-url <url>', 'the voting website address printed on the pack')
    .option(
      '--smtp <url>',
      "also e-mail the new code to the member's address on the roll (spec §14.4; with --from and --booth-url), logged in email/deliveries.csv"
    )
    .option('--from <address>', 'the sender of that e-mail')
    .action(async (options: ReplaceCommandOptions) => {
      if (
        options.smtp !== undefined &&
        (options.from === undefined || options.boothUrl === undefined)
      )
        throw new InvalidArgumentError('--smtp needs --from and --booth-url');
      const election = readElection(options.election);
      let baseHash = options.baseHash;
      if (baseHash === undefined && options.server !== undefined)
        baseHash =
          (await new ServerClient(options.server).summary(election.electionId)).baseHash ??
          undefined;
      if (baseHash === undefined)
        throw new Error(
          'give --base-hash, or --server once voting is open (the base hash is known)'
        );
      if ((options.memberId === undefined) === (options.requests === undefined))
        throw new InvalidArgumentError('give --member-id or --requests (one of them)');
      if (options.requests !== undefined && options.smtp === undefined)
        throw new InvalidArgumentError('--requests needs --smtp: the new codes go by e-mail');
      if (options.requests !== undefined && (options.revoke ?? options.packId) !== undefined)
        throw new InvalidArgumentError(
          '--revoke and --pack-id name one member: not with --requests'
        );
      const roll = readRollFile(options.roll);
      const context = { options, election, baseHash, roll };
      if (options.memberId !== undefined) {
        await replaceOne(context, options.memberId);
        return;
      }
      const handledLog = reissuedPath(options.dir);
      for (const request of readReissueRequests(options.requests ?? '', roll.members, handledLog)) {
        if (request.kind !== 'member') {
          // Nothing goes back to an unknown sender: a reply would tell who is a member.
          markHandled(handledLog, request.file, `${request.kind} ${request.detail}`);
          process.stdout.write(
            `${request.file}: ${request.kind} (${request.detail}); nothing issued.\n`
          );
          continue;
        }
        const packId = await replaceOne(context, request.member.memberId);
        markHandled(handledLog, request.file, `reissued ${packId}`);
      }
    });
}

interface ReplaceContext {
  readonly options: ReplaceCommandOptions;
  readonly election: ElectionDraft;
  readonly baseHash: string;
  readonly roll: Roll;
}

/** One member's replacement: issued, e-mailed when --smtp is given, and reported; its pack id. */
async function replaceOne(context: ReplaceContext, memberId: string): Promise<string> {
  const { options, election, baseHash } = context;
  const issued = await issueReplacement({
    roll: context.roll,
    references: readRollReferences(options.references),
    election,
    packsDir: options.dir,
    memberId,
    reason: options.reason,
    approvalKey: readApprovalKeyFile(options.approvalKey),
    baseHash,
    contact: options.contact,
    issued: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(options.revoke !== undefined
      ? { revoke: { credential: options.revoke } }
      : options.packId !== undefined
        ? { revoke: { packId: options.packId } }
        : {}),
    ...(options.boothUrl === undefined ? {} : { boothUrl: options.boothUrl }),
  });
  const { paths, request } = issued;
  const emailed = options.smtp === undefined ? null : await emailReplacement(context, issued);
  if (emailed !== null) process.stdout.write(`${emailed}\n`);
  process.stdout.write(
    [
      `Replacement pack ${issued.packId} for ${memberId} (${request.reason}); revokes ${request.revoke}.`,
      `  ${paths.request}: for the officer: \`scrutineer election replace --request ${paths.request}\``,
      `  ${issued.packPdf}: the new pack (secret: it carries the code), to print and post`,
      `  ${paths.print}: the printer's row (secret, destroy after printing)`,
      `  ${paths.notice}: the notice letter, to post separately to the member's roll address`,
      `  ${paths.register}: the register of replacements`,
      '',
    ].join('\n')
  );
  return issued.packId;
}

/**
 * Spec §14.4: the new code goes by e-mail only to the address on the roll — never one the
 * requester gives — so a stranger asking for a member's reissue sends the code to the member.
 */
async function emailReplacement(
  { options, roll, election, baseHash }: ReplaceContext,
  issued: IssuedReplacement
): Promise<string> {
  const rows = readPrintFile(issued.paths.print);
  const log = emailPaths(options.dir).deliveries;
  const summary = await sendPackEmails({
    rows,
    roll,
    context: {
      election,
      fingerprint: electionFingerprint(baseHash),
      boothUrl: options.boothUrl ?? '',
      contact: options.contact,
    },
    smtp: options.smtp ?? '',
    from: options.from ?? '',
    log,
    kind: 'replacement',
  });
  const status = latestDeliveries(readDeliveries(log)).get(issued.packId);
  return summary.sent === 1
    ? `  E-mailed the new code to ${status?.email ?? 'the roll address'} (${log}).`
    : `  The new code was NOT e-mailed (${status?.status ?? 'unknown'}: ${status?.detail ?? ''}): post the pack.`;
}
