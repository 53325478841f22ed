/**
 * @module A synthetic membership CSV for tests and the demo: clean members plus planted
 * problems of every kind the roll audit looks for, and the list of what was planted, so a test can
 * require "every planted problem found, no clean member flagged". Seeded and reproducible; never
 * for production (it is not random enough to be secret, and it is not meant to be).
 *
 * Clean members are made clean on purpose: unique addresses (except a few households whose members
 * have dissimilar given names), unique emails, well-formed postcodes, no similar names among people
 * born on the same day, at most a few joins a day and none on the burst day, and eligible.
 */
import { sha256, utf8 } from '@scrutineer/crypto';
import { type AuditRule, addDays, dayNumber, similarNames } from '@scrutineer/protocol';

export interface SyntheticRollOptions {
  readonly members?: number;
  readonly seed?: string;
  /** The join-date cut-off; default 2025-06-30. */
  readonly cutoff?: string;
  /** The as-of date for ages; default 2025-09-01. */
  readonly asOf?: string;
  /** Minimum age the planted under-age members fail; default 16. */
  readonly minimumAge?: number;
}

export interface PlantedProblem {
  readonly rule: AuditRule;
  /** Sorted. */
  readonly memberIds: readonly string[];
}

export interface SyntheticRoll {
  readonly csv: string;
  readonly rows: number;
  readonly planted: readonly PlantedProblem[];
  /** The eligibility rules the planted ineligible members fail (statuses active, paid). */
  readonly rules: {
    readonly cutoff: string;
    readonly asOf: string;
    readonly minimumAge: number;
    readonly statuses: readonly string[];
  };
  /** Members who are not planted and not ineligible. */
  readonly cleanMemberIds: readonly string[];
}

/** sfc32 seeded from SHA-256 of the seed: small, fast and good enough for fixtures. */
function seededGenerator(seed: string): () => number {
  const state = new Uint32Array(sha256(utf8(`synthetic-roll/${seed}`)).buffer.slice(0, 16));
  return () => {
    const [a, b, c, d] = state as unknown as [number, number, number, number];
    const t = (((a + b) >>> 0) + d) >>> 0;
    state[3] = (d + 1) >>> 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) >>> 0;
    state[2] = (((c << 21) | (c >>> 11)) + t) >>> 0;
    return t / 0x1_0000_0000;
  };
}

const GIVEN = (
  'Oliver Amelia George Isla Harry Ava Noah Mia Jack Ivy Leo Rosie Arthur Freya Muhammad Lily Oscar Florence Charlie Grace ' +
  'Thomas Sophia Henry Evie Theodore Poppy Alfie Sienna Joshua Daisy Jacob Alice William Elsie Archie Isabella Lucas Emily ' +
  'Edward Matilda Samuel Willow Joseph Phoebe Finley Harper Max Ruby Adam Chloe Daniel Layla Ethan Maya Dylan Aisha Kai ' +
  'Zara Reuben Nora Ibrahim Imogen Benjamin Esme Louis Hannah Elijah Ellie Sebastian Eleanor Rory Priya Tobias Bethany ' +
  'Gabriel Niamh Felix Orla Hugo Megan Ravi Aoife Yusuf Fatima Omar Agnes Patrick Bronwen Callum Delyth Angus Morag'
).split(' ');
const SURNAMES = (
  'Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall ' +
  'Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell Rose Davis Rodriguez Cox Alexander Morgan Hughes ' +
  'Edwards Hill Moore Clark Harrison Scott Young Morris Ward Turner Carter Phillipson Cooper King Lee Baker Harris Allen ' +
  'Parker Bennett Shaw Murray Kelly Reid Stewart Chapman Ahmed Begum Hussain Singh Kaur Ali Nguyen Okafor Mensah Kowalski ' +
  'Novak Byrne Doyle Walsh Gallagher Quinn Fraser Campbell MacLeod Sinclair Pritchard Llewellyn Rees Vaughan Price Holmes ' +
  'Fletcher Lambert Barker Dawson Fox Gibson Hunt Lloyd Marshall Owen Palmer Russell Stevens Webb Wells Armstrong'
).split(' ');
const STREETS = (
  'High Street|Station Road|Church Lane|Mill Lane|Park Avenue|Victoria Road|Green Lane|Manor Road|Church Street|Kings Road|' +
  'Queens Road|New Road|Grange Road|School Lane|The Crescent|Orchard Close|Alexandra Road|North Street|Albert Road|York Road|' +
  'Springfield Road|Richmond Road|Windsor Road|Highfield Road|Chester Road|Stanley Road|London Road|Main Street|Broadway|Elm Grove'
).split('|');
/** Towns with a real-looking outward code each. */
const TOWNS: readonly [string, string][] = [
  ['Leeds', 'LS6'],
  ['York', 'YO10'],
  ['Hull', 'HU5'],
  ['Bath', 'BA2'],
  ['Derby', 'DE22'],
  ['Hove', 'BN3'],
  ['Ely', 'CB7'],
  ['Bury', 'BL9'],
  ['Kendal', 'LA9'],
  ['Ayr', 'KA7'],
  ['Crewe', 'CW1'],
  ['Wick', 'KW1'],
  ['Bristol', 'BS6'],
  ['Cardiff', 'CF24'],
  ['Norwich', 'NR2'],
  ['Exeter', 'EX4'],
  ['Durham', 'DH1'],
  ['Lincoln', 'LN1'],
  ['Oxford', 'OX4'],
  ['Swansea', 'SA1'],
  ['Glasgow', 'G12'],
  ['Belfast', 'BT9'],
  ['London', 'SE15'],
  ['London', 'N16'],
  ['London', 'E8'],
  ['Manchester', 'M14'],
];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const INVALID_POSTCODES = ['QX9 9QQ', '12345', 'SW1A1A', 'LS1 4CA', 'ZZ', 'B1 1A'];

