/**
 * @module English messages of the trustee's page. `{name}` marks a parameter. The Welsh catalogue
 * (trustee-messages-cy.ts) must have every key (the type makes a missing one an error).
 */
export const trusteeEn = {
  'trustee.title': 'Trustee {index}: {election}',
  'trustee.intro':
    'Your key never leaves this device: it is made here, kept only in a file you download, and read back from that file. The server only sees your public messages.',
  'trustee.openTitle': 'Open your key file',
  'trustee.openHint': 'The file you saved when you made your key (it ends in .json).',
  'trustee.keyFile': 'Your key file',
  'trustee.stateFile': 'Your ceremony state file (ends in .ceremony)',
  'trustee.stateFileHint':
    'Your dealing is on the board but this browser no longer holds its state. Open the .ceremony file you downloaded when you dealt.',
  'trustee.createTitle': 'Make a new key',
  'trustee.createHint':
    'Only before the returning officer sets up the election. Then send them your public entry.',
  'trustee.name': 'Your name as the election will show it',
  'trustee.create': 'Make my key',
  'trustee.nameMissing': 'Enter your name',
  'trustee.errorTitle': 'There is a problem',
  'trustee.savedTitle': 'Save your key file now',
  'trustee.savedText':
    'This file is the only copy of your key. Keep it safe and private: without it you cannot take part in the count.',
  'trustee.downloadKey': 'Download your key file',
  'trustee.downloadPublic': 'Download your public entry for the returning officer',
  'trustee.downloadState': 'Download your ceremony state file (a backup, sealed under your key)',
  'trustee.downloadShare': 'Download your key file with your secret share',
  'trustee.shareSavedText':
    'Your key file now holds your secret share. Download it and keep it in place of the old one: it is the file you will use for the rehearsal and the count.',
  'trustee.continue': 'I have saved it: continue',
  'trustee.refresh': 'Check the board again',
  'trustee.waitManifest':
    'The returning officer has not set up this election yet. Send them your public entry; this page checks again by itself.',
  'trustee.dealTitle': 'Deal your shares',
  'trustee.dealText':
    'Your page makes a secret polynomial, keeps what it will need sealed under your key, and posts the commitments and the shares encrypted to each trustee.',
  'trustee.deal': 'Deal my shares',
  'trustee.dealt': 'Dealt: {count} of {total} trustees ({list}).',
  'trustee.waitDealers': 'Waiting for the other trustees to deal.',
  'trustee.checkTitle': 'Shares dealt to you',
  'trustee.shareGood': 'Share from trustee {dealer}: correct.',
  'trustee.shareBad': 'Share from trustee {dealer}: does not match its commitments.',
  'trustee.complain': 'Complain about trustee {dealer}’s share',
  'trustee.complained': 'Your complaint about trustee {dealer} is on the board.',
  'trustee.waitKey':
    'Waiting for the returning officer to publish the election key. This page checks again by itself.',
  'trustee.notQualified':
    'The election key was published before you dealt, so you are not one of this election’s qualified trustees.',
  'trustee.conclude': 'Take my secret share',
  'trustee.concludeText':
    'The election key is published. Your page now checks it follows from the ceremony and works out your secret share.',
  'trustee.doneTitle': 'The ceremony is over for you',
  'trustee.doneText': 'Your key file holds your secret share.',
  'trustee.rehearseTitle': 'Decryption rehearsal',
  'trustee.rehearseText':
    'Before voting opens, decrypt the published test ciphertext with the secret share in this file, so a lost or wrong file is found while it can still be replaced.',
  'trustee.rehearse': 'Rehearse the decryption',
  'trustee.rehearsed': 'You have rehearsed: the board checked your decryption.',
  'trustee.rehearsedBy':
    'Trustees who have rehearsed: {list} ({count} of {total}; {threshold} are needed at the count).',
  'trustee.decryptTitle': 'Decrypt the tally',
  'trustee.decryptText':
    'Enter the checkpoint the returning officer announced outside this server (size:root). Your page downloads the record, verifies it up to that checkpoint, and only then decrypts the tally sealed there.',
  'trustee.checkpoint': 'Checkpoint announced by the returning officer',
  'trustee.checkpointHint': 'For example 42:followed by 64 hexadecimal digits.',
  'trustee.checkpointInvalid':
    'Enter the checkpoint as its size, a colon, and 64 hexadecimal digits',
  'trustee.decrypt': 'Verify the tally and post my decryption share',
  'trustee.decrypted': 'Your decryption share of the tally is on the board.',
  'trustee.noTally':
    'The tally is not sealed yet: come back when the returning officer announces it.',
  'trustee.working': 'Working…',
  'trustee.none': 'none',
  'trustee.error.officer-key-file':
    'This is a returning officer’s key, not a trustee’s key file. Open the key file you made as a trustee.',
  'trustee.error.not-a-key-file': 'This is not a trustee key file.',
  'trustee.error.wrong-trustee':
    'This key file is trustee {trustee}’s for {election}, not the one this link is for.',
  'trustee.error.key-not-in-manifest':
    'This key file is not the key the election’s manifest names for this trustee.',
  'trustee.error.state': 'This ceremony state file cannot be used: {reason}',
  'trustee.error.board': 'The board refused: {reason}',
  'trustee.error.failed': 'Something went wrong: {reason}',
  'trustee.error.record':
    'The record does not verify up to that checkpoint, so nothing was decrypted: {reason}',
} as const;

export type TrusteeMessageKey = keyof typeof trusteeEn;
