// The shared table box (app/components/data-table.tsx): rendered by the server as a focusable region named by the
// table's caption, so a box that scrolls on a phone is reachable by keyboard without JavaScript (WCAG 2.1.1).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, overflows } from "~/components/data-table";

const render = (props: Partial<Parameters<typeof DataTable>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(DataTable, {
      caption: "Sessions",
      ...props,
      children: createElement("tbody", null, createElement("tr", null, createElement("td", null, "1"))),
    }),
  );

describe("DataTable", () => {
  it("is a focusable region named by its caption on the server", () => {
    const html = render();
    const box = html.match(/^<div ([^>]*)>/)?.[1] ?? "";
    expect(box).toContain('class="table-wrap"');
    expect(box).toContain('role="region"');
    expect(box).toContain('tabindex="0"');
    const labelledBy = box.match(/aria-labelledby="([^"]+)"/)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`<caption id="${labelledBy}">Sessions</caption>`);
    expect(html).toContain("<td>1</td>");
  });

  it("keeps the box's and the table's classes, and hides the caption when a heading says it", () => {
    const html = render({ className: "roster-wrap", tableClassName: "roster-table", tableId: "roster", captionHidden: true });
    expect(html).toMatch(/^<div class="table-wrap roster-wrap"/);
    expect(html).toContain('<table class="roster-table" id="roster">');
    expect(html).toMatch(/<caption id="[^"]+" class="visually-hidden">Sessions<\/caption>/);
  });

  it("counts a box as scrolling when its table is wider or taller than it", () => {
    expect(overflows({ scrollWidth: 900, clientWidth: 390, scrollHeight: 100, clientHeight: 100 })).toBe(true);
    expect(overflows({ scrollWidth: 390, clientWidth: 390, scrollHeight: 900, clientHeight: 500 })).toBe(true);
    expect(overflows({ scrollWidth: 390, clientWidth: 390, scrollHeight: 100, clientHeight: 100 })).toBe(false);
    // A box inside a closed disclosure has no size: not a region until it is opened.
    expect(overflows({ scrollWidth: 0, clientWidth: 0, scrollHeight: 0, clientHeight: 0 })).toBe(false);
  });
});
