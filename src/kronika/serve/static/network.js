// The actor network (/network): a force-directed layout (d3-force, from npm via `make install`)
// computed once in the browser, without animation. Circle area is the actor's number of events,
// colour its kind; an arrow's colour is the mean score of its events on a continuous scale. Circles
// never overlap (a last pass pushes apart any the simulation left touching) and a label is drawn
// only where it collides with no circle and no other label; every name is in the circle's tooltip.
"use strict";

(function () {
  const {el, svgEl, api, scoreColour, signed, fail, bindFilterForm} = window.kronika;
  const TOP = 50;  // actors drawn unless the form says otherwise
  const GAP = 3;   // free pixels kept between two circles

  const radius = (n) => 5 + 3.2 * Math.sqrt(n.events);

  function layout(nodes, edges) {
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(edges).id((n) => n.id).distance((e) => 60 + e.source.r + e.target.r).strength(0.25))
      .force("charge", d3.forceManyBody().strength((n) => -90 - 14 * n.r))
      .force("collide", d3.forceCollide((n) => n.r + GAP + 10).iterations(3))
      .force("x", d3.forceX(0).strength(0.05))
      .force("y", d3.forceY(0).strength(0.07))
      .stop();
    for (let i = 0; i < 400; i++) sim.tick();
    separate(nodes);
  }

  // Push apart any two circles whose boxes (plus GAP) overlap, along the axis where they overlap
  // least, until none do: boxes apart means circles apart, and a reader sees no two touching.
  function separate(nodes) {
    for (let round = 0; round < 500; round++) {
      let moved = false;
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          const need = a.r + b.r + GAP;
          const dx = b.x - a.x, dy = b.y - a.y;
          const ox = need - Math.abs(dx), oy = need - Math.abs(dy);
          if (ox <= 0 || oy <= 0) continue;
          if (ox < oy) {
            const push = ox / 2 + 0.01, sign = dx < 0 ? -1 : 1;
            a.x -= sign * push; b.x += sign * push;
          } else {
            const push = oy / 2 + 0.01, sign = dy < 0 ? -1 : 1;
            a.y -= sign * push; b.y += sign * push;
          }
          moved = true;
        }
      }
      if (!moved) return;
    }
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  // Labels, busiest actors first: right of the circle, left, above or below, whichever is free.
  function placeLabels(svg, nodes) {
    const taken = nodes.map((n) => ({x: n.x - n.r, y: n.y - n.r, w: 2 * n.r, h: 2 * n.r}));
    const layer = svgEl("g", {class: "labels"});
    svg.append(layer);
    for (const n of [...nodes].sort((a, b) => b.events - a.events)) {
      const text = svgEl("text", {class: "label", "data-node": n.id}, n.name);
      layer.append(text);
      const box = text.getBBox();
      const w = box.width, h = box.height;
      const spots = [[n.x + n.r + 4, n.y - h / 2], [n.x - n.r - 4 - w, n.y - h / 2],
        [n.x - w / 2, n.y - n.r - 3 - h], [n.x - w / 2, n.y + n.r + 3]];
      const spot = spots.map(([x, y]) => ({x, y, w, h})).find((b) => !taken.some((t) => overlaps(b, t)));
      if (!spot) { text.remove(); continue; }
      text.setAttribute("x", spot.x.toFixed(1));
      text.setAttribute("y", (spot.y + h * 0.78).toFixed(1));
      taken.push(spot);
    }
  }

  function edgeTip(e, names) {
    const cats = Object.entries(e.categories).map(([k, v]) => `${k} ${v}`).join(", ");
    return `${names[e.source.id]} → ${names[e.target.id]}: ${e.count} events, mean score ${signed(e.mean_score)}\n${cats}\nclick for the dyad`;
  }

  function nodeTip(n) {
    const kind = {country: "country", person: "person", organisation: "organisation"}[n.group] || "group";
    const where = n.country && n.group !== "country" ? `, ${n.country}` : "";
    return `${n.name} (${kind}${where}${n.sector ? " " + n.sector : ""})\n${n.events} events\nclick for its page`;
  }

  function draw(container, data) {
    const nodes = data.nodes.map((n) => ({...n, r: radius(n)}));
    const edges = data.edges.map((e) => ({...e}));
    layout(nodes, edges);
    const names = Object.fromEntries(nodes.map((n) => [n.id, n.name]));
    const pad = 20;
    const minX = Math.min(...nodes.map((n) => n.x - n.r)) - pad, maxX = Math.max(...nodes.map((n) => n.x + n.r)) + pad;
    const minY = Math.min(...nodes.map((n) => n.y - n.r)) - 30, maxY = Math.max(...nodes.map((n) => n.y + n.r)) + 30;
    const svg = svgEl("svg", {viewBox: `${minX} ${minY} ${maxX - minX} ${maxY - minY}`, role: "img",
      class: "network-graph", "aria-label": "actor network"});
    const defs = svgEl("defs");
    // Arrowheads of one size whatever the line's width (userSpaceOnUse), so thick links stay readable.
    const marker = svgEl("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9,
      markerUnits: "userSpaceOnUse", orient: "auto"});
    marker.append(svgEl("path", {d: "M 0 0 L 10 5 L 0 10 z", fill: "#55606a"}));
    defs.append(marker);
    svg.append(defs);
    const edgeLayer = svgEl("g", {class: "edges"});
    for (const e of edges) {
      const a = e.source, b = e.target;
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
      // A slight bend keeps A→B and B→A apart; the line stops at the target's rim for the arrowhead.
      const bend = 0.12 * len, mx = (a.x + b.x) / 2 - (dy / len) * bend, my = (a.y + b.y) / 2 + (dx / len) * bend;
      const ex = b.x - ((b.x - mx) / Math.hypot(b.x - mx, b.y - my)) * (b.r + 2);
      const ey = b.y - ((b.y - my) / Math.hypot(b.x - mx, b.y - my)) * (b.r + 2);
      const path = svgEl("path", {d: `M${a.x.toFixed(1)} ${a.y.toFixed(1)} Q${mx.toFixed(1)} ${my.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}`,
        class: "edge", stroke: scoreColour(e.mean_score), "stroke-width": (1 + 1.4 * Math.sqrt(e.count)).toFixed(1),
        "stroke-opacity": 0.85, "marker-end": "url(#arrow)", "data-source": a.id, "data-target": b.id,
        "data-score": e.mean_score ?? "", "data-count": e.count, "data-tip": edgeTip(e, names)});
      path.addEventListener("click", () => {
        location.href = "/dyad?" + new URLSearchParams({a: a.id, b: b.id});
      });
      edgeLayer.append(path);
    }
    svg.append(edgeLayer);
    const nodeLayer = svgEl("g", {class: "nodes"});
    for (const n of nodes) {
      const link = svgEl("a", {href: "/actors/" + encodeURIComponent(n.id)});
      link.append(svgEl("circle", {cx: n.x.toFixed(1), cy: n.y.toFixed(1), r: n.r.toFixed(1), class: "node " + n.group,
        "data-node": n.id, "data-events": n.events, "data-tip": nodeTip(n)}));
      nodeLayer.append(link);
    }
    svg.append(nodeLayer);
    container.replaceChildren(svg);
    placeLabels(svg, nodes);
    // Grow the view to the labels drawn, so none is cut at the edge.
    const all = svg.querySelector(".labels").getBBox();
    const x0 = Math.min(minX, all.x - 4), y0 = Math.min(minY, all.y - 4);
    const x1 = Math.max(maxX, all.x + all.width + 4), y1 = Math.max(maxY, all.y + all.height + 4);
    svg.setAttribute("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
    container.dataset.state = "ready";
  }

  async function initNetwork(container) {
    const form = document.querySelector("[data-filter-form]");
    const filters = form ? bindFilterForm(form) : {};
    const status = document.querySelector(".status");
    let data;
    try {
      data = await api("/api/network", {top: TOP, ...filters});
    } catch (err) {
      if (status) { status.textContent = err.message; status.classList.add("error"); }
      fail(container, err);
      return;
    }
    status.textContent = `${data.shown.actors} of ${data.actors} actors and ${data.shown.links} of ${data.links} links shown` +
      (data.shown.actors < data.actors ? " (the busiest actors with at least one link; raise “actors” for more)" : "");
    if (!data.nodes.length) {
      container.replaceChildren(el("p", {class: "none"}, "no link between actors matches"));
      container.dataset.state = "ready";
      return;
    }
    draw(container, data);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-network]").forEach(initNetwork);
  });
})();
