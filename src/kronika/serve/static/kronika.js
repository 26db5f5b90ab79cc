// kronika explorer: the event table, the dyad and activity charts and the network, all read from
// the JSON API. Text from the store is only ever set with textContent, never parsed as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? "")));
  return node;
}

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

// Fetch JSON from the API; a failure becomes an Error carrying the API's one error message.
async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") query.set(k, v);
  const response = await fetch(path + (query.toString() ? "?" + query : ""), {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message || `request failed (${response.status})`);
  return body;
}

function sideLabel(text) { return text || "—"; }

// ---- the event table -------------------------------------------------------------------------
function initEventTable(root) {
  const form = root.querySelector("form");
  const tbody = root.querySelector("tbody");
  const status = root.querySelector(".status");
  const pageInfo = root.querySelector(".page-info");
  const fixedActor = root.dataset.fixedActor;
  const standalone = !fixedActor;  // only the events page keeps its filters in the address bar
  let page = 1;
  let pages = 1;

  if (standalone) {
    const current = new URLSearchParams(location.search);
    for (const field of form.elements) if (field.name && current.has(field.name)) field.value = current.get(field.name);
    page = Math.max(1, parseInt(current.get("page") || "1", 10) || 1);
  }

  function filters() {
    const out = {};
    for (const field of form.elements) if (field.name && field.value.trim()) out[field.name] = field.value.trim();
    if (fixedActor) out.actor = fixedActor;
    return out;
  }

  async function load() {
    const params = {...filters(), page};
    status.textContent = "loading…";
    root.dataset.state = "loading";
    try {
      const data = await api("/api/events", params);
      pages = data.pages;
      tbody.replaceChildren(...data.events.map(row));
      if (!data.events.length) tbody.append(el("tr", {}, el("td", {colspan: "6", class: "none"}, "no event matches")));
      status.textContent = `${data.total} events`;
      root.dataset.total = String(data.total);
      pageInfo.textContent = `page ${data.page} of ${data.pages}`;
      root.querySelector('[data-page="prev"]').disabled = data.page <= 1;
      root.querySelector('[data-page="next"]').disabled = data.page >= data.pages;
      if (standalone) {
        const shown = new URLSearchParams({...filters(), ...(page > 1 ? {page} : {})});
        history.replaceState(null, "", location.pathname + (shown.toString() ? "?" + shown : ""));
      }
      root.dataset.state = "ready";
    } catch (err) {
      tbody.replaceChildren();
      status.textContent = err.message;
      status.classList.add("error");
      root.dataset.state = "error";
      return;
    }
    status.classList.remove("error");
  }

  function row(e) {
    const link = el("a", {href: "/events/" + encodeURIComponent(e.id)}, e.event);
    const what = el("td", {}, link);
    for (const aux of e.aux) what.append(" ", el("span", {class: "aux"}, aux));
    const source = el("td", {class: "source"}, e.outlet || e.source_file || "");
    if (e.n_sources > 1) source.append(" ", el("span", {class: "badge"}, "+" + (e.n_sources - 1)));
    return el("tr", {class: "quad-" + e.quad_code, "data-event-id": e.id},
      el("td", {class: "date"}, e.date || "undated"), what, el("td", {}, sideLabel(e.actor_text)),
      el("td", {}, sideLabel(e.recipient_text)), el("td", {class: "sentence"}, e.text || ""), source);
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); page = 1; load(); });
  root.querySelector('[data-page="prev"]').addEventListener("click", () => { if (page > 1) { page--; load(); } });
  root.querySelector('[data-page="next"]').addEventListener("click", () => { if (page < pages) { page++; load(); } });
  load();
}

// ---- charts ----------------------------------------------------------------------------------
const COLOURS = {coop: "#2e7d4f", conflict: "#b3342d", 1: "#8cc9a1", 2: "#2e7d4f", 3: "#e8a29c", 4: "#b3342d"};

