import type { RouteHandler } from "../route";

/** A handler made by the route wrapper: it carries the spec the OpenAPI document is built from. */
export function isRouteHandler(value: unknown): value is RouteHandler {
  return typeof value === "function" && "spec" in value;
}
