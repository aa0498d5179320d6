// The METRICS_TOKEN every test server gets (start-test-server.ts): in production, which `next
// start` is, /api/metrics and /api/events/status answer only this bearer token. With
// TEST_BASE_URL, start your own server with METRICS_TOKEN set to it.
export const TEST_METRICS_TOKEN = "test-metrics-token-0123456789abcdef";
