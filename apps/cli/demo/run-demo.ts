/**
 * @module `npm run demo` as a library: a whole members' ballot through the real server
 * and HTTP API — synthetic roll and its audit, nominations, trustee keys, election created over
 * HTTP and its nominations.json uploaded for the board to serve, 3-of-5 ceremony, credentials and packs (light Argon2id), open, online votes encrypted
 * client-side and cast over HTTP (some Benaloh-audited), postal returns, cross-channel double
 * votes refused both ways, close, double-keyed postal batches, tally with three trustees (two
 * absent), the record published from the board and verified.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGroup } from '@scrutineer/crypto';
import { type NominationOutcome, memberRows } from '@scrutineer/protocol';
import { ServerClient } from '../src/client/server-client.ts';
import { startFreshDemoServer } from './demo-server.ts';
import { loadVotingSetup } from '../src/client/vote-client.ts';
import {
  type OfficerContext,
  closeVoting,
  createElectionOverHttp,
  loadCredentialsAndOpen,
  publishElectionKey,
  publishNominationsDocument,
  formatCheckpoint,
  tallyElection,
} from '../src/commands/election/election-actions.ts';
import type { ResultContest } from '../src/commands/election/publish-record.ts';
import { electionDraft } from '../src/commands/packs/election-input.ts';
import { generatePackFiles } from '../src/commands/packs/generate.ts';
import { readAnswersFile } from '../src/commands/packs/pack-files.ts';
import { receivePostalPack } from '../src/commands/postal/postal.ts';
import {
  postDecryptionShare,
  runTrusteeCeremony,
} from '../src/commands/trustee/trustee-actions.ts';
import { createTrusteeKeyFile, manifestEntry } from '../src/commands/trustee/trustee-key-file.ts';
import { manifestDraft, prepareRoll, runNominations } from './demo-setup.ts';
import { postPostalBatches, receivePostalPacks, scanReturnSlip } from './demo-postal.ts';
import { publishDemoRecord } from './demo-results.ts';
import {
  type VoterPlan,
  answersOf,
  castOnlineVotes,
  intendedCounts,
  planVotes,
} from './demo-voting.ts';
import { castVote } from '../src/client/vote-client.ts';

export const DEMO_ARGON2 = { memorySize: 1024, iterations: 1, parallelism: 1, hashLength: 32 };
const TRUSTEES = 5;
const THRESHOLD = 3;
const ABSENT_TRUSTEES = [2, 5];

/** The election while it is open, for `--serve` and tests. */
export interface LiveElection {
  readonly url: string;
  readonly electionId: string;
  readonly adminKey: string;
  readonly plans: readonly VoterPlan[];
}

export interface DemoOptions {
  readonly voters: number;
  readonly outDir: string;
  readonly seed?: string;
  /** A postgres:// URL; default: an embedded PGlite database in DIR/database. */
  readonly database?: string;
  readonly port?: number;
  /** PDF packs to render (a sample); 0 for none. */
  readonly pdfLimit?: number;
  readonly nominations?: readonly (readonly [string, number])[];
  readonly concurrency?: number;
  readonly log?: (message: string) => void;
  /** Called while the election is open, after the demo's votes; returns extra online votes (0-based candidates) it cast. */
  readonly whileOpen?: (live: LiveElection) => Promise<readonly number[] | void>;
  /** Called once the result is published and verified, before the server stops (`--serve`). */
  readonly afterPublished?: (published: { url: string; electionId: string }) => Promise<void>;
}

export interface DemoOutcome {
  readonly nominations: NominationOutcome;
  readonly electionId?: string;
  readonly verified?: boolean;
  readonly matches?: boolean;
  readonly result?: readonly ResultContest[];
  readonly auditMissed: readonly string[];
  readonly auditWronglyFlagged: readonly string[];
  readonly crossChannelRefusals?: {
    readonly postAfterOnline: string | null;
    readonly onlineAfterPost: string;
  };
  readonly seconds: number;
}

