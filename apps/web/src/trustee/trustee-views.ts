/**
 * @module The trustee page's views: one section per step of the ceremony, the rehearsal and the
 * decryption, from the page's state. Text only through the DOM builder; every control labelled;
 * a busy page says so in a live region; errors in a focused summary linking to their field.
 */
import { type Child, button, errorSummary, h } from '../dom.ts';
import { tt } from './i18n/trustee-i18n.ts';
import type { Download, TrusteePage } from './trustee-controller.ts';

function downloadLink(file: Download | undefined, label: string, id: string): Child {
  if (file === undefined) return null;
  return h('p', {}, h('a', { href: file.url, download: file.name, id, class: 'download' }, label));
}

function list(values: readonly number[]): string {
  return values.length === 0 ? tt('trustee.none') : values.join(', ');
}

function fileInput(
  id: string,
  label: string,
  hint: string,
  onFile: (file: File) => void
): HTMLElement {
  const input = h('input', {
    type: 'file',
    id,
    accept: '.json,.ceremony,application/json',
    'aria-describedby': `${id}-hint`,
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) onFile(file);
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('p', { class: 'hint', id: `${id}-hint` }, hint),
    input
  );
}

function textField(
  id: string,
  label: string,
  value: string,
  onInput: (value: string) => void,
  hint?: string
): HTMLElement {
  const input = h('input', {
    type: 'text',
    id,
    value,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': hint === undefined ? undefined : `${id}-hint`,
  });
  input.addEventListener('input', () => onInput(input.value));
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    hint === undefined ? null : h('p', { class: 'hint', id: `${id}-hint` }, hint),
    input
  );
}

function withoutKey(page: TrusteePage): Child[] {
  const { state } = page;
  return [
    h(
      'section',
      { 'aria-labelledby': 'open-title' },
      h('h2', { id: 'open-title' }, tt('trustee.openTitle')),
      fileInput('key-file', tt('trustee.keyFile'), tt('trustee.openHint'), (file) => {
        void page.openKeyFile(file);
      })
    ),
    // A key is made before the manifest names it; once the election is set up it is too late.
    state.loaded && state.manifest === null
      ? h(
          'section',
          { 'aria-labelledby': 'create-title' },
          h('h2', { id: 'create-title' }, tt('trustee.createTitle')),
          h('p', {}, tt('trustee.createHint')),
          textField('trustee-name', tt('trustee.name'), state.name, (v) => page.setName(v)),
          button(tt('trustee.create'), () => page.createKey(), { id: 'create-key' })
        )
      : null,
  ];
}

function saveStep(page: TrusteePage): Child[] {
  const { state } = page;
  const share = state.awaitingSave === 'share';
  return [
    h(
      'section',
      { 'aria-labelledby': 'save-title' },
      h('h2', { id: 'save-title' }, tt(share ? 'trustee.doneTitle' : 'trustee.savedTitle')),
      h('p', {}, tt(share ? 'trustee.shareSavedText' : 'trustee.savedText')),
      share
        ? downloadLink(state.downloads.share, tt('trustee.downloadShare'), 'download-key')
        : downloadLink(state.downloads.key, tt('trustee.downloadKey'), 'download-key'),
      share
        ? null
        : downloadLink(
            state.downloads.publicEntry,
            tt('trustee.downloadPublic'),
            'download-public'
          ),
      button(tt('trustee.continue'), () => page.saved(), { id: 'saved' })
    ),
  ];
}

function ceremonySteps(page: TrusteePage): Child[] {
  const { state } = page;
  const progress = page.progress();
  const refresh = button(tt('trustee.refresh'), () => page.refresh(), {
    class: 'secondary',
    id: 'refresh',
  });
  if (state.manifest === null)
    return [h('p', { id: 'status' }, tt('trustee.waitManifest')), refresh];
  if (progress === null) return [];
  const dealt = h(
    'p',
    { id: 'dealt' },
    tt('trustee.dealt', {
      count: progress.dealers.length,
      total: progress.trustees,
      list: list(progress.dealers),
    })
  );
  const stateBackup = downloadLink(
    state.downloads.state,
    tt('trustee.downloadState'),
    'download-state'
  );
  if (state.needStateFile)
    return [
      fileInput('state-file', tt('trustee.stateFile'), tt('trustee.stateFileHint'), (file) => {
        void page.openStateFile(file);
      }),
    ];
  switch (progress.next) {
    case 'deal':
      return [
        h('h2', {}, tt('trustee.dealTitle')),
        h('p', {}, tt('trustee.dealText')),
        dealt,
        button(tt('trustee.deal'), () => page.deal(), { id: 'deal' }),
      ];
    case 'wait-for-dealers':
      return [stateBackup, dealt, h('p', { id: 'status' }, tt('trustee.waitDealers')), refresh];
    case 'check-shares':
      return [
        stateBackup,
        dealt,
        sharesChecked(page),
        h('p', { id: 'status' }, tt('trustee.waitKey')),
        refresh,
      ];
    case 'not-qualified':
      return [h('p', { class: 'notice error', id: 'status' }, tt('trustee.notQualified'))];
    case 'conclude':
      return [
        h('p', {}, tt('trustee.concludeText')),
        button(tt('trustee.conclude'), () => page.conclude(), { id: 'conclude' }),
      ];
  }
}

