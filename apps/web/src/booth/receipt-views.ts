/**
 * @module The receipt (spec §10.4: tracker, time, board position, board signature) with copy,
 * print and download, and the device-check page showing an audited ballot's openings.
 */
import type { AuditedBallot, Contest, Manifest } from '@scrutineer/record';
import { ApiError, api } from '../api.ts';
import { type Child, button, h } from '../dom.ts';
import { type MessageKey, candidateName, contestTitle, formatTime, t } from '../i18n/i18n.ts';
import { pageLink } from '../links.ts';
import { rankingInWords, rankingOfVector } from '../ranking-words.ts';
import type { ReceiptData } from '../worker-protocol.ts';
import type { Booth } from './booth.ts';

function receiptText(receipt: ReceiptData): string {
  return [
    `${t('receipt.tracker')}: ${receipt.tracker}`,
    `${t('receipt.time')}: ${receipt.time}`,
    `${t('receipt.position')}: ${receipt.position}`,
    `${t('receipt.signature')}: ${receipt.signature}`,
    `election: ${receipt.election}`,
    `eventHash: ${receipt.eventHash}`,
  ].join('\n');
}

const CONFIRMATION_MESSAGE: Readonly<Record<string, MessageKey>> = {
  confirmed: 'receipt.confirmed',
  'not-witnessed': 'receipt.notWitnessed',
  pending: 'receipt.pending',
  'no-witnesses': 'receipt.noWitnesses',
  'bad-checkpoint': 'receipt.notIncluded',
  'not-included': 'receipt.notIncluded',
};

/**
 * Spec §10.6.3: "confirmed" only when a checkpoint that includes the ballot carries the
 * witnesses' quorum, checked on this device; anything short of it says what is missing.
 */
function confirmationView(manifest: Manifest, receipt: ReceiptData): Child[] {
  const line = h('p', { class: 'notice', id: 'receipt-confirmation', role: 'status' });
  const check = (): void => {
    line.textContent = t('receipt.confirmChecking');
    line.dataset['state'] = 'checking';
    // Loaded on demand: it brings the noble group, and the booth's first script stays small.
    import('./ballot-confirmation.ts')
      .then(({ apiConfirmationReads, checkConfirmation }) =>
        checkConfirmation(manifest, receipt, apiConfirmationReads(manifest.electionId))
      )
      .then((outcome) => {
        line.dataset['state'] = outcome;
        line.className = outcome === 'confirmed' ? 'notice ok' : 'notice';
        line.textContent = t(CONFIRMATION_MESSAGE[outcome] ?? 'receipt.confirmFailed');
      })
      .catch(() => {
        line.dataset['state'] = 'failed';
        line.textContent = t('receipt.confirmFailed');
      });
  };
  check();
  return [line, button(t('receipt.checkAgain'), check, { class: 'no-print' })];
}

/**
 * Spec §9.5.5: a voter who cannot find this ballot on the board files the receipt, and the board
 * must publish it as a `receipt-dispute` that every verifier checks (V5.11).
 */
function disputeView(receipt: ReceiptData): Child {
  const status = h('p', { role: 'status', id: 'dispute-status' });
  const file = button(t('receipt.dispute'), () => {
    file.disabled = true;
    api
      .dispute(receipt.election, receipt)
      .then(
        (filed) => (status.textContent = t('receipt.disputeFiled', { position: filed.position }))
      )
      .catch((error: unknown) => {
        file.disabled = false;
        status.textContent = t('receipt.disputeRefused', {
          code: error instanceof ApiError ? error.code : 'network/unreachable',
        });
      });
  });
  return h(
    'details',
    { class: 'no-print', id: 'dispute' },
    h('summary', {}, t('receipt.disputeSummary')),
    h('p', {}, t('receipt.disputeIntro')),
    file,
    status
  );
}

export function receiptView(
  manifest: Manifest,
  receipt: ReceiptData,
  signatureValid: boolean,
  fingerprint: string | null
): Child[] {
  const status = h('p', { role: 'status', class: 'status' });
  const copy = button(t('receipt.copy'), () => {
    navigator.clipboard
      .writeText(receiptText(receipt))
      .then(() => (status.textContent = t('receipt.copied')))
      .catch(() => (status.textContent = t('receipt.copyFailed')));
  });
  return [
    // GOV.UK confirmation panel: the outcome first, in words, then what to keep.
    h('div', { class: 'panel', id: 'confirmation-panel' }, h('h1', {}, t('receipt.title'))),
    h('p', {}, t('receipt.intro')),
    h(
      'dl',
      { class: 'receipt', id: 'receipt' },
      h('dt', {}, t('receipt.tracker')),
      h('dd', { class: 'tracker', id: 'receipt-tracker' }, receipt.tracker),
      h('dt', {}, t('receipt.time')),
      h('dd', {}, h('time', { datetime: receipt.time }, formatTime(receipt.time))),
      h('dt', {}, t('receipt.position')),
      h('dd', { id: 'receipt-position' }, String(receipt.position)),
      h('dt', {}, t('receipt.signature')),
      h('dd', { class: 'hex' }, receipt.signature),
      fingerprint !== null && h('dt', {}, t('receipt.fingerprint')),
      fingerprint !== null && h('dd', { class: 'fingerprint' }, fingerprint)
    ),
    h(
      'p',
      { class: signatureValid ? 'notice ok' : 'notice error', id: 'receipt-check' },
      signatureValid ? t('receipt.signatureValid') : t('receipt.signatureInvalid')
    ),
    ...(signatureValid ? confirmationView(manifest, receipt) : []),
    ...(signatureValid ? [disputeView(receipt)] : []),
    h(
      'div',
      { class: 'actions no-print' },
      copy,
      button(t('receipt.print'), () => window.print())
    ),
    status,
    h('p', {}, t('receipt.where')),
    h('p', { class: 'hint' }, t('receipt.signedOut')),
  ];
}

