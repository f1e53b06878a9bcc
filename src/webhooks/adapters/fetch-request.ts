/**
 * A Node-style request's headers: Node's `IncomingHttpHeaders`, Express's, Fastify's.
 *
 * @internal
 */
export type NodeHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * What a framework left of a request body: the bytes (or text) as sent, a stream still to read,
 * or `'consumed'` when a body parser already read it and the raw bytes are gone.
 *
 * @internal
 */
export type BodySource = Uint8Array | string | ReadableStream<Uint8Array> | 'consumed' | null;

/** @internal */
export interface RequestParts {
  method: string | undefined;
  /** The path and query, as Node's `req.url` has it. */
  url: string | undefined;
  headers: NodeHeaders;
  body: BodySource;
}

function toHeaders(headers: NodeHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    // HTTP/2 pseudo-headers (`:path`) are not headers and Headers would refuse them.
    if (value === undefined || name.startsWith(':')) continue;
    if (typeof value === 'string') result.append(name, value);
    else for (const item of value) result.append(name, item);
  }
  return result;
}

function toUrl(path: string | undefined, host: string | null): string {
  try {
    return new URL(path ?? '/', `http://${host ?? 'localhost'}`).href;
  } catch {
    // A malformed Host header must not keep the delivery from being answered.
    return new URL(path ?? '/', 'http://localhost').href;
  }
}

/**
 * The Fetch `Request` for a Node-style request, so one Fetch handler serves every framework. A
 * consumed body becomes a request whose body is already used (`bodyUsed`), which Fetch handlers
 * refuse the same way whatever the framework.
 *
 * @internal
 */
export async function toFetchRequest({ method = 'GET', url, headers, body }: RequestParts): Promise<Request> {
  const fetchHeaders = toHeaders(headers);
  const init: RequestInit & { duplex?: 'half' } = { method, headers: fetchHeaders };
  const hasBody = method !== 'GET' && method !== 'HEAD';
  if (hasBody && body !== null) {
    if (body === 'consumed') init.body = '';
    else if (typeof body === 'string') init.body = body;
    else if (body instanceof Uint8Array) init.body = new Uint8Array(body);
    else {
      init.body = body;
      init.duplex = 'half';
    }
  }
  const request = new Request(toUrl(url, fetchHeaders.get('host')), init);
  if (hasBody && body === 'consumed') await request.arrayBuffer();
  return request;
}
