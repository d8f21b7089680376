/** The parts of the OpenAPI 3.1 object model this gateway's document uses. */

/** A JSON Schema (2020-12, as OpenAPI 3.1 embeds it). */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly description?: string;
  readonly schema: JsonSchema;
}

export interface OpenApiResponse {
  readonly description: string;
  readonly headers?: { readonly [name: string]: { readonly description: string; readonly schema: JsonSchema } };
  readonly content?: { readonly [mediaType: string]: { readonly schema: JsonSchema } };
}

export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly parameters?: readonly OpenApiParameter[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content: { readonly [mediaType: string]: { readonly schema: JsonSchema } };
  };
  readonly responses: { readonly [status: string]: OpenApiResponse | { readonly $ref: string } };
  readonly security?: readonly { readonly [scheme: string]: readonly string[] }[];
}

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch' | 'head';

export type OpenApiPathItem = { readonly [M in HttpMethod]?: OpenApiOperation } & {
  readonly parameters?: readonly OpenApiParameter[];
};

export type OpenApiPaths = { readonly [path: string]: OpenApiPathItem };

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly { readonly url: string; readonly description?: string }[];
  readonly security: readonly { readonly [scheme: string]: readonly string[] }[];
  readonly paths: OpenApiPaths;
  readonly components: {
    readonly schemas: { readonly [name: string]: JsonSchema };
    readonly responses: { readonly [name: string]: OpenApiResponse };
    readonly securitySchemes: { readonly [name: string]: JsonSchema };
  };
  /** Specification extensions. */
  readonly [extension: `x-${string}`]: unknown;
}