function sharesChecked(page: TrusteePage): Child {
  const { checked, file } = page.state;
  const progress = page.progress();
  if (checked === null || file === null || progress === null) return null;
  const complained = new Set(
    progress.complaints.filter((c) => c.trustee === file.trustee).map((c) => c.dealer)
  );
  const items = progress.dealers
    .filter((dealer) => dealer !== file.trustee)
    .map((dealer) => {
      if (checked.good.includes(dealer))
        return h('li', { class: 'share-good' }, tt('trustee.shareGood', { dealer }));
      return h(
        'li',
        { class: 'share-bad' },
        h('p', {}, tt('trustee.shareBad', { dealer })),
        complained.has(dealer)
          ? h('p', { class: 'notice ok' }, tt('trustee.complained', { dealer }))
          : button(tt('trustee.complain', { dealer }), () => page.complain(dealer), {
              id: `complain-${dealer}`,
            })
      );
    });
  return h(
    'section',
    { 'aria-labelledby': 'check-title' },
    h('h2', { id: 'check-title' }, tt('trustee.checkTitle')),
    h('ul', { id: 'shares' }, ...items)
  );
}

function afterCeremony(page: TrusteePage): Child[] {
  const { state } = page;
  const progress = page.progress();
  const file = state.file;
  if (progress === null || file === null) return [];
  const rehearsed = progress.rehearsed.includes(file.trustee);
  const decrypted = progress.decrypted.includes(file.trustee);
  return [
    h('p', { class: 'notice ok' }, tt('trustee.doneText')),
    h(
      'section',
      { 'aria-labelledby': 'rehearse-title' },
      h('h2', { id: 'rehearse-title' }, tt('trustee.rehearseTitle')),
      h('p', {}, tt('trustee.rehearseText')),
      h(
        'p',
        { id: 'rehearsed-by' },
        tt('trustee.rehearsedBy', {
          list: list(progress.rehearsed),
          count: progress.rehearsed.length,
          total: progress.trustees,
          threshold: progress.threshold,
        })
      ),
      rehearsed
        ? h('p', { class: 'notice ok', id: 'rehearsed' }, tt('trustee.rehearsed'))
        : progress.tallied
          ? null
          : button(tt('trustee.rehearse'), () => page.rehearse(), { id: 'rehearse' })
    ),
    h(
      'section',
      { 'aria-labelledby': 'decrypt-title' },
      h('h2', { id: 'decrypt-title' }, tt('trustee.decryptTitle')),
      decrypted
        ? h('p', { class: 'notice ok', id: 'decrypted' }, tt('trustee.decrypted'))
        : !progress.tallied
          ? h('p', { id: 'no-tally' }, tt('trustee.noTally'))
          : h(
              'div',
              {},
              h('p', {}, tt('trustee.decryptText')),
              textField(
                'checkpoint',
                tt('trustee.checkpoint'),
                state.checkpoint,
                (v) => page.setCheckpoint(v),
                tt('trustee.checkpointHint')
              ),
              button(tt('trustee.decrypt'), () => page.decrypt(), { id: 'decrypt' })
            ),
      button(tt('trustee.refresh'), () => page.refresh(), { class: 'secondary', id: 'refresh' })
    ),
  ];
}

export function trusteeView(page: TrusteePage): Child[] {
  const { state } = page;
  const body: Child[] =
    state.awaitingSave !== null
      ? saveStep(page)
      : state.file === null
        ? withoutKey(page)
        : state.file.secretShare === undefined
          ? ceremonySteps(page)
          : afterCeremony(page);
  return [
    h('h1', {}, tt('trustee.title', { index: state.index, election: state.electionId })),
    h('p', {}, tt('trustee.intro')),
    state.errors.length === 0 ? null : errorSummary(tt('trustee.errorTitle'), state.errors),
    h('p', { role: 'status', class: 'busy', id: 'busy' }, state.busy ? tt('trustee.working') : ''),
    ...body,
  ];
}
