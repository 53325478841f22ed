/**
 * @module Teitlau Cymraeg gwiriadau rhifol y dilysydd (Welsh titles of the verifier's checks).
 * Written by a non-native speaker: to be reviewed by a native Welsh speaker (see the README).
 */
import type { checksEn } from './checks-en.ts';

export const checksCy: Readonly<Record<keyof typeof checksEn, string>> = {
  'check.V1.1': 'mae format.json yn enwi scrutineer-record fersiwn 1',
  'check.V1.2': 'y digwyddiad cyntaf yw’r gosod, gyda maniffest dilys',
  'check.V1.3': 'mae’r ffeil enwebiadau’n cyfateb i’w hash ac i’r ymgeiswyr cymwys',
  'check.V1.10': 'mae crynodebau’r bwth yn y maniffest wedi’u ffurfio’n gywir',
  'check.V2.1': 'mae pob llinell yn JSON canonaidd ac yn ddigwyddiad wedi’i ffurfio’n iawn',
  'check.V2.2': 'mae’r safleoedd yn olynol o 0',
  'check.V2.3': 'mae pob digwyddiad yn cadwyno at hash yr un o’i flaen',
  'check.V2.4': 'nid yw’r amseroedd byth yn mynd yn ôl',
  'check.V2.5': 'mae’r digwyddiadau yn nhrefn y cyfnodau, ar y sianeli a gynigir gan yr etholiad',
  'check.V2.6': 'mae’r pwyntiau gwirio wedi’u llofnodi ag allwedd y bwrdd',
  'check.V2.7': 'gwreiddiau’r pwyntiau gwirio yw gwreiddiau Merkle y log hyd hynny',
  'check.V2.8': 'mae canslo’n rhoi ei reswm ac nid oes dim yn dod ar ei ôl',
  'check.V2.9':
    'mae’r cyd-lofnodion gan dystion a enwir yn y maniffest, unwaith i bob maint, ac yn ddilys',
  'check.V2.10':
    'pwyntiau gwirio’r cofnod yw’r rhai a gyd-lofnodwyd: nid oes dau o’r un maint yn wahanol',
  'check.V3.1':
    'ymrwymiadau’r ymddiriedolwyr: ymddiriedolwr rhestredig, wedi’u llofnodi; bai’r ymddiriedolwr hwnnw yw un gwallus neu ddyblyg',
  'check.V3.2':
    'cyfrannau’r ymddiriedolwyr: ymddiriedolwr rhestredig, wedi’u llofnodi; bai’r ymddiriedolwr hwnnw yw cyfran goll neu ddyblyg',
  'check.V3.3':
    'mae’r cwynion wedi’u llofnodi, yn enwi cyfran a gyhoeddwyd, yn ei phrofi, a chânt eu barnu eto',
  'check.V3.4': 'yr ymddiriedolwyr cymwys yw’r rhai heb fai, a digon ohonynt',
  'check.V3.5': 'allwedd yr etholiad yw swm termau cyson yr ymddiriedolwyr cymwys',
  'check.V3.6': 'caiff allweddi dilysu’r ymddiriedolwyr eu hailgyfrifo o’r ymrwymiadau',
  'check.V3.7':
    'mae cyfrannau ymarfer dadgryptio’r ymddiriedolwyr wedi’u llofnodi a’u proflenni’n dilysu',
  'check.V4.1': 'mae allweddi’r cymwysterau’n bwyntiau dilys',
  'check.V4.2': 'nid oes allwedd cymhwyster yn ymddangos ddwywaith',
  'check.V4.3': 'caiff nifer y cymwysterau a hash y rhestr eu hailgyfrifo',
  'check.V4.4': 'caiff hash sylfaen yr etholiad ei ailgyfrifo',
  'check.V4.5':
    'mae pob pecyn newydd wedi’i gymeradwyo gan allwedd y cofrestrydd, o fewn terfyn y maniffest a chyn ei derfyn amser, ac yn dirymu cymhwyster gweithredol heb ei ddefnyddio am un newydd',
  'check.V5.1': 'mae’r pleidleisiau’n enwi’r etholiad hwn ac mae ganddynt siâp y papur pleidleisio',
  'check.V5.2': 'cafodd y pleidleisiau eu bwrw â chymwysterau gweithredol ar y pryd',
  'check.V5.3': 'caiff y tracwyr eu hailgyfrifo o’r pleidleisiau wedi’u hamgryptio',
  'check.V5.4': 'mae llofnodion y pleidleisiau’n gywir',
  'check.V5.5': 'mae pob pleidlais wedi’i hamgryptio’n ddilys ac wedi’i phrofi’n 0 neu 1',
  'check.V5.6': 'mae prawf cyfanswm pob cystadleuaeth yn gywir',
  'check.V5.7': 'nid oes pleidlais wedi’i hamgryptio na thraciwr mewn dau bapur pleidleisio',
  'check.V5.8': 'cafodd y pleidleisiau eu bwrw tra oedd y pleidleisio ar agor',
  'check.V5.9': 'mae’r polisi pleidleisio’n dal (un bleidlais a gyfrifir i bob aelod)',
  'check.V5.10': 'mae pleidleisiau gwirio dyfais yn agor i’w pleidleisiau cyhoeddedig',
  'check.V5.11':
    'mae pob derbynneb a heriwyd yn eiddo i’r bwrdd, ac mae ei phapur pleidleisio ar y log lle mae’n dweud',
  'check.V6.1': 'mae’r pecynnau post yn weithredol ac wedi’u derbyn unwaith',
  'check.V6.2': 'ni phleidleisiodd unrhyw aelod ar-lein a drwy’r post; mae gwrthodiadau’n gyfiawn',
  'check.V6.3': 'mae cyfrifon y sypiau post yn parchu terfynau’r gystadleuaeth',
  'check.V6.4': 'mae’r papurau post yn cyfateb i’r pecynnau post a dderbyniwyd',
  'check.V6.5': 'mae pob pecyn post a dderbyniwyd yn dangos cyfrinach slip dychwelyd ei becyn',
  'check.V6.6':
    'archwiliad post: ymrwymodd yr arsylwyr i’w hadau cyn yr archwiliad a’u datgelu’n gywir',
  'check.V6.7':
    'archwiliad post: pob sampl yw’r un a dynnir gan yr hedyn cyhoeddus; dim ond sypiau’r sampl a ailgyfrifwyd',
  'check.V6.8':
    'archwiliad post: ailgyfrifir y risg; daeth i ben dim ond wrth y terfyn risg neu ar ôl cyfrif â llaw llawn',
  'check.V7.1': 'mae’r cyfrif yn cynnwys yr union bleidleisiau a gyfrifir',
  'check.V7.2': 'caiff y cyfansymiau wedi’u hamgryptio eu hailgyfrifo',
  'check.V8.1':
    'cyfrannau dadgryptio: ymddiriedolwr cymwys, wedi’u llofnodi; rhoddir set ddyblyg neu anghyflawn o’r neilltu',
  'check.V8.2':
    'mae proflenni’r cyfrannau dadgryptio’n gywir; rhoddir set sy’n methu o’r neilltu fel bai’r ymddiriedolwr hwnnw',
  'check.V8.3': 'mae digon o gyfrannau dilys yn cyfuno i gyfrifon o fewn yr ystod',
  'check.V9.1': 'mae’r cyfrifon ar-lein yn hafal i’r cyfansymiau wedi’u dadgryptio',
  'check.V9.2': 'mae’r cyfrifon post yn hafal i swm y sypiau post',
  'check.V9.3': 'mae’r cyfansymiau’n hafal i ar-lein a’r post, i bob ymgeisydd',
  'check.V10.1': 'mae pob papur pleidleisio trefn-ddewis yn drefn ddilys, wedi’i phrofi',
  'check.V10.2': 'cymysgodd pob gweinydd cymysgu bapurau’r un blaenorol, gyda phrawf dilys',
  'check.V10.3':
    'mae pob cyfran ddadgryptio o bapur trefn-ddewis cymysg wedi’i phrofi gan ei ymddiriedolwr',
  'check.V10.4': 'dadgryptiwyd y trefnau hyd at ddewis olaf pob papur, gan ddigon o ymddiriedolwyr',
  'check.V10.5': 'y trefnau a gyhoeddwyd yw’r rhai a ddadgryptiwyd',
  'check.V10.6':
    'mae pob cymysgiad wedi’i lofnodi gan y gweinydd cymysgu a’i gwnaeth, nid gan bwy bynnag a’i trosglwyddodd',
  'check.V10.7':
    'mae pob papur post mewn cystadleuaeth trefn-ddewis yn un drefn ddilys, a chyfrifir pob swp unwaith',
  'check.V11.1':
    'mae pob canlyniad trefn-ddewis yn enwi rheolau a seddi ei gystadleuaeth, a hedyn a bennwyd cyn y cyfrif',
  'check.V11.2':
    'mae pob taflen ganlyniad trefn-ddewis, gam wrth gam, yr un fath â’r cyfrif o’r newydd o’r trefnau',
  'check.V12.1':
    'mae gan bob cod pleidleisio arddull papur a phwysiad y mae’r maniffest yn eu caniatáu',
  'check.V12.2': 'nid oes unrhyw grŵp o bleidleiswyr yn llai na lleiafswm y maniffest',
  'check.V12.3': 'mae pob papur pleidleisio’n cwmpasu union gystadlaethau papur ei bleidleisiwr',
  'check.V12.4':
    'mae papurau a phwysiadau’r cyfrif ar gyfer pob cystadleuaeth yn cael eu hailgyfrifo',
  'check.V12.5':
    'mae pob swp post yn dal papurau un arddull papur, wedi’u marcio o fewn yr arddull honno yn unig',
  'check.V12.6':
    'nid oes gan unrhyw arddull papur fwy o bapurau post na’r pecynnau post a dderbyniwyd',
  'check.V12.7':
    'mae pob swp post yn cyfrif ei bapurau ar un pwysiad, ac nid oes gan unrhyw bwysiad fwy o bapurau post na’r pecynnau post a dderbyniwyd',
};
