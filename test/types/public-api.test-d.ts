// No `any` leaks through the public API: every exported function and class of the three entry
// points, and every payload of the webhook union, is checked member by member, down to a fixed depth.
import type { RequestHandler } from 'msw';
import { describe, expectTypeOf, test } from 'vitest';
import type * as Main from '../../src/index.js';
import type * as Testing from '../../src/testing/index.js';
import type * as Webhooks from '../../src/webhooks/index.js';
import type { WebhookEvent } from 'coinme-sdk/webhooks';
import type { Requester } from '../../src/core/requester.js';

/** `true` only for `any`. */
type IsAny<T> = 0 extends 1 & T ? true : false;

// Platform and peer types are taken as they are: the DOM, Node and msw typings use `any` in
// places (`Request.json()`, `Error.prepareStackTrace`, handler internals) the SDK does not control.
// `Requester` is the internal parameter of the resources' `@internal` constructors (built by
// `CoinmeClient` only); its zod generics carry zod's own `any`s.
type Opaque =
  | Date
  | RegExp
  | Error
  | URL
  | Request
  | RequestInit
  | Response
  | Headers
  | AbortSignal
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream
  | RequestHandler
  | Requester;

type Depth = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** `true` when `any` appears in `T`: itself, a parameter, a result, a property, an element. */
type HasAny<T, D extends number = 10> = [D] extends [never]
  ? false
  : IsAny<T> extends true
    ? true
    : T extends Opaque
      ? false
      : T extends abstract new (...args: infer A) => infer I
        ? true extends HasAny<A, Depth[D]> | HasAny<I, Depth[D]>
          ? true
          : false
        : T extends (...args: infer A) => infer R
          ? true extends HasAny<A, Depth[D]> | HasAny<R, Depth[D]>
            ? true
            : false
          : T extends PromiseLike<infer U>
            ? HasAny<U, Depth[D]>
            : // An async generator's `next(...[any])` is the platform's; what it yields is ours.
              T extends AsyncIterable<infer U>
              ? HasAny<U, Depth[D]>
            : T extends object
              ? true extends { [K in keyof T]-?: HasAny<T[K], Depth[D]> }[keyof T]
                ? true
                : false
              : false;

/** Names of the exports of a module whose types contain `any` (`never` when there is none). */
type ExportsWithAny<M> = { [K in keyof M]-?: HasAny<M[K]> extends false ? never : K }[keyof M];

/** Event types of the union whose payload (or whole event) contains `any`. */
type EventsWithAny<E> = E extends { type: infer T; payload: infer P }
  ? IsAny<P> extends true
    ? T
    : true extends HasAny<P> | HasAny<E>
      ? T
      : never
  : never;

describe('the checker itself', () => {
  test('finds any at any depth and nowhere else', () => {
    expectTypeOf<HasAny<{ a: { b: [string, { c: any }] } }>>().toEqualTypeOf<true>();
    expectTypeOf<HasAny<(input: { x: any }) => void>>().toEqualTypeOf<true>();
    expectTypeOf<HasAny<() => Promise<any[]>>>().toEqualTypeOf<true>();
    expectTypeOf<HasAny<new (options: { fetch: any }) => object>>().toEqualTypeOf<true>();
    expectTypeOf<HasAny<{ a: unknown; b: (x: string) => Promise<Date> }>>().toEqualTypeOf<false>();
    expectTypeOf<EventsWithAny<{ type: 'a'; payload: any } | { type: 'b'; payload: { x: string } }>>().toEqualTypeOf<'a'>();
  });
});

describe('public entry points have no any', () => {
  test('coinme-sdk', () => {
    expectTypeOf<ExportsWithAny<typeof Main>>().toEqualTypeOf<never>();
  });

  test('coinme-sdk/webhooks', () => {
    expectTypeOf<ExportsWithAny<typeof Webhooks>>().toEqualTypeOf<never>();
    expectTypeOf<IsAny<Awaited<ReturnType<typeof Webhooks.constructEvent>>>>().toEqualTypeOf<false>();
    expectTypeOf<IsAny<ReturnType<typeof Webhooks.parseWebhook>>>().toEqualTypeOf<false>();
    expectTypeOf<HasAny<Parameters<typeof Webhooks.verifySignature>>>().toEqualTypeOf<false>();
  });

  test('coinme-sdk/testing', () => {
    expectTypeOf<ExportsWithAny<typeof Testing>>().toEqualTypeOf<never>();
  });

  test('every WebhookEvent payload is typed', () => {
    expectTypeOf<IsAny<WebhookEvent>>().toEqualTypeOf<false>();
    expectTypeOf<IsAny<WebhookEvent['payload']>>().toEqualTypeOf<false>();
    expectTypeOf<EventsWithAny<WebhookEvent>>().toEqualTypeOf<never>();
  });

  test('key parameter and option types', () => {
    interface Key {
      VerifySignatureParams: Webhooks.VerifySignatureParams;
      ConstructEventParams: Webhooks.ConstructEventParams;
      ConstructEventOptions: Webhooks.ConstructEventOptions;
      ParseWebhookOptions: Webhooks.ParseWebhookOptions;
      WebhookHandlerOptions: Webhooks.WebhookHandlerOptions<Request>;
      WebhookHeaders: Webhooks.WebhookHeaders;
      WebhookBody: Webhooks.WebhookBody;
      UnknownWebhookEvent: Webhooks.UnknownWebhookEvent;
      NodeWebhookRequest: Webhooks.NodeWebhookRequest;
      NodeWebhookResponse: Webhooks.NodeWebhookResponse;
    }
    expectTypeOf<ExportsWithAny<Key>>().toEqualTypeOf<never>();
  });
});
