// The concurrency property at full strength on the memory store: 1,000 runs in CI.
import { MemorySessionStore } from 'coinme-sdk';
import { describeSessionStore } from '../../helpers/session-store-contract.js';

describeSessionStore('memory (long)', async () => ({ store: new MemorySessionStore() }), { numRuns: process.env['CI'] === 'true' ? 1000 : 200 });
