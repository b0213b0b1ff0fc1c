/**
 * DNS-rebinding guard: a page served from another name that resolves to
 * our address must not read the API, so a request is served only when its
 * Host header names the address we bound (for a loopback bind, any
 * loopback name; for a wildcard bind such as 0.0.0.0, an IP literal or
 * this machine's own name: a rebinding attack needs a DNS name it owns).
 * Pure.
 */

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

export function isAllowedHost(hostHeader: string | undefined, boundHost: string, port: number, machineName = ""): boolean {
  if (!hostHeader) return false;
  const parsed = splitHost(hostHeader.toLowerCase());
  if (!parsed || parsed.port !== port) return false;
  const bound = boundHost.toLowerCase();
  const host = parsed.host;
  if (host === bound || host === `[${bound}]`) return true;
  if (isLoopback(bound)) return LOOPBACK.has(host);
  if (WILDCARD.has(bound)) return isIpLiteral(host) || host === "localhost" || (machineName !== "" && host === machineName.toLowerCase());
  return false;
}

function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith("127.");
}

function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || /^\[[0-9a-f:.]+\]$/.test(host);
}

/** `host[:port]` or `[v6][:port]` (no port: 80); undefined when malformed. */
function splitHost(header: string): { host: string; port: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::(\d{1,5}))?$/.exec(header);
  if (!m) return undefined;
  const port = m[2] === undefined ? 80 : Number(m[2]);
  return port > 0 && port < 65536 ? { host: m[1] as string, port } : undefined;
}