// Bars per period on an ordinal axis: `series` is [{key, sign, colour, value(period) }]; positive
// series stack upwards from the zero line, negative ones downwards.
function barChart(container, periods, series, title) {
  const width = 860, height = 280, left = 44, right = 12, top = 16, bottom = 48;
  const up = periods.map((p) => series.filter((s) => s.sign > 0).reduce((n, s) => n + s.value(p), 0));
  const down = periods.map((p) => series.filter((s) => s.sign < 0).reduce((n, s) => n + s.value(p), 0));
  const maxUp = Math.max(0, ...up), maxDown = Math.max(0, ...down);
  const span = Math.max(1, maxUp + maxDown);
  const plotH = height - top - bottom;
  const zero = top + plotH * (maxUp / span);
  const scale = plotH / span;
  const step = (width - left - right) / Math.max(1, periods.length);
  const bar = Math.max(2, Math.min(48, step * 0.7));
  const svg = svgEl("svg", {viewBox: `0 0 ${width} ${height}`, role: "img", class: "bars", "aria-label": title});
  svg.append(svgEl("title", {}, title));
  svg.append(svgEl("rect", {x: 0, y: 0, width, height, fill: "#ffffff"}));
  for (const tick of ticks(maxUp, maxDown)) {
    const y = zero - tick * scale;
    svg.append(svgEl("line", {x1: left, x2: width - right, y1: y, y2: y, stroke: "#e5e5e5"}));
    svg.append(svgEl("text", {x: left - 6, y: y + 4, "text-anchor": "end", class: "tick"}, Math.abs(tick)));
  }
  const every = Math.ceil(periods.length / 16);  // at most 16 period labels
  periods.forEach((p, i) => {
    const x = left + i * step + (step - bar) / 2;
    let yUp = zero, yDown = zero;
    for (const s of series) {
      const v = s.value(p);
      if (!v) continue;
      const h = v * scale;
      const y = s.sign > 0 ? (yUp -= h) : yDown;
      if (s.sign < 0) yDown += h;
      const rect = svgEl("rect", {x, y, width: bar, height: h, fill: s.colour, class: "bar " + s.key});
      rect.append(svgEl("title", {}, `${p}: ${v} ${s.label}`));
      svg.append(rect);
    }
    if (i % every === 0) {
      svg.append(svgEl("text", {x: x + bar / 2, y: height - bottom + 16, "text-anchor": "middle", class: "tick"}, p));
    }
  });
  svg.append(svgEl("line", {x1: left, x2: width - right, y1: zero, y2: zero, stroke: "#444"}));
  container.replaceChildren(svg);
  if (!periods.length) container.append(el("p", {class: "none"}, "no dated, factual events to draw"));
  container.dataset.state = "ready";
}

function ticks(maxUp, maxDown) {
  const step = Math.max(1, Math.ceil(Math.max(maxUp, maxDown) / 4));
  const out = [0];
  for (let t = step; t <= maxUp; t += step) out.push(t);
  for (let t = step; t <= maxDown; t += step) out.push(-t);
  return out;
}

async function initDyadChart(container) {
  const select = document.querySelector("[data-dyad-direction]");
  let data;
  try {
    data = await api("/api/dyad", {a: container.dataset.a, b: container.dataset.b, by: container.dataset.by});
  } catch (err) {
    container.replaceChildren(el("p", {class: "status error"}, err.message));
    return;
  }
  function draw() {
    const direction = select ? select.value : "all";
    const totals = data.totals.filter((t) => direction === "all" || t.direction === direction);
    const periods = [...new Set(totals.map((t) => t.period))].sort();
    const sum = (p, key) => totals.filter((t) => t.period === p).reduce((n, t) => n + t[key], 0);
    barChart(container, periods, [
      {key: "coop", sign: 1, colour: COLOURS.coop, label: "cooperation", value: (p) => sum(p, "cooperation")},
      {key: "conflict", sign: -1, colour: COLOURS.conflict, label: "conflict", value: (p) => sum(p, "conflict")},
    ], `${data.a.name} and ${data.b.name}: cooperation and conflict per ${data.by}`);
  }
  if (select) select.addEventListener("change", draw);
  draw();
}

