import { MemorySessionStore } from 'coinme-sdk';
import { describeSessionStore } from '../../helpers/session-store-contract.js';

describeSessionStore('memory', async () => ({ store: new MemorySessionStore() }), { numRuns: 20 });
