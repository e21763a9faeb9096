/// <reference lib="dom" />
/**
 * Lets the explorer run under a Content-Security-Policy without 'unsafe-inline' styles.
 *
 * Monaco (GraphiQL's editor) and Radix (its dialogs) write their dynamic CSS into <style>
 * elements they create at run time, which `style-src 'self'` alone would block. The server
 * puts a fresh nonce into the CSP header and onto the explorer's <script> tag; this module,
 * evaluated first in the bundle while `document.currentScript` is still that tag, gives the
 * nonce to every <style> element created from then on. Injected markup still cannot add
 * styles, and scripts stay limited to our own files.
 */
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? "";

if (nonce !== "") {
  const createElement = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions): HTMLElement {
    const element = createElement.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  } as typeof createElement;
}

export {};
