import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SYSTEM_CHROMIUM, findChromium } from "./browser.js";

describe("choosing the browser for the browser tests", () => {
  it("takes CHROMIUM_PATH when it is set", () => {
    // Any existing executable will do to check the choice; nothing is launched.
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({ path: process.execPath, from: "CHROMIUM_PATH" });
  });

  it("refuses a CHROMIUM_PATH that does not exist instead of quietly using another browser", () => {
    expect(() => findChromium({ CHROMIUM_PATH: "/no/such/chromium" })).toThrow("CHROMIUM_PATH is /no/such/chromium, which does not exist");
  });

  it("falls back to /usr/bin/chromium, then to playwright's own browser, and otherwise says how to get one", () => {
    let choice: ReturnType<typeof findChromium> | Error;
    try {
      choice = findChromium({});
    } catch (e) {
      choice = e as Error;
    }
    if (existsSync(SYSTEM_CHROMIUM)) expect(choice).toEqual({ path: SYSTEM_CHROMIUM, from: "system" });
    else if (choice instanceof Error) expect(choice.message).toMatch(/set CHROMIUM_PATH .* apt-get install -y chromium .* npx playwright-core install chromium/);
    else expect(choice.from).toBe("playwright");
  });
});
