/**
 * @module A ranked step posted through the board's staging from its spool (spec §11.8
 * "Staging", docs/decisions/0033): made and spooled (or read back from the spool an earlier run
 * left), staged a few parts at a time, only the parts the board lacks, and committed by its
 * upload's digest; or, when the board holds the step already and the spool is left (the answer
 * to the commit was lost), only the commit sent again to confirm it. The spool is removed once the
 * board has the step, or refused it for good.
 */
import { stagedStepOf } from '@scrutineer/api-contract';
import { type StagedPart, type StagedUpload, uploadStagedStep } from '@scrutineer/protocol';
import type { MixBody, RankedDecryptionShareBody } from '@scrutineer/record';
import { ApiError } from '../../client/server-client.ts';
import type { RankedContext } from './ranked-actions.ts';
import { DEFAULT_SPOOL_DIR, stepSpool } from './step-spool.ts';
import { stagingTransport } from './staging-transport.ts';

/** Staged parts in flight at once when no `--concurrency` is given. */
export const DEFAULT_CONCURRENCY = 3;

/** The board's refusals after which the same step may still pass (its spool is kept). */
const NOT_YET: readonly string[] = [
  'ranked/out-of-order',
  'ranked/staging-incomplete',
  'election/wrong-stage',
];

/** A refusal of the board for the step itself (not the connection, not the client). */
const boardRefusal = (error: unknown): error is ApiError =>
  error instanceof ApiError && /^(mix|ranked|trustee)\//.test(error.code);

/** The step key and the staged upload of a spooled step, as `uploadStagedStep` sends it. */
function uploadOf<T extends MixBody | RankedDecryptionShareBody>(
  context: RankedContext,
  type: T extends MixBody ? 'mix' : 'ranked-decryption-share',
  whole: readonly T[],
  cut: (step: readonly T[], requestLimit: number) => StagedPart[],
  onBoard: boolean
) {
  const key = stagedStepOf({ type, body: whole[0] } as StagedPart);
  return uploadStagedStep(
    context.transport ?? stagingTransport(context),
    key,
    (limit) => cut(whole, limit),
    {
      concurrency: context.concurrency ?? DEFAULT_CONCURRENCY,
      onBoard,
      progress: (staged, parts) => context.log?.(`${key}: part ${staged} of ${parts} staged.`),
    }
  );
}

/**
 * Spec §11.8 "Staging": the step from the spool if an earlier run left it (else made and
 * spooled), staged part by part (only the parts the board lacks) and committed; the spool is
 * removed once the board appended the step, or refused it for good.
 */
export async function postStaged<T extends MixBody | RankedDecryptionShareBody>(
  context: RankedContext,
  type: T extends MixBody ? 'mix' : 'ranked-decryption-share',
  name: string,
  make: () => Promise<T[]> | T[],
  cut: (step: readonly T[], requestLimit: number) => StagedPart[]
): Promise<StagedUpload> {
  const spool = stepSpool<T[]>(context.spoolDir ?? DEFAULT_SPOOL_DIR, context.electionId, name);
  let step = spool.read();
  if (step === undefined) {
    step = await make();
    spool.write(step);
  } else context.log?.(`Resuming ${name} from ${spool.file}.`);
  try {
    const upload = await uploadOf(context, type, step, cut, false);
    spool.remove();
    return upload;
  } catch (error) {
    if (boardRefusal(error) && !NOT_YET.includes(error.code)) spool.remove();
    throw error;
  }
}

/**
 * Spec §11.8 "Staging": a step the board holds already whose spool an earlier run left (its
 * commit reached the board, its answer did not): the commit is sent again with the upload's
 * digest, and the board answers it as the first time if it holds this very upload, or refuses
 * (another run's step is on the board). Either way the spool is done with. Undefined when no
 * spool is left (a step posted by a run that saw its answer, or by another machine).
 */
export async function confirmStaged<T extends MixBody | RankedDecryptionShareBody>(
  context: RankedContext,
  type: T extends MixBody ? 'mix' : 'ranked-decryption-share',
  name: string,
  cut: (step: readonly T[], requestLimit: number) => StagedPart[]
): Promise<readonly T[] | undefined> {
  const spool = stepSpool<T[]>(context.spoolDir ?? DEFAULT_SPOOL_DIR, context.electionId, name);
  const step = spool.read();
  if (step === undefined) return undefined;
  context.log?.(`Resuming ${name} from ${spool.file}: the board has the step; confirming it.`);
  try {
    await uploadOf(context, type, step, cut, true);
  } catch (error) {
    if (boardRefusal(error)) spool.remove();
    throw error;
  }
  spool.remove();
  return step;
}
