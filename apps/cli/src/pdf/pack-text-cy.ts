/**
 * @module Testunau sefydlog y pecyn pleidleisio (the pack's fixed texts in Welsh). Where the booth
 * says the same thing, the words are those of apps/web/src/i18n/messages-cy.ts, so the pack and the
 * booth agree. Written by a non-native speaker: to be reviewed by a native Welsh speaker before use.
 */
import type { PackTextKey } from './pack-text-en.ts';

export const packTextCy: Readonly<Record<PackTextKey, string>> = {
  'letter.heading': 'Eich pecyn pleidleisio',
  'letter.memberNumber': 'Rhif aelod: {memberId}',
  'letter.packReference': 'Cyfeirnod y pecyn: {packId}',
  'letter.closes': 'Pleidleisio’n cau: {closes}',
  'letter.returnAddress': 'Os na ellir ei ddosbarthu, dychweler at {organisation}',
  'code.heading': 'Eich cod pleidleisio',
  'fingerprint.pending':
    'Ôl bys yr etholiad: caiff ei gyhoeddi ar y cofnod cyhoeddus pan fydd y pleidleisio’n agor.',
  'fingerprint.value': 'Ôl bys yr etholiad: {fingerprint}',
  'fingerprint.warning':
    'Mae’r wefan bleidleisio yn dangos yr ôl bys hwn: os yw’n dangos un arall, nid ydych yn yr etholiad hwn, felly peidiwch â phleidleisio yno.',
  'online.heading': 'I bleidleisio ar-lein',
  'online.website': 'y wefan bleidleisio',
  'online.steps':
    'Ewch i {where}, teipiwch eich cod pleidleisio neu sganiwch y cod QR wrth ei ymyl. Gwiriwch yr ôl bys, gwnewch eich dewis a chadwch y dderbynneb y mae’r wefan yn ei rhoi i chi.',
  'online.stepsWithQuestions':
    'Ewch i {where}, teipiwch eich cod pleidleisio neu sganiwch y cod QR wrth ei ymyl, ac atebwch y cwestiynau am eich {questions}. Gwiriwch yr ôl bys, gwnewch eich dewis a chadwch y dderbynneb y mae’r wefan yn ei rhoi i chi.',
  'post.heading': 'I bleidleisio drwy’r post',
  'post.beforeClose': 'cyn i’r pleidleisio gau',
  'post.beforeTime': 'cyn {closes}',
  'post.summary': 'Dilynwch “Pleidleisio drwy’r post” isod; rhaid i’ch amlen gyrraedd {before}.',
  'post.once':
    'Pleidleisiwch un ffordd yn unig: ar ôl i’ch amlen gael ei derbyn ni allwch bleidleisio ar-lein, a chaiff amlen sy’n cyrraedd ar ôl i chi bleidleisio ar-lein ei gwrthod.',
  'roll.heading': 'Gwiriwch eich bod yn cael eich cyfrif',
  'roll.entry':
    'Chi yw cofnod {index} o’r {count} aelod ar y gofrestr a gyhoeddwyd. Gall unrhyw un ei wirio gyda’r cyfeirnod yn y cod QR ar y dde (neu’r rhifau isod):',
  'mark.heading': 'MARC SWYDDOGOL',
  'slip.heading': 'SLIP DYCHWELYD',
  'slip.instructions':
    'Rhowch y slip hwn yn yr amlen ddychwelyd fawr, wrth ymyl amlen seliedig y papur pleidleisio, byth y tu mewn iddi. Caiff ei sganio pan fydd eich amlen yn cyrraedd, i gofnodi eich bod wedi pleidleisio drwy’r post; caiff ei wahanu oddi wrth eich papur pleidleisio cyn i unrhyw amlen gael ei hagor.',
  'slip.credential': 'Allwedd',
  'slip.secret': 'Cyfrinach',
  'slip.style': 'Arddull papur {mark}',
  'slip.weight': 'Pwysiad {weight}',
  'postal.heading': 'Pleidleisio drwy’r post',
  'postal.step1':
    '1. Marciwch y papur pleidleisio (yr ail ddalen). Peidiwch ag ysgrifennu dim arall arno.',
  'postal.step2': '2. Rhwygwch ef oddi wrth y slip dychwelyd ar hyd y llinell ddotiog.',
  'postal.step3':
    '3. Seliwch y papur pleidleisio ar ei ben ei hun yn amlen fach y papur pleidleisio.',
  'postal.step4':
    '4. Rhowch yr amlen honno a’r slip dychwelyd yn yr amlen ddychwelyd fawr, a’i phostio.',
  'postal.count':
    'Yn y cyfrif, caiff y slip dychwelyd ei sganio a’i roi o’r neilltu, a dim ond wedyn y caiff amlenni papurau pleidleisio hambwrdd cyfan eu cymysgu a’u hagor: ni all neb ddweud pa bapur sy’n perthyn i bwy. Cadwch y llythyr hwn.',
  'ballot.heading': 'PAPUR PLEIDLEISIO',
  'ballot.footer':
    'Peidiwch ag ysgrifennu eich enw na’ch cod pleidleisio ar y papur hwn. Seliwch ef ar ei ben ei hun yn amlen y papur pleidleisio.',
  'ballot.tear':
    'Rhwygwch ar hyd y llinell hon: mae’r slip uchod yn mynd yn yr amlen ddychwelyd, a’r papur isod ar ei ben ei hun yn amlen y papur pleidleisio.',
  'ballot.nextSheet': 'Mae eich papur pleidleisio ar y ddalen nesaf.',
  'select.exactlyOne': 'Dewiswch 1 ymgeisydd: rhowch groes (X) mewn un blwch.',
  'select.exactly': 'Dewiswch {count} ymgeisydd: rhowch groes (X) mewn {count} blwch.',
  'select.upToOne':
    'Dewiswch hyd at 1 ymgeisydd: rhowch groes (X) ym mlwch pob ymgeisydd a ddewiswch.',
  'select.upTo':
    'Dewiswch hyd at {max} ymgeisydd: rhowch groes (X) ym mlwch pob ymgeisydd a ddewiswch.',
  'select.between':
    'Dewiswch o leiaf {min} ac ar y mwyaf {max} ymgeisydd: rhowch groes (X) ym mhob blwch a ddewiswch.',
  'select.ranked':
    'Rhifwch yn ôl eich dewis: 1 ym mlwch eich dewis cyntaf, 2 eich ail, ac yn y blaen, cynifer ag y dymunwch.',
  'list.and': '{first} a {last}',
};