interface Row {
  id: string;
  name: string;
  address: string;
  postcode: string;
  dob: string;
  email: string;
  joined: string;
  status: string;
}

/** Builds the synthetic roll. Deterministic for a given seed and size. */
export function makeSyntheticRoll(options: SyntheticRollOptions = {}): SyntheticRoll {
  const total = Math.max(60, options.members ?? 2000);
  const cutoff = options.cutoff ?? '2025-06-30';
  const asOf = options.asOf ?? '2025-09-01';
  const minimumAge = options.minimumAge ?? 16;
  const random = seededGenerator(options.seed ?? 'scrutineer');
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number): number =>
    low + Math.floor(random() * (high - low + 1));

  const rows: Row[] = [];
  const planted: PlantedProblem[] = [];
  const byBirth = new Map<string, string[]>();
  const addresses = new Set<string>();
  const joinsPerDay = new Map<string, number>();
  let nextId = 100_000;
  const newId = (): string => `M${nextId++}`;
  const burstDay = addDays(cutoff, -3);
  const historyDays = 3650;
  const dailyRate = total / historyDays;
  const maxJoinsPerDay = Math.max(2, Math.ceil(2 * dailyRate));

  const freshDob = (): string =>
    addDays(
      '1945-01-01',
      between(0, dayNumber(addDays(asOf, -(minimumAge + 2) * 366)) - dayNumber('1945-01-01'))
    );
  const nameFits = (name: string, dob: string): boolean =>
    !(byBirth.get(dob) ?? []).some((other) => similarNames(other, name));
  const remember = (name: string, dob: string): void => {
    byBirth.set(dob, [...(byBirth.get(dob) ?? []), name]);
  };
  const freshAddress = (): [string, string] => {
    for (;;) {
      const [town, outward] = pick(TOWNS);
      const address = `${between(1, 240)} ${pick(STREETS)}, ${town}`;
      const postcode = `${outward} ${between(1, 9)}${pick([...INWARD_LETTERS])}${pick([...INWARD_LETTERS])}`;
      const key = `${address}|${postcode}`;
      if (!addresses.has(key)) {
        addresses.add(key);
        return [address, postcode];
      }
    }
  };
  const freshJoin = (): string => {
    for (;;) {
      const day = addDays(cutoff, -between(0, historyDays));
      if (day === burstDay || (joinsPerDay.get(day) ?? 0) >= maxJoinsPerDay) continue;
      joinsPerDay.set(day, (joinsPerDay.get(day) ?? 0) + 1);
      return day;
    }
  };
  const cleanRow = (birth?: () => string): Row => {
    for (;;) {
      const name = `${pick(GIVEN)} ${pick(SURNAMES)}`;
      const dob = birth === undefined ? freshDob() : birth();
      if (!nameFits(name, dob)) continue;
      remember(name, dob);
      const [address, postcode] = freshAddress();
      const id = newId();
      return {
        id,
        name,
        address,
        postcode,
        dob,
        email: `${id.toLowerCase()}@example.org`,
        joined: freshJoin(),
        status: random() < 0.8 ? 'active' : 'paid',
      };
    }
  };
  /** Another member copied from `original` with `changes`: a new id, its email, a fresh join date. */
  const another = (original: Row, changes: Partial<Row>): Row => {
    const id = newId();
    return {
      ...original,
      ...changes,
      id,
      email: `${id.toLowerCase()}@example.org`,
      joined: freshJoin(),
    };
  };
  /** A given name spelt a little differently: one inner letter doubled (`Oliver` → `Olliver`). */
  const variant = (given: string): string => {
    const at = 1 + Math.floor(random() * (given.length - 2));
    return given.slice(0, at + 1) + given[at] + given.slice(at + 1);
  };
  const plant = (rule: AuditRule, group: readonly Row[]): void => {
    rows.push(...group);
    planted.push({ rule, memberIds: group.map((r) => r.id).sort() });
  };

  const plantedPairs = Math.max(2, Math.round(total / 500));
  for (let k = 0; k < plantedPairs; k++) {
    // The same person twice: the name re-typed ("SURNAME, Given"), another address and email.
    const original = cleanRow();
    const [given, surname] = original.name.split(' ') as [string, string];
    const [address, postcode] = freshAddress();
    plant('exact-duplicate', [
      original,
      another(original, { name: `${surname.toUpperCase()}, ${given}`, address, postcode }),
    ]);
  }
  for (let k = 0; k < plantedPairs; k++) {
    const original = cleanRow();
    const [given, surname] = original.name.split(' ') as [string, string];
    let name = `${variant(given)} ${surname}`;
    // The variant may resemble only its original among the people born that day.
    const others = (): string[] =>
      (byBirth.get(original.dob) ?? []).filter((n) => n !== original.name);
    while (others().some((n) => similarNames(n, name))) name = `${variant(given)} ${surname}`;
    remember(name, original.dob);
    const [address, postcode] = freshAddress();
    plant('similar-name-same-birth-date', [
      original,
      another(original, { name, address, postcode }),
    ]);
  }
  for (let k = 0; k < plantedPairs; k++) {
    const original = cleanRow();
    const [given, surname] = original.name.split(' ') as [string, string];
    const name = `${variant(given)} ${surname}`;
    let dob = freshDob();
    while (dob === original.dob || !nameFits(name, dob)) dob = freshDob();
    remember(name, dob);
    plant('similar-name-same-address', [original, another(original, { name, dob })]);
  }
  for (let k = 0; k < plantedPairs; k++) {
    const first = cleanRow();
    const second = cleanRow();
    plant('shared-email', [first, { ...second, email: first.email.toUpperCase() }]);
  }
  for (let k = 0; k < plantedPairs; k++) {
    plant('invalid-postcode', [
      { ...cleanRow(), postcode: INVALID_POSTCODES[k % INVALID_POSTCODES.length] as string },
    ]);
  }
  const burstSize = Math.max(25, Math.ceil(8 * dailyRate));
  const burst = Array.from({ length: burstSize }, () => ({ ...cleanRow(), joined: burstDay }));
  plant('join-burst', burst);
  for (let k = 0; k < plantedPairs; k++) {
    plant('ineligible', [{ ...cleanRow(), joined: addDays(cutoff, between(1, 60)) }]);
    plant('ineligible', [{ ...cleanRow(), status: pick(['lapsed', 'suspended', 'expelled']) }]);
    plant('ineligible', [
      cleanRow(() => addDays(asOf, -between(14, minimumAge - 1) * 365 - between(30, 300))),
    ]);
  }
  const plantedCount = rows.length;
  // Households: a second adult at a clean member's address with a dissimilar given name.
  const households = Math.round(total / 200);
  const clean: Row[] = [];
  while (clean.length + plantedCount < total) {
    const row = cleanRow();
    clean.push(row);
    if (
      clean.length <= households * 2 &&
      clean.length % 2 === 0 &&
      clean.length + plantedCount < total
    ) {
      const surname = row.name.split(' ')[1] as string;
      for (;;) {
        const other = pick(GIVEN);
        const dob = freshDob();
        if (similarNames(`${other} ${surname}`, row.name) || !nameFits(`${other} ${surname}`, dob))
          continue;
        remember(`${other} ${surname}`, dob);
        clean.push(another(row, { name: `${other} ${surname}`, dob }));
        break;
      }
    }
  }
  // Shuffle so planted members are not all at the top of the file.
  const all = [...rows, ...clean];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j] as Row, all[i] as Row];
  }
  const quote = (text: string): string =>
    /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  const lines = ['member id,name,address,postcode,date of birth,email,join date,status'];
  for (const r of all)
    lines.push(
      [r.id, r.name, r.address, r.postcode, r.dob, r.email, r.joined, r.status].map(quote).join(',')
    );
  const plantedIds = new Set(planted.flatMap((p) => p.memberIds));
  return {
    csv: `${lines.join('\n')}\n`,
    rows: all.length,
    planted,
    rules: { cutoff, asOf, minimumAge, statuses: ['active', 'paid'] },
    cleanMemberIds: all.filter((r) => !plantedIds.has(r.id)).map((r) => r.id),
  };
}
