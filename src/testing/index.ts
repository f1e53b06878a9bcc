// The `coinme-sdk/testing` entry point: mock Coinme (msw handlers), event factories, signing.
export {};
