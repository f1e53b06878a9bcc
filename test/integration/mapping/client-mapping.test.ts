import { describe, expect, it } from 'vitest';
import { buildPartnerMapping, ValidationError } from 'coinme-sdk';
import { seededCustomerId } from 'coinme-sdk/testing';
import { useMockCoinme } from '../client/mock-server.js';

describe('coinme.buildPartnerMapping', () => {
  const { mock, client } = useMockCoinme();

  it('fetches its inputs concurrently and agrees with the pure function', async () => {
    const coinme = client();
    const mapping = await coinme.buildPartnerMapping();
    const paths = mock.requests.map((request) => request.path);
    expect(paths.filter((path) => path === '/authorize')).toHaveLength(1);
    expect(paths.some((path) => path.endsWith('/cryptoChains'))).toBe(true);
    expect(paths.some((path) => path.endsWith('/locationlicensing'))).toBe(true);
    expect(paths.some((path) => path.endsWith('/transactionlimits'))).toBe(false);

    const pure = buildPartnerMapping({
      assets: await coinme.cryptoChains.list(),
      licensedStates: await coinme.locationLicensing.list(),
    });
    expect(JSON.stringify(mapping)).toBe(JSON.stringify(pure));
    expect(mapping.assets.length).toBeGreaterThan(0);
  });

  it("narrows limits by the customer's remaining limits when given a customerId", async () => {
    const coinme = client();
    const customerId = seededCustomerId;
    const mapping = await coinme.buildPartnerMapping({ customerId });
    const limits = await coinme.transactionLimits.get({ customerId });
    expect(mock.requestsTo('/transactionlimits').length).toBeGreaterThan(0);
    expect(JSON.stringify(mapping)).toBe(
      JSON.stringify(buildPartnerMapping({ assets: await coinme.cryptoChains.list(), licensedStates: await coinme.locationLicensing.list(), limits })),
    );
  });

  it('checks every input before sending anything', async () => {
    const coinme = client();
    await expect(coinme.buildPartnerMapping({ customerId: 'cust-1' })).rejects.toMatchObject({ name: 'ValidationError', field: 'customerId' });
    await expect(coinme.buildPartnerMapping({ fiatCurrencyCode: 'dollars', customerId: seededCustomerId })).rejects.toBeInstanceOf(ValidationError);
    await expect(coinme.buildPartnerMapping({ country: 'FR' })).rejects.toMatchObject({ field: 'country' });
    await expect(coinme.buildPartnerMapping({ paymentMethods: [{ id: 'CARD', min: -5 }] })).rejects.toBeInstanceOf(ValidationError);
    expect(mock.requests).toEqual([]);
  });
});
