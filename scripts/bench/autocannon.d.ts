// The part of autocannon's API scripts/bench.ts uses (the package ships no types).
declare module "autocannon" {
  type Options = {
    url: string;
    connections: number;
    duration: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  };
  type Result = { errors: number; timeouts: number; non2xx: number; requests: { total: number } };
  type Instance = Promise<Result> & {
    on(
      event: "response",
      fn: (client: unknown, status: number, bytes: number, ms: number) => void,
    ): void;
  };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
