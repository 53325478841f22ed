/**
 * @module Negeseuon Cymraeg (Welsh messages). Written by a non-native speaker: to be reviewed by a
 * native Welsh speaker before use (see the README). Every English key must be here.
 */
import { checksCy } from './checks-cy.ts';
import type { MessageKey } from './messages-en.ts';

export const cy: Readonly<Record<MessageKey, string>> = {
  'app.name': 'Scrutineer',
  'app.skip': 'Neidio i’r prif gynnwys',
  'app.switchTo': 'English',
  'app.switchToLabel': 'Read this page in English (darllenwch y dudalen hon yn Saesneg)',
  'app.loading': 'Wrthi’n llwytho’r etholiad…',
  'app.notFound': 'Heb ddod o hyd i’r dudalen',
  'app.notFoundText': 'Gwiriwch y cyfeiriad sydd wedi’i argraffu yn eich pecyn pleidleisio.',
  'app.loadFailed':
    'Nid oedd modd llwytho’r etholiad hwn. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
  'app.checkFailed':
    'Nid oedd y ddyfais hon yn gallu cadarnhau manylion yr etholiad yn erbyn y cofnod cyhoeddus, felly ni fydd yn gadael i chi bleidleisio yma. Pleidleisiwch drwy’r post yn lle hynny, a rhowch wybod i’r swyddog canlyniadau.',
  'app.keyNotFromCeremony':
    'Nid yw allwedd yr etholiad yn deillio o seremoni’r ymddiriedolwyr, felly ni fydd y ddyfais hon yn amgryptio papur pleidleisio gyda hi. Peidiwch â phleidleisio yma: pleidleisiwch drwy’r post yn lle hynny, a rhowch wybod i’r swyddog canlyniadau.',
  'app.footerTracker': 'Dod o hyd i bapur pleidleisio drwy ei god tracio',
  'app.footerPack': 'A gafodd fy mhecyn ei ddefnyddio?',
  'app.footerTurnout': 'Nifer a bleidleisiodd',
  'app.footerBooth': 'Bwth pleidleisio',
  'app.errorSummary': 'Mae problem',

  'landing.opens': 'Pleidleisio’n agor',
  'landing.closes': 'Pleidleisio’n cau',
  'landing.fingerprint': 'Ôl bys yr etholiad',
  'landing.fingerprintHelp':
    'Gwiriwch fod hwn yr un fath â’r ôl bys sydd wedi’i argraffu yn eich pecyn pleidleisio. Os nad yw, peidiwch â phleidleisio yma.',
  'landing.start': 'Dechrau pleidleisio',
  'landing.needs': 'Bydd angen y cod pleidleisio o’ch pecyn arnoch, a’ch atebion i: {questions}.',
  'landing.postTitle': 'Pleidleisio drwy’r post yn lle hynny',
  'landing.postText':
    'Gallwch lenwi’r papur pleidleisio yn eich pecyn a’i bostio yn yr amlen sydd wedi’i thalu ymlaen llaw.',
  'landing.firstCounts': 'Dim ond eich pleidlais gyntaf sy’n cyfrif, drwy’r post neu ar-lein.',
  'landing.notOpen': 'Nid yw’r pleidleisio wedi agor eto. Bydd yn agor ar {opens}.',
  'landing.closed': 'Mae’r pleidleisio wedi cau. Ni allwch bleidleisio yn yr etholiad hwn mwyach.',
  'landing.setup': 'Mae’r etholiad hwn yn dal i gael ei drefnu.',

  'signIn.title': 'Mewngofnodi gyda’ch pecyn pleidleisio',
  'signIn.code': 'Cod pleidleisio',
  'signIn.codeHint':
    'Y 24 llythyren a rhif ar eich pecyn, er enghraifft ABCD-EFGH-JKMN-PQRS-TVWX-YZ01. Does dim rhaid teipio’r cysylltnodau na’r bylchau.',
  'scan.start': 'Sganio’r cod QR yn lle hynny',
  'scan.stop': 'Stopio sganio',
  'scan.help':
    'Daliwch y cod QR sydd wedi’i argraffu wrth ymyl eich cod pleidleisio o flaen y camera. Mae’r llun yn aros ar y ddyfais hon ac nid yw’n cael ei anfon i unman.',
  'scan.photo': 'Neu dewiswch lun o’r cod QR',
  'scan.starting': 'Wrthi’n cychwyn y camera…',
  'scan.looking': 'Yn chwilio am y cod QR…',
  'scan.noCamera': 'Nid oedd modd defnyddio’r camera. Teipiwch y cod, neu dewiswch lun o’r cod QR.',
  'scan.photoNotFound':
    'Ni chafwyd hyd i god QR yn y llun hwnnw. Rhowch gynnig ar lun cliriach, neu teipiwch y cod.',
  'scan.notACode':
    'Nid cod pleidleisio yw’r cod QR hwnnw. Defnyddiwch yr un sydd wedi’i argraffu wrth ymyl eich cod pleidleisio.',
  'scan.read': 'Darllenwyd y cod o’r cod QR. Gwiriwch ei fod yn cyfateb i’ch pecyn.',
  'signIn.answersHint': 'Atebwch yn union fel sydd ar eich cofnod aelodaeth.',
  'signIn.submit': 'Mewngofnodi',
  'signIn.working': 'Wrthi’n gwirio’ch cod…',
  'signIn.codeEmpty': 'Rhowch y cod pleidleisio o’ch pecyn',
  'signIn.codeLength': 'Mae 24 llythyren a rhif yn y cod pleidleisio; rydych wedi rhoi {count}',
  'signIn.codeCharacter':
    'Nid yw nod {position} y cod pleidleisio yn un a ddefnyddir mewn codau. Gwiriwch ef yn erbyn eich pecyn',
  'signIn.codeCheck':
    'Nid yw’r cod pleidleisio yn gywir: gwiriwch nod {position} yn erbyn eich pecyn',
  'signIn.codeCheckNoPosition':
    'Nid yw’r cod pleidleisio yn gywir: gwiriwch bob nod yn erbyn eich pecyn',
  'signIn.codeSuggestion': 'Ai {suggestion} oedd gennych mewn golwg?',
  'signIn.answerEmpty': 'Rhowch eich ateb i “{question}”',
  'signIn.failed':
    'Nid oedd modd eich mewngofnodi. Gwiriwch y cod pleidleisio a’ch atebion. Ar ôl 5 cynnig anghywir bydd eich pecyn yn cael ei gloi.',
  'signIn.locked':
    'Mae eich pecyn wedi’i gloi ar ôl gormod o atebion anghywir. Gallwch bleidleisio drwy’r post o hyd gyda’r papur pleidleisio yn eich pecyn, neu ofyn i’r swyddog canlyniadau am becyn newydd.',
  'signIn.revoked':
    'Mae pecyn newydd wedi cymryd lle’r pecyn hwn, ac ni ellir ei ddefnyddio mwyach. Defnyddiwch y pecyn diweddaraf a anfonwyd atoch.',
  'signIn.rateLimited':
    'Gormod o gynigion o’r cysylltiad hwn. Arhoswch ychydig funudau a rhowch gynnig arall arni.',
  'signIn.unavailable':
    'Nid yw’r gwasanaeth pleidleisio yn ymateb. Rhowch gynnig arall arni ymhen ychydig funudau.',

  'voted.title': 'Rydych chi eisoes wedi pleidleisio',
  'voted.online': 'Cafodd pleidlais ei bwrw ar-lein gyda’ch pecyn.',
  'voted.postal': 'Cafodd pleidlais o’ch pecyn ei derbyn drwy’r post.',
  'voted.final': 'Dim ond eich pleidlais gyntaf sy’n cyfrif, felly ni allwch bleidleisio eto.',
  'voted.tracker': 'Cod tracio’r bleidlais a fwriwyd ar-lein: {tracker}',

  'ballot.title': 'Eich papur pleidleisio',
  'ballot.chooseOne': 'Dewiswch 1 ymgeisydd.',
  'ballot.chooseExactly': 'Dewiswch {count} ymgeisydd.',
  'ballot.chooseUpTo': 'Dewiswch hyd at {max} ymgeisydd, neu ddim un.',
  'ballot.chooseBetween': 'Dewiswch o leiaf {min} ac ar y mwyaf {max} ymgeisydd.',
  'ballot.tooMany': 'Dewiswch ddim mwy na {max} ymgeisydd ar gyfer {contest}',
  'ballot.tooFew': 'Dewiswch o leiaf {min} ymgeisydd ar gyfer {contest}',
  'ballot.selectOne': 'Dewiswch ymgeisydd ar gyfer {contest}',
  'ballot.continue': 'Adolygu fy newisiadau',
  'ranking.rule':
    'Rhifwch yr ymgeiswyr yn nhrefn eich dewis: 1 wrth eich dewis cyntaf, 2 wrth eich ail ddewis, ac ati. Rhifwch gymaint neu gyn lleied ag y dymunwch.',
  'ranking.seats': 'Mae {seats} sedd i’w llenwi.',
  'ranking.notNumber': '{contest}: rhaid i’r rhif wrth {candidate} fod yn rhif cyfan, fel 1 neu 2',
  'ranking.outOfRange': '{contest}: rhaid i’r rhif wrth {candidate} fod rhwng 1 a {max}',
  'ranking.repeated':
    '{contest}: rydych wedi rhoi {number} wrth fwy nag un ymgeisydd ({candidates}). Defnyddiwch bob rhif unwaith yn unig',
  'ranking.gap':
    '{contest}: does dim {missing}. Rhifwch eich dewisiadau 1, 2, 3 ac ati heb hepgor rhif',
  'ranking.place': '{ordinal}: {candidate}',
  'ranking.none': 'Dim ymgeisydd wedi’i rifo',
  'audit.rankedPlace': '{contest}, safle {place}',
  'audit.rankedValue': 'Gwerth a gofnodwyd: {value} ({meaning})',
  'audit.rankedStop': 'diwedd y drefn',
  'audit.rankedUnranked': 'heb ei rifo: ni chaiff byth ei ddadgryptio',

  'review.title': 'Gwiriwch eich dewisiadau',
  'review.none': 'Dim ymgeisydd wedi’i ddewis',
  'review.change': 'Newid fy newisiadau',
  'review.encrypt': 'Amgryptio fy mhapur pleidleisio',
  'review.explain':
    'Nesaf, bydd y ddyfais hon yn cloi eich dewisiadau gydag allwedd yr etholiad. Ni all neb, gan gynnwys staff yr etholiad, ddarllen papur pleidleisio wedi’i gloi ar ei ben ei hun.',

  'encrypting.title': 'Wrthi’n amgryptio eich papur pleidleisio',
  'encrypting.checking': 'Wrthi’n gwirio allwedd yr etholiad…',
  'encrypting.encrypting': 'Wrthi’n amgryptio a phrofi eich dewisiadau…',
  'encrypting.done': 'Mae eich papur pleidleisio wedi’i amgryptio.',
  'encrypting.failed':
    'Methodd yr amgryptio ar y ddyfais hon. Rhowch gynnig arall arni, neu pleidleisiwch drwy’r post.',

  'decide.title': 'Bwrw eich pleidlais neu wirio’r ddyfais hon',
  'decide.tracker': 'Cod tracio’r papur pleidleisio amgryptiedig hwn',
  'decide.trackerHelp':
    'Mae’r cod hwn yn dangos ble mae eich papur pleidleisio amgryptiedig ar y bwrdd cyhoeddus. Nid yw’n dangos sut y gwnaethoch bleidleisio.',
  'decide.cast': 'Bwrw fy mhleidlais',
  'decide.castHelp': 'Mae bwrw’r bleidlais yn derfynol: bydd eich pleidlais yn cael ei chyfrif.',
  'decide.check': 'Gwirio’r ddyfais hon yn gyntaf',
  'decide.checkHelp':
    'Dewisol. Mae’r ddyfais yn dangos sut y cafodd y papur hwn ei gloi, er mwyn i chi neu ail ddyfais wirio ei fod yn cofnodi eich dewisiadau. Yna caiff y papur hwnnw ei ddifetha ac ni chaiff byth ei gyfrif, a chaiff eich dewisiadau eu cloi eto.',
  'decide.checkPrivacy':
    'Preifatrwydd: caiff papur wedi’i wirio ei gyhoeddi gyda’i ddewisiadau ond heb eich mewngofnodi, felly ni chaiff gweinydd yr etholiad na’r bwrdd cyhoeddus wybod mai chi oedd piau’r papur. Gallai rhywun sy’n gweld eich traffig rhyngrwyd gysylltu gwiriad a phleidlais a anfonwyd o’r un cysylltiad o fewn ychydig eiliadau; os yw hynny’n eich poeni, gwiriwch ar gysylltiad gwahanol (er enghraifft ffôn ar ddata symudol) neu bwriwch eich pleidlais heb wirio. Gall un cysylltiad wirio hyd at 20 papur yr awr.',
  'decide.casting': 'Wrthi’n bwrw eich pleidlais…',
  'decide.closed': 'Caeodd y pleidleisio cyn i’ch pleidlais gyrraedd. Ni chafodd ei chyfrif.',
  'decide.notOpen': 'Nid yw’r pleidleisio ar agor, felly ni chafodd eich pleidlais ei bwrw.',
  'decide.alreadyUsed':
    'Mae pleidlais eisoes wedi’i chyfrif ar gyfer eich pecyn, felly ni chafodd hon ei bwrw.',
  'decide.usedByPost':
    'Cyrhaeddodd eich pleidlais bost yn gyntaf, felly ni chafodd hon ei bwrw. Eich pleidlais bost sy’n cyfrif.',
  'decide.sessionExpired':
    'Daeth eich sesiwn i ben. Mewngofnodwch eto i bleidleisio; ni chafodd dim ei fwrw.',
  'decide.failed':
    'Ni chafodd y bleidlais ei bwrw ({code}). Rhowch gynnig arall arni, neu pleidleisiwch drwy’r post.',

  'audit.title': 'Gwirio’r ddyfais: mae’r papur hwn wedi’i ddifetha',
  'audit.intro':
    'Dyma’r papur pleidleisio amgryptiedig a’r rhifau cyfrinachol a ddefnyddiwyd i’w gloi. Caiff ei gyhoeddi ar y bwrdd fel papur wedi’i ddifetha ac ni chaiff byth ei gyfrif.',
  'audit.choices': 'Y dewisiadau y mae’r papur hwn yn eu cofnodi',
  'audit.details': 'Dangos y papur pleidleisio amgryptiedig a’i rifau cyfrinachol',
  'audit.contestOption': '{contest}, {candidate}',
  'audit.vote': 'Pleidlais a gofnodwyd: {vote}',
  'audit.randomness': 'Rhif cyfrinachol',
  'audit.ciphertext': 'Gwerth amgryptiedig',
  'audit.position': 'Wedi’i gyhoeddi yn safle {position} ar y bwrdd.',
  'audit.again': 'Amgryptio fy newisiadau eto',
  'audit.failed': 'Nid oedd modd cyhoeddi’r papur a ddifethwyd ({code}).',

  'receipt.title': 'Mae eich pleidlais wedi’i bwrw',
  'receipt.intro':
    'Cadwch y dderbynneb hon. Gyda’r cod tracio gallwch wirio bod eich papur pleidleisio ar y bwrdd cyhoeddus a’i fod wedi’i gyfrif.',
  'receipt.tracker': 'Cod tracio',
  'receipt.time': 'Amser ei dderbyn',
  'receipt.position': 'Safle ar y bwrdd',
  'receipt.signature': 'Llofnod y bwrdd',
  'receipt.signatureValid': 'Llofnod wedi’i wirio ar y ddyfais hon: dilys.',
  'receipt.signatureInvalid':
    'Rhybudd: nid yw llofnod y bwrdd ar y dderbynneb hon yn ddilys. Rhowch wybod i’r swyddog canlyniadau.',
  'receipt.copy': 'Copïo’r dderbynneb',
  'receipt.copied': 'Mae’r dderbynneb wedi’i chopïo.',
  'receipt.copyFailed':
    'Nid oes modd copïo yma; dewiswch destun y dderbynneb a’i gopïo yn lle hynny.',
  'receipt.print': 'Argraffu’r dderbynneb',
  'receipt.where':
    'I’w gwirio’n nes ymlaen, agorwch “Dod o hyd i bapur pleidleisio drwy ei god tracio” ar y wefan hon a rhowch y cod tracio.',
  'receipt.signedOut':
    'Rydych wedi cael eich allgofnodi. Nid yw eich cod pleidleisio yn cael ei gadw ar y ddyfais hon.',

  'receipt.confirmChecking': 'Yn gwirio gyda’r tystion annibynnol…',
  'receipt.confirmed':
    'Wedi’i gadarnhau: mae eich papur pleidleisio mewn pwynt gwirio o’r bwrdd y mae digon o dystion annibynnol wedi’i gyd-lofnodi, felly mae pawb yn gweld yr un bwrdd.',
  'receipt.notWitnessed':
    'Wedi’i gofnodi gan y bwrdd, ond heb ei gadarnhau eto gan y tystion annibynnol. Gwiriwch eto ymhen ychydig funudau; os yw’n aros heb ei gadarnhau, cadwch eich derbynneb.',
  'receipt.pending':
    'Wedi’i gofnodi gan y bwrdd; nid oes pwynt gwirio wedi’i lofnodi yn ei gynnwys eto. Gwiriwch eto ymhen ychydig funudau.',
  'receipt.noWitnesses':
    'Nid oes gan yr etholiad hwn dystion annibynnol, felly ni all y dudalen hon gadarnhau eich papur pleidleisio y tu hwnt i lofnod y bwrdd ei hun.',
  'receipt.notIncluded':
    'Rhybudd: ni allai’r bwrdd brofi bod eich papur pleidleisio yn ei log. Cadwch eich derbynneb a rhowch wybod i’r swyddog canlyniadau.',
  'receipt.confirmFailed': 'Nid oedd modd gwirio cadarnhad y tystion ar hyn o bryd.',
  'receipt.checkAgain': 'Gwirio eto',
  'receipt.disputeSummary': 'Methu dod o hyd i’ch papur pleidleisio ar y bwrdd?',
  'receipt.disputeIntro':
    'Os nad yw’r bwrdd yn dangos eich papur pleidleisio lle mae’r dderbynneb hon yn dweud, cyflwynwch y dderbynneb fel anghydfod. Rhaid i’r bwrdd ei gyhoeddi, ac mae pob dilyswr yn ei wirio: mae derbynneb ar gyfer papur pleidleisio sydd ar goll o’r bwrdd yn gwneud cofnod yr etholiad yn annilys.',
  'receipt.dispute': 'Cyflwyno anghydfod gyda’r dderbynneb hon',
  'receipt.disputeFiled':
    'Anghydfod wedi’i gyflwyno: mae ar y bwrdd cyhoeddus yn safle {position}.',
  'receipt.disputeRefused':
    'Gwrthododd y bwrdd yr anghydfod ({code}). Cadwch eich derbynneb: gall unrhyw un ei gwirio yn erbyn y cofnod cyhoeddedig.',
  'tracker.title': 'Dod o hyd i bapur pleidleisio drwy ei god tracio',
  'tracker.label': 'Cod tracio',
  'tracker.hint': 'Y 64 llythyren a rhif ar eich derbynneb.',
  'tracker.submit': 'Chwilio',
  'tracker.invalid': 'Mae 64 nod mewn cod tracio, gan ddefnyddio 0–9 ac a–f yn unig',
  'tracker.notFound': 'Nid oes papur pleidleisio gyda’r cod tracio hwn ar y bwrdd.',
  'tracker.cast':
    'Mae papur pleidleisio a fwriwyd gyda’r cod tracio hwn ar y bwrdd yn safle {position}, wedi’i dderbyn {time}.',
  'tracker.audited':
    'Mae papur pleidleisio wedi’i ddifetha (gwirio dyfais) gyda’r cod tracio hwn ar y bwrdd yn safle {position}, wedi’i dderbyn {time}. Nid yw’n cael ei gyfrif.',
  'tracker.superseded': 'Cymerodd papur pleidleisio diweddarach ar gyfer yr un pecyn ei le.',

  'pack.title': 'A gafodd fy mhecyn ei ddefnyddio?',
  'pack.intro':
    'Mewngofnodwch gyda’ch pecyn i weld a gafodd pleidlais ei bwrw gydag ef, ar-lein neu drwy’r post. Nid yw mewngofnodi yn bwrw pleidlais.',
  'pack.unused': 'Nid oes pleidlais wedi’i bwrw gyda’ch pecyn.',
  'pack.lockedNote': 'Mae eich pecyn wedi’i gloi ar gyfer mewngofnodi ar-lein.',

  'turnout.title': 'Nifer a bleidleisiodd',
  'turnout.online': 'Wedi pleidleisio ar-lein',
  'turnout.postal': 'Wedi pleidleisio drwy’r post',
  'turnout.total': 'Cyfanswm',
  'turnout.eligible': 'Aelodau sy’n gymwys',
  'turnout.note':
    'Tra bo’r pleidleisio ar agor, dim ond nifer y pleidleiswyr sy’n cael ei ddangos, byth y nifer i bob ymgeisydd.',

  'result.title': 'Canlyniad',
  'result.none':
    'Nid oes canlyniad eto. Caiff ei gyhoeddi ar ôl i’r pleidleisio gau ac ar ôl cyfrif y pleidleisiau.',
  'result.caption': 'Pleidleisiau i bob ymgeisydd yn {contest}, ar-lein a drwy’r post',
  'result.candidate': 'Ymgeisydd',
  'app.footerResult': 'Canlyniad',
  'app.footerBoard': 'Bwrdd cyhoeddus',

  'board.title': 'Y bwrdd cyhoeddus',
  'board.size': 'Cofnodion',
  'board.head': 'Hash diweddaraf',
  'board.replacements': 'Pecynnau newydd a roddwyd',
  'board.replacementsNone': 'dim',
  'board.reason.lost': 'ar goll',
  'board.reason.damaged': 'wedi’i ddifrodi',
  'board.reason.not-received': 'heb ei dderbyn',
  'board.reason.locked-out': 'wedi’i gloi',
  'board.reason.compromised': 'wedi’i beryglu',
  'board.showing': 'Cofnodion {first} i {last}',
  'board.position': 'Safle',
  'board.time': 'Amser (UTC)',
  'board.type': 'Cofnod',
  'board.previous': 'Cofnodion cynharach',
  'board.next': 'Cofnodion diweddarach',
  'board.download': 'Lawrlwytho’r cofnod i’w wirio',
  'board.verifyHere': 'Neu gwiriwch y cofnod cyfan ar y ddyfais hon',
  'board.checkpointsTitle': 'Pwyntiau gwirio',
  'board.checkpointsIntro':
    'O bryd i’w gilydd mae’r bwrdd yn llofnodi ei faint a gwreiddyn Merkle ei gofnodion. Rhaid i bob pwynt gwirio diweddarach ymestyn pob un cynharach: gellir ychwanegu cofnodion, ond byth eu newid na’u dileu.',
  'board.checkpointsCaption':
    'Y pwyntiau gwirio wedi’u llofnodi diweddaraf, y mwyaf newydd yn gyntaf',
  'board.root': 'Gwreiddyn Merkle',
  'board.signature': 'Llofnod',
  'board.signatureValid': 'Dilys',
  'board.signatureInvalid': 'Ddim yn ddilys',
  'board.noCheckpoints': 'Nid oes pwynt gwirio wedi’i lofnodi eto.',
  'board.inclusionTitle': 'Gwirio bod pleidlais ar y bwrdd',
  'board.inclusionIntro':
    'Rhowch draciwr. Mae’r ddyfais hon yn nôl prawf o’r bwrdd ac yn ei wirio yn erbyn pwynt gwirio wedi’i lofnodi, felly nid oes rhaid i chi gymryd gair y bwrdd fod y bleidlais yno.',
  'board.inclusionCheck': 'Gwirio cynnwys',
  'board.inclusionOk':
    'Wedi’i brofi ar y ddyfais hon: mae’r bleidlais yn safle {position} yn y pwynt gwirio wedi’i lofnodi o {size} cofnod.',
  'board.inclusionUnsigned':
    'Wedi’i brofi ar y ddyfais hon: mae’r bleidlais yn safle {position} ymhlith {size} cofnod y bwrdd. Nid oes pwynt gwirio wedi’i lofnodi yn ei chynnwys eto; gwiriwch eto yn nes ymlaen.',
  'board.proofBad':
    'Ni chafodd y prawf ei ddilysu. Efallai fod y bwrdd wedi’i newid. Rhowch wybod i’r swyddog canlyniadau.',
  'board.consistencyTitle': 'Gwirio mai dim ond tyfu a wnaeth y bwrdd',
  'board.consistencyIntro':
    'Dewiswch ddau bwynt gwirio. Mae’r ddyfais hon yn gwirio prawf bod yr un diweddarach yn cynnwys yr un cynharach heb ei newid.',
  'board.consistencyFrom': 'Pwynt gwirio cynharach',
  'board.consistencyTo': 'Pwynt gwirio diweddarach',
  'board.consistencyOption': 'Maint {size}, {time}',
  'board.consistencyCheck': 'Gwirio cysondeb',
  'board.consistencyOk':
    'Wedi’i brofi ar y ddyfais hon: mae’r bwrdd ar faint {to} yn cynnwys y bwrdd ar faint {from} heb ei newid.',
  'board.consistencyOrder':
    'Dewiswch bwynt gwirio cynharach sydd â llai o gofnodion na’r un diweddarach.',

  'verify.title': 'Gwirio’r cofnod',
  'verify.intro':
    'Mae’r dudalen hon yn lawrlwytho cofnod cyhoeddus yr etholiad ac yn ei wirio ar y ddyfais hon: cadwyn y bwrdd, y proflenni ar bob pleidlais, y cyfrif a’r canlyniad. Dyma’r un gwiriadau rhifol ag y mae’r gorchymyn scrutineer verify yn eu rhedeg, felly nid oes rhaid i chi ymddiried yn y gweinydd.',
  'verify.start': 'Dechrau gwirio',
  'verify.running': 'Wrthi’n gwirio’r cofnod…',
  'verify.progress':
    'Wedi darllen {events} o {size} cofnod. Proflenni wedi’u gwirio ar gyfer {ballots} pleidlais.',
  'verify.progressLabel': 'Cynnydd',
  'verify.passed': 'Mae’r cofnod yn ddilys: llwyddodd pob gwiriad.',
  'verify.failed':
    'Nid yw’r cofnod yn ddilys: methodd {count} gwiriad. Rhowch wybod i’r swyddog canlyniadau.',
  'verify.what': 'Gwiriwyd {events} cofnod. Hash yr olaf:',
  'verify.tallyTitle': 'Y canlyniad wedi’i wirio',
  'verify.tallyUnconfirmed':
    'Nid oedd modd cadarnhau’r canlyniad yn y cofnod (gweler y gwiriadau a fethodd).',
  'verify.noTally': 'Nid oes canlyniad yn y cofnod eto. Mae’r hyn sydd yno hyd yma wedi’i wirio.',
  'verify.cancelled':
    'Cafodd yr etholiad hwn ei ganslo; nid oes ganddo ganlyniad. Y rheswm a roddwyd: {reason}',
  'verify.checksTitle': 'Y gwiriadau',
  'verify.faultsTitle': 'Beiau ymddiriedolwyr',
  'verify.faultsIntro':
    'Canfu’r protocol y beiau hyn, pob un yn waith un ymddiriedolwr, ac aeth ymlaen heb ran yr ymddiriedolwr hwnnw: nid ydynt yn newid y canlyniad ac nid ydynt yn gwneud y cofnod yn annilys.',
  'verify.faultParty': 'Ymddiriedolwr {trustee}',
  'verify.checksCaption': 'Pob gwiriad rhifol yn y fanyleb ddilysu a’i ganlyniad',
  'verify.check': 'Gwiriad',
  'verify.description': 'Beth sy’n cael ei wirio',
  'verify.outcome': 'Canlyniad y gwiriad',
  'verify.items': 'Eitemau',
  'verify.statusPassed': 'Llwyddodd',
  'verify.statusFailed': 'Methodd',
  'verify.statusNotReached': 'Heb ei gyrraedd: dim byd o’r math hwn yn y cofnod',
  'verify.failureAt': 'Safle {position}:',
  'verify.downloadFailed':
    'Nid oedd modd lawrlwytho’r cofnod. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
  'verify.crashed':
    'Stopiodd y dilysydd yn annisgwyl. Rhowch gynnig arall arni, neu gwiriwch gyda’r gorchymyn scrutineer.',
  'verify.again': 'Gwirio eto',
  'app.footerVerify': 'Gwirio’r cofnod',
  'home.title': 'Etholiadau ar y gweinydd hwn',
  'home.none': 'Nid oes etholiadau ar y gweinydd hwn eto.',
  'home.window': 'Pleidleisio o {opens} tan {closes}.',
  'home.stage': 'Cam: {stage}.',
  'home.linksLabel': 'Tudalennau ar gyfer {title}',
  'turnout.byHour': 'Pleidleiswyr fesul awr',
  'turnout.byHourCaption': 'Pleidleiswyr ym mhob awr (UTC), ar-lein a drwy’r post',
  'turnout.hour': 'Awr (UTC)',
  'turnout.noneYet': 'Nid oes neb wedi pleidleisio eto.',
  'result.unverified':
    'Dyma’r canlyniad fel y cyhoeddodd y bwrdd ef. Nid yw’r ddyfais hon wedi’i wirio: ',
  'result.checkIt': 'gwiriwch y cofnod eich hun',
  'result.elected': 'Wedi’u hethol',
  'result.noneElected': 'Nid oes ymgeisydd wedi’i ethol.',
  'result.tied': 'Cyfartal am y sedd olaf: rheolau’r blaid sy’n penderfynu rhwng {names}.',
  'result.seats': '{seats} sedd; {papers} papur wedi’u cyfrif.',
  'result.percent': '% o’r papurau',
  'result.rankedIrv': 'Y bleidlais amgen (dileu ar unwaith); {seats} sedd.',
  'result.rankedStv': 'Pleidlais sengl drosglwyddadwy (rheolau {rules}); {seats} sedd.',
  'result.rankedPending':
    'Mae’r cyfrif trefn blaenoriaeth heb ei wneud eto: bydd y canlyniad yma pan fydd y trefnau wedi’u cyfrif.',
  'result.rankedBallots': '{ballots} papur wedi’u cyfrif, {blank} ohonynt yn wag.',
  'result.firstPreferences': 'Dewisiadau cyntaf',
  'result.firstCaption': 'Dewisiadau cyntaf pob ymgeisydd yn {contest}',
  'result.percentValid': '% o’r papurau nad ydynt yn wag',
  'result.stagesTitle': 'Y cyfrif fesul cam',
  'result.stagesCaption':
    'Pleidleisiau pob ymgeisydd ym mhob cam o’r cyfrif yn {contest} (cwota {quota})',
  'result.stage': 'Cam {stage}',
  'result.nonTransferable': 'Anhrosglwyddadwy',
  'result.rankedElsewhere':
    'Cystadleuaeth trefn blaenoriaeth: caiff ei chyfrif o’r trefnau, ac mae ei chanlyniad yn y datganiad.',
  'result.outcome': 'Canlyniad',
  'result.isElected': 'Wedi’i ethol',
  'result.isTied': 'Cyfartal',
  'result.turnoutTitle': 'Nifer a bleidleisiodd',
  'result.electorate': 'Aelodau â hawl i bleidleisio',
  'result.turnoutTotal': 'Cyfanswm y pleidleisiau',
  'result.spoilt': 'Papurau post difetha',
  'result.rejected': 'Pleidleisiau a wrthodwyd (ail bleidlais, neu o becyn a ddisodlwyd)',
  'result.print': 'Argraffu’r datganiad hwn',
  'result.contestTurnout':
    'Etholwyr y gystadleuaeth hon: {electorate}; pleidleisiodd: {total} ({percent}%), {online} ar-lein a {postal} drwy’r post.',
  'result.contestWeighted':
    'Wedi’u pwysoli: etholwyr {electorate}, pleidleisiodd {turnout} ({percent}%); cyfran o {papers} papur wedi’u pwysoli.',
  'result.collegeIntro':
    'Coleg etholiadol: canlyniadau ei rannau wedi’u cyfuno yn ôl y cyfrannau a gyhoeddwyd ({shares}).',
  'result.collegeCaption': 'Canlyniad cyfun {college}',
  'result.collegePercent': '% cyfun',
  'result.collegeScore': 'Sgôr union',
  'result.collegeLeads': 'Ar y blaen',
  'verify.tallyUnverifiedTitle': 'Y canlyniad yn y cofnod (heb ei wirio)',
  'verify.tallyNotShown':
    'Nid yw’r cofnod yn dilysu, felly ni ddangosir unrhyw ganlyniad ohono yma fel un wedi’i wirio.',
  'landing.counted': 'Mae’r pleidleisio wedi cau ac mae’r pleidleisiau wedi’u cyfrif.',
  'landing.closed.label': 'Caeodd y pleidleisio',
  'landing.resultLink': 'Gweld y canlyniad',
  'pack.start': 'Gwirio fy mhecyn',
  'tracker.intro':
    'Defnyddiwch y cod tracio ar eich derbynneb, neu’r un a ddangosir ar ôl gwirio dyfais.',
  'tracker.counted': 'Mae wedi’i gynnwys yn y cyfrif.',
  'tracker.toCount': 'Caiff ei gyfrif ar ôl i’r pleidleisio gau.',
  'tracker.auditChecking': 'Wrthi’n gwirio’r ddyfais ar y ddyfais hon…',
  'tracker.auditFailed':
    'Nid oedd modd gwirio’r ddyfais ar hyn o bryd. Rhowch gynnig arall arni mewn munud.',
  'tracker.auditTitle': 'Gwirio’r ddyfais',
  'tracker.auditOk':
    'Wedi’i wirio ar y ddyfais hon: cafodd y papur a ddifethwyd ei gloi’n gywir, ac mae’n cynnwys yr union ddewisiadau hyn.',
  'tracker.auditFault':
    'Rhybudd: nid yw’r papur a ddifethwyd yn agor i’r dewisiadau y mae’n eu dweud. Gall y ddyfais a’i gwnaeth fod yn ddiffygiol neu wedi’i hymyrryd â hi. Peidiwch â phleidleisio arni, a dywedwch wrth y swyddog canlyniadau.',
  'tracker.auditCompare':
    'Cymharwch y dewisiadau hyn â’r rhai a wnaethoch yn y bwth. Os ydynt yr un fath, mae’r ddyfais y pleidleisioch arni yn amgryptio eich dewisiadau’n ffyddlon, a gallwch fynd yn ôl ati a bwrw eich pleidlais.',
  'tracker.auditMismatch':
    'Os nad ydynt yr un fath, peidiwch â phleidleisio ar y ddyfais honno: pleidleisiwch drwy’r post neu ar ddyfais arall, a dywedwch wrth y swyddog canlyniadau.',
  'tracker.auditReport':
    'Cadwch y cod tracio: gall unrhyw un ailadrodd y gwiriad hwn ar y cofnod cyhoeddus.',
  'audit.secondTitle': 'Gwiriwch ef ar ail ddyfais',
  'audit.stepOpen': 'Ar ffôn neu gyfrifiadur arall, agorwch y cyfeiriad hwn:',
  'audit.stepCompare':
    'Mae’n gwirio’r papur a ddifethwyd yno ac yn dangos y dewisiadau sydd ynddo. Rhaid iddynt fod yn union yr un fath â’r rhai uchod.',
  'audit.stepMismatch':
    'Yna dewch yn ôl yma a dewis “Amgryptio fy newisiadau eto”. Os oedd y dewisiadau’n wahanol, peidiwch â phleidleisio ar y ddyfais hon: dywedwch wrth y swyddog canlyniadau.',
  'notMe.title': 'Nid chi oedd e?',
  'notMe.intro':
    'Efallai fod gan rywun arall eich cod pleidleisio. Gweithredwch nawr, cyn i’r pleidleisio gau:',
  'notMe.post':
    'Pleidleisiwch drwy’r post gyda’r papur pleidleisio yn eich pecyn. Mae pleidlais bost yn cyfrif yn lle unrhyw bleidlais ar-lein a wnaed gyda’ch pecyn.',
  'notMe.again':
    'Neu pleidleisiwch ar-lein eto nawr: yn yr etholiad hwn eich pleidlais olaf sy’n cyfrif.',
  'notMe.officer':
    'Dywedwch wrth y swyddog canlyniadau, gyda’r amser a’r cod tracio a ddangosir yma. Gallant wirio’r cofnod ar y bwrdd, atal unrhyw un rhag defnyddio pecyn newydd yn lle eich un chi, a chofnodi eich cwyn.',
  'notMe.receipt':
    'Os gwnaethoch bleidleisio ar-lein, mae eich derbynneb yn dystiolaeth: mae wedi’i llofnodi gan y bwrdd, ac o dudalen y dderbynneb gallwch ei chyflwyno fel anghydfod y mae pob dilysydd yn ei wirio.',
  'contact.title': 'Cysylltu',
  'contact.intro': 'Cwestiynau am yr etholiad hwn: {name}',
  'contact.email': 'E-bost',
  'contact.phone': 'Ffôn',
  'receipt.fingerprint': 'Ôl bys yr etholiad',
  'app.footerStart': 'Tudalen gychwyn yr etholiad',
  'signIn.resumed':
    'Cafodd y dudalen ei hail-lwytho. Mewngofnodwch eto i barhau: mae eich dewisiadau wedi’u cadw, ac nid yw eich cod byth yn cael ei gadw ar y ddyfais hon.',
  'nav.back': 'Yn ôl',
  'app.footerRoll': 'Gwirio eich bod yn cael eich cyfrif',
  'roll.title': 'Gwirio eich bod yn cael eich cyfrif',
  'roll.intro':
    'Cyhoeddodd yr etholiad ymrwymiad i’w gofrestr o {count} aelod. Gyda’r rhif aelod a’r cyfeirnod cofrestr o’ch pecyn, mae’r ddyfais hon yn gwirio eich bod yn un ohonynt. Nid yw dim a deipiwch yma yn cael ei anfon i unman.',
  'roll.member': 'Rhif aelod',
  'roll.memberHint': 'Fel y’i hargraffwyd ar eich pecyn, wrth ymyl y cyfeirnod cofrestr.',
  'roll.reference': 'Cyfeirnod cofrestr',
  'roll.referenceHint':
    'Y testun yng nghod QR y gofrestr ar eich pecyn, yn dechrau ROLL1: (sganiwch ef ag ap camera eich ffôn a’i ludo yma).',
  'roll.submit': 'Gwirio',
  'roll.memberEmpty': 'Rhowch eich rhif aelod',
  'roll.referenceEmpty': 'Rhowch y cyfeirnod cofrestr o’ch pecyn',
  'roll.referenceMalformed':
    'Rhaid i’r cyfeirnod cofrestr ddechrau ROLL1: a chael ei gopïo’n gyfan o’ch pecyn',
  'roll.counted':
    'Wedi’ch cyfrif: wedi’i wirio ar y ddyfais hon, chi yw cofnod {index} o’r {count} aelod ar y gofrestr a gyhoeddodd yr etholiad hwn.',
  'roll.otherRoll':
    'Heb eich cyfrif: mae’r cyfeirnod hwn ar gyfer cofrestr wahanol i’r un a gyhoeddodd yr etholiad hwn ({count} aelod).',
  'roll.notIncluded':
    'Heb eich cyfrif: nid yw’r rhif aelod a’r cyfeirnod hwn ar y gofrestr a gyhoeddodd yr etholiad hwn. Gwiriwch eich bod wedi teipio eich rhif aelod yn union fel y’i hargraffwyd.',
  'roll.whatNow':
    'Os ydych yn siŵr ei fod yn gywir, dywedwch wrth y swyddog canlyniadau: ni all aelod sydd wedi’i adael allan o’r gofrestr bleidleisio, ac ni fyddai’r cofnod yn dangos hynny mewn unrhyw ffordd arall.',
  ...checksCy,
};
