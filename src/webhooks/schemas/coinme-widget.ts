import * as z from 'zod/mini';
import { defineFamily, type EventsOf, type FamilyDefinition, type PayloadOf } from '../family.js';
import { toDate } from '../timestamp.js';
import { decimalString, isRecord, maybe, own, timestampString } from './common.js';

// The Coinme widget's analytics-style events (seed 000, 4.1): `{ event, event_id, timestamp, ... }`.
// The event name, its id, its time and the partner's session id are required; everything else is
// descriptive and shown absent or null in places, so it is optional.

const customer = () => ({
  customer_id: maybe(z.string()),
  customer_email: maybe(z.string()),
});

/** Quote figures; the events show different subsets of these. */
const leg = () =>
  z.looseObject({
    amount: maybe(decimalString()),
    currencyCode: maybe(z.string()),
    unitPrice: maybe(decimalString()),
    unitPriceCode: maybe(z.string()),
  });

const fees = () =>
  z.looseObject({
    feeCurrency: maybe(z.string()),
    totalFees: maybe(decimalString()),
    feesMap: maybe(z.record(z.string(), decimalString())),
    spread: maybe(decimalString()),
    spreadCurrencyCode: maybe(z.string()),
    retailerCustomerFee: maybe(z.looseObject({ amount: maybe(decimalString()), currency: maybe(z.string()) })),
  });

// Present only when the user allows location services.
const geoip = () =>
  z.looseObject({
    city: maybe(z.string()),
    region: maybe(z.string()),
    country: maybe(z.string()),
    latitude: maybe(z.number()),
    longitude: maybe(z.number()),
    timezone: maybe(z.string()),
    continent: maybe(z.string()),
    postal_code: maybe(z.string()),
    region_code: maybe(z.string()),
    country_code: maybe(z.string()),
    continent_code: maybe(z.string()),
  });

const selectedLocation = () =>
  z.looseObject({
    locationId: z.string(),
    locationName: maybe(z.string()),
    provider: maybe(z.string()),
    address: maybe(
      z.looseObject({
        city: maybe(z.string()),
        country: maybe(z.string()),
        state: maybe(z.string()),
        street: maybe(z.string()),
        zipCode: maybe(z.string()),
      }),
    ),
    coordinates: maybe(z.looseObject({ latitude: z.number(), longitude: z.number() })),
    distance: maybe(z.number()),
    distanceMetric: maybe(z.string()),
    googlePlacesLink: maybe(z.string()),
    // Shapes not published (null in every example).
    hours: z.optional(z.unknown()),
    notes: z.optional(z.unknown()),
  });

/** What a generated or displayed barcode carries. */
const barcode = () => ({
  barcodeId: z.string(),
  providerBarcodeId: maybe(z.string()),
  expiryTimestamp: maybe(timestampString()),
  paymentMethod: maybe(z.string()),
  fees: maybe(fees()),
  debit: maybe(leg()),
  credit: maybe(leg()),
  amount: maybe(z.looseObject({ currencyCode: maybe(z.string()), value: maybe(decimalString()) })),
});

const event = <N extends string, S extends z.core.$ZodLooseShape>(name: N, shape: S) =>
  z.looseObject({
    event: z.literal(name),
    event_id: z.string(),
    timestamp: timestampString(),
    // Set by the partner when creating the widget session; optional there, so optional here.
    externalSessionId: maybe(z.string()),
    distinct_id: maybe(z.string()),
    ...shape,
  });

/** The documented widget events, one row per event name. */
const table = {
  'kyc-prove.onboarding.completed': () => event('kyc-prove.onboarding.completed', customer()),
  'kyc-prove.onboarding.failed': () =>
    event('kyc-prove.onboarding.failed', {
      ...customer(),
      error_code: maybe(z.string()),
      error_message: maybe(z.string()),
      business_error: maybe(z.string()),
      technical_message: maybe(z.string()),
    }),
  'orchestrator.auth-state.changed': () => event('orchestrator.auth-state.changed', customer()),
  'greendot.location.quote-confirmed': () =>
    event('greendot.location.quote-confirmed', {
      paymentMethod: maybe(z.string()),
      debit: maybe(leg()),
      credit: maybe(leg()),
      fees: maybe(fees()),
    }),
  'discover.barcode.location-selected': () =>
    event('discover.barcode.location-selected', {
      geoip: maybe(geoip()),
      // Shape not published (null in the example).
      userGpsLocation: z.optional(z.unknown()),
      selectedLocation: selectedLocation(),
    }),
  'greendot.barcode.generation-succeeded': () =>
    event('greendot.barcode.generation-succeeded', { ...barcode(), orderTemplateId: maybe(z.string()) }),
  'greendot.barcode.generation-failed': () => event('greendot.barcode.generation-failed', { errorCode: maybe(z.string()) }),
  'greendot.barcode.displayed': () =>
    event('greendot.barcode.displayed', { ...barcode(), orderTemplateId: z.string(), geoip: maybe(geoip()) }),
};
type Table = typeof table;

