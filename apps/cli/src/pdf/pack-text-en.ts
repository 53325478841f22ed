/**
 * @module The fixed texts a ballot pack prints, in English (pack-page.ts draws them). Every key has
 * its Welsh text in pack-text-cy.ts, with the same `{parameters}` (a test checks both).
 */
export const packTextEn = {
  'letter.heading': 'Your ballot pack',
  'letter.memberNumber': 'Member number: {memberId}',
  'letter.packReference': 'Pack reference: {packId}',
  'letter.closes': 'Voting closes: {closes}',
  'letter.returnAddress': 'If undelivered, return to {organisation}',
  'code.heading': 'Your voting code',
  'fingerprint.pending': 'Election fingerprint: published on the public record when voting opens.',
  'fingerprint.value': 'Election fingerprint: {fingerprint}',
  'fingerprint.warning':
    'The voting website shows this fingerprint: if it shows another, you are not in this election, so stop.',
  'online.heading': 'To vote online',
  'online.website': 'the voting website',
  'online.steps':
    'Go to {where}, type your voting code or scan the QR code beside it. Check the fingerprint, make your choice and keep the receipt the website gives you.',
  'online.stepsWithQuestions':
    'Go to {where}, type your voting code or scan the QR code beside it, and answer the questions about your {questions}. Check the fingerprint, make your choice and keep the receipt the website gives you.',
  'post.heading': 'To vote by post',
  'post.beforeClose': 'before voting closes',
  'post.beforeTime': 'before {closes}',
  'post.summary': 'Follow "Voting by post" below; your envelope must arrive {before}.',
  'post.once':
    'Vote one way only: once your envelope is received you cannot vote online, and one that arrives after you voted online is refused.',
  'roll.heading': 'Check that you are counted',
  'roll.entry':
    'You are entry {index} of the {count} members on the published roll. Anyone can check it with the reference in the QR code on the right (or the numbers below):',
  'mark.heading': 'OFFICIAL MARK',
  'slip.heading': 'RETURN SLIP',
  'slip.instructions':
    'Put this slip in the large return envelope, beside the sealed ballot paper envelope, never inside it. It is scanned when your envelope arrives, to record that you voted by post; it is separated from your ballot paper before any envelope is opened.',
  'slip.credential': 'Credential',
  'slip.secret': 'Secret',
  'slip.style': 'Ballot style {mark}',
  'slip.weight': 'Weight {weight}',
  'postal.heading': 'Voting by post',
  'postal.step1': '1. Mark the ballot paper (second sheet). Write nothing else on it.',
  'postal.step2': '2. Tear it from the return slip along the dotted line.',
  'postal.step3': '3. Seal the ballot paper alone in the small ballot paper envelope.',
  'postal.step4':
    '4. Put that envelope and the return slip in the large return envelope, and post it.',
  'postal.count':
    'At the count, the return slip is scanned and set aside, and only then are the ballot paper envelopes of a whole tray mixed and opened: no one can tell whose paper is whose. Keep this letter.',
  'ballot.heading': 'BALLOT PAPER',
  'ballot.footer':
    'Do not write your name or your voting code on this paper. Seal it alone in the ballot paper envelope.',
  'ballot.tear':
    'Tear along this line: the slip above goes in the return envelope, the paper below alone in the ballot paper envelope.',
  'ballot.nextSheet': 'Your ballot paper is on the next sheet.',
  'select.exactlyOne': 'Vote for one candidate: put a cross (X) in one box.',
  'select.exactly': 'Vote for {count} candidates: put a cross (X) in {count} boxes.',
  'select.upToOne':
    'Vote for up to one candidate: put a cross (X) in the box of each candidate you choose.',
  'select.upTo':
    'Vote for up to {max} candidates: put a cross (X) in the box of each candidate you choose.',
  'select.between':
    'Vote for at least {min} and at most {max} candidates: put a cross (X) in each box you choose.',
  'select.ranked':
    'Number in order of preference: 1 in the box of your first choice, 2 your second, and so on, as many as you wish.',
  'list.and': '{first} and {last}',
} as const;

export type PackTextKey = keyof typeof packTextEn;