/** One opened ciphertext in the device check's details: what it holds, and the numbers that show it. */
function openingDetail(holds: string, ciphertext: string, randomness: string): HTMLElement {
  return h(
    'dd',
    {},
    h('span', {}, holds),
    h('br'),
    h('span', {}, `${t('audit.ciphertext')}: `),
    h('code', { class: 'hex' }, ciphertext),
    h('br'),
    h('span', {}, `${t('audit.randomness')}: `),
    h('code', { class: 'hex' }, randomness)
  );
}

type OpenedRanking = NonNullable<AuditedBallot['contests'][number]['ranked']>;

/**
 * Spec §11.2: an opened ranked entry's positions: each value is a candidate (1 … n) before the
 * STOP, the STOP (0), or an unranked candidate after it, which the count never decrypts.
 */
function rankedDetails(contest: Contest, opened: OpenedRanking): HTMLElement[] {
  const stop = opened.values.indexOf(0);
  return opened.values.flatMap((value, p) => {
    const candidate = contest.candidates[value - 1];
    const name = candidate === undefined ? String(value) : candidateName(candidate);
    const meaning =
      value === 0
        ? t('audit.rankedStop')
        : p > stop
          ? `${name}, ${t('audit.rankedUnranked')}`
          : name;
    return [
      h('dt', {}, t('audit.rankedPlace', { contest: contestTitle(contest), place: p + 1 })),
      openingDetail(
        t('audit.rankedValue', { value, meaning }),
        opened.ciphertexts[p] ?? '',
        opened.randomness[p] ?? ''
      ),
    ];
  });
}

export function auditedView(booth: Booth, audited: AuditedBallot, receipt: ReceiptData): Child[] {
  const { manifest } = booth.state.election;
  // What the opened ballot holds, contest by contest, as the review showed it before encrypting.
  const chosen = h('dl', { class: 'review audit-choices', id: 'audit-choices' });
  const details = h('dl', { class: 'audit-details' });
  audited.contests.forEach((contest, c) => {
    // Spec §13.2: a styled ballot's entries name their contests.
    const spec =
      contest.contest === undefined
        ? manifest.contests[c]
        : manifest.contests.find((x) => x.id === contest.contest);
    const title = spec === undefined ? '' : contestTitle(spec);
    if (contest.ranked !== undefined && spec !== undefined) {
      const ranking = rankingOfVector(contest.ranked.values);
      chosen.append(
        h('dt', {}, title),
        h(
          'dd',
          {},
          ranking === null ? contest.ranked.values.join(', ') : rankingInWords(spec, ranking)
        )
      );
      return details.append(...rankedDetails(spec, contest.ranked));
    }
    const names: string[] = [];
    contest.selections.forEach((selection, j) => {
      const candidate = spec?.candidates[j];
      const name = candidate === undefined ? String(j + 1) : candidateName(candidate);
      if (selection.vote === 1) names.push(name);
      details.append(
        h('dt', {}, t('audit.contestOption', { contest: title, candidate: name })),
        openingDetail(
          t('audit.vote', { vote: selection.vote }),
          selection.ciphertext,
          selection.randomness
        )
      );
    });
    chosen.append(
      h('dt', {}, title),
      h('dd', {}, names.length > 0 ? names.join(', ') : t('review.none'))
    );
  });
  // The second device opens the tracker page with the tracker in the fragment (never sent to
  // the server), and checks the opening there (spec §9.4, V5.10).
  const link = pageLink(manifest.electionId, 'tracker', audited.tracker);
  const address = new URL(link, location.origin).href;
  return [
    h('h1', {}, t('audit.title')),
    h('p', {}, t('audit.intro')),
    h('h2', {}, t('receipt.tracker')),
    h('p', { class: 'tracker', id: 'audit-tracker' }, audited.tracker),
    h('p', {}, t('audit.position', { position: receipt.position })),
    h('h2', {}, t('audit.choices')),
    chosen,
    h('h2', {}, t('audit.secondTitle')),
    h(
      'ol',
      { class: 'steps', id: 'audit-steps' },
      h('li', {}, t('audit.stepOpen'), ' ', h('a', { href: link, id: 'audit-link' }, address)),
      h('li', {}, t('audit.stepCompare')),
      h('li', {}, t('audit.stepMismatch'))
    ),
    h('details', {}, h('summary', {}, t('audit.details')), details),
    button(t('audit.again'), () => void booth.encrypt(), { class: 'primary' }),
  ];
}
