// Built offline in CI: no telemetry, and nothing fetched.
export default {};
