// The map of events (/map): one dot per located event, clustered round its place and coloured by
// its quad class, over country outlines; or the countries shaded by their number of events. Click a
// place or a country to list its events. d3-geo, topojson-client and the outlines (world-atlas) are
// copied from npm into /static/vendor/ by `make install`: nothing is fetched from elsewhere.
"use strict";

(function () {
  const {el, svgEl, api, quadColour, cssVar, fail, bindFilterForm, QUADS} = window.kronika;
  const WIDTH = 960, HEIGHT = 520;
  const DOT = 3.2, SPACING = 3.9;  // dot radius and spiral spacing, in map pixels
  const GOLDEN = Math.PI * (3 - Math.sqrt(5));

  function countryFill(n, max) {
    if (!n) return cssVar("--map-empty") || "#eef0f2";
    const t = Math.sqrt(n / max);
    const lo = [214, 224, 232], hi = [33, 52, 71];
    return "rgb(" + lo.map((v, i) => Math.round(v + (hi[i] - v) * t)).join(",") + ")";
  }

  // The projection: the whole world for the countries, the places' own region (with a margin) for dots.
  function projectionFor(view, places, world) {
    const projection = d3.geoNaturalEarth1();
    if (view === "countries" || !places.length) return projection.fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], {type: "Sphere"});
    const lons = places.map((p) => p.lon), lats = places.map((p) => p.lat);
    const pad = 6;
    const corners = [[Math.max(-180, Math.min(...lons) - pad * 1.6), Math.max(-85, Math.min(...lats) - pad)],
      [Math.min(180, Math.max(...lons) + pad * 1.6), Math.min(85, Math.max(...lats) + pad)]];
    return projection.fitExtent([[30, 30], [WIDTH - 30, HEIGHT - 30]], {type: "MultiPoint", coordinates: corners});
  }

  function placeTip(p) {
    const lines = [`${p.name}${p.country_name ? ", " + p.country_name : ""}: ${p.events} events`];
    for (const q of [1, 2, 3, 4]) if (p.quad[q]) lines.push(`  ${QUADS[q]}: ${p.quad[q]}`);
    lines.push("click to list them");
    return lines.join("\n");
  }

  function countryTip(c) {
    const lines = [`${c.name}: ${c.events} events`];
    for (const q of [1, 2, 3, 4]) if (c.quad[q]) lines.push(`  ${QUADS[q]}: ${c.quad[q]}`);
    return lines.join("\n");
  }

  async function listEvents(panel, title, params) {
    panel.hidden = false;
    panel.querySelector("h2").textContent = title;
    const list = panel.querySelector("ol");
    list.replaceChildren(el("li", {class: "none"}, "loading…"));
    panel.dataset.state = "loading";
    try {
      const data = await api("/api/events", {...params, per_page: 25});
      list.replaceChildren(...data.events.map((e) => el("li", {class: "quad-" + e.quad_code},
        el("span", {class: "date"}, e.date || "undated"), " ",
        el("a", {href: "/events/" + encodeURIComponent(e.id)}, e.event), " ",
        el("span", {class: "sentence"}, e.text || ""))));
      panel.querySelector("h2").textContent = `${title}: ${data.total} events`;
      panel.querySelector(".all-events").href = "/events?" + new URLSearchParams(params);
      panel.dataset.total = String(data.total);
      panel.dataset.state = "ready";
    } catch (err) {
      list.replaceChildren(el("li", {class: "status error"}, err.message));
      panel.dataset.state = "error";
    }
  }

  async function initMap(container) {
    const form = document.querySelector("[data-filter-form]");
    const filters = form ? bindFilterForm(form) : {};
    const status = document.querySelector(".status");
    const panel = document.querySelector("[data-place-events]");
    let data, world;
    try {
      [data, world] = await Promise.all([api("/api/map", filters),
        fetch("/static/vendor/countries-110m.json").then((r) => {
          if (!r.ok) throw new Error("the country outlines are missing (run make install)");
          return r.json();
        })]);
    } catch (err) { fail(container, err); return; }
    const countries = topojson.feature(world, world.objects.countries).features;
    const byIso = new Map(data.countries.filter((c) => c.iso_numeric).map((c) => [c.iso_numeric, c]));
    const kosovo = data.countries.find((c) => c.code === "KOS");  // no ISO number: matched by name
    const countryOf = (f) => byIso.get(f.id) || (f.properties.name === "Kosovo" ? kosovo : undefined);
    status.textContent = `${data.located} events at ${data.places.length} places; ` +
      `${data.unplaced} events without a place are not on the map`;
    container.dataset.located = String(data.located);

    function draw(view) {
      const projection = projectionFor(view, data.places, world);
      const path = d3.geoPath(projection);
      const svg = svgEl("svg", {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "world " + view,
        "aria-label": view === "places" ? "events by place" : "events by country"});
      const defs = svgEl("defs");
      const clip = svgEl("clipPath", {id: "map-clip"});
      clip.append(svgEl("rect", {x: 0, y: 0, width: WIDTH, height: HEIGHT}));
      defs.append(clip);
      svg.append(defs);
      const layer = svgEl("g", {"clip-path": "url(#map-clip)"});
      layer.append(svgEl("path", {d: path({type: "Sphere"}), class: "sphere"}));
      const max = Math.max(1, ...data.countries.map((c) => c.events));
      for (const f of countries) {
        const c = countryOf(f);
        const shape = svgEl("path", {d: path(f) || "", class: "country"});
        if (view === "countries") {
          shape.setAttribute("fill", countryFill(c ? c.events : 0, max));
          if (c) {
            shape.classList.add("has-events");
            shape.dataset.code = c.code;
            shape.dataset.events = String(c.events);
            shape.dataset.tip = countryTip(c);
            shape.setAttribute("tabindex", "0");
            shape.addEventListener("click", () => listEvents(panel, `Events in ${c.name}`, {...filters, place_country: c.code}));
          }
        }
        layer.append(shape);
      }
      if (view === "places") layer.append(placeDots(projection));
      svg.append(layer);
      container.replaceChildren(svg);
      container.dataset.view = view;
      container.dataset.state = "ready";
      document.querySelector('[data-map-legend="places"]').hidden = view !== "places";
      const legend = document.querySelector('[data-map-legend="countries"]');
      legend.hidden = view !== "countries";
      // Swatches get their colour through the CSSOM: the page's CSP allows no inline style attribute.
      const stops = [...new Set([1, Math.round(max / 4), Math.round(max / 2), max])].filter((n) => n > 0);
      legend.replaceChildren("events per country: ", ...stops.flatMap((n) => {
        const swatch = el("span", {class: "swatch"});
        swatch.style.background = countryFill(n, max);
        return [swatch, ` ${n} `];
      }), "· click a country to list its events");
    }

    function placeDots(projection) {
      const g = svgEl("g", {class: "places"});
      for (const p of data.places) {
        const at = projection([p.lon, p.lat]);
        if (!at) continue;
        const group = svgEl("g", {class: "place", tabindex: 0, "data-place": p.name, "data-country": p.country || "",
          "data-events": p.events, "data-tip": placeTip(p)});
        let i = 0;
        for (const q of [2, 1, 3, 4]) {  // material cooperation at the centre, conflict outside
          for (let k = 0; k < p.quad[q]; k++, i++) {
            const r = SPACING * Math.sqrt(i), a = i * GOLDEN;
            group.append(svgEl("circle", {cx: (at[0] + r * Math.cos(a)).toFixed(1), cy: (at[1] + r * Math.sin(a)).toFixed(1),
              r: DOT, fill: quadColour(q), class: "event-mark q" + q}));
          }
        }
        const open = () => listEvents(panel, `Events in ${p.name}`, {...filters, place: p.name, place_country: p.country});
        group.addEventListener("click", open);
        group.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
        g.append(group);
      }
      return g;
    }

    for (const radio of document.querySelectorAll('input[name="map-view"]')) {
      radio.addEventListener("change", () => draw(radio.value));
    }
    draw(document.querySelector('input[name="map-view"]:checked')?.value || "places");
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-map]").forEach(initMap);
  });
})();
