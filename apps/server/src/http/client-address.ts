/**
 * @module Who the client is, for per-address limits (docs/threat-model.md B2). Behind a reverse
 * proxy the socket's peer is the proxy, so every voter would share one bucket; trusting
 * X-Forwarded-For from anyone would let a client name any address it likes. The server therefore
 * trusts the header only through proxies the deployment names: a list of addresses or CIDRs,
 * and/or a hop count. Walking the chain from the socket's peer leftwards, each hop is trusted
 * while it is on the list (if there is one) and within the hop count (if there is one); the first
 * untrusted address is the client (fastify's `trustProxy` function, proxy-addr's semantics).
 *
 * The limit key is the address itself for IPv4, and the /64 prefix for IPv6: one subscriber
 * usually holds a whole /64, so keying on the full address would give an attacker 2^64 buckets.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export interface TrustedProxies {
  /** Proxy addresses or CIDRs (`10.0.0.0/8`, `::1`, `fd00::/8`); omitted = any address. */
  readonly addresses?: readonly string[];
  /** How many proxies in front of the server at most; omitted = no bound. */
  readonly hops?: number;
}

/** Refused at start-up: a setting that would trust nothing sensible is an operator's error. */
export class TrustedProxyError extends Error {
  override readonly name = 'TrustedProxyError';
}

function addTo(list: BlockList, entry: string): void {
  const [address = '', prefix] = entry.trim().split('/');
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  if (family === undefined)
    throw new TrustedProxyError(`not an IP address or CIDR: ${JSON.stringify(entry)}`);
  if (prefix === undefined) return list.addAddress(address, family);
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 'ipv4' ? 32 : 128))
    throw new TrustedProxyError(`not a CIDR prefix length: ${JSON.stringify(entry)}`);
  list.addSubnet(address, bits, family);
}

/**
 * fastify's `trustProxy` for a setting: false when nothing is trusted (the socket's peer is the
 * client, and X-Forwarded-For is ignored), else a function of (address, hop index).
 */
export function trustProxyFunction(
  setting: TrustedProxies | undefined
): false | ((address: string, hop: number) => boolean) {
  if (setting === undefined || (setting.addresses === undefined && setting.hops === undefined))
    return false;
  const hops = setting.hops ?? Infinity;
  if (!(hops === Infinity || (Number.isInteger(hops) && hops >= 0)))
    throw new TrustedProxyError(`the proxy hop count must be a whole number: ${String(hops)}`);
  let list: BlockList | undefined;
  if (setting.addresses !== undefined) {
    list = new BlockList();
    for (const entry of setting.addresses) addTo(list, entry);
  }
  return (address, hop) => {
    if (hop >= hops) return false;
    if (list === undefined) return true;
    const plain = unmapped(address);
    return list.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  };
}

/** `::ffff:192.0.2.1` → `192.0.2.1` (a dual-stack socket reports IPv4 peers so). */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** The per-address limit key: an IPv4 address, or an IPv6 address's /64 prefix (`2001:db8:1:2::/64`). */
export function limitKey(address: string): string {
  const plain = unmapped(address);
  if (!isIPv6(plain)) return plain;
  return `${expandIPv6(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, as lower-case hex without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = (address.toLowerCase().split('%')[0] ?? '').split('::');
  const groupsOf = (part: string): string[] => (part === '' ? [] : part.split(':'));
  let left = groupsOf(head);
  let right = tail === undefined ? [] : groupsOf(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4 is handled above; 64:ff9b::1.2.3.4 here) is two groups.
  const expandV4 = (groups: string[]): string[] => {
    const last = groups[groups.length - 1];
    if (last === undefined || !isIPv4(last)) return groups;
    const [a, b, c, d] = last.split('.').map(Number) as [number, number, number, number];
    return [...groups.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  };
  left = expandV4(left);
  right = expandV4(right);
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    Number.parseInt(group, 16).toString(16)
  );
}
