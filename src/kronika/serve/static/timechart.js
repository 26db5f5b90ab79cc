// Charts of events over time, on a true time axis: each period's bar spans its first to its last day,
// so an empty year keeps its width. Cooperation (quad classes 1, 2) stacks up from the zero line,
// conflict (3, 4) down; the mean PLOVER score is a line on its own scale (right axis, -10 to +10).
// The series come from the API with every period present (zero when empty).
"use strict";

(function () {
  const {el, svgEl, api, quadColour, signed, fail, QUADS} = window.kronika;
  const DAY = 86400000;

  function niceStep(max, parts) {
    const raw = Math.max(1, max) / parts;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
    return Math.max(1, step);
  }

  // The largest number of events one side (up or down) reaches in one period.
  function sideMax(points) {
    return Math.max(0, ...points.map((p) => Math.max(p.quad[1] + p.quad[2], p.quad[3] + p.quad[4])));
  }

  // Month-aligned ticks, as many as fit: every 1, 3, 6 months, or every 1, 2, 5, 10, 20 years.
  function timeTicks(t0, t1, most) {
    const months = (t1 - t0) / (30.44 * DAY);
    const step = [1, 3, 6, 12, 24, 60, 120, 240].find((s) => months / s <= most) || 480;
    const start = new Date(t0);
    let y = start.getUTCFullYear(), m = start.getUTCMonth();
    if (step >= 12) { y += (m > 0 ? 1 : 0); m = 0; y = Math.ceil(y / (step / 12)) * (step / 12); }
    else m = Math.ceil(m / step) * step;
    const out = [];
    for (let t = Date.UTC(y, m, 1); t <= t1; ) {
      const d = new Date(t);
      out.push({t, label: step >= 12 ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7)});
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1);
    }
    return out;
  }

  function tipText(p, by) {
    const lines = [`${by} ${p.period} (${p.start} to ${new Date(Date.parse(p.end) - DAY).toISOString().slice(0, 10)})`,
      `${p.count} events: ${p.cooperation} cooperation, ${p.conflict} conflict`];
    for (const q of [1, 2, 3, 4]) if (p.quad[q]) lines.push(`  ${QUADS[q]}: ${p.quad[q]}`);
    lines.push(`mean score: ${signed(p.mean_score)}`);
    return lines.join("\n");
  }

  // Draw `points` (a series from the API) into `container`. opts: by, title, compact, yMax (shared
  // by small multiples), href (where a click on a period goes, given the period).
  function timeChart(container, points, opts) {
    const by = opts.by || "month";
    if (!points.length) {
      container.replaceChildren(el("p", {class: "none"}, "no dated, factual events to draw"));
      container.dataset.state = "ready";
      return;
    }
    const compact = !!opts.compact;
    const width = compact ? 440 : 900, height = compact ? 170 : 320;
    const m = compact ? {left: 34, right: 30, top: 8, bottom: 22} : {left: 64, right: 64, top: 14, bottom: 48};
    const plotW = width - m.left - m.right, plotH = height - m.top - m.bottom;
    const t0 = Date.parse(points[0].start), t1 = Date.parse(points[points.length - 1].end);
    const x = (t) => m.left + ((t - t0) / (t1 - t0)) * plotW;
    // Both sides share one scale and the zero line sits in the middle, where the score's 0 is too.
    const step = niceStep(opts.yMax ?? sideMax(points), compact ? 1 : 3);
    const yMax = Math.max(step, Math.ceil((opts.yMax ?? sideMax(points)) / step) * step);
    const zero = m.top + plotH / 2, perEvent = plotH / 2 / yMax;
    const scoreY = (s) => zero - (s / 10) * (plotH / 2);

    const svg = svgEl("svg", {viewBox: `0 0 ${width} ${height}`, role: "img", class: "timechart",
      "aria-label": opts.title, "data-t0": t0, "data-t1": t1});
    svg.append(svgEl("title", {}, opts.title));
    for (let v = -yMax; v <= yMax; v += step) {
      const y = zero - v * perEvent;
      svg.append(svgEl("line", {x1: m.left, x2: width - m.right, y1: y, y2: y, class: v ? "grid" : "zero"}));
      svg.append(svgEl("text", {x: m.left - 6, y: y + 4, "text-anchor": "end", class: "tick"}, Math.abs(v)));
    }
    for (const s of compact ? [-10, 10] : [-10, -5, 0, 5, 10]) {
      svg.append(svgEl("text", {x: width - m.right + 6, y: scoreY(s) + 4, class: "tick score-tick"}, signed(s).replace(".0", "")));
    }
    for (const tick of timeTicks(t0, t1, compact ? 4 : 10)) {
      const tx = x(tick.t);
      svg.append(svgEl("line", {x1: tx, x2: tx, y1: m.top + plotH, y2: m.top + plotH + 4, class: "axis"}));
      svg.append(svgEl("text", {x: tx, y: m.top + plotH + 16, "text-anchor": "middle", class: "tick"}, tick.label));
    }
    svg.append(svgEl("line", {x1: m.left, x2: m.left, y1: m.top, y2: m.top + plotH, class: "axis"}));
    svg.append(svgEl("line", {x1: width - m.right, x2: width - m.right, y1: m.top, y2: m.top + plotH, class: "axis"}));
    if (!compact) {
      svg.append(svgEl("text", {x: m.left + plotW / 2, y: height - 6, "text-anchor": "middle", class: "axis-title"}, by));
      svg.append(svgEl("text", {transform: `translate(16 ${zero}) rotate(-90)`, "text-anchor": "middle", class: "axis-title"},
        `events per ${by}: cooperation ↑ conflict ↓`));
      svg.append(svgEl("text", {transform: `translate(${width - 14} ${zero}) rotate(90)`, "text-anchor": "middle", class: "axis-title"},
        "mean score (−10 to +10)"));
    }

    const bars = svgEl("g", {class: "bars"});
    const targets = svgEl("g", {class: "periods"});
    const line = [];
    for (const p of points) {
      const a = Date.parse(p.start), b = Date.parse(p.end);
      const x0 = x(a), w = x(b) - x0, gap = w > 5 ? 1 : 0;
      let up = zero, down = zero;
      for (const q of [1, 2, 3, 4]) {
        const n = p.quad[q];
        if (!n) continue;
        const h = n * perEvent;
        const y = q <= 2 ? (up -= h) : down;
        if (q > 2) down += h;
        bars.append(svgEl("rect", {x: x0 + gap / 2, y, width: Math.max(0.6, w - gap), height: h, fill: quadColour(q),
          class: "bar q" + q, "data-period": p.period, "data-count": n}));
      }
      const target = svgEl("rect", {x: x0, y: m.top, width: Math.max(w, 0.6), height: plotH, class: "period",
        "data-period": p.period, "data-start": p.start, "data-end": p.end, "data-count": p.count,
        "data-tip": tipText(p, by), tabindex: compact ? -1 : 0});
      if (opts.href) target.addEventListener("click", () => { location.href = opts.href(p); });
      targets.append(target);
      line.push(p.mean_score === null ? null : [x0 + w / 2, scoreY(p.mean_score)]);
    }
    svg.append(bars);
    // The score line breaks where a period has no event: no score is not a score of 0.
    let d = "";
    line.forEach((pt, i) => { if (pt) d += (i && line[i - 1] ? "L" : "M") + pt[0].toFixed(1) + " " + pt[1].toFixed(1); });
    svg.append(svgEl("path", {d, class: "score-line"}));
    for (const pt of line) if (pt) svg.append(svgEl("circle", {cx: pt[0], cy: pt[1], r: compact ? 1.8 : 2.6, class: "score-dot"}));
    svg.append(targets);
    container.replaceChildren(svg);
    container.dataset.state = "ready";
  }

  async function initDyadChart(container) {
    const select = document.querySelector("[data-dyad-direction]");
    let data;
    try {
      data = await api("/api/dyad", {a: container.dataset.a, b: container.dataset.b, by: container.dataset.by});
    } catch (err) { fail(container, err); return; }
    function draw() {
      const direction = select ? select.value : "all";
      timeChart(container, data.series[direction] || data.series.all, {by: data.by,
        title: `${data.a.name} and ${data.b.name}: cooperation and conflict per ${data.by}` +
          (direction === "all" ? "" : ` (${direction})`)});
    }
    if (select) select.addEventListener("change", draw);
    draw();
  }

  async function initActivityChart(container) {
    let data;
    try {
      data = await api("/api/actors/" + encodeURIComponent(container.dataset.actor), {by: container.dataset.by});
    } catch (err) { fail(container, err); return; }
    timeChart(container, data.series, {by: data.activity.by, title: `${data.actor.name}: events per ${data.activity.by}`});
  }

  // The overview: the store's events per month, then the top dyads as small multiples sharing one
  // time axis and one count scale, so their bars compare.
  async function initOverviewCharts(container) {
    let data;
    try { data = await api("/api/overview"); } catch (err) { fail(container, err); return; }
    timeChart(container, data.months, {by: "month", title: "Factual events per month by quad class"});
    const grid = document.querySelector("[data-dyad-multiples]");
    if (!grid) return;
    const yMax = Math.max(1, ...data.dyad_months.map((d) => sideMax(d.series)));
    grid.replaceChildren(...data.dyad_months.map((d) => {
      const query = new URLSearchParams({a: d.actor, b: d.recipient});
      const chart = el("div", {class: "chart small", "data-dyad": `${d.actor}>${d.recipient}`});
      const total = d.series.reduce((n, p) => n + p.count, 0);
      const figure = el("figure", {}, el("figcaption", {},
        el("a", {href: "/dyad?" + query}, `${d.actor} → ${d.recipient}`),
        ` · ${d.events} events, ${total} of them dated to the month`), chart);
      timeChart(chart, d.series, {by: "month", compact: true, yMax, title: `${d.actor} to ${d.recipient} per month`,
        href: () => "/dyad?" + query});
      return figure;
    }));
    grid.dataset.state = "ready";
  }

  window.kronika.timeChart = timeChart;
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-dyad-chart]").forEach(initDyadChart);
    document.querySelectorAll("[data-activity-chart]").forEach(initActivityChart);
    document.querySelectorAll("[data-overview-chart]").forEach(initOverviewCharts);
  });
})();