async function initActivityChart(container) {
  let data;
  try {
    data = await api("/api/actors/" + encodeURIComponent(container.dataset.actor), {by: container.dataset.by});
  } catch (err) {
    container.replaceChildren(el("p", {class: "status error"}, err.message));
    return;
  }
  const timeline = data.activity.timeline;
  const periods = timeline.map((t) => t.period);
  const at = (p, q) => timeline.find((t) => t.period === p).quad[q];
  const labels = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
  barChart(container, periods, [1, 2, 3, 4].map((q) => ({
    key: "q" + q, sign: q <= 2 ? 1 : -1, colour: COLOURS[q], label: labels[q], value: (p) => at(p, q),
  })), `${data.actor.name}: events per ${data.activity.by}`);
}

// ---- the network: a circle of the most connected actors ---------------------------------------
async function initNetwork(container) {
  const status = document.querySelector(".status");
  let data;
  try {
    data = await api("/api/network", {since: container.dataset.since, until: container.dataset.until});
  } catch (err) {
    if (status) { status.textContent = err.message; status.classList.add("error"); }
    return;
  }
  const nodes = [...data.nodes].sort((a, b) => b.events - a.events).slice(0, 40);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = data.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  if (status) status.textContent = `${data.nodes.length} actors, ${data.edges.length} directed links`;
  // Alphabetical order round the circle spreads the busiest actors instead of bunching them.
  nodes.sort((a, b) => a.label.localeCompare(b.label));
  const width = 1000, height = 780, cx = width / 2, cy = height / 2, radius = height / 2 - 60;
  const size = (n) => 4 + Math.min(10, n.events);
  const pos = {};
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos[n.id] = {x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle, r: size(n)};
  });
  const svg = svgEl("svg", {viewBox: `0 0 ${width} ${height}`, role: "img", class: "network-graph", "aria-label": "actor network"});
  svg.append(svgEl("rect", {x: 0, y: 0, width, height, fill: "#ffffff"}));
  const defs = svgEl("defs");
  const marker = svgEl("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9,
    markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto"});
  marker.append(svgEl("path", {d: "M 0 0 L 10 5 L 0 10 z", fill: "#666"}));
  defs.append(marker);
  svg.append(defs);
  for (const e of edges) {
    const a = pos[e.source], b = pos[e.target];
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
    // End the line at the target circle's rim so the arrowhead stays visible.
    const x2 = b.x - (dx / len) * (b.r + 2), y2 = b.y - (dy / len) * (b.r + 2);
    const score = e.mean_score ?? 0;
    const line = svgEl("line", {x1: a.x, y1: a.y, x2, y2, class: "edge", "stroke-width": Math.min(7, 0.8 + e.count),
      stroke: score >= 0 ? COLOURS.coop : COLOURS.conflict, "stroke-opacity": 0.55, "marker-end": "url(#arrow)"});
    line.append(svgEl("title", {}, `${e.source} → ${e.target}: ${e.count} events, mean score ${score}`));
    svg.append(line);
  }
  for (const n of nodes) {
    const {x, y, angle, r} = pos[n.id];
    const link = svgEl("a", {href: "/actors/" + encodeURIComponent(n.id)});
    link.append(svgEl("circle", {cx: x, cy: y, r, class: "node " + n.kind}));
    const right = Math.cos(angle) >= 0;
    link.append(svgEl("text", {x: x + (right ? r + 5 : -r - 5), y: y + 4, "text-anchor": right ? "start" : "end", class: "label"}, n.label));
    svg.append(link);
  }
  container.replaceChildren(svg);
  container.dataset.state = "ready";
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-event-table]").forEach(initEventTable);
  document.querySelectorAll("[data-dyad-chart]").forEach(initDyadChart);
  document.querySelectorAll("[data-activity-chart]").forEach(initActivityChart);
  document.querySelectorAll("[data-network]").forEach(initNetwork);
});
