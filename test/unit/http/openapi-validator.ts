import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { buildOpenApiDocument, LIVE_BASE, RELATION_WORDS } from '../../../src/http/openapi.js';
import type { HttpMethod, JsonSchema, OpenApiDocument, OpenApiResponse } from '../../../src/http/openapi-types.js';

// ajv-formats is CommonJS (module.exports = the plugin): NodeNext types its default import as the module object.
const addFormats = ajvFormats as unknown as (ajv: Ajv2020) => Ajv2020;

interface Template {
  readonly path: string;
  readonly parts: readonly string[];
}

function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

function matches(template: Template, parts: readonly string[]): boolean {
  return (
    template.parts.length === parts.length &&
    template.parts.every((t, i) => (t.startsWith('{') && t.endsWith('}')) || t === parts[i])
  );
}

function literalCount(template: Template): number {
  return template.parts.filter((t) => !t.startsWith('{')).length;
}

/**
 * Validates response bodies against the OpenAPI document: finds the operation of method + path
 * (plain forms, or a composed instance path rewritten to the canonical instance as the document's
 * `x-instance-path-composition` says), then the response of that status, and validates the body
 * with ajv (JSON Schema 2020-12). Error statuses of unknown routes are checked against `Error`.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly templates: readonly Template[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument = buildOpenApiDocument()) {
    addFormats(this.ajv);
    this.templates = Object.keys(document.paths).map((path) => ({ path, parts: splitPath(path) }));
  }

  /** The document path template a concrete path (relative to the live base or absolute) answers to. */
  findTemplate(method: HttpMethod, path: string): string | null {
    const parts = splitPath(path.startsWith(LIVE_BASE) ? path.slice(LIVE_BASE.length) : path).map(decodeURIComponent);
    for (const candidate of [parts, ...this.composedForms(parts)]) {
      const found = this.templates
        .filter((t) => matches(t, candidate) && this.document.paths[t.path]?.[method] !== undefined)
        .sort((a, b) => literalCount(b) - literalCount(a))[0];
      if (found !== undefined) return found.path;
    }
    return null;
  }

  /** Rewrites of a composed path: the instance before the last relation word (or before the last word) made canonical. */
  private composedForms(parts: readonly string[]): string[][] {
    const canonical = (rest: readonly string[]): string[] => ['coreServers', 'x', 'callSegments', 'y', ...rest];
    const forms: string[][] = [];
    const words: readonly string[] = RELATION_WORDS;
    const last = parts.findLastIndex((p, i) => i >= 4 && words.includes(p));
    if (last >= 0) forms.push(canonical(parts.slice(last)));
    if (parts.length >= 5) forms.push(canonical(parts.slice(-1)));
    return forms;
  }

  private responseSchema(method: HttpMethod, template: string | null, status: number): JsonSchema {
    const errorSchema: JsonSchema = { $ref: '#/components/schemas/Error' };
    if (template === null) {
      if (status >= 400) return errorSchema;
      throw new Error(`no operation in the OpenAPI document for ${method.toUpperCase()} answering ${status}`);
    }
    const operation = this.document.paths[template]?.[method];
    const declared = operation?.responses[String(status)] ?? (status >= 400 ? operation?.responses['default'] : undefined);
    if (declared === undefined) {
      throw new Error(`${method.toUpperCase()} ${template} does not declare status ${status}`);
    }
    const response: OpenApiResponse | undefined =
      '$ref' in declared
        ? this.document.components.responses[String(declared.$ref).split('/').pop() ?? '']
        : declared;
    const schema = response?.content?.['application/json']?.schema;
    if (schema === undefined) throw new Error(`${method.toUpperCase()} ${template} ${status} declares no JSON body`);
    return schema;
  }

  /** Throws unless `body` is what the document says `method path` answers with `status`. */
  validate(method: HttpMethod, path: string, status: number, body: unknown): void {
    const template = this.findTemplate(method, path);
    const key = `${method} ${template ?? '?'} ${status}`;
    let validateFn = this.compiled.get(key);
    if (validateFn === undefined) {
      const schema = this.responseSchema(method, template, status);
      validateFn = this.ajv.compile({ ...schema, components: this.document.components });
      this.compiled.set(key, validateFn);
    }
    if (!validateFn(body)) {
      throw new Error(`${method.toUpperCase()} ${path} ${status}: body does not match the OpenAPI document: ${this.ajv.errorsText(validateFn.errors)}\n${JSON.stringify(body)}`);
    }
  }
}
