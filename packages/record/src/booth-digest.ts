/**
 * @module The booth digest (spec §10.7.1): one SHA-256 over the whole served booth, so a manifest
 * can name the exact web app its voters should be given and anyone can compare a served booth
 * with it. The listing is `sha256sum` output (two spaces, paths sorted by code unit), so
 * `sha256sum -c` checks a directory against it and `sha256sum` of the listing is the digest.
 */
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';

/** One served file: its path below the booth's root (no leading slash) and SHA-256 (hex). */
export interface BoothFile {
  readonly path: string;
  readonly sha256: string;
}

/** Spec §10.7.1: a path is non-empty segments of [A-Za-z0-9._-], joined by `/`, none `.` or `..`. */
const PATH = /^(?!\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._-]+)*$/;
const HEX_64 = /^[0-9a-f]{64}$/;

export function isBoothPath(path: string): boolean {
  return PATH.test(path);
}

/** Whether `value` has the form of a booth digest (64 lower-case hex characters). */
export function isBoothDigest(value: string): boolean {
  return HEX_64.test(value);
}

/** The files sorted by path; throws on a malformed path or hash, or a path listed twice (bugs). */
function sorted(files: readonly BoothFile[]): BoothFile[] {
  const list = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  list.forEach((file, i) => {
    if (!PATH.test(file.path)) throw new Error(`not a booth path: ${file.path}`);
    if (!HEX_64.test(file.sha256)) throw new Error(`not a SHA-256: ${file.path}`);
    if (i > 0 && list[i - 1]?.path === file.path) throw new Error(`listed twice: ${file.path}`);
  });
  return list;
}

/** Spec §10.7.1: the listing, one `<sha256>  <path>\n` line per file, sorted by path. */
export function boothListing(files: readonly BoothFile[]): string {
  return sorted(files)
    .map((file) => `${file.sha256}  ${file.path}\n`)
    .join('');
}

/** Spec §10.7.1: the booth digest, SHA-256 of the UTF-8 listing, in hex. */
export function boothDigest(files: readonly BoothFile[]): string {
  return bytesToHex(sha256(utf8(boothListing(files))));
}

/** The {@link BoothFile} of a file's bytes. */
export function boothFile(path: string, bytes: Uint8Array): BoothFile {
  return { path, sha256: bytesToHex(sha256(bytes)) };
}

/** The differences between an expected and a served list of files, for a person to read. */
export function boothDifferences(
  expected: readonly BoothFile[],
  served: readonly BoothFile[]
): string[] {
  const want = new Map(expected.map((file) => [file.path, file.sha256]));
  const got = new Map(served.map((file) => [file.path, file.sha256]));
  const lines: string[] = [];
  for (const path of [...new Set([...want.keys(), ...got.keys()])].sort()) {
    const a = want.get(path);
    const b = got.get(path);
    if (a === b) continue;
    if (a === undefined) lines.push(`${path}: served but not in the expected booth`);
    else if (b === undefined) lines.push(`${path}: missing from the served booth`);
    else lines.push(`${path}: differs (expected sha256 ${a}, served ${b})`);
  }
  return lines;
}

/**
 * Spec §10.7.2 (check V1.10): what is wrong with a manifest's `booth` field, or nothing. Each
 * digest has the form above; each mirror origin is an `https:` origin (or `http:` on a loopback
 * address, for tests), serialised as the URL standard does, and no origin is named twice.
 */
export function boothFieldProblems(booth: {
  readonly digest: string;
  readonly mirrors?: readonly { readonly origin: string; readonly digest: string }[] | undefined;
}): string[] {
  const problems: string[] = [];
  if (!HEX_64.test(booth.digest)) problems.push('booth.digest is not 64 lower-case hex digits');
  const seen = new Set<string>();
  (booth.mirrors ?? []).forEach((mirror, i) => {
    if (!HEX_64.test(mirror.digest))
      problems.push(`booth.mirrors[${i}].digest is not 64 lower-case hex digits`);
    let canonical: string | null = null;
    try {
      const url = new URL(mirror.origin);
      const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]';
      if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback))
        canonical = url.origin;
    } catch {
      canonical = null;
    }
    if (canonical !== mirror.origin)
      problems.push(`booth.mirrors[${i}].origin is not an https origin in canonical form`);
    if (seen.has(mirror.origin)) problems.push(`booth.mirrors[${i}].origin is named twice`);
    seen.add(mirror.origin);
  });
  return problems;
}
