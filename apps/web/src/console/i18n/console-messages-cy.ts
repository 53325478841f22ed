/** @module Consol y swyddog canlyniadau yn Gymraeg (same keys as console-messages-en.ts). */
import type { ConsoleKey } from './console-messages-en.ts';
import { contestsCy } from './contests-messages.ts';

export const consoleCy: Readonly<Record<ConsoleKey, string>> = {
  ...contestsCy,
  'console.title': 'Consol y swyddog canlyniadau',
  'console.intro':
    "Rhedwch etholiad o'r dudalen hon. Mae pob botwm yma'n gwneud yr un cais i weinydd yr etholiad â llinell orchymyn scrutineer; y gweinydd sy'n penderfynu beth a ganiateir.",
  'signIn.title': 'Mewngofnodi i etholiad',
  'signIn.election': 'Dynodwr yr etholiad',
  'signIn.electionHint': 'Fel y mae yng nghyfeiriad yr etholiad, er enghraifft party-leader-2027.',
  'signIn.keyFile': 'Ffeil allwedd y swyddog canlyniadau',
  'signIn.keyFileHint':
    "Y ffeil a wnaed gan “scrutineer election keygen” neu gan “Creu etholiad” isod. Mae'n aros yn y tab hwn: fe'i hanfonir at y gweinydd hwn yn unig, i brofi mai chi yw'r swyddog.",
  'signIn.keyText': 'Neu gludwch yr allwedd',
  'signIn.submit': 'Mewngofnodi',
  'signIn.signOut': 'Allgofnodi',
  'signIn.signedIn': 'Wedi mewngofnodi fel swyddog canlyniadau {election}.',
  'error.title': 'Mae problem',
  'error.noElection': 'Rhowch ddynodwr yr etholiad.',
  'error.electionFormat':
    'Mae dynodwr etholiad yn 3 i 64 o lythrennau bach, digidau a chysylltnodau, yn dechrau â llythyren neu ddigid.',
  'error.noKey': 'Dewiswch ffeil allwedd y swyddog neu gludwch yr allwedd.',
  'error.trusteeKeyFile':
    "Ffeil allwedd ymddiriedolwr yw hon, nid allwedd y swyddog canlyniadau. Mae gan ymddiriedolwyr eu tudalen eu hunain; mae'r swyddog yn mewngofnodi â'r allwedd a wnaed ar gyfer yr etholiad.",
  'error.notAKey':
    "Nid allwedd swyddog canlyniadau yw'r ffeil hon. Un llinell o 43 o lythrennau, digidau, - a _ yw'r allwedd.",
  'error.wrongKey':
    'Ni dderbyniodd y gweinydd yr allwedd hon ar gyfer yr etholiad hwn. Gwiriwch mai ffeil allwedd yr etholiad hwn a ddewisoch.',
  'error.unknownElection': "Nid oes etholiad â'r dynodwr hwn ar y gweinydd hwn.",
  'error.unreachable':
    'Ni ellir cyrraedd gweinydd yr etholiad. Gwiriwch y cysylltiad a rhowch gynnig arall arni.',
  'error.busy':
    "Mae'r gweinydd yn brysur. Arhoswch funud a rhowch gynnig arall arni; ni newidiwyd dim.",
  'error.wrongStage': "Ni ellir cymryd y cam hwn ar y cam hwn o'r etholiad ({stage}).",
  'error.generic': 'Gwrthododd y gweinydd: {detail}',
  'error.badJson': 'Nid yw’r ffeil yn JSON dilys: {detail}',
  'error.manifest': "Nid yw'r maniffest yn ddilys. {detail}",
  'error.manifestExists': "Mae etholiad â'r dynodwr hwn eisoes ar y gweinydd.",
  'error.operatorKey': 'Ni dderbyniodd y gweinydd allwedd y gweithredwr.',
  'error.noOperatorKey': 'Rhowch allwedd gweithredwr y gweinydd.',
  'error.noManifest': 'Dewiswch ffeil maniffest neu teipiwch y maniffest.',
  'error.nominations':
    "Nid yw'r ddogfen enwebiadau yn cyfateb i'r un a enwir yn y maniffest (mae ei stwnsh yn wahanol). Llwythwch y nominations.json a wnaed pan gaeodd yr enwebiadau.",
  'error.answers': 'Nid tabl atebion (answers.json) ar gyfer yr etholiad hwn yw hwn.',
  'error.answersMismatch':
    "Cyfrifodd y bwrdd restr gymwysterau wahanol i'r pecynnau: ni fydd yr ôl bys ar y pecynnau'n cyfateb. Peidiwch ag anfon y pecynnau.",
  'error.ceremony': "Nid yw'r seremoni ar y bwrdd yn rhoi allwedd eto: {detail}",
  'error.result': "Ni ellir cyfrif canlyniad o'r bwrdd: {detail}",
  'create.title': 'Creu etholiad',
  'create.intro':
    "Mae creu etholiad yn gofyn am allwedd gweithredwr y gweinydd. Mae'r consol yn gwneud allwedd swyddog canlyniadau newydd yn y porwr hwn; lawrlwythwch hi a'i chadw'n ddiogel: fe'i dangosir unwaith.",
  'create.operatorKey': 'Allwedd gweithredwr y gweinydd',
  'create.manifestFile': 'Ffeil maniffest (manifest.json)',
  'create.manifestText': 'Neu teipiwch y maniffest (JSON)',
  'create.submit': "Creu'r etholiad",
  'create.created': 'Crëwyd etholiad {election}. Stwnsh ei faniffest yw {hash}.',
  'create.keyTitle': 'Allwedd newydd y swyddog canlyniadau',
  'create.keyText':
    "Lawrlwythwch yr allwedd hon nawr a'i chadw all-lein. Dim ond ei SHA-256 y mae'r gweinydd yn ei gadw; ni ellir adfer allwedd a gollwyd.",
  'create.download': 'Lawrlwytho allwedd y swyddog',
  'create.continue': "Mynd i'r etholiad",
  'dash.title': 'Etholiad {election}',
  'dash.stage': 'Cam',
  'dash.refresh': 'Adnewyddu',
  'dash.updated': 'Diweddarwyd {time}.',
  'stage.empty': 'Heb ei greu',
  'stage.setup': 'Paratoi: seremoni allweddi',
  'stage.keyed': "Allwedd yr etholiad wedi'i chyhoeddi; nid yw'r pleidleisio ar agor eto",
  'stage.open': "Mae'r pleidleisio ar agor",
  'stage.closed': "Mae'r pleidleisio wedi cau",
  'stage.tallied': "Wedi'i gyfrif; yn aros am gyfrannau dadgryptio",
  'stage.final': "Canlyniad wedi'i gyhoeddi",
  'stage.cancelled': "Wedi'i ganslo",
  'nominations.title': 'Enwebiadau',
  'nominations.text':
    "Llwythwch nominations.json fel y'i gwnaed pan gaeodd yr enwebiadau (scrutineer nominations close); mae'r bwrdd yn ei wirio yn erbyn y maniffest.",
  'nominations.file': 'Dogfen enwebiadau (nominations.json)',
  'nominations.submit': "Cyhoeddi'r enwebiadau",
  'nominations.done': "Enwebiadau wedi'u cyhoeddi ({bytes} beit).",
  'ceremony.title': 'Seremoni allweddi',
  'ceremony.trustee': 'Ymddiriedolwr',
  'ceremony.name': 'Enw',
  'ceremony.committed': 'Wedi ymrwymo',
  'ceremony.dealt': 'Wedi rhannu',
  'ceremony.complaints': 'Cwynion',
  'ceremony.rehearsed': 'Wedi ymarfer dadgryptio',
  'ceremony.decrypted': 'Cyfran ddadgryptio',
  'ceremony.yes': 'Do',
  'ceremony.no': 'Ddim eto',
  'ceremony.threshold': 'Mae angen {k} o {n} ymddiriedolwr i ddadgryptio.',
  'ceremony.publishKey': "Cwblhau'r seremoni a chyhoeddi allwedd yr etholiad",
  'ceremony.keyPublished': "Allwedd yr etholiad wedi'i chyhoeddi.",
  'rehearsal.warning':
    'Dim ond {count} ymddiriedolwr sydd wedi ymarfer dadgryptio; dylai o leiaf {needed} (k + 1) fod wedi gwneud, fel na fydd colli un ffeil allwedd yn atal y cyfrif.',
  'credentials.title': 'Cymwysterau ac agor',
  'credentials.text':
    "Llwythwch y tabl atebion (answers.json) a wnaed gan “scrutineer packs generate”. Mae'r consol yn ei lwytho yn ei drefn ac yn agor y pleidleisio.",
  'credentials.file': 'Tabl atebion (answers.json)',
  'credentials.open': "Llwytho'r cymwysterau ac agor y pleidleisio",
  'credentials.confirmOpen': 'Agor y pleidleisio er bod llai na k + 1 ymddiriedolwr wedi ymarfer',
  'credentials.opened': "Mae'r pleidleisio ar agor. Ôl bys yr etholiad yw {fingerprint}.",
  'turnout.title': 'Nifer a bleidleisiodd',
  'turnout.note': 'Nifer a bleidleisiodd yn unig: ni ddangosir unrhyw gyfrif cyn y canlyniad.',
  'turnout.online': 'Ar-lein',
  'turnout.postal': 'Drwy’r post',
  'turnout.total': 'Cyfanswm',
  'turnout.eligible': 'Yn gymwys',
  'turnout.hour': 'Awr (UTC)',
  'turnout.byHour': 'Pleidleiswyr fesul awr',
  'postal.title': 'Derbyn pleidleisiau post',
  'postal.received': 'Pecynnau post a dderbyniwyd',
  'postal.envelopeBatches': 'Amlenni a dderbyniwyd fesul swp agor',
  'postal.envelopes': 'Amlenni',
  'postal.batches': 'Sypiau a gofnodwyd',
  'postal.batch': 'Swp',
  'postal.papers': 'Papurau',
  'postal.none': 'Dim sypiau post eto.',
  'postal.notOffered': 'Nid oes gan yr etholiad hwn sianel bost.',
  'close.title': 'Cau’r pleidleisio',
  'close.submit': "Cau'r pleidleisio nawr",
  'close.done': "Mae'r pleidleisio wedi cau.",
  'tally.title': 'Cyfrif a chanlyniad',
  'tally.start': 'Dechrau’r cyfrif',
  'tally.checkpoint':
    "Mae'r cyfrif wedi'i selio gan bwynt gwirio {size}:{root}. Rhowch hwn i'r ymddiriedolwyr ar gyfer eu cyfrannau dadgryptio.",
  'tally.shares': 'Mae {received} cyfran ddadgryptio ar y bwrdd; mae angen {needed}.',
  'tally.publish': "Cyfrif a chyhoeddi'r canlyniad",
  'tally.published': "Mae'r canlyniad wedi'i gyhoeddi.",
  'tally.links': 'Tudalen y canlyniad',
  'tally.verify': "Dilysu'r cofnod",
  'audit.title': 'Log archwilio gweithredoedd swyddogion',
  'audit.when': 'Pryd',
  'audit.who': 'Pwy',
  'audit.action': 'Gweithred',
  'audit.detail': 'Manylion',
  'audit.empty': 'Dim gweithredoedd eto.',
  'roll.title': 'Archwilio’r gofrestr',
  'roll.text':
    "Dewiswch y gofrestr (roll.json, a wnaed gan “scrutineer roll import”). Mae'r archwiliad yn rhedeg yn y porwr hwn, fel “scrutineer roll audit”; nid anfonir y gofrestr at y gweinydd.",
  'roll.file': 'Cofrestr (roll.json)',
  'roll.submit': "Archwilio'r gofrestr",
  'roll.audited':
    'Mae gan y gofrestr {members} aelod; gwnaeth yr archwiliad {findings} canfyddiad.',
  'roll.finding': 'Canfyddiad',
  'roll.rule': 'Rheol',
  'roll.members': 'Aelodau',
  'roll.evidence': 'Tystiolaeth',
  'roll.none': 'Dim canfyddiadau.',
  'roll.termsOk':
    'Categorïau a phwysiadau: mae pob aelod cymwys yn cyd-fynd ag arddulliau papur pleidleisio a phwysiadau’r etholiad hwn.',
  'roll.termsProblems':
    'Categorïau a phwysiadau: {count} problem; mae “scrutineer packs generate” yn gwrthod y gofrestr hon nes eu cywiro.',
  'file.chosen': 'Wedi dewis: {name}',
  'error.manifestField': 'Yn y maniffest, {field}: {detail}',
  'postal.intro':
    'Cofnodwch amlenni a ddychwelwyd tra bo’r pleidleisio ar agor; ar ôl cau, rhowch bob swp agor. Mae pob cam yn gwneud yr un cais i’r gweinydd â “scrutineer postal receive” a “scrutineer postal batch”. Mae’r bwrdd yn gwrthod unrhyw beth a fyddai’n gwneud y cofnod yn annilys, ac nid yw cam a wrthodwyd yn newid dim.',
  'postal.intakeTitle': 'Amlenni a ddychwelwyd',
  'postal.slip': 'Slip dychwelyd (testun ei god QR)',
  'postal.slipHint':
    'RETURN2: yna 64 a 32 o ddigidau hecsadegol, fel y mae’r sganiwr yn ei ddarllen.',
  'postal.slipBatch': 'Swp agor (hambwrdd)',
  'postal.slipBatchHint':
    'Llythrennau, digidau a chysylltnodau. Gadewch yn wag ar gyfer y swp rhydd.',
  'postal.slipSubmit': 'Cofnodi’r amlen',
  'postal.slipDone':
    'Amlen wedi’i chofnodi: ni all cymhwyster {credential}… bleidleisio ar-lein mwyach.',
  'postal.scannerFile': 'Neu ffeil gorsaf sganio (CSV: barcode,scanned_at,batch)',
  'postal.scannerSubmit': 'Uwchlwytho’r amlenni',
  'postal.scannerDone':
    '{envelopes} amlen: {received} wedi’u derbyn, {already} eisoes wedi’u derbyn (heb newid), {refused} wedi’u gwrthod.',
  'postal.refusedRow': 'Rhes {row}: {reason}',
  'postal.intakeClosed': 'Cofnodir amlenni tra bo’r pleidleisio ar agor.',
  'postal.batchTitle': 'Rhoi swp agor',
  'postal.batchText':
    'Ar ôl cau, mae dau berson yn bysellu papurau’r swp ar wahân: ffeil CSV yr un, gyda’r colofnau paper,choice (enw ymgeisydd neu ei safle ar y papur; ar gyfer cystadleuaeth trefn-ddewis, y rhif ym mhob blwch yn nhrefn y papur, “-” ar gyfer blwch gwag, “x” ar gyfer croes neu dic, e.e. leader=2 1 - 3 (mae croes ar ei phen ei hun yn ddewis cyntaf yn unig); “spoilt” ar gyfer papur di-rym). Dim ond pan fo’r ddau gofnod yn cytuno bapur wrth bapur ac yn enwi ymgeiswyr ar y papur yn unig y cyhoeddir y cyfansymiau.',
  'postal.batchId': 'Swp',
  'postal.batchStyle': 'Arddull papur papurau’r swp',
  'postal.batchStyleHint':
    'Mae pob papur mewn swp o’r un arddull papur, wedi’i ddidoli yn ôl y marc ar ei slip dychwelyd: {styles}.',
  'postal.batchWeight': 'Pwysiad papurau’r swp',
  'postal.batchWeightHint':
    'Mae pob papur mewn swp o’r un pwysiad, wedi’i ddidoli yn ôl y pwysiad ar ei slip dychwelyd: rhif cyfan o 1 i {max}.',
  'postal.first': 'Cofnodion y gweithredwr cyntaf (CSV)',
  'postal.second': 'Cofnodion yr ail weithredwr (CSV)',
  'postal.batchSubmit': 'Cymharu a chyhoeddi’r swp',
  'postal.batchDone': 'Swp {batch} wedi’i gyhoeddi: {papers} papur, {spoilt} wedi’u difetha.',
  'postal.batchWhenClosed': 'Rhoddir sypiau ar ôl i’r pleidleisio gau.',
  'postal.mismatch':
    'Papur {paper}: bysellodd y gweithredwr cyntaf “{first}”, yr ail “{second}”. Gwiriwch y papur a’i fysellu eto.',
  'postal.spoilt': 'Wedi’u difetha',
  'error.batchId':
    'Nid yw “{detail}” yn ddynodwr swp: defnyddiwch 1 i 64 o lythrennau, digidau a chysylltnodau.',
  'error.slip':
    'Nid slip dychwelyd yw hwn: mae’n darllen RETURN2: yna 64 a 32 o ddigidau hecsadegol.',
  'error.scannerFile': 'Ni uwchlwythwyd ffeil y sganiwr, ni newidiwyd dim: {detail}',
  'error.mismatches': 'Mae’r ddau gofnod yn anghytuno, felly ni chyhoeddwyd dim.',
  'error.paperTwice':
    'Mae papur wedi’i fysellu ddwywaith: cyfrifir papur unwaith. Ni chyhoeddwyd dim. {detail}',
  'error.unknownCandidate':
    'Mae cofnod yn enwi rhywun nad yw’n ymgeisydd ar y papur. Ni chyhoeddwyd dim. {detail}',
  'error.emptyChoice':
    'Nid oes dewis mewn cofnod: bysellwch yr enwau a farciwyd, neu “spoilt”. Ni chyhoeddwyd dim. {detail}',
  'error.entryFile': 'Ni ellir darllen ffeil cofnodion. Ni chyhoeddwyd dim. {detail}',
  'error.unknownBatch':
    'Ni chofnodwyd unrhyw amlen a ddychwelwyd yn y swp hwn, felly ni ellir ei gyfrif. Gwiriwch ddynodwr y swp. Ni chyhoeddwyd dim.',
  'error.duplicateBatch':
    'Mae’r swp hwn eisoes wedi’i gyfrif ar y bwrdd: cyfrifir papur unwaith. Ni chyhoeddwyd dim.',
  'error.morePapers':
    'Bysellwyd mwy o bapurau nag o amlenni a gofnodwyd yn y swp hwn. Cyfrifwch y papurau eto. Ni chyhoeddwyd dim.',
  'error.invalidBatch': 'Nid yw’r cyfansymiau’n gweddu i’r papur pleidleisio. Ni chyhoeddwyd dim.',
  'error.invalidRanking':
    'Mae angen un drefn ar gyfer pob papur dilys mewn cystadleuaeth trefn-ddewis, pob un yn enwi ei hymgeiswyr unwaith ar y mwyaf. Ni chyhoeddwyd dim.',
  'error.invalidBoxes':
    'Rhoddir cystadleuaeth trefn-ddewis i mewn fel y rhif ym mhob blwch, yn nhrefn y papur pleidleisio, “-” ar gyfer blwch gwag, “x” ar gyfer croes neu dic (er enghraifft leader=2 1 - 3). Ni chyhoeddwyd dim. {detail}',
  'error.batchStyle':
    'Enwch arddull papur papurau’r swp, un o arddulliau’r etholiad. Ni chyhoeddwyd dim. {detail}',
  'error.contestNotInStyle':
    'Mae cofnod yn marcio cystadleuaeth nad yw ar arddull papur y swp hwn: gwiriwch y papur a’r arddull. Ni chyhoeddwyd dim. {detail}',
  'error.batchWeight':
    'Enwch bwysiad papurau’r swp, fel y’i hargraffwyd ar eu slipiau dychwelyd, hyd at uchafswm yr etholiad. Ni chyhoeddwyd dim. {detail}',
  'error.morePapersThanWeight':
    'Byddai sypiau’r pwysiad hwn yn dal mwy o bapurau nag o amlenni aelodau o’r pwysiad hwnnw a gofnodwyd. Gwiriwch y pwysiad a chyfrifwch eto. Ni chyhoeddwyd dim.',
  'error.morePapersThanStyle':
    'Byddai sypiau’r arddull papur hon yn dal mwy o bapurau nag o amlenni o’r arddull honno a gofnodwyd. Gwiriwch yr arddull a chyfrifwch eto. Ni chyhoeddwyd dim.',
  'error.alreadyReceived':
    'Mae pleidlais bost eisoes wedi’i chofnodi ar gyfer y pecyn hwn: cyfrifir pecyn unwaith. Ni newidiwyd dim.',
  'error.usedOnline':
    'Mae’r aelod hwn eisoes wedi pleidleisio ar-lein: rhowch y papur o’r neilltu, heb ei gyfrif. Mae’r gwrthodiad ar y bwrdd.',
  'error.wrongSecret':
    'Nid yw’r gyfrinach ddychwelyd yn cyfateb i’r pecyn hwn: gwiriwch y slip, neu rhowch y papur o’r neilltu.',
  'error.afterClose': 'Mae’r pleidleisio wedi cau: ni chyfrifir amlen sy’n cyrraedd ar ôl cau.',
  'error.revoked':
    'Disodlwyd y pecyn hwn: rhowch y papur o’r neilltu, heb ei gyfrif. Mae’r gwrthodiad ar y bwrdd.',
  'error.noCredential': 'Nid oes cymhwyster o’r fath yn yr etholiad hwn: gwiriwch y slip.',
  'error.noPostal': 'Nid oes sianel bost yn yr etholiad hwn.',
  'error.notOpen': 'Nid yw’r pleidleisio ar agor.',
  'error.replacementFile':
    'Nid cais am becyn newydd (request.json o “scrutineer packs replace”) ar gyfer yr etholiad hwn yw hwn: {detail}',
  'error.replacementRefused': 'Gwrthododd y bwrdd y pecyn newydd: {detail}',
  'error.cancelReason': 'Rhowch y rheswm cyhoeddus dros ganslo, mewn 1 i 1,000 o nodau.',
  'cancel.title': 'Canslo’r etholiad',
  'cancel.text':
    'Canslwch etholiad na ellir ei gwblhau yn unig: gall llai na k ymddiriedolwr ddadgryptio o hyd, neu methodd y seremoni allweddi. Mae’r bwrdd yn cofnodi’r rheswm cyhoeddus, nid yw’n derbyn dim wedyn, ac mae’r cofnod yn dilysu fel etholiad a ganslwyd, heb ganlyniad.',
  'cancel.start': 'Canslo’r etholiad',
  'cancel.warningLabel': 'Rhybudd',
  'cancel.warning':
    'Ni ellir dadwneud canslo. Mae angen dynodwr etholiad newydd, seremoni allweddi newydd a phecynnau newydd ar etholiad newydd.',
  'cancel.reason': 'Rheswm cyhoeddus (mae’r cofnod yn ei ddangos)',
  'cancel.confirm': 'Ydw, canslo’r etholiad hwn',
  'cancel.back': 'Na, cadw’r etholiad',
  'cancel.done': 'Mae’r etholiad wedi’i ganslo (safle {position} ar y bwrdd).',
  'cancel.cancelled': 'Mae’r etholiad hwn wedi’i ganslo. Nid yw ei fwrdd yn derbyn dim mwy.',
  'packs.title': 'Pecynnau pleidleisio a phecynnau newydd',
  'packs.text':
    'Gwneir pecynnau all-lein, ar gyfrifiadur y cofrestrydd, byth yn y porwr hwn: maent yn cynnwys cod pleidleisio pob aelod, a gallai tudalen a anfonir gan y gweinydd hwn drosglwyddo’r codau i’r gweinydd, a allai wedyn bleidleisio drostynt. Rhedwch y gorchmynion hyn yno, yna uwchlwythwch answers.json o dan “Cymwysterau ac agor”, a phob cais am becyn newydd isod.',
  'packs.generate': 'I wneud y pecynnau (ar ôl cyhoeddi allwedd yr etholiad):',
  'packs.replace': 'I wneud pecyn newydd i un aelod a ofynnodd am un:',
  'packs.requestFile': 'Cais am becyn newydd (request.json o “scrutineer packs replace”)',
  'packs.requestSubmit': 'Cyhoeddi’r pecyn newydd',
  'packs.replaced':
    'Pecyn newydd wedi’i gyhoeddi: cymhwyster {revoked}… wedi’i ddirymu, {added}… wedi’i ychwanegu.',
  'rla.title': 'Archwiliad cyfyngu risg o’r cyfrif post',
  'rla.intro':
    'Ar ôl cyhoeddi pob swp, mae’r bwrdd yn tynnu sypiau i’w cyfrif â llaw o hedyn cyhoeddus yr arsylwyr (manyleb §9.8). Mae pob cam yma yr un cais â “scrutineer postal audit”: cyhoeddi ymrwymiadau’r arsylwyr, dechrau’r archwiliad, cyhoeddi eu hadau, gofyn i’r bwrdd dynnu pob rownd, rhoi cyfrif llaw pob swp a dynnwyd, a dod â’r archwiliad i ben.',
  'rla.none': 'Nid oes archwiliad wedi dechrau.',
  'rla.phase': 'Cam',
  'rla.riskLimit': 'Terfyn risg',
  'rla.rounds': 'Rowndiau a dynnwyd',
  'rla.counted': 'Sypiau a gyfrifwyd â llaw',
  'rla.pending': 'Wedi’u tynnu, i’w cyfrif â llaw',
  'rla.measured': 'Risg a fesurwyd',
  'rla.outcome': 'Canlyniad',
  'rla.confirmed': 'Wedi’i gadarnhau: mae’r risg a fesurwyd o fewn y terfyn risg.',
  'rla.handCounted':
    'Wedi’i uwchgyfeirio i gyfrif llaw llawn: mae’r canlyniad yn defnyddio’r cyfrifon llaw.',
  'rla.running': 'Heb ddod i ben eto.',
  'rla.fullRound': 'Tynnwyd cyfrif llaw llawn o bob swp.',
  'rla.countTitle': 'Rhoi cyfrif llaw swp a dynnwyd',
  'rla.nothingPending': 'Nid oes swp a dynnwyd yn aros am ei gyfrif llaw.',
  'rla.batch': 'Swp a dynnwyd',
  'rla.papers': 'Papurau a gafwyd yn y swp',
  'rla.spoilt': 'O’r rhain, wedi’u difetha',
  'rla.counts': 'Pleidleisiau fesul ymgeisydd, yn nhrefn y papur pleidleisio',
  'rla.countsHint':
    'Atalnodau rhwng ymgeiswyr, “/” rhwng cystadlaethau, er enghraifft 289,146/10,3.',
  'rla.submit': 'Cofnodi’r cyfrif llaw',
  'rla.done': 'Swp {batch}: cyfrif llaw wedi’i gofnodi.',
  'error.auditBatch': 'Nid yw “{detail}” yn swp y mae’r bwrdd wedi’i dynnu ac yn aros amdano.',
  'error.handCount': 'Nid yw’r cyfrif llaw yn gyflawn: {detail}',
  'error.auditRefused': 'Gwrthododd y bwrdd y cam archwilio hwn: {detail}',
  'rla.seedsNote':
    'Mae pob arsylwr yn gwneud ei hedyn ar ei gyfrifiadur ei hun â “scrutineer postal audit seed” ac yn rhoi dim ond ei ymrwymiad i chi cyn y dechrau; mae’n rhoi’r hedyn ei hun i chi dim ond ar ôl y dechrau.',
  'rla.observers': 'Arsylwyr',
  'rla.observer': 'Arsylwr',
  'rla.seedRevealed': 'Hedyn wedi’i gyhoeddi',
  'rla.commitTitle': 'Cyhoeddi ymrwymiad arsylwr',
  'rla.commitObserver': 'Enw’r arsylwr',
  'rla.commitObserverHint': 'Fel y bydd y cofnod yn ei enwi, er enghraifft Ann Jones.',
  'rla.commitment': 'Ei ymrwymiad',
  'rla.commitmentHint': '64 digid hecsadegol, fel yr argraffodd “scrutineer postal audit seed” ef.',
  'rla.commitSubmit': 'Cyhoeddi’r ymrwymiad',
  'rla.committed': 'Ymrwymiad {observer} wedi’i gyhoeddi.',
  'rla.startTitle': 'Dechrau’r archwiliad',
  'rla.startText':
    'Unwaith y bydd yr archwiliad wedi dechrau, ni ellir cyhoeddi rhagor o sypiau nac ymrwymiadau.',
  'rla.riskLimitField': 'Terfyn risg, mewn canran',
  'rla.riskLimitHint': 'Rhif cyfan o 1 i 50; 5 os byddwch yn ei adael yn wag.',
  'rla.startSubmit': 'Dechrau’r archwiliad',
  'rla.started': 'Mae’r archwiliad wedi dechrau gyda therfyn risg o {limit} %.',
  'rla.revealTitle': 'Cyhoeddi hedyn arsylwr',
  'rla.revealObserver': 'Enw’r arsylwr',
  'rla.revealObserverHint': 'I’w cyhoeddi o hyd: {names}',
  'rla.seed': 'Ei hedyn',
  'rla.seedHint': '64 digid hecsadegol, o ffeil hedyn yr arsylwr.',
  'rla.revealSubmit': 'Cyhoeddi’r hedyn',
  'rla.revealed': 'Hedyn {observer} wedi’i gyhoeddi.',
  'rla.sampleTitle': 'Tynnu’r rownd nesaf',
  'rla.sampleText':
    'Mae’r bwrdd yn tynnu’r sypiau ei hun o’r hedyn cyhoeddus; nid oes neb yn eu dewis.',
  'rla.full': 'Uwchgyfeirio i gyfrif llaw llawn o bob swp nas cyfrifwyd eto',
  'rla.sampleSubmit': 'Gofyn i’r bwrdd dynnu',
  'rla.drawn': 'Rownd {round}: {draws} tyniad; i’w cyfrif â llaw: {batches}.',
  'rla.drawnFull': 'Rownd {round}, cyfrif llaw llawn: i’w cyfrif â llaw: {batches}.',
  'rla.endTitle': 'Dod â’r archwiliad i ben',
  'rla.endText':
    'Dim ond pan fydd y risg a fesurwyd o fewn y terfyn risg, neu pan fydd pob swp wedi’i gyfrif â llaw, y mae’r bwrdd yn dod â’r archwiliad i ben; fel arall tynnwch rownd arall neu uwchgyfeirio.',
  'rla.endSubmit': 'Dod â’r archwiliad i ben',
  'rla.endConfirmed': 'Mae’r cyfrif post wedi’i gadarnhau: risg a fesurwyd {risk}.',
  'rla.endHandCounted': 'Cyfrifwyd pob swp â llaw: mae’r canlyniad yn defnyddio’r cyfrifon llaw.',
  'error.auditObserver':
    'Rhaid i enw’r arsylwr ddechrau â llythyren neu ddigid, yna hyd at 63 o lythrennau, digidau, bylchau, atalnodau llawn, cysylltnodau neu danlinellau.',
  'error.auditCommitment':
    'Rhaid i’r ymrwymiad fod yn 64 digid hecsadegol, fel yr argraffodd “scrutineer postal audit seed” ef.',
  'error.riskLimit': 'Rhaid i’r terfyn risg fod yn rhif cyfan o ganran o 1 i 50.',
  'error.auditSeed': 'Rhaid i’r hedyn fod yn 64 digid hecsadegol, o ffeil hedyn yr arsylwr.',
  'error.auditNoCommitment':
    'Ni all yr archwiliad ddechrau cyn cyhoeddi ymrwymiad o leiaf un arsylwr.',
  'error.auditUnrevealed':
    'Ni all y bwrdd dynnu eto: nid yw hedyn pob arsylwr a ymrwymodd wedi’i gyhoeddi.',
  'error.auditSeedMismatch':
    'Nid yw’r hedyn hwnnw’n cyfateb i ymrwymiad yr arsylwr. Gwiriwch ef gyda’r arsylwr; ni chyhoeddwyd dim.',
  'error.auditUncounted': 'Nid yw rhai sypiau a dynnwyd wedi’u cyfrif â llaw eto.',
  'error.auditRiskMet':
    'Mae’r terfyn risg wedi’i fodloni: dewch â’r archwiliad i ben yn lle tynnu rownd arall.',
  'error.auditRiskAbove':
    'Mae’r risg a fesurwyd uwchlaw’r terfyn risg: tynnwch rownd arall neu uwchgyfeirio i gyfrif llaw llawn.',
  'working.busy': 'Wrthi…',
};
