/**
 * The one typed way to ask the background (popup, options, library and the content script): a request
 * goes out as one runtime message and its answer comes back typed by the request's own `ResponseMap`
 * entry, so no caller casts. The background validates the request on receipt (`parseRequest`).
 */
import type { Ok, Response, WireRequest } from './messages.ts';

/** Sends one runtime message and resolves with the answer (`browser.runtime.sendMessage`). */
export type SendMessage = (message: unknown) => Promise<unknown>;

/**
 * Asks the background; the answer as it was given, refusals included (`{ ok: false, error }`). The
 * content script's classic script types its `sendMessage` as this and pays nothing for the client.
 */
export type Ask = <R extends WireRequest>(request: R) => Promise<Response<R['type']>>;

export interface BackgroundClient {
  ask: Ask;
  /** The successful answer; a refusal becomes an `Error` carrying the background's message. */
  call<R extends WireRequest>(request: R): Promise<Ok<R['type']>>;
}

/** A client over the extension's runtime messaging (or over an `Ask` typed already). */
export function backgroundClient(send: SendMessage): BackgroundClient;
export function backgroundClient(send: Ask): BackgroundClient;
export function backgroundClient(send: SendMessage | Ask): BackgroundClient {
  const ask = send as Ask;
  return {
    ask,
    async call(request) {
      const answer = await ask(request);
      if (!answer.ok) throw new Error(answer.error);
      return answer;
    },
  };
}
