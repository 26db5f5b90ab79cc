// kronika explorer: shared helpers (elements, the API, the palette, tooltips, paging), then the event
// table. Charts, the map and the network live in their own files and use window.kronika. Text from
// the store is only ever set with textContent, never parsed as HTML.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};

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

  // The palette lives in kronika.css (--q1 ... --q4, --score-neg/--score-mid/--score-pos): one home
  // for the table stripes, the charts, the map and the network.
  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }
  function quadColour(q) { return cssVar("--q" + q) || "#888"; }

  function hexRgb(hex) {
    const h = hex.replace("#", "");
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  }
  // A mean PLOVER score (-10 conflict ... +10 cooperation) as a colour on a continuous scale.
  function scoreColour(score) {
    if (score === null || score === undefined || Number.isNaN(score)) return cssVar("--score-none") || "#999";
    const t = Math.max(-1, Math.min(1, score / 10));
    const [a, b] = t < 0 ? [cssVar("--score-mid"), cssVar("--score-neg")] : [cssVar("--score-mid"), cssVar("--score-pos")];
    const ca = hexRgb(a), cb = hexRgb(b), f = Math.abs(t);
    return "rgb(" + ca.map((v, i) => Math.round(v + (cb[i] - v) * f)).join(",") + ")";
  }

  function signed(x) { return x === null || x === undefined ? "–" : (x > 0 ? "+" : "") + Number(x).toFixed(1); }

  // One tooltip for the whole page: any element with data-tip shows it on hover or tap.
  const tip = el("div", {class: "tooltip", role: "tooltip", hidden: ""});
  function showTip(target, x, y) {
    tip.textContent = target.dataset.tip;
    tip.hidden = false;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(window.innerWidth - w - 4, x + 12)) + "px";
    tip.style.top = (y + h + 16 > window.innerHeight ? y - h - 8 : y + 14) + "px";
  }
  document.addEventListener("pointermove", (event) => {
    const target = event.target.closest ? event.target.closest("[data-tip]") : null;
    if (target) showTip(target, event.clientX, event.clientY); else tip.hidden = true;
  });
  document.addEventListener("focusin", (event) => {
    const target = event.target.closest("[data-tip]");
    if (!target) return;
    const box = target.getBoundingClientRect();
    showTip(target, box.left, box.bottom);
  });
  document.addEventListener("focusout", () => { tip.hidden = true; });

  function fail(container, err) {
    container.replaceChildren(el("p", {class: "status error"}, err.message));
    container.dataset.state = "error";
  }

  // A pager under a long server-rendered table or list: the rows are all in the page (it works
  // without script), but only one page of them shows at a time.
  function paginate(table) {
    const size = parseInt(table.dataset.paginate, 10) || 25;
    const rows = table.tBodies ? [...table.tBodies[0].rows] : [...table.children];
    if (rows.length <= size) return;
    const pages = Math.ceil(rows.length / size);
    const info = el("span", {class: "page-info"});
    const prev = el("button", {type: "button"}, "← previous"), next = el("button", {type: "button"}, "next →");
    let page = 1;
    function show() {
      rows.forEach((r, i) => { r.hidden = i < (page - 1) * size || i >= page * size; });
      info.textContent = `page ${page} of ${pages} · ${rows.length} rows`;
      prev.disabled = page <= 1;
      next.disabled = page >= pages;
    }
    prev.addEventListener("click", () => { page--; show(); });
    next.addEventListener("click", () => { page++; show(); });
    table.closest(".scroll")?.after(el("nav", {class: "pager"}, prev, info, next)) ||
      table.after(el("nav", {class: "pager"}, prev, info, next));
    show();
  }

  // ---- the event table ---------------------------------------------------------------------------
  function initEventTable(root) {
    const form = root.querySelector("form");
    const tbody = root.querySelector("tbody");
    const status = root.querySelector(".status");
    const pageInfo = root.querySelector(".page-info");
    const fixedActor = root.dataset.fixedActor;
    const standalone = !fixedActor;  // only the events page keeps its filters in the address bar
    let page = 1;
    let pages = 1;

    function fieldValue(field) {
      if (field.type === "checkbox") return field.checked ? "true" : "";
      return field.value.trim();
    }

    if (standalone) {
      const current = new URLSearchParams(location.search);
      for (const field of form.elements) {
        if (!field.name || !current.has(field.name)) continue;
        if (field.type === "checkbox") field.checked = current.get(field.name) === "true";
        else field.value = current.get(field.name);
      }
      page = Math.max(1, parseInt(current.get("page") || "1", 10) || 1);
    }

    function filters() {
      const out = {};
      for (const field of form.elements) if (field.name && fieldValue(field)) out[field.name] = fieldValue(field);
      if (fixedActor) out.actor = fixedActor;
      return out;
    }

    async function load() {
      status.textContent = "loading…";
      root.dataset.state = "loading";
      try {
        const data = await api("/api/events", {...filters(), page});
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
        status.classList.remove("error");
        root.dataset.state = "ready";
      } catch (err) {
        tbody.replaceChildren();
        status.textContent = err.message;
        status.classList.add("error");
        root.dataset.state = "error";
      }
    }

    function row(e) {
      const what = el("td", {}, el("a", {href: "/events/" + encodeURIComponent(e.id)}, e.event));
      for (const aux of e.aux) what.append(" ", el("span", {class: "aux"}, aux));
      const source = el("td", {class: "source"}, e.outlet || e.source_file || "");
      if (e.n_sources > 1) source.append(" ", el("span", {class: "badge"}, "+" + (e.n_sources - 1)));
      return el("tr", {class: "quad-" + e.quad_code, "data-event-id": e.id},
        el("td", {class: "date"}, e.date || "undated"), what, el("td", {}, e.actor_text || "—"),
        el("td", {}, e.recipient_text || "—"), el("td", {class: "sentence"}, e.text || ""), source);
    }

    form.addEventListener("submit", (event) => { event.preventDefault(); page = 1; load(); });
    root.querySelector('[data-page="prev"]').addEventListener("click", () => { if (page > 1) { page--; load(); } });
    root.querySelector('[data-page="next"]').addEventListener("click", () => { if (page < pages) { page++; load(); } });
    load();
  }

  // A filter form whose values live in the address bar (so a view can be bookmarked): fill it from
  // the URL, and on submit go to the same page with only the fields that have a value.
  function bindFilterForm(form) {
    const current = new URLSearchParams(location.search);
    const params = {};
    for (const field of form.elements) {
      if (!field.name || !current.has(field.name)) continue;
      if (field.type === "checkbox") field.checked = current.get(field.name) === "true";
      else if (field.type !== "radio") field.value = current.get(field.name);
      if (current.get(field.name)) params[field.name] = current.get(field.name);
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const shown = new URLSearchParams();
      for (const field of form.elements) {
        if (!field.name || field.type === "radio") continue;
        const value = field.type === "checkbox" ? (field.checked ? "true" : "") : field.value.trim();
        if (value) shown.set(field.name, value);
      }
      location.assign(location.pathname + (shown.toString() ? "?" + shown : ""));
    });
    return params;
  }

  window.kronika = {el, svgEl, api, cssVar, quadColour, scoreColour, signed, fail, bindFilterForm, QUADS};

  document.addEventListener("DOMContentLoaded", () => {
    document.body.append(tip);
    document.querySelectorAll("[data-paginate]").forEach(paginate);
    document.querySelectorAll("[data-event-table]").forEach(initEventTable);
  });
})();
