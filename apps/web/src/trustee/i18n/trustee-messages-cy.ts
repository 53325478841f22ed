/** @module Welsh messages of the trustee's page: every key of trustee-messages-en.ts. */
import type { TrusteeMessageKey } from './trustee-messages-en.ts';

export const trusteeCy: Readonly<Record<TrusteeMessageKey, string>> = {
  'trustee.title': 'Ymddiriedolwr {index}: {election}',
  'trustee.intro':
    'Nid yw eich allwedd byth yn gadael y ddyfais hon: caiff ei gwneud yma, ei chadw mewn ffeil rydych yn ei lawrlwytho yn unig, a’i darllen yn ôl o’r ffeil honno. Dim ond eich negeseuon cyhoeddus y mae’r gweinydd yn eu gweld.',
  'trustee.openTitle': 'Agor eich ffeil allwedd',
  'trustee.openHint': 'Y ffeil a gadwoch pan wnaethoch eich allwedd (mae’n gorffen gyda .json).',
  'trustee.keyFile': 'Eich ffeil allwedd',
  'trustee.stateFile': 'Eich ffeil cyflwr seremoni (yn gorffen gyda .ceremony)',
  'trustee.stateFileHint':
    'Mae eich rhaniad ar y bwrdd ond nid yw’r porwr hwn yn dal ei gyflwr mwyach. Agorwch y ffeil .ceremony a lawrlwythoch pan wnaethoch rannu.',
  'trustee.createTitle': 'Gwneud allwedd newydd',
  'trustee.createHint':
    'Dim ond cyn i’r swyddog canlyniadau sefydlu’r etholiad. Yna anfonwch eich cofnod cyhoeddus atynt.',
  'trustee.name': 'Eich enw fel y bydd yr etholiad yn ei ddangos',
  'trustee.create': 'Gwneud fy allwedd',
  'trustee.nameMissing': 'Rhowch eich enw',
  'trustee.errorTitle': 'Mae problem',
  'trustee.savedTitle': 'Cadwch eich ffeil allwedd nawr',
  'trustee.savedText':
    'Y ffeil hon yw’r unig gopi o’ch allwedd. Cadwch hi’n ddiogel ac yn breifat: hebddi ni allwch gymryd rhan yn y cyfrif.',
  'trustee.downloadKey': 'Lawrlwytho eich ffeil allwedd',
  'trustee.downloadPublic': 'Lawrlwytho eich cofnod cyhoeddus i’r swyddog canlyniadau',
  'trustee.downloadState':
    'Lawrlwytho eich ffeil cyflwr seremoni (copi wrth gefn, wedi’i selio dan eich allwedd)',
  'trustee.downloadShare': 'Lawrlwytho eich ffeil allwedd gyda’ch cyfran gyfrinachol',
  'trustee.shareSavedText':
    'Mae eich ffeil allwedd bellach yn dal eich cyfran gyfrinachol. Lawrlwythwch hi a’i chadw yn lle’r hen un: dyma’r ffeil y byddwch yn ei defnyddio ar gyfer yr ymarfer a’r cyfrif.',
  'trustee.continue': 'Rwyf wedi’i chadw: parhau',
  'trustee.refresh': 'Gwirio’r bwrdd eto',
  'trustee.waitManifest':
    'Nid yw’r swyddog canlyniadau wedi sefydlu’r etholiad hwn eto. Anfonwch eich cofnod cyhoeddus atynt; mae’r dudalen hon yn gwirio eto ar ei phen ei hun.',
  'trustee.dealTitle': 'Rhannu eich cyfrannau',
  'trustee.dealText':
    'Mae eich tudalen yn gwneud polynomial cyfrinachol, yn cadw’r hyn y bydd ei angen wedi’i selio dan eich allwedd, ac yn postio’r ymrwymiadau a’r cyfrannau wedi’u hamgryptio i bob ymddiriedolwr.',
  'trustee.deal': 'Rhannu fy nghyfrannau',
  'trustee.dealt': 'Wedi rhannu: {count} o {total} ymddiriedolwr ({list}).',
  'trustee.waitDealers': 'Yn aros i’r ymddiriedolwyr eraill rannu.',
  'trustee.checkTitle': 'Cyfrannau a rannwyd i chi',
  'trustee.shareGood': 'Cyfran gan ymddiriedolwr {dealer}: cywir.',
  'trustee.shareBad': 'Cyfran gan ymddiriedolwr {dealer}: nid yw’n cyfateb i’w hymrwymiadau.',
  'trustee.complain': 'Cwyno am gyfran ymddiriedolwr {dealer}',
  'trustee.complained': 'Mae eich cwyn am ymddiriedolwr {dealer} ar y bwrdd.',
  'trustee.waitKey':
    'Yn aros i’r swyddog canlyniadau gyhoeddi allwedd yr etholiad. Mae’r dudalen hon yn gwirio eto ar ei phen ei hun.',
  'trustee.notQualified':
    'Cyhoeddwyd allwedd yr etholiad cyn i chi rannu, felly nid ydych yn un o ymddiriedolwyr cymwys yr etholiad hwn.',
  'trustee.conclude': 'Cymryd fy nghyfran gyfrinachol',
  'trustee.concludeText':
    'Mae allwedd yr etholiad wedi’i chyhoeddi. Mae eich tudalen nawr yn gwirio ei bod yn dilyn o’r seremoni ac yn cyfrifo eich cyfran gyfrinachol.',
  'trustee.doneTitle': 'Mae’r seremoni drosodd i chi',
  'trustee.doneText': 'Mae eich ffeil allwedd yn dal eich cyfran gyfrinachol.',
  'trustee.rehearseTitle': 'Ymarfer dadgryptio',
  'trustee.rehearseText':
    'Cyn i’r pleidleisio agor, dadgryptiwch y seifferdestun prawf cyhoeddedig gyda’r gyfran gyfrinachol yn y ffeil hon, fel bod ffeil goll neu anghywir yn cael ei chanfod tra gellir ei disodli o hyd.',
  'trustee.rehearse': 'Ymarfer y dadgryptio',
  'trustee.rehearsed': 'Rydych wedi ymarfer: gwiriodd y bwrdd eich dadgryptio.',
  'trustee.rehearsedBy':
    'Ymddiriedolwyr sydd wedi ymarfer: {list} ({count} o {total}; mae angen {threshold} ar gyfer y cyfrif).',
  'trustee.decryptTitle': 'Dadgryptio’r cyfrif',
  'trustee.decryptText':
    'Rhowch y pwynt gwirio a gyhoeddodd y swyddog canlyniadau y tu allan i’r gweinydd hwn (maint:gwreiddyn). Mae eich tudalen yn lawrlwytho’r cofnod, yn ei wirio hyd at y pwynt gwirio hwnnw, a dim ond wedyn yn dadgryptio’r cyfrif a seliwyd yno.',
  'trustee.checkpoint': 'Pwynt gwirio a gyhoeddwyd gan y swyddog canlyniadau',
  'trustee.checkpointHint': 'Er enghraifft 42: wedi’i ddilyn gan 64 digid hecsadegol.',
  'trustee.checkpointInvalid': 'Rhowch y pwynt gwirio fel ei faint, colon, a 64 digid hecsadegol',
  'trustee.decrypt': 'Gwirio’r cyfrif a phostio fy nghyfran dadgryptio',
  'trustee.decrypted': 'Mae eich cyfran dadgryptio o’r cyfrif ar y bwrdd.',
  'trustee.noTally':
    'Nid yw’r cyfrif wedi’i selio eto: dewch yn ôl pan fydd y swyddog canlyniadau yn ei gyhoeddi.',
  'trustee.working': 'Yn gweithio…',
  'trustee.none': 'dim',
  'trustee.error.officer-key-file':
    'Allwedd swyddog canlyniadau yw hon, nid ffeil allwedd ymddiriedolwr. Agorwch y ffeil allwedd a wnaethoch fel ymddiriedolwr.',
  'trustee.error.not-a-key-file': 'Nid ffeil allwedd ymddiriedolwr yw hon.',
  'trustee.error.wrong-trustee':
    'Ffeil allwedd ymddiriedolwr {trustee} ar gyfer {election} yw hon, nid yr un y mae’r ddolen hon ar ei chyfer.',
  'trustee.error.key-not-in-manifest':
    'Nid y ffeil allwedd hon yw’r allwedd y mae maniffest yr etholiad yn ei henwi ar gyfer yr ymddiriedolwr hwn.',
  'trustee.error.state': 'Ni ellir defnyddio’r ffeil cyflwr seremoni hon: {reason}',
  'trustee.error.board': 'Gwrthododd y bwrdd: {reason}',
  'trustee.error.failed': 'Aeth rhywbeth o’i le: {reason}',
  'trustee.error.record':
    'Nid yw’r cofnod yn gwirio hyd at y pwynt gwirio hwnnw, felly ni ddadgryptiwyd dim: {reason}',
};
