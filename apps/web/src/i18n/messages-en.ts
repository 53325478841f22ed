/**
 * @module English messages: every string the web app shows. `{name}` marks a parameter. The Welsh
 * catalogue (messages-cy.ts) must have every key (the type makes a missing one an error).
 */
import { checksEn } from './checks-en.ts';

export const en = {
  'app.name': 'Scrutineer',
  'app.skip': 'Skip to main content',
  'app.switchTo': 'Cymraeg',
  'app.switchToLabel': 'Darllenwch y dudalen hon yn Gymraeg (read this page in Welsh)',
  'app.loading': 'Loading the election…',
  'app.notFound': 'Page not found',
  'app.notFoundText': 'Check the address printed in your voting pack.',
  'app.loadFailed': 'We could not load this election. Check your connection and try again.',
  'app.checkFailed':
    'This device could not confirm the election details against the public record, so it will not let you vote here. Vote by post instead, and report this to the returning officer.',
  'app.keyNotFromCeremony':
    "The election key does not follow from the trustees' ceremony, so this device will not encrypt a ballot with it. Do not vote here: vote by post instead, and report this to the returning officer.",
  'app.footerTracker': 'Find a ballot by its tracker',
  'app.footerPack': 'Was my pack used?',
  'app.footerTurnout': 'Turnout',
  'app.footerBooth': 'Voting booth',
  'app.errorSummary': 'There is a problem',

  'landing.opens': 'Voting opens',
  'landing.closes': 'Voting closes',
  'landing.fingerprint': 'Election fingerprint',
  'landing.fingerprintHelp':
    'Check that this matches the fingerprint printed in your voting pack. If it does not, do not vote here.',
  'landing.start': 'Start voting',
  'landing.needs': 'You will need the voting code from your pack and your answers to: {questions}.',
  'landing.postTitle': 'Vote by post instead',
  'landing.postText':
    'You can fill in the paper ballot in your pack and post it in the prepaid envelope.',
  'landing.firstCounts': 'Only your first vote counts, by post or online.',
  'landing.notOpen': 'Voting has not opened yet. It opens on {opens}.',
  'landing.closed': 'Voting has closed. You can no longer vote in this election.',
  'landing.setup': 'This election is still being set up.',

  'signIn.title': 'Sign in with your voting pack',
  'signIn.code': 'Voting code',
  'signIn.codeHint':
    'The 24 letters and numbers on your pack, for example ABCD-EFGH-JKMN-PQRS-TVWX-YZ01. Hyphens and spaces are optional.',
  'scan.start': 'Scan the QR code instead',
  'scan.stop': 'Stop scanning',
  'scan.help':
    'Hold the QR code printed beside your voting code in front of the camera. The picture stays on this device and is not sent anywhere.',
  'scan.photo': 'Or choose a photo of the QR code',
  'scan.starting': 'Starting the camera…',
  'scan.looking': 'Looking for the QR code…',
  'scan.noCamera': 'The camera could not be used. Type the code, or choose a photo of the QR code.',
  'scan.photoNotFound':
    'No QR code was found in that photo. Try a clearer photo, or type the code.',
  'scan.notACode':
    'That QR code is not a voting code. Use the one printed beside your voting code.',
  'scan.read': 'Code read from the QR code. Check it matches your pack.',
  'signIn.answersHint': 'Answer exactly as on your membership record.',
  'signIn.submit': 'Sign in',
  'signIn.working': 'Checking your code…',
  'signIn.codeEmpty': 'Enter the voting code from your pack',
  'signIn.codeLength': 'The voting code has 24 letters and numbers; you entered {count}',
  'signIn.codeCharacter':
    'Character {position} of the voting code is not one that codes use. Check it against your pack',
  'signIn.codeCheck':
    'The voting code does not add up: check character {position} against your pack',
  'signIn.codeCheckNoPosition':
    'The voting code does not add up: check each character against your pack',
  'signIn.codeSuggestion': 'Did you mean {suggestion}?',
  'signIn.answerEmpty': 'Enter your answer to “{question}”',
  'signIn.failed':
    'We could not sign you in. Check the voting code and your answers. After 5 wrong tries your pack is locked.',
  'signIn.locked':
    'Your pack is locked after too many wrong answers. You can still vote by post with the paper ballot in your pack, or ask the returning officer for a replacement pack.',
  'signIn.revoked':
    'This pack has been replaced and can no longer be used. Use the newest pack you were sent.',
  'signIn.rateLimited': 'Too many attempts from this connection. Wait a few minutes and try again.',
  'signIn.unavailable': 'The voting service is not responding. Try again in a few minutes.',

  'voted.title': 'You have already voted',
  'voted.online': 'A ballot for your pack was cast online.',
  'voted.postal': 'A ballot for your pack was received by post.',
  'voted.final': 'Only your first vote counts, so you cannot vote again.',
  'voted.tracker': 'Tracker of the ballot cast online: {tracker}',

  'ballot.title': 'Your ballot',
  'ballot.chooseOne': 'Choose 1 candidate.',
  'ballot.chooseExactly': 'Choose {count} candidates.',
  'ballot.chooseUpTo': 'Choose up to {max} candidates, or none.',
  'ballot.chooseBetween': 'Choose at least {min} and at most {max} candidates.',
  'ballot.tooMany': 'Select no more than {max} candidates for {contest}',
  'ballot.tooFew': 'Select at least {min} candidates for {contest}',
  'ballot.selectOne': 'Select a candidate for {contest}',
  'ballot.continue': 'Review my choices',
  'ranking.rule':
    'Number the candidates in order of preference: 1 beside your first choice, 2 beside your second, and so on. Number as many or as few as you like.',
  'ranking.seats': 'There are {seats} seats to fill.',
  'ranking.notNumber':
    '{contest}: the number beside {candidate} must be a whole number, like 1 or 2',
  'ranking.outOfRange': '{contest}: the number beside {candidate} must be between 1 and {max}',
  'ranking.repeated':
    '{contest}: you put {number} beside more than one candidate ({candidates}). Use each number only once',
  'ranking.gap':
    '{contest}: there is no {missing}. Number your choices 1, 2, 3 and so on without missing a number',
  'ranking.place': '{ordinal}: {candidate}',
  'ranking.none': 'No candidate numbered',
  'audit.rankedPlace': '{contest}, place {place}',
  'audit.rankedValue': 'Recorded value: {value} ({meaning})',
  'audit.rankedStop': 'end of the ranking',
  'audit.rankedUnranked': 'not ranked: never decrypted',

  'review.title': 'Check your choices',
  'review.none': 'No candidate chosen',
  'review.change': 'Change my choices',
  'review.encrypt': 'Encrypt my ballot',
  'review.explain':
    'Next, this device locks your choices with the election key. Nobody, including the election staff, can read a locked ballot on its own.',

  'encrypting.title': 'Encrypting your ballot',
  'encrypting.checking': 'Checking the election key…',
  'encrypting.encrypting': 'Encrypting and proving your choices…',
  'encrypting.done': 'Your ballot is encrypted.',
  'encrypting.failed': 'Encryption failed on this device. Try again, or vote by post.',

  'decide.title': 'Cast your ballot or check this device',
  'decide.tracker': 'Tracker of this encrypted ballot',
  'decide.trackerHelp':
    'This code identifies your encrypted ballot on the public board. It does not show how you voted.',
  'decide.cast': 'Cast my ballot',
  'decide.castHelp': 'Casting is final: your ballot will be counted.',
  'decide.check': 'Check this device first',
  'decide.checkHelp':
    'Optional. The device shows how it locked this ballot so you or a second device can check it recorded your choices. That ballot is then spoilt and never counted, and your choices are locked again.',
  'decide.checkPrivacy':
    'Privacy: a checked ballot is published with its choices but without your sign-in, so neither the election server nor the public board is told it was yours. Whoever sees your internet traffic could still match a check and a vote sent from the same connection a moment apart; if that worries you, check on a different connection (for example a phone on mobile data) or cast without checking. One connection can check at most 20 ballots an hour.',
  'decide.casting': 'Casting your ballot…',
  'decide.closed': 'Voting closed before your ballot arrived. It was not counted.',
  'decide.notOpen': 'Voting is not open, so your ballot was not cast.',
  'decide.alreadyUsed':
    'A ballot has already been counted for your pack, so this one was not cast.',
  'decide.usedByPost':
    'Your postal ballot arrived first, so this one was not cast. Your postal vote counts.',
  'decide.sessionExpired': 'Your session ended. Sign in again to vote; nothing was cast.',
  'decide.failed': 'The ballot was not cast ({code}). Try again, or vote by post.',

  'audit.title': 'Device check: this ballot is spoilt',
  'audit.intro':
    'This is the encrypted ballot and the secret numbers used to lock it. It is published on the board as spoilt and will never be counted.',
  'audit.choices': 'Choices this ballot records',
  'audit.details': 'Show the encrypted ballot and its secret numbers',
  'audit.contestOption': '{contest}, {candidate}',
  'audit.vote': 'Recorded vote: {vote}',
  'audit.randomness': 'Secret number',
  'audit.ciphertext': 'Encrypted value',
  'audit.position': 'Published at board position {position}.',
  'audit.again': 'Encrypt my choices again',
  'audit.failed': 'The spoilt ballot could not be published ({code}).',

  'receipt.title': 'Your vote has been cast',
  'receipt.intro':
    'Keep this receipt. With the tracker you can check that your ballot is on the public board and was counted.',
  'receipt.tracker': 'Tracker',
  'receipt.time': 'Time received',
  'receipt.position': 'Board position',
  'receipt.signature': 'Board signature',
  'receipt.signatureValid': 'Signature checked on this device: valid.',
  'receipt.signatureInvalid':
    'Warning: the board signature on this receipt is not valid. Report this to the returning officer.',
  'receipt.copy': 'Copy receipt',
  'receipt.copied': 'Receipt copied.',
  'receipt.copyFailed': 'Copying is not allowed here; select the receipt text and copy it instead.',
  'receipt.print': 'Print receipt',
  'receipt.where':
    'To check it later, open “Find a ballot by its tracker” on this site and enter the tracker.',
  'receipt.signedOut': 'You have been signed out. Your voting code is not kept on this device.',

  'receipt.confirmChecking': 'Checking with the independent witnesses…',
  'receipt.confirmed':
    'Confirmed: your ballot is in a board checkpoint that enough independent witnesses have co-signed, so everyone sees the same board.',
  'receipt.notWitnessed':
    'Recorded by the board, but not yet confirmed by the independent witnesses. Check again in a few minutes; if it stays unconfirmed, keep your receipt.',
  'receipt.pending':
    'Recorded by the board; no signed checkpoint covers it yet. Check again in a few minutes.',
  'receipt.noWitnesses':
    'This election has no independent witnesses, so this page cannot confirm your ballot beyond the board’s own signature.',
  'receipt.notIncluded':
    'Warning: the board could not prove that your ballot is in its log. Keep your receipt and tell the returning officer.',
  'receipt.confirmFailed': 'The witnesses’ confirmation could not be checked just now.',
  'receipt.checkAgain': 'Check again',
  'receipt.disputeSummary': 'Cannot find your ballot on the board?',
  'receipt.disputeIntro':
    'If the board does not show your ballot where this receipt says, file the receipt as a dispute. The board must publish it, and every verifier checks it: a receipt for a ballot missing from the board makes the election record invalid.',
  'receipt.dispute': 'File a dispute with this receipt',
  'receipt.disputeFiled': 'Dispute filed: it is on the public board at position {position}.',
  'receipt.disputeRefused':
    'The board refused the dispute ({code}). Keep your receipt: anyone can check it against the published record.',
  'tracker.title': 'Find a ballot by its tracker',
  'tracker.label': 'Tracker',
  'tracker.hint': 'The 64 letters and numbers on your receipt.',
  'tracker.submit': 'Find ballot',
  'tracker.invalid': 'A tracker has 64 characters, using only 0–9 and a–f',
  'tracker.notFound': 'No ballot with this tracker is on the board.',
  'tracker.cast':
    'A cast ballot with this tracker is on the board at position {position}, received {time}.',
  'tracker.audited':
    'A spoilt (device-check) ballot with this tracker is on the board at position {position}, received {time}. It is not counted.',
  'tracker.superseded': 'A later ballot for the same pack replaced it.',

  'pack.title': 'Was my pack used?',
  'pack.intro':
    'Sign in with your pack to see whether a ballot was cast with it, online or by post. Signing in does not cast a vote.',
  'pack.unused': 'No ballot has been cast with your pack.',
  'pack.lockedNote': 'Your pack is locked for online sign-in.',

  'turnout.title': 'Turnout',
  'turnout.online': 'Voted online',
  'turnout.postal': 'Voted by post',
  'turnout.total': 'Total',
  'turnout.eligible': 'Members eligible',
  'turnout.note':
    'Only counts of voters are shown while voting is open, never counts per candidate.',

  'result.title': 'Result',
  'result.none':
    'There is no result yet. It is published after voting closes and the votes are counted.',
  'result.caption': 'Votes for each candidate in {contest}, online and by post',
  'result.candidate': 'Candidate',
  'app.footerResult': 'Result',
  'app.footerBoard': 'Public board',

  'board.title': 'The public board',
  'board.size': 'Entries',
  'board.head': 'Latest hash',
  'board.replacements': 'Replacement packs issued',
  'board.replacementsNone': 'none',
  'board.reason.lost': 'lost',
  'board.reason.damaged': 'damaged',
  'board.reason.not-received': 'not received',
  'board.reason.locked-out': 'locked out',
  'board.reason.compromised': 'compromised',
  'board.showing': 'Entries {first} to {last}',
  'board.position': 'Position',
  'board.time': 'Time (UTC)',
  'board.type': 'Entry',
  'board.previous': 'Earlier entries',
  'board.next': 'Later entries',
  'board.download': 'Download the record to verify it',
  'board.verifyHere': 'Or verify the whole record on this device',
  'board.checkpointsTitle': 'Checkpoints',
  'board.checkpointsIntro':
    'From time to time the board signs its size and the Merkle root of its entries. Each later checkpoint must extend every earlier one: entries can be added, never changed or removed.',
  'board.checkpointsCaption': 'The latest signed checkpoints, newest first',
  'board.root': 'Merkle root',
  'board.signature': 'Signature',
  'board.signatureValid': 'Valid',
  'board.signatureInvalid': 'Not valid',
  'board.noCheckpoints': 'No checkpoint has been signed yet.',
  'board.inclusionTitle': 'Check that a ballot is in the board',
  'board.inclusionIntro':
    'Enter a tracker. This device fetches a proof from the board and checks it against a signed checkpoint, so you need not take the board’s word that the ballot is there.',
  'board.inclusionCheck': 'Check inclusion',
  'board.inclusionOk':
    'Proven on this device: the ballot at position {position} is in the signed checkpoint of {size} entries.',
  'board.inclusionUnsigned':
    'Proven on this device: the ballot at position {position} is in the board’s {size} entries. No signed checkpoint covers it yet; check again later.',
  'board.proofBad':
    'The proof did not verify. The board may have been changed. Report this to the returning officer.',
  'board.consistencyTitle': 'Check that the board only grew',
  'board.consistencyIntro':
    'Choose two checkpoints. This device checks a proof that the later one contains the earlier one unchanged.',
  'board.consistencyFrom': 'Earlier checkpoint',
  'board.consistencyTo': 'Later checkpoint',
  'board.consistencyOption': 'Size {size}, {time}',
  'board.consistencyCheck': 'Check consistency',
  'board.consistencyOk':
    'Proven on this device: the board at size {to} contains the board at size {from} unchanged.',
  'board.consistencyOrder': 'Choose an earlier checkpoint with fewer entries than the later one.',

  'verify.title': 'Verify the record',
  'verify.intro':
    'This page downloads the public record of the election and checks it on this device: the chain of the board, the proofs on every ballot, the count and the result. These are the same numbered checks the scrutineer verify command runs, so you need not trust the server.',
  'verify.start': 'Start verifying',
  'verify.running': 'Checking the record…',
  'verify.progress': 'Read {events} of {size} entries. Proofs checked for {ballots} ballots.',
  'verify.progressLabel': 'Progress',
  'verify.passed': 'The record verifies: every check passed.',
  'verify.failed':
    'The record does not verify: {count} checks failed. Report this to the returning officer.',
  'verify.what': 'Checked {events} entries. The hash of the last:',
  'verify.tallyTitle': 'The verified result',
  'verify.tallyUnconfirmed':
    'The result in the record could not be confirmed (see the failed checks).',
  'verify.noTally': 'There is no result in the record yet. What is there so far has been checked.',
  'verify.cancelled': 'This election was cancelled; it has no result. The reason given: {reason}',
  'verify.checksTitle': 'The checks',
  'verify.faultsTitle': 'Faults of trustees',
  'verify.faultsIntro':
    'The protocol found these faults, each the doing of one trustee, and went on without that trustee’s part: they do not change the result and do not make the record invalid.',
  'verify.faultParty': 'Trustee {trustee}',
  'verify.checksCaption': 'Each numbered check of the verification specification and its outcome',
  'verify.check': 'Check',
  'verify.description': 'What is checked',
  'verify.outcome': 'Outcome',
  'verify.items': 'Items',
  'verify.statusPassed': 'Passed',
  'verify.statusFailed': 'Failed',
  'verify.statusNotReached': 'Not reached: nothing of this kind in the record',
  'verify.failureAt': 'Position {position}:',
  'verify.downloadFailed':
    'The record could not be downloaded. Check your connection and try again.',
  'verify.crashed':
    'The verifier stopped unexpectedly. Try again, or verify with the scrutineer command.',
  'verify.again': 'Verify again',
  'app.footerVerify': 'Verify the record',
  'home.title': 'Elections on this server',
  'home.none': 'There are no elections on this server yet.',
  'home.window': 'Voting from {opens} to {closes}.',
  'home.stage': 'Stage: {stage}.',
  'home.linksLabel': 'Pages for {title}',
  'turnout.byHour': 'Voters by hour',
  'turnout.byHourCaption': 'Voters in each hour (UTC), online and by post',
  'turnout.hour': 'Hour (UTC)',
  'turnout.noneYet': 'No one has voted yet.',
  'result.unverified':
    'This is the result as the board published it. This device has not checked it: ',
  'result.checkIt': 'check the record yourself',
  'result.elected': 'Elected',
  'result.noneElected': 'No candidate is elected.',
  'result.tied': 'A tie for the last seat: the party’s rules decide between {names}.',
  'result.seats': '{seats} seat(s); {papers} papers counted.',
  'result.percent': '% of papers',
  'result.rankedIrv': 'Alternative vote (instant run-off); {seats} seat(s).',
  'result.rankedStv': 'Single transferable vote ({rules} rules); {seats} seat(s).',
  'result.rankedPending':
    'The ranked count is pending: the result appears here once the rankings are counted.',
  'result.rankedBallots': '{ballots} ballots counted, {blank} of them blank.',
  'result.firstPreferences': 'First preferences',
  'result.firstCaption': 'First preferences for each candidate in {contest}',
  'result.percentValid': '% of ballots not blank',
  'result.stagesTitle': 'The count stage by stage',
  'result.stagesCaption':
    'Votes for each candidate at each stage of the count in {contest} (quota {quota})',
  'result.stage': 'Stage {stage}',
  'result.nonTransferable': 'Non-transferable',
  'result.rankedElsewhere':
    'A ranked contest: it is counted from the rankings, and its result is in the declaration.',
  'result.outcome': 'Outcome',
  'result.isElected': 'Elected',
  'result.isTied': 'Tied',
  'result.turnoutTitle': 'Turnout',
  'result.electorate': 'Members entitled to vote',
  'result.turnoutTotal': 'Total votes (turnout)',
  'result.spoilt': 'Spoilt postal papers',
  'result.rejected': 'Votes refused (a second vote, or from a replaced pack)',
  'result.print': 'Print this declaration',
  'result.contestTurnout':
    'Electorate for this contest: {electorate}; voted: {total} ({percent}%), {online} online and {postal} by post.',
  'result.contestWeighted':
    'Weighted: electorate {electorate}, voted {turnout} ({percent}%); shares are of {papers} weighted papers.',
  'result.collegeIntro':
    'Electoral college: the results of its parts combined by the published shares ({shares}).',
  'result.collegeCaption': 'Combined result of {college}',
  'result.collegePercent': 'Combined %',
  'result.collegeScore': 'Exact score',
  'result.collegeLeads': 'Leads',
  'verify.tallyUnverifiedTitle': 'The result in the record (not verified)',
  'verify.tallyNotShown':
    'The record does not verify, so no result from it is shown here as verified.',
  'landing.counted': 'Voting has closed and the votes have been counted.',
  'landing.closed.label': 'Voting closed',
  'landing.resultLink': 'See the result',
  'pack.start': 'Check my pack',
  'tracker.intro': 'Use the tracker on your receipt, or the one shown after a device check.',
  'tracker.counted': 'It is included in the count.',
  'tracker.toCount': 'It will be counted after voting closes.',
  'tracker.auditChecking': 'Checking the device check on this device…',
  'tracker.auditFailed': 'The device check could not be done just now. Try again in a minute.',
  'tracker.auditTitle': 'Device check',
  'tracker.auditOk':
    'Checked on this device: the spoilt ballot was locked correctly, and it holds exactly these choices.',
  'tracker.auditFault':
    'Warning: the spoilt ballot does not open to the choices it says. The device that made it may be faulty or tampered with. Do not vote on it, and tell the returning officer.',
  'tracker.auditCompare':
    'Compare these choices with the ones you made in the booth. If they are the same, the device you voted on encrypts your choices faithfully, and you can go back to it and cast your ballot.',
  'tracker.auditMismatch':
    'If they are not the same, do not vote on that device: vote by post or on another device, and tell the returning officer.',
  'tracker.auditReport': 'Keep the tracker: anyone can repeat this check on the public record.',
  'audit.secondTitle': 'Check it on a second device',
  'audit.stepOpen': 'On another phone or computer, open this address:',
  'audit.stepCompare':
    'It checks the spoilt ballot there and shows the choices it holds. They must be exactly the ones above.',
  'audit.stepMismatch':
    'Then come back here and choose “Encrypt my choices again”. If the choices differed, do not vote on this device: tell the returning officer.',
  'notMe.title': 'It was not you?',
  'notMe.intro': 'Someone else may have your voting code. Act now, before voting closes:',
  'notMe.post':
    'Vote by post with the paper ballot in your pack. A postal vote counts instead of any online vote made with your pack.',
  'notMe.again': 'Or vote online again now: in this election your last vote counts.',
  'notMe.officer':
    'Tell the returning officer, with the time and the tracker shown here. They can check the board entry, stop anyone using a replacement for your pack, and record your complaint.',
  'notMe.receipt':
    'If you did vote online, your receipt is evidence: it is signed by the board, and from the receipt page you can file it as a dispute that every verifier checks.',
  'contact.title': 'Contact',
  'contact.intro': 'Questions about this election: {name}',
  'contact.email': 'Email',
  'contact.phone': 'Phone',
  'receipt.fingerprint': 'Election fingerprint',
  'app.footerStart': 'Election start page',
  'signIn.resumed':
    'The page was reloaded. Sign in again to go on: your choices are kept, and your code is never stored on this device.',
  'nav.back': 'Back',
  'app.footerRoll': 'Check that you are counted',
  'roll.title': 'Check that you are counted',
  'roll.intro':
    'The election published a commitment to its roll of {count} members. With the member number and the roll reference from your pack, this device checks that you are one of them. Nothing you type here is sent anywhere.',
  'roll.member': 'Member number',
  'roll.memberHint': 'As printed on your pack, beside the roll reference.',
  'roll.reference': 'Roll reference',
  'roll.referenceHint':
    'The text in the roll QR code on your pack, starting ROLL1: (scan it with your phone’s camera app and paste it here).',
  'roll.submit': 'Check',
  'roll.memberEmpty': 'Enter your member number',
  'roll.referenceEmpty': 'Enter the roll reference from your pack',
  'roll.referenceMalformed':
    'The roll reference must start ROLL1: and be copied whole from your pack',
  'roll.counted':
    'Counted: checked on this device, you are entry {index} of the {count} members on the roll this election published.',
  'roll.otherRoll':
    'Not counted: this reference is for a different roll from the one this election published ({count} members).',
  'roll.notIncluded':
    'Not counted: this member number and reference are not on the roll this election published. Check that you typed your member number exactly as printed.',
  'roll.whatNow':
    'If you are sure it is right, tell the returning officer: a member left out of the roll cannot vote, and the record would not show it any other way.',
  ...checksEn,
} as const;

export type MessageKey = keyof typeof en;