/**
 * Body of `kyc-prove.onboarding.completed`: the user signed up and passed KYC.
 *
 * @example
 * if (event.type === 'kyc-prove.onboarding.completed') event.payload.customer_id;
 */
export type KycOnboardingCompletedPayload = PayloadOf<Table, 'kyc-prove.onboarding.completed'>;

/**
 * Body of `kyc-prove.onboarding.failed`: the user signed up but failed KYC; `error_code` and
 * `error_message` say why.
 *
 * @example
 * if (event.type === 'kyc-prove.onboarding.failed') event.payload.error_code;
 */
export type KycOnboardingFailedPayload = PayloadOf<Table, 'kyc-prove.onboarding.failed'>;

/**
 * Body of `orchestrator.auth-state.changed`: the user's auth state changed (e.g. logged in to the widget).
 *
 * @example
 * if (event.type === 'orchestrator.auth-state.changed') event.payload.externalSessionId;
 */
export type AuthStateChangedPayload = PayloadOf<Table, 'orchestrator.auth-state.changed'>;

/**
 * Body of `greendot.location.quote-confirmed`: the user confirmed a cash quote and went to find a location.
 *
 * @example
 * if (event.type === 'greendot.location.quote-confirmed') event.payload.fees?.totalFees;
 */
export type QuoteConfirmedPayload = PayloadOf<Table, 'greendot.location.quote-confirmed'>;

/**
 * Body of `discover.barcode.location-selected`: the user picked a retail location and asked for a barcode.
 *
 * @example
 * if (event.type === 'discover.barcode.location-selected') event.payload.selectedLocation.locationId;
 */
export type LocationSelectedPayload = PayloadOf<Table, 'discover.barcode.location-selected'>;

/**
 * Body of `greendot.barcode.generation-succeeded`: a barcode was generated.
 *
 * @example
 * if (event.type === 'greendot.barcode.generation-succeeded') event.payload.barcodeId;
 */
export type BarcodeGenerationSucceededPayload = PayloadOf<Table, 'greendot.barcode.generation-succeeded'>;

/**
 * Body of `greendot.barcode.generation-failed`: barcode generation failed; `errorCode` says why.
 *
 * @example
 * if (event.type === 'greendot.barcode.generation-failed') event.payload.errorCode;
 */
export type BarcodeGenerationFailedPayload = PayloadOf<Table, 'greendot.barcode.generation-failed'>;

/**
 * Body of `greendot.barcode.displayed`: the user tapped to display the barcode.
 *
 * @example
 * if (event.type === 'greendot.barcode.displayed') event.payload.orderTemplateId;
 */
export type BarcodeDisplayedPayload = PayloadOf<Table, 'greendot.barcode.displayed'>;

/**
 * Any Coinme widget event body.
 *
 * @example
 * const sessionOf = (payload: CoinmeWidgetPayload) => payload.externalSessionId;
 */
export type CoinmeWidgetPayload = PayloadOf<Table, keyof Table>;

/**
 * Recognises the widget's events: a string `event` and a string `event_id`.
 *
 * @internal
 */
export const coinmeWidgetDefinition = {
  source: 'coinme.widget',
  table,
  classify(body) {
    if (!isRecord(body)) return undefined;
    const name = own(body, 'event');
    return typeof name === 'string' && typeof own(body, 'event_id') === 'string' ? name : undefined;
  },
  id: (payload) => payload.event_id,
  occurredAt: (payload) => toDate(payload.timestamp),
} satisfies FamilyDefinition<'coinme.widget', Table>;

/**
 * The coinme.widget family as `parseWebhook` asks it.
 *
 * @internal
 */
export const coinmeWidgetFamily = /* @__PURE__ */ defineFamily(coinmeWidgetDefinition);

/**
 * The Coinme widget members of the webhook union; `type` is the event name.
 *
 * @example
 * switch (event.type) { case 'greendot.barcode.displayed': event.payload.barcodeId; }
 */
export type CoinmeWidgetEvent = EventsOf<'coinme.widget', Table>;