export async function runDemo(options: DemoOptions): Promise<DemoOutcome> {
  const started = performance.now();
  const log = options.log ?? ((m: string) => void process.stdout.write(`${m}\n`));
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const out = resolve(options.outDir);
  mkdirSync(out, { recursive: true });
  const seed = options.seed ?? 'demo';
  const group = await loadGroup('sodium');

  log(
    `Scrutineer demo: ${options.voters} members, 3-of-5 trustees, online and postal voting, through the HTTP API`
  );
  const roll = prepareRoll(options.voters, seed, join(out, 'roll-audit.csv'));
  log(
    `[${elapsed()}] roll: ${roll.audit.members} members, ${roll.audit.eligible} eligible; audit: ${roll.audit.findings.length} findings naming ${roll.audit.flaggedMembers} members (${roll.missed.length === 0 ? 'every planted problem found' : `MISSED ${roll.missed.length}`}, ${roll.wronglyFlagged.length} clean members flagged)`
  );
  const nominations = runNominations(out, options.nominations);
  log(`[${elapsed()}] ${nominations.summary.trimEnd()}`);
  const outcome = nominations.closed.document.outcome;
  const base = {
    nominations: outcome,
    auditMissed: roll.missed,
    auditWronglyFlagged: roll.wronglyFlagged,
  };
  if (outcome.result !== 'ballot') {
    log(`No members' ballot is opened. Nominations: ${nominations.path}`);
    return { ...base, seconds: (performance.now() - started) / 1000 };
  }

  const electionId = `demo-leader-${randomBytes(3).toString('hex')}`;
  const { server, operatorKey, adminKey } = await startFreshDemoServer({
    out,
    database: options.database,
    port: options.port,
    checkpointIntervalMs: 5_000,
  });
  try {
    const client = new ServerClient(server.url);
    log(
      `[${elapsed()}] server at ${server.url} (${options.database === undefined ? `embedded PGlite in ${join(out, 'database')}` : 'PostgreSQL'})`
    );
    const trusteeFiles = Array.from({ length: TRUSTEES }, (_, i) =>
      createTrusteeKeyFile(group, electionId, i + 1, `Trustee ${i + 1}`)
    );
    const created = await createElectionOverHttp(
      client,
      operatorKey,
      manifestDraft({
        electionId,
        now: new Date(),
        nominations: nominations.closed,
        trustees: trusteeFiles.map(manifestEntry),
        threshold: THRESHOLD,
        roll: roll.commitment,
      }),
      adminKey
    );
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(created.manifest, null, 2)}\n`);
    log(
      `[${elapsed()}] election ${electionId} created over HTTP (manifest hash ${created.manifestHash})`
    );
    const officer: OfficerContext = { client, group, electionId, adminKey };
    // The board serves the nominations beside the record, so a verifier with only the board
    // (the browser) checks V1.3 as the CLI verifier does.
    const publishedNominations = await publishNominationsDocument(
      officer,
      readFileSync(nominations.path, 'utf8')
    );
    log(
      `[${elapsed()}] nominations.json published on the board (sha256 ${publishedNominations.hash})`
    );
    const trusteeContext = { client, group, electionId, timeoutMs: 120_000 };
    const [ceremonies, electionKey] = await Promise.all([
      Promise.all(trusteeFiles.map((file) => runTrusteeCeremony(trusteeContext, file))),
      publishElectionKey(officer, { complaintWaitMs: 500, timeoutMs: 120_000 }),
    ]);
    const keyed = ceremonies.map((c) => c.file);
    log(
      `[${elapsed()}] 3-of-5 key ceremony over HTTP: ${ceremonies.reduce((n, c) => n + c.complaints, 0)} complaints; election key ${electionKey}`
    );

    const packs = await generatePackFiles({
      roll: roll.roll,
      references: roll.references,
      election: electionDraft(created.manifest, created.manifest),
      outDir: out,
      group,
      answers: { parameters: DEMO_ARGON2 },
      fingerprint: { board: client, electionKey },
      pdf:
        (options.pdfLimit ?? 20) === 0
          ? false
          : { limit: options.pdfLimit ?? 20, boothUrl: `${server.url}/elections/${electionId}` },
    });
    log(
      `[${elapsed()}] ${packs.packs.packs.length} credentials and packs (answers hashed with LIGHT demo Argon2id m=${DEMO_ARGON2.memorySize} KiB t=${DEMO_ARGON2.iterations}; production uses the server default; ${packs.seconds.credentials.toFixed(1)} s credentials, ${packs.seconds.answers.toFixed(1)} s answers, ${packs.seconds.pdf.toFixed(1)} s PDF), ${packs.pdfPacks} PDF packs in ${packs.pdfFiles.length} file(s); fingerprint ${packs.fingerprint ?? '-'}`
    );
    const opened = await loadCredentialsAndOpen(officer, readAnswersFile(packs.paths.answers));
    log(
      `[${elapsed()}] voting open: ${opened.credentialCount} credentials, base hash ${opened.baseHash}`
    );

    const candidates = created.manifest.contests[0]?.candidates.length ?? 0;
    const plans = planVotes(memberRows(packs.packs), candidates, { reserve: 10, audits: 3 });
    const online = plans.filter((p) => p.channel === 'online');
    const postal = plans.filter((p) => p.channel === 'postal');
    const setup = await loadVotingSetup(client, group, electionId);
    let lastShown = 0;
    const cast = await castOnlineVotes(
      { client, group, electionId, setup },
      online,
      options.concurrency ?? 8,
      (done) => {
        if (done - lastShown >= 250) {
          lastShown = done;
          log(`[${elapsed()}]   ${done}/${online.length} online ballots cast`);
        }
      }
    );
    log(
      `[${elapsed()}] ${cast.accepted} online ballots encrypted client-side and cast over HTTP (${cast.audited} Benaloh-audited first)`
    );
    const received = await receivePostalPacks(
      client,
      electionId,
      adminKey,
      postal,
      join(out, 'postal'),
      log
    );
    log(`[${elapsed()}] ${received} postal envelopes received from the scanner's file`);
    const onlineVoter = online.find((p) => !p.audit);
    const postalVoter = postal[0];
    if (onlineVoter === undefined || postalVoter === undefined)
      throw new Error('too few members for the cross-channel attempts');
    const postAfterOnline = await receivePostalPack(
      client,
      electionId,
      adminKey,
      scanReturnSlip(onlineVoter.row)
    );
    const onlineAfterPost = await castVote({
      server: client,
      electionId,
      code: postalVoter.row.code,
      answers: answersOf(postalVoter.row),
      choices: ['1'],
      group,
      setup,
    });
    const crossChannel = {
      postAfterOnline,
      onlineAfterPost: onlineAfterPost.ok ? 'ACCEPTED' : onlineAfterPost.code,
    };
    log(
      `[${elapsed()}] double votes across channels: a postal pack from an online voter → ${postAfterOnline ?? 'ACCEPTED'}; an online vote after a postal return → ${crossChannel.onlineAfterPost}`
    );

    const extra =
      (await options.whileOpen?.({ url: server.url, electionId, adminKey, plans })) ?? [];
    await closeVoting(officer);
    log(`[${elapsed()}] voting closed`);
    // Spec §9.5: the set of returns is fixed at the close, before the abstainers are known.
    const abstainer = plans.find((p) => p.channel === 'none');
    if (abstainer !== undefined) {
      const late = await receivePostalPack(
        client,
        electionId,
        adminKey,
        scanReturnSlip(abstainer.row)
      );
      log(
        `[${elapsed()}] a postal return for an abstainer after the close, with the slip's own secret → ${late ?? 'ACCEPTED'}`
      );
      if (late !== 'postal/after-close')
        throw new Error(`a postal return after the close was not refused (${late ?? 'accepted'})`);
    }
    const batches = await postPostalBatches(
      client,
      electionId,
      adminKey,
      created.manifest,
      postal,
      join(out, 'postal'),
      log
    );
    log(
      `[${elapsed()}] ${batches.batches} postal batches keyed twice and posted: ${batches.papers} papers, ${batches.spoilt} spoilt, ${batches.mismatchesFlagged} mismatch(es) flagged and resolved first`
    );

    const present = keyed.filter((f) => !ABSENT_TRUSTEES.includes(f.trustee));
    const sharing: Promise<void>[] = [];
    const tally = await tallyElection(officer, {
      timeoutMs: 300_000,
      // The officer announces the sealing checkpoint; each trustee checks the record up to it.
      // The officer announces the checkpoint sealing the tally; each trustee checks the record
      // up to it before decrypting (spec §8.2.1).
      onWaiting: (checkpoint) => {
        log(`[${elapsed()}] tally sealed by checkpoint ${formatCheckpoint(checkpoint)}`);
        sharing.push(
          Promise.all(present.map((f) => postDecryptionShare(trusteeContext, f, checkpoint))).then(
            () => undefined
          )
        );
      },
    });
    await Promise.all(sharing);
    log(
      `[${elapsed()}] tally of ${tally.ballots} ballots decrypted by trustees ${tally.trustees.join(', ')} (trustees ${ABSENT_TRUSTEES.join(' and ')} absent); result posted`
    );

    const { verified, matches, contests } = await publishDemoRecord({
      client,
      electionId,
      out,
      manifest: created.manifest,
      result: tally.result,
      intended: [
        intendedCounts(plans, 'online', candidates),
        intendedCounts(plans, 'postal', candidates),
      ],
      extraOnline: extra,
      uncounted: tally.ballots - cast.accepted - extra.length,
      packsLine: `${packs.paths.pdfDirectory} (${packs.pdfPacks} sample packs), printer's file ${packs.paths.print}`,
      log,
      elapsed,
    });
    await options.afterPublished?.({ url: server.url, electionId });
    return {
      ...base,
      electionId,
      verified,
      matches,
      result: contests,
      crossChannelRefusals: crossChannel,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await server.close();
  }
}
