// The parts of PayPal's server SDKs (plain JavaScript, no types of their own) that lib/payments
// uses. Both are built on @paypal/paypalhttp: a request is { path, verb, body, headers }.

declare module "@paypal/paypalhttp" {
  export type HttpRequest = {
    path: string;
    verb: string;
    body?: unknown;
    headers: Record<string, string>;
  };
  export type HttpResponse<T = unknown> = {
    statusCode: number;
    headers: Record<string, string>;
    result?: T;
  };
}

declare module "@paypal/checkout-server-sdk" {
  import type { HttpRequest, HttpResponse } from "@paypal/paypalhttp";
  export namespace core {
    class PayPalEnvironment {
      constructor(clientId: string, clientSecret: string, baseUrl: string, webUrl: string);
      baseUrl: string;
    }
    class PayPalHttpClient {
      constructor(environment: PayPalEnvironment);
      execute<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
      getTimeout(): number;
    }
  }
  export namespace orders {
    class OrdersCreateRequest implements HttpRequest {
      path: string;
      verb: string;
      headers: Record<string, string>;
      prefer(value: string): this;
      requestBody(body: unknown): this;
    }
    class OrdersGetRequest implements HttpRequest {
      constructor(orderId: string);
      path: string;
      verb: string;
      headers: Record<string, string>;
    }
    class OrdersCaptureRequest implements HttpRequest {
      constructor(orderId: string);
      path: string;
      verb: string;
      headers: Record<string, string>;
      prefer(value: string): this;
      payPalRequestId(id: string): this;
      requestBody(body: unknown): this;
    }
  }
  const sdk: { core: typeof core; orders: typeof orders };
  export default sdk;
}

declare module "@paypal/payouts-sdk" {
  import type { HttpRequest, HttpResponse } from "@paypal/paypalhttp";
  export namespace core {
    class PayPalEnvironment {
      constructor(clientId: string, clientSecret: string, baseUrl: string, webUrl: string);
    }
    class PayPalHttpClient {
      constructor(environment: PayPalEnvironment);
      execute<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
      getTimeout(): number;
    }
  }
  export namespace payouts {
    class PayoutsPostRequest implements HttpRequest {
      path: string;
      verb: string;
      headers: Record<string, string>;
      payPalRequestId(id: string): this;
      requestBody(body: unknown): this;
    }
    class PayoutsGetRequest implements HttpRequest {
      constructor(batchId: string);
      path: string;
      verb: string;
      headers: Record<string, string>;
    }
  }
  const sdk: { core: typeof core; payouts: typeof payouts };
  export default sdk;
}
