import { describe, expect, it } from "vitest";
import { STANDARD_UNITS } from "../../src/facts/unit-catalog.js";
import { valueScale, timeScale, dayNumber } from "../../src/web/chart/chart-scales.js";
import { type ChartFigure, renderFigureChart } from "../../src/web/chart/figure-chart.js";

const YUAN = STANDARD_UNITS.get("CNY")!;

const figure = (slug: string, fields: Partial<ChartFigure> = {}): ChartFigure => ({
  slug,
  display: slug,
  amount: 1e12,
  lowerBound: 1e12,
  upperBound: 1e12,
  forecast: false,
  kindLabel: "estimate",
  period: { start: "2020-01-01", end: "2020-12-31", label: "2020" },
  producer: "Acme Research",
  conflictGroup: null,
  ...fields,
});

const draw = (figures: ChartFigure[]) => renderFigureChart({ id: "c", title: "Gadget sales", unit: YUAN, figures })?.value ?? "";

describe("the figure chart (server-rendered SVG)", () => {
  it("draws one linked mark per dated figure, with an accessible name, and nothing without dates", () => {
    const svg = draw([figure("a"), figure("b", { period: null })]);
    expect(svg.match(/<a href="\/facts\/[^"]+"/g)).toEqual(['<a href="/facts/a"']);
    expect(svg).toContain('<title id="c-title">Gadget sales</title>');
    expect(svg).toContain('aria-label="a, 2020, estimate, Acme Research"');
    expect(draw([figure("b", { period: null })])).toBe("");
  });

  it("draws a one-sided bound as an arrow (up for more than, down for less than) and an interval as a bar", () => {
    const more = draw([figure("more", { upperBound: null })]);
    const less = draw([figure("less", { lowerBound: null })]);
    const band = draw([figure("about", { lowerBound: 0.9e12, upperBound: 1.1e12 })]);
    const tipY = (svg: string) => Number(/class="bound" x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)"/.exec(svg)!.slice(1).reduce((a, b) => String(Number(b) - Number(a))));
    expect(tipY(more)).toBeLessThan(0);
    expect(tipY(less)).toBeGreaterThan(0);
    expect(band).toContain('class="interval"');
    expect(band).not.toContain('class="arrow"');
  });

  it("dashes forecasts, haloes and boxes conflict groups, and dots the current figure", () => {
    const svg = draw([figure("f", { forecast: true, conflictGroup: 1 }), figure("m", { amount: 2e12, lowerBound: 2e12, upperBound: 2e12, conflictGroup: 1, current: true })]);
    expect(svg).toContain('class="mark forecast conflict"');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg.match(/class="halo"/g)).toHaveLength(2);
    expect(svg.match(/<g class="conflict-group" data-group="1">/g)).toHaveLength(1);
    expect(svg).toContain('class="mark conflict current"');
    expect(svg).toContain('class="this"');
  });

  it("labels the value axis in the unit's short form and the time axis by year", () => {
    const svg = draw([figure("a"), figure("b", { amount: 2.4e12, period: { start: "2021-01-01", end: "2021-12-31", label: "2021" } })]);
    expect([...svg.matchAll(/text-anchor="end">([^<]+)</g)].map((m) => m[1])).toEqual(["¥0", "¥500 bn", "¥1 tn", "¥1.5 tn", "¥2 tn", "¥2.5 tn"]);
    expect([...svg.matchAll(/text-anchor="middle">([^<]+)</g)].map((m) => m[1])).toEqual(["2020", "2021"]);
  });

  it("scales time to whole years and values from zero to round ticks", () => {
    const x = timeScale(dayNumber("2020-03-01"), dayNumber("2020-06-30"), 0, 100);
    expect(x.years).toEqual([2020, 2021]);
    expect(x(dayNumber("2020-01-01"))).toBe(0);
    expect(valueScale([30, 61], 100, 0).ticks).toEqual([0, 20, 40, 60, 80]);
  });
});
