// The vnkg graph page. Every text from the data goes through textContent (el()),
// never innerHTML: entity names and evidence sentences come from the news.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("vnkg-data").textContent);
  var OTHER = { color: "#9c9c9c", shape: "triangleDown" };
  var MAX_TIP_EVENTS = 4;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fold(s) {
    return String(s).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  function shorten(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function styleOf(type) { return DATA.types[type] || OTHER; }

  // ---- indexes -------------------------------------------------------------
  var nodeById = new Map();
  DATA.nodes.forEach(function (n) { n.folded = [fold(n.label)].concat(n.aliases.map(fold)); nodeById.set(n.id, n); });
  var edgeById = new Map();
  var incident = new Map();
  DATA.nodes.forEach(function (n) { incident.set(n.id, []); });
  DATA.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    incident.get(e.from).push(e);
    if (e.to !== e.from) incident.get(e.to).push(e);
  });

  var state = {
    types: new Set(Object.keys(DATA.types)),
    relations: new Set(Object.keys(DATA.relations)),
    since: "", until: "", selected: null, onlyNeighbours: false,
  };

  // ---- dates (possibly partial: 2025, 2025-07, 2025-07-14) ----------------
  function dateIn(date) {
    if (!state.since && !state.until) return true;
    if (!date) return false;
    var first = date.length < 10 ? date + "-01-01".slice(date.length - 4) : date;
    var last = date.length < 10 ? date + "-12-31".slice(date.length - 4) : date;
    return (!state.since || last >= state.since) && (!state.until || first <= state.until);
  }
  function visibleEvents(edge) {
    if (!state.relations.has(edge.relation)) return [];
    return edge.events.filter(function (ev) { return dateIn(ev.date); });
  }
  function edgeLabel(edge, events) {
    var label = edge.relation;
    if (events.length > 1) label += " ×" + events.length;
    var dates = events.map(function (ev) { return ev.date; }).filter(Boolean);
    if (dates.length === 1 || (dates.length && dates[0] === dates[dates.length - 1])) label += "\n" + dates[0];
    else if (dates.length > 1) label += "\n" + dates[0] + " – " + dates[dates.length - 1];
    return label;
  }

  // ---- vis data --------------------------------------------------------------
  var shown = { nodes: new Map(), edges: new Map() };
  var nodeItems = DATA.nodes.map(function (n) {
    var st = styleOf(n.type);
    var item = { id: n.id, label: n.label, shape: st.shape, color: st.color, value: n.degree + 1, hidden: false };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    shown.nodes.set(n.id, { hidden: false });
    return item;
  });
  var edgeItems = DATA.edges.map(function (e) {
    var label = edgeLabel(e, e.events);
    shown.edges.set(e.id, { hidden: false, label: label });
    return { id: e.id, from: e.from, to: e.to, label: label, arrows: e.arrows,
             color: DATA.relations[e.relation] || "#888", width: Math.min(1 + Math.log2(e.events.length), 5),
             hidden: false,
             smooth: e.bend ? { enabled: true, type: e.bend % 2 ? "curvedCW" : "curvedCCW",
                                roundness: 0.25 * Math.ceil(e.bend / 2) } : false };
  });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var container = $("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);

  // ---- filters -----------------------------------------------------------------
  function neighbourhood() {
    if (!state.onlyNeighbours || state.selected === null) return null;
    var keep = new Set([state.selected]);
    incident.get(state.selected).forEach(function (e) {
      if (visibleEvents(e).length) { keep.add(e.from); keep.add(e.to); }
    });
    return keep;
  }
  function apply() {
    var keep = neighbourhood();
    var edgeUpdates = [], nodeUpdates = [];
    var liveDegree = new Map();
    var nodeOn = function (n) { return state.types.has(n.type) && (!keep || keep.has(n.id)); };
    DATA.edges.forEach(function (e) {
      var events = visibleEvents(e);
      var hidden = !events.length || !nodeOn(nodeById.get(e.from)) || !nodeOn(nodeById.get(e.to));
      var label = hidden ? shown.edges.get(e.id).label : edgeLabel(e, events);
      if (!hidden) {
        liveDegree.set(e.from, (liveDegree.get(e.from) || 0) + 1);
        liveDegree.set(e.to, (liveDegree.get(e.to) || 0) + 1);
      }
      var before = shown.edges.get(e.id);
      if (before.hidden !== hidden || before.label !== label) {
        shown.edges.set(e.id, { hidden: hidden, label: label });
        edgeUpdates.push({ id: e.id, hidden: hidden, label: label });
      }
    });
    var filtering = state.since || state.until || state.relations.size < Object.keys(DATA.relations).length;
    DATA.nodes.forEach(function (n) {
      // with an event filter on, only the entities taking part in a shown event stay
      var hidden = !nodeOn(n) || (filtering && !liveDegree.get(n.id));
      if (shown.nodes.get(n.id).hidden !== hidden) {
        shown.nodes.set(n.id, { hidden: hidden });
        nodeUpdates.push({ id: n.id, hidden: hidden });
      }
    });
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    showCounts();
    if (state.selected !== null) { showNode(state.selected); showTimeline(state.selected); }
  }
  function visible() {
    var n = 0, e = 0;
    shown.nodes.forEach(function (s) { if (!s.hidden) n++; });
    shown.edges.forEach(function (s) { if (!s.hidden) e++; });
    return { nodes: n, edges: e };
  }
  function showCounts() {
    var v = visible();
    $("counts").textContent = v.nodes + " of " + DATA.nodes.length + " entities, " + v.edges + " of " +
      DATA.edges.length + " connections shown";
  }

  // ---- legend and toggles ----------------------------------------------------------
  function toggle(parent, name, color, cls, set) {
    var label = el("label", null, "row");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.name = name;
    box.addEventListener("change", function () {
      if (box.checked) set.add(name); else set.delete(name);
      apply();
    });
    var swatch = el("span", null, "swatch " + cls);
    swatch.style.background = color;
    label.appendChild(box); label.appendChild(swatch); label.appendChild(el("span", name || "(untyped)"));
    parent.appendChild(label);
  }
  Object.keys(DATA.types).forEach(function (t) {
    var st = DATA.types[t];
    toggle($("types"), t, st.color, st.shape, state.types);
  });
  Object.keys(DATA.relations).forEach(function (r) {
    toggle($("relations"), r, DATA.relations[r], "line", state.relations);
  });
  ["since", "until"].forEach(function (id) {
    $(id).addEventListener("change", function () { state[id] = $(id).value; apply(); });
  });
  $("only-neighbours").addEventListener("change", function () {
    state.onlyNeighbours = $("only-neighbours").checked; apply();
  });

  // ---- search ------------------------------------------------------------------------
  function search(query) {
    var q = fold(query);
    if (!q) return [];
    var hits = [];
    DATA.nodes.forEach(function (n) {
      var rank = n.folded.indexOf(q) >= 0 ? 0
        : n.folded.some(function (f) { return f.indexOf(q) === 0; }) ? 1
        : n.folded.some(function (f) { return f.indexOf(q) >= 0; }) ? 2 : -1;
      if (rank >= 0) hits.push([rank, -n.degree, n]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2].label < b[2].label ? -1 : 1); });
    return hits.slice(0, 30).map(function (h) { return h[2]; });
  }
  function showMatches(hits) {
    var list = $("matches");
    clear(list);
    hits.forEach(function (n) {
      var li = el("li", n.label + " · " + (n.type || "?"));
      li.addEventListener("click", function () { select(n.id); });
      list.appendChild(li);
    });
  }
  $("search").addEventListener("input", function () { showMatches(search($("search").value)); });
  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var hits = search($("search").value);
    showMatches(hits);
    if (hits.length) select(hits[0].id);
  });

  // ---- selection, details and timeline ---------------------------------------------
  function select(id) {
    var n = nodeById.get(id);
    if (!n) return;
    if (!state.types.has(n.type)) {  // a search hit of a hidden type: show its type again
      state.types.add(n.type);
      document.querySelectorAll("#types input").forEach(function (b) { if (b.dataset.name === n.type) b.checked = true; });
    }
    state.selected = id;
    apply();
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
    showTimeline(id);
  }
  function link(n) {
    var span = el("span", n.label, "link");
    span.addEventListener("click", function () { select(n.id); });
    return span;
  }
  function eventBlock(ev, withRelation, edge, self) {
    var div = el("div", null, "event");
    var meta = [ev.date || "undated"];
    if (withRelation) meta.push(edge.relation);
    if (ev.kind) meta.push(ev.kind);
    if (ev.modality && ev.modality !== "done") meta.push(ev.modality);
    var head = el("div", meta.join(" · "), "meta");
    if (self !== undefined) {
      var other = nodeById.get(ev.from === self ? ev.to : ev.from);
      head.appendChild(document.createTextNode(ev.from === self ? " → " : " ← "));
      head.appendChild(link(other));
    }
    div.appendChild(head);
    if (ev.evidence) div.appendChild(el("blockquote", ev.evidence));
    if (ev.article) div.appendChild(el("div", "article " + ev.article, "meta"));
    ev.sources.forEach(function (src) {  // further reports of the same event
      div.appendChild(el("blockquote", src.evidence));
      div.appendChild(el("div", "article " + src.article, "meta"));
    });
    return div;
  }
  function facts(n, into) {
    into.appendChild(el("div", "Type: " + (n.type || "unknown"), "meta"));
    if (n.aliases.length) into.appendChild(el("div", "Also: " + n.aliases.join(", "), "meta"));
    if (n.articles) into.appendChild(el("div", n.articles + " article" + (n.articles > 1 ? "s" : ""), "meta"));
  }
  function officeText(o) {
    return o.title + (o.org ? ", " + o.org : "") + (o.date ? " (" + o.date + ")" : "");
  }
  function showTab(name) {
    ["details", "timeline"].forEach(function (t) {
      $(t).hidden = t !== name;
      $("tab-" + t).classList.toggle("active", t === name);
    });
  }
  $("tab-details").addEventListener("click", function () { showTab("details"); });
  $("tab-timeline").addEventListener("click", function () { showTab("timeline"); });

  function showNode(id) {
    var n = nodeById.get(id), panel = $("details");
    clear(panel);
    panel.appendChild(el("h2", n.label));
    facts(n, panel);
    panel.appendChild(el("div", n.iri, "muted"));
    if (n.offices.length) {
      panel.appendChild(el("h3", "Offices"));
      var ul = el("ul");
      n.offices.forEach(function (o) { ul.appendChild(el("li", officeText(o))); });
      panel.appendChild(ul);
    }
    var byRelation = new Map();
    incident.get(id).forEach(function (e) {
      var events = visibleEvents(e);
      if (!events.length) return;
      if (!byRelation.has(e.relation)) byRelation.set(e.relation, []);
      byRelation.get(e.relation).push([e, events]);
    });
    byRelation.forEach(function (list, relation) {
      panel.appendChild(el("h3", relation + " (" + list.length + ")"));
      list.forEach(function (pair) {
        var e = pair[0], other = nodeById.get(e.from === id ? e.to : e.from);
        var who = el("div");
        who.appendChild(link(other));
        who.appendChild(document.createTextNode(" · " + pair[1].length + " event" + (pair[1].length > 1 ? "s" : "")));
        panel.appendChild(who);
        pair[1].forEach(function (ev) { panel.appendChild(eventBlock(ev, false, e)); });
      });
    });
  }
  function showEdge(id) {
    var e = edgeById.get(id), panel = $("details");
    clear(panel);
    var h = el("h2");
    h.appendChild(link(nodeById.get(e.from)));
    h.appendChild(document.createTextNode(" — " + e.relation + " — "));
    h.appendChild(link(nodeById.get(e.to)));
    panel.appendChild(h);
    visibleEvents(e).forEach(function (ev) { panel.appendChild(eventBlock(ev, false, e)); });
  }
  function showTimeline(id) {
    var n = nodeById.get(id), panel = $("timeline");
    clear(panel);
    panel.appendChild(el("h2", "Timeline: " + n.label));
    var rows = [];
    incident.get(id).forEach(function (e) {
      visibleEvents(e).forEach(function (ev) { rows.push([ev, e]); });
    });
    rows.sort(function (a, b) {
      var da = a[0].date || "9999", db = b[0].date || "9999";
      return da < db ? -1 : da > db ? 1 : 0;
    });
    if (!rows.length) panel.appendChild(el("p", "No event in the current filters.", "muted"));
    rows.forEach(function (r) { panel.appendChild(eventBlock(r[0], true, r[1], id)); });
  }

  // ---- tooltips ------------------------------------------------------------------------
  var tip = $("tip");
  function nodeTip(id) {
    var n = nodeById.get(id), box = document.createDocumentFragment();
    box.appendChild(el("h4", n.label));
    facts(n, box);
    if (n.offices.length) {
      var ul = el("ul");
      n.offices.slice(0, 5).forEach(function (o) { ul.appendChild(el("li", officeText(o))); });
      box.appendChild(ul);
    }
    box.appendChild(el("div", n.degree + " connection" + (n.degree === 1 ? "" : "s"), "meta"));
    return box;
  }
  function edgeTip(id) {
    var e = edgeById.get(id), box = document.createDocumentFragment();
    var events = visibleEvents(e);
    box.appendChild(el("h4", nodeById.get(e.from).label + " — " + e.relation + " — " + nodeById.get(e.to).label +
      (events.length > 1 ? " (×" + events.length + ")" : "")));
    events.slice(0, MAX_TIP_EVENTS).forEach(function (ev) {
      var div = el("div", null, "event");
      div.appendChild(el("div", [ev.date || "undated", ev.kind, ev.article].filter(Boolean).join(" · "), "meta"));
      if (ev.evidence) div.appendChild(el("div", shorten(ev.evidence, 300)));
      box.appendChild(div);
    });
    if (events.length > MAX_TIP_EVENTS) box.appendChild(el("div", "+" + (events.length - MAX_TIP_EVENTS) + " more: click the edge", "meta"));
    return box;
  }
  function showTip(content, pointer) {
    clear(tip);
    tip.appendChild(content);
    tip.hidden = false;
    var rect = container.getBoundingClientRect();
    var x = rect.left + pointer.x + 14, y = rect.top + pointer.y + 14;
    tip.style.left = Math.max(0, Math.min(x, window.innerWidth - tip.offsetWidth - 4)) + "px";
    tip.style.top = Math.max(0, Math.min(y, window.innerHeight - tip.offsetHeight - 4)) + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(nodeTip(p.node), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeTip(p.edge), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", function (p) {
    if (p.nodes.length) select(p.nodes[0]);
    else if (p.edges.length) { showEdge(p.edges[0]); showTab("details"); }
  });

  // ---- start ---------------------------------------------------------------------------
  var api = {
    network: network, nodes: nodes, edges: edges, data: DATA, state: state,
    apply: apply, select: select, search: search, visible: visible, ready: false,
  };
  window.vnkg = api;
  function ready() {
    if (api.ready) return;
    api.ready = true;
    $("loading").hidden = true;
    document.body.dataset.ready = "true";
  }
  function whenDrawn() { network.once("afterDrawing", ready); network.redraw(); }
  if (DATA.dropped && DATA.dropped.nodes) {
    var d = DATA.dropped;
    $("dropped").textContent = d.nodes + " entities and " + d.edges + " events not shown: " + d.reason +
      (d.examples && d.examples.length ? " (e.g. " + d.examples.join(", ") + ")" : "");
    $("dropped").hidden = false;
  }
  showCounts();
  if (DATA.focus.length) { state.selected = DATA.focus[0]; showNode(DATA.focus[0]); showTimeline(DATA.focus[0]); }
  if (DATA.timeline) showTab("timeline");
  if (DATA.layout === "physics" && DATA.nodes.length > 1) {
    // arrange once, then stop moving: a still picture stays readable and responsive
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      whenDrawn();
    });
  } else {
    whenDrawn();
  }
})();
