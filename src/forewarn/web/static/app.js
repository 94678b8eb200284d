// Home page charts, all from this server: a Vega-Lite timeline, a Leaflet map over the vendored
// world outline (no tile layer, no network), and a cytoscape.js actor network.
(function () {
  "use strict";
  var QUAD_COLOURS = {"verbal-cooperation": "#2b8cbe", "material-cooperation": "#1a9850",
                      "verbal-conflict": "#fdae61", "material-conflict": "#d73027"};
  var QUADS = Object.keys(QUAD_COLOURS);
  var section = document.getElementById("charts");
  if (!section) return;
  var query = section.dataset.query || "";

  // Empty filter fields are not sent, so the URL carries only the filters in use.
  var form = document.getElementById("filters");
  if (form) form.addEventListener("submit", function () {
    Array.prototype.forEach.call(form.elements, function (el) { if (el.name && !el.value) el.disabled = true; });
  });

  function getJSON(url) {
    return fetch(url, {headers: {"Accept": "application/json"}}).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }
  function fail(id, err) {
    var el = document.getElementById(id);
    var p = document.createElement("p");
    p.className = "error";
    p.textContent = "Could not draw this chart: " + err.message;
    el.appendChild(p);
    console.warn(err);
  }
  function mark(id) { document.getElementById(id).dataset.rendered = "true"; }

  function timeline(stats) {
    var values = stats.timeline;
    var base = {
      data: {values: values}, mark: {type: "bar"}, width: "container", height: 110,
      encoding: {x: {field: "date", type: "temporal", title: null},
                 y: {aggregate: "sum", field: "events", type: "quantitative", title: "events"}}
    };
    var byQuad = JSON.parse(JSON.stringify(base));
    byQuad.encoding.color = {field: "quad", type: "nominal",
      scale: {domain: QUADS, range: QUADS.map(function (q) { return QUAD_COLOURS[q]; })}};
    var byType = JSON.parse(JSON.stringify(base));
    byType.encoding.color = {field: "type", type: "nominal", scale: {scheme: "tableau20"}};
    var spec = {$schema: "https://vega.github.io/schema/vega-lite/v6.json", vconcat: [byQuad, byType],
                resolve: {scale: {color: "independent"}}, autosize: {type: "fit-x", contains: "padding"}};
    var compiled = vegaLite.compile(spec).spec;
    // The AST interpreter instead of vega's code generation: the page's CSP forbids eval.
    var view = new vega.View(vega.parse(compiled, null, {ast: true}),
                             {expr: vegaInterpreter.expressionInterpreter, renderer: "svg",
                              container: "#timeline", hover: true});
    return view.runAsync().then(function () { mark("timeline"); });
  }

  function map(stats, world) {
    var m = L.map("map", {worldCopyJump: true, attributionControl: false}).setView([20, 10], 2);
    var land = topojson.feature(world, world.objects.countries);
    L.geoJSON(land, {style: {color: "#8a9bb0", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(m);
    var points = [];
    stats.places.forEach(function (p) {
      var r = 4 + Math.min(16, Math.sqrt(p.events) * 2);
      var c = L.circleMarker([p.lat, p.lon], {radius: r, color: QUAD_COLOURS[p.quad] || "#555",
                                             weight: 1, fillOpacity: 0.6}).addTo(m);
      var label = document.createElement("span");  // text, never HTML
      label.textContent = (p.name || "?") + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " events";
      c.bindTooltip(label);
      points.push([p.lat, p.lon]);
    });
    if (points.length) m.fitBounds(points, {maxZoom: 6, padding: [20, 20]});
    mark("map");
  }

  function network(actors) {
    var nodes = {}, elements = [];
    actors.edges.forEach(function (e, i) {
      [e.source, e.target].forEach(function (n) {
        if (!nodes[n]) { nodes[n] = true; elements.push({data: {id: "n:" + n, label: n}}); }
      });
      elements.push({data: {id: "e" + i, source: "n:" + e.source, target: "n:" + e.target,
                            colour: QUAD_COLOURS[e.quad] || "#888", width: 1 + Math.min(8, e.events)}});
    });
    window.forewarnNetwork = cytoscape({
      container: document.getElementById("network"), elements: elements,
      layout: {name: elements.length > 400 ? "circle" : "cose", animate: false},
      style: [
        {selector: "node", style: {"label": "data(label)", "font-size": 9, "background-color": "#445",
                                   "width": 10, "height": 10, "color": "#223"}},
        {selector: "edge", style: {"line-color": "data(colour)", "target-arrow-color": "data(colour)",
                                   "target-arrow-shape": "triangle", "curve-style": "bezier",
                                   "width": "data(width)", "opacity": 0.8}}
      ]
    });
    mark("network");
  }

  var stats = getJSON("/api/stats?" + query);
  stats.then(timeline).catch(function (e) { fail("timeline", e); });
  Promise.all([stats, getJSON("/static/vendor/world-atlas/countries-110m.json")])
    .then(function (r) { map(r[0], r[1]); }).catch(function (e) { fail("map", e); });
  getJSON("/api/actors?edges=300&" + query).then(network).catch(function (e) { fail("network", e); });
})();
