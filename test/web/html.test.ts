import { describe, expect, it } from "vitest";
import { escapeHtml, html, jsonForScript } from "../../src/web/html.js";

describe("HTML escaping", () => {
  it("escapes markup characters in data and keeps typographic quotes and Chinese text as they are", () => {
    const title = `China’s “live-streaming” <e-commerce> & 淘宝直播 'x'`;
    expect(html`<h1 title="${title}">${title}</h1>`.value).toBe(
      `<h1 title="China’s “live-streaming” &lt;e-commerce&gt; &amp; 淘宝直播 &#39;x&#39;">China’s “live-streaming” &lt;e-commerce&gt; &amp; 淘宝直播 &#39;x&#39;</h1>`,
    );
  });

  it("keeps fragments built by html, joins lists and drops null, undefined and false", () => {
    const items = ["a<b", "c"].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}</ul>`.value).toBe("<ul><li>a&lt;b</li><li>c</li></ul>");
  });

  it("escapes a string that merely looks like a fragment", () => {
    expect(html`${"<mark>x</mark>"}`.value).toBe("&lt;mark&gt;x&lt;/mark&gt;");
    expect(escapeHtml(`"'&<>`)).toBe("&quot;&#39;&amp;&lt;&gt;");
  });

  it("writes JSON for a script data block that no string can close", () => {
    const block = jsonForScript({ q: "</script><!-- & \u2028" }).value;
    expect(block).toBe('{"q":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
    expect(JSON.parse(block)).toEqual({ q: "</script><!-- & \u2028" });
  });
});
