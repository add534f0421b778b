// The vnkg graph page. Every text from the data goes through textContent (el()),
// never innerHTML: entity names and evidence sentences come from the news.
// One page, two sources: the graph inlined by kg viz, or (explorer mode)
// fetched piece by piece from kg serve's API; both go through ingest().
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("vnkg-data").textContent);
  var OTHER = { color: "#9c9c9c", shape: "triangleDown" };
  var MAX_TIP_EVENTS = 4, MAX_SOURCES = 5, LABELLED_NODES = 20, EDGE_LABELS_MAX = 300;
  var EXPLORER = DATA.explorer || null;

  // ---- words -----------------------------------------------------------------
  var WORDS = {
    vi: {
      searchHint: "Tìm tên hoặc tên khác, ví dụ Tô Lâm", find: "Tìm", fit: "Vừa khung", expand: "Mở rộng",
      hops: "bước", png: "Ảnh PNG", csv: "Bảng CSV", onlyNeighbours: "Chỉ thực thể đang chọn và các thực thể liền kề",
      isolated: "Hiện {n} thực thể không có liên kết", types: "Loại thực thể", relations: "Quan hệ",
      dates: "Thời gian", from: "từ", until: "đến", all: "Tất cả",
      undatedNote: "Khi chọn ngày, các sự kiện không có ngày bị ẩn.", details: "Chi tiết", timeline: "Dòng thời gian",
      detailsHint: "Bấm vào một nút hoặc một cạnh, hoặc tìm một tên.", menu: "Bảng điều khiển", drawing: "Đang vẽ…",
      counts: "Hiện {n}/{N} thực thể, {e}/{E} liên kết", undated: "không rõ ngày", type: "Loại", also: "Tên khác",
      articles: "{n} bài báo", offices: "Chức vụ", connections: "{n} liên kết", events: "{n} sự kiện",
      reports: "{n} bài đưa tin", confidence: "độ tin cậy {c}", caption: "chú thích ảnh",
      more: "+{n} bài khác", moreTip: "+{n} sự kiện khác: bấm vào cạnh", noEvent: "Không có sự kiện nào trong bộ lọc hiện tại.",
      timelineOf: "Dòng thời gian: {x}", timelineAll: "Dòng thời gian: mọi sự kiện đang hiện",
      dropped: "{n} thực thể và {e} sự kiện không hiện: {r}", example: "ví dụ", article: "bài",
      unknownType: "chưa rõ", loading: "Đang tải…", failed: "Không tải được: {x}", noHit: "Không tìm thấy.",
      planned: "dự kiến", ongoing: "đang diễn ra", negated: "không diễn ra",
      related: "liên quan",
      csvHead: ["chủ thể", "quan hệ", "đối tượng", "ngày", "hình thức", "câu", "bài báo", "tiêu đề", "đường dẫn"],
    },
    en: {
      searchHint: "Find a name or alias, e.g. Tô Lâm", find: "Find", fit: "Fit", expand: "Expand",
      hops: "hops", png: "PNG image", csv: "CSV rows", onlyNeighbours: "Only the selected entity and its neighbours",
      isolated: "Show {n} unconnected entities", types: "Entity types", relations: "Relations",
      dates: "Dates", from: "from", until: "until", all: "All",
      undatedNote: "With a date set, undated events are hidden.", details: "Details", timeline: "Timeline",
      detailsHint: "Click a node or an edge, or find a name.", menu: "Panel", drawing: "Drawing…",
      counts: "{n} of {N} entities, {e} of {E} connections shown", undated: "undated", type: "Type", also: "Also",
      articles: "{n} articles", offices: "Offices", connections: "{n} connections", events: "{n} events",
      reports: "{n} reports", confidence: "confidence {c}", caption: "photo caption",
      more: "+{n} more reports", moreTip: "+{n} more: click the edge", noEvent: "No event in the current filters.",
      timelineOf: "Timeline: {x}", timelineAll: "Timeline: every event shown",
      dropped: "{n} entities and {e} events not shown: {r}", example: "e.g.", article: "article",
      unknownType: "unknown", loading: "Loading…", failed: "Could not load: {x}", noHit: "Nothing found.",
      planned: "planned", ongoing: "ongoing", negated: "did not happen",
      related: "related",
      csvHead: ["subject", "relation", "object", "date", "protocol kind", "sentence", "article", "title", "url"],
    },
  };
  // the names of entity types and relations come with the data (kg.model's table)
  Object.keys(DATA.labels || {}).forEach(function (l) {
    if (WORDS[l]) Object.keys(DATA.labels[l]).forEach(function (k) { WORDS[l][k] = DATA.labels[l][k]; });
  });
  var lang = "vi";
  function t(key, args) {
    var s = WORDS[lang][key];
    if (s === undefined) s = WORDS.en[key] !== undefined ? WORDS.en[key] : key;
    return String(s).replace(/\{(\w)\}/g, function (_, k) { return args && args[k] !== undefined ? args[k] : ""; });
  }

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
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  var FONT = dark ? "#e6e6e6" : "#222222", FADED = dark ? "rgba(230,230,230,0.25)" : "rgba(34,34,34,0.25)";
  var HALO = dark ? "#1c1d1f" : "#ffffff";

  // ---- the graph as the page holds it; ingest() adds to it ----------------------
  var graph = { nodes: [], edges: [], articles: {}, layout: DATA.layout, focus: DATA.focus, explorer: EXPLORER };
  var nodeById = new Map(), nodeByIri = new Map(), edgeById = new Map(), edgeByKey = new Map(), incident = new Map();
  var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  var shown = { nodes: new Map(), edges: new Map() };

  function edgeColor(relation) { return DATA.relations[relation] || "#888"; }
  function ingest(data) {
    // ids of `data` are its own; here every node is known by its IRI
    var local = new Map(), newNodes = [], newEdges = [], changedEdges = [];
    data.nodes.forEach(function (n) {
      var known = nodeByIri.get(n.iri);
      if (known) {
        if (known.partial && !n.partial) {  // the details asked for when it was selected
          known.offices = n.offices; known.articles = n.articles; known.aliases = n.aliases;
          known.folded = [fold(known.label)].concat(known.aliases.map(fold));
          delete known.partial;
        }
        local.set(n.id, known.id);
        return;
      }
      var node = Object.assign({}, n, { id: graph.nodes.length });
      node.folded = [fold(node.label)].concat(node.aliases.map(fold));
      graph.nodes.push(node); nodeById.set(node.id, node); nodeByIri.set(node.iri, node); incident.set(node.id, []);
      local.set(n.id, node.id);
      var st = styleOf(node.type);
      var item = { id: node.id, label: node.label, shape: st.shape, color: st.color, value: node.degree + 1,
                   hidden: true, font: { size: 14 } };
      if (node.x !== undefined) { item.x = node.x; item.y = node.y; }
      shown.nodes.set(node.id, { hidden: true });
      newNodes.push(item);
    });
    Object.keys(data.relations || {}).forEach(function (r) { if (!DATA.relations[r]) DATA.relations[r] = data.relations[r]; });
    Object.keys(data.types || {}).forEach(function (k) { if (!DATA.types[k]) DATA.types[k] = data.types[k]; });
    Object.assign(graph.articles, data.articles || {});
    data.edges.forEach(function (e) {
      var a = local.get(e.from), b = local.get(e.to);
      var key = Math.min(a, b) + "|" + Math.max(a, b) + "|" + e.relation;
      var edge = edgeByKey.get(key);
      var events = e.events.map(function (ev) { return Object.assign({}, ev, { from: local.get(ev.from), to: local.get(ev.to) }); });
      if (edge) {
        var seen = new Set(edge.events.map(function (ev) { return ev.event + "|" + ev.from + "|" + ev.to; }));
        events.forEach(function (ev) { if (!seen.has(ev.event + "|" + ev.from + "|" + ev.to)) edge.events.push(ev); });
        changedEdges.push(edge);
        return;
      }
      edge = { id: graph.edges.length, from: a, to: b, relation: e.relation, arrows: e.arrows, bend: e.bend, events: events };
      graph.edges.push(edge); edgeById.set(edge.id, edge); edgeByKey.set(key, edge);
      incident.get(a).push(edge);
      if (b !== a) incident.get(b).push(edge);
      shown.edges.set(edge.id, { hidden: true, label: "" });
      newEdges.push({ id: edge.id, from: a, to: b, label: "", arrows: edge.arrows, color: { color: edgeColor(edge.relation) },
                      width: Math.min(1 + Math.log2(events.length), 5), hidden: true,
                      smooth: edge.bend ? { enabled: true, type: edge.bend % 2 ? "curvedCW" : "curvedCCW",
                                            roundness: 0.25 * Math.ceil(edge.bend / 2) } : false });
    });
    if (newNodes.length) nodes.add(newNodes);
    if (newEdges.length) edges.add(newEdges);
    return local;
  }

  var state = {
    types: new Set(Object.keys(DATA.types)), relations: new Set(Object.keys(DATA.relations)),
    since: "", until: "", selected: null, onlyNeighbours: false, showIsolated: false,
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
  function relationName(relation) { return t(relation); }
  function edgeLabel(edge, events) {
    var kinds = new Set(events.map(function (ev) { return ev.kind; }));
    var kind = kinds.size === 1 ? events[0].kind : "";
    var label = lang === "vi" && kind ? kind : relationName(edge.relation) + (kind ? " (" + kind + ")" : "");
    if (events.length > 1) label += " ×" + events.length;
    var dates = events.map(function (ev) { return ev.date; }).filter(Boolean).sort();
    if (dates.length && dates[0] === dates[dates.length - 1]) label += "\n" + dates[0];
    else if (dates.length > 1) label += "\n" + dates[0] + " – " + dates[dates.length - 1];
    return label;
  }

  var container = $("graph");
  var options = DATA.options;
  options.nodes.font = Object.assign({}, options.nodes.font, { color: FONT, strokeWidth: 3, strokeColor: HALO });
  options.edges.font = Object.assign({}, options.edges.font, { color: FONT, strokeColor: HALO });
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  // ---- filters -----------------------------------------------------------------
  function neighboursOf(id) {
    var keep = new Set([id]);
    incident.get(id).forEach(function (e) {
      if (!shown.edges.get(e.id).hidden) { keep.add(e.from); keep.add(e.to); }
    });
    return keep;
  }
  function neighbourhood() {
    if (!state.onlyNeighbours || state.selected === null) return null;
    var keep = new Set([state.selected]);
    incident.get(state.selected).forEach(function (e) {
      if (visibleEvents(e).length) { keep.add(e.from); keep.add(e.to); }
    });
    return keep;
  }
  var liveDegree = new Map(), labelledNodes = new Set(), edgeLabelsOn = true;
  function apply(refit) {
    var keep = neighbourhood();
    var edgeUpdates = [], nodeUpdates = [];
    liveDegree = new Map();
    var nodeOn = function (n) { return state.types.has(n.type) && (!keep || keep.has(n.id)); };
    var visibleEdges = 0;
    graph.edges.forEach(function (e) {
      var events = visibleEvents(e);
      var hidden = !events.length || !nodeOn(nodeById.get(e.from)) || !nodeOn(nodeById.get(e.to));
      if (!hidden) {
        visibleEdges++;
        liveDegree.set(e.from, (liveDegree.get(e.from) || 0) + 1);
        liveDegree.set(e.to, (liveDegree.get(e.to) || 0) + 1);
      }
      e.live = events;
    });
    edgeLabelsOn = visibleEdges <= EDGE_LABELS_MAX || network.getScale() > 1.5;
    graph.edges.forEach(function (e) {
      var hidden = !e.live.length || !nodeOn(nodeById.get(e.from)) || !nodeOn(nodeById.get(e.to));
      var label = hidden || !edgeLabelsOn ? "" : edgeLabel(e, e.live);
      var before = shown.edges.get(e.id);
      if (before.hidden !== hidden || before.label !== label) {
        shown.edges.set(e.id, { hidden: hidden, label: label });
        edgeUpdates.push({ id: e.id, hidden: hidden, label: label });
      }
    });
    var filtering = state.since || state.until || state.relations.size < Object.keys(DATA.relations).length;
    var ranked = graph.nodes.filter(function (n) { return liveDegree.get(n.id); })
      .sort(function (a, b) { return (liveDegree.get(b.id) || 0) - (liveDegree.get(a.id) || 0); });
    labelledNodes = new Set(ranked.slice(0, LABELLED_NODES).map(function (n) { return n.id; }));
    graph.nodes.forEach(function (n) {
      var degree = liveDegree.get(n.id) || 0;
      // an entity with no shown event is hidden (a selected one excepted), unless it has no event
      // at all and the unconnected are asked for
      var hidden = !nodeOn(n) || (!degree && n.id !== state.selected && (n.degree > 0 || !state.showIsolated || filtering));
      var before = shown.nodes.get(n.id);
      if (before.hidden !== hidden || before.value !== degree + 1) {
        shown.nodes.set(n.id, { hidden: hidden, value: degree + 1 });
        nodeUpdates.push({ id: n.id, hidden: hidden, value: degree + 1 });
      }
    });
    edgeUpdates.forEach(function (u) { queue("edges", u); });
    nodeUpdates.forEach(function (u) { queue("nodes", u); });
    dim();
    showCounts();
    if (state.selected !== null) showNode(state.selected);
    showTimeline(state.selected);
    if (refit) fitShown();
    sizeLabels();
    flush();
    saveHash();
  }
  // every change of one interaction goes to vis-network in one update per DataSet:
  // each update call redraws, and on a thousand nodes a redraw costs a few hundred ms
  var changes = { nodes: new Map(), edges: new Map() };
  function queue(kind, item) {
    var before = changes[kind].get(item.id);
    if (!before) { changes[kind].set(item.id, item); return; }
    Object.keys(item).forEach(function (k) {
      var a = before[k], b = item[k];
      before[k] = a && b && typeof a === "object" && typeof b === "object" ? Object.assign({}, a, b) : b;
    });
  }
  function flush() {
    if (changes.edges.size) edges.update(Array.from(changes.edges.values()));
    if (changes.nodes.size) nodes.update(Array.from(changes.nodes.values()));
    changes = { nodes: new Map(), edges: new Map() };
  }
  function isolatedCount() {
    var n = 0;
    graph.nodes.forEach(function (node) { if (state.types.has(node.type) && !node.degree) n++; });
    return n;
  }
  // the biggest nodes keep a readable label at the current zoom
  function sizeLabels() {
    var scale = network.getScale() || 1;
    graph.nodes.forEach(function (n) {
      var size = labelledNodes.has(n.id) ? Math.max(14, Math.min(60, 12 / scale)) : 14;
      if (n.fontSize !== size) { n.fontSize = size; queue("nodes", { id: n.id, font: { size: size } }); }
    });
  }
  // fit the nodes about to be shown, before the update that shows them goes out
  function fitShown() {
    var ids = [];
    shown.nodes.forEach(function (s, id) { if (!s.hidden) ids.push(id); });
    if (ids.length) network.fit({ nodes: ids, animation: false });
  }
  function fit() { fitShown(); sizeLabels(); flush(); }
  // a selection fades every item but the selected node, its neighbours and its edges
  var faded = { nodes: new Map(), edges: new Map() };
  function dim() {
    var keep = state.selected !== null ? neighboursOf(state.selected) : null;
    graph.nodes.forEach(function (n) {
      var off = !!keep && !keep.has(n.id);
      if ((faded.nodes.get(n.id) || false) === off) return;
      faded.nodes.set(n.id, off);
      queue("nodes", { id: n.id, opacity: off ? 0.15 : 1, font: { color: off ? FADED : FONT } });
    });
    graph.edges.forEach(function (e) {
      var off = !!keep && e.from !== state.selected && e.to !== state.selected;
      if ((faded.edges.get(e.id) || false) === off) return;
      faded.edges.set(e.id, off);
      queue("edges", { id: e.id, color: { color: edgeColor(e.relation), opacity: off ? 0.08 : 1 },
                       font: { color: off ? "rgba(0,0,0,0)" : FONT, strokeColor: off ? "rgba(0,0,0,0)" : HALO } });
    });
  }
  function visible() {
    var n = 0, e = 0;
    shown.nodes.forEach(function (s) { if (!s.hidden) n++; });
    shown.edges.forEach(function (s) { if (!s.hidden) e++; });
    return { nodes: n, edges: e };
  }
  function showCounts() {
    var v = visible();
    $("counts").textContent = t("counts", { n: v.nodes, N: graph.nodes.length, e: v.edges, E: graph.edges.length });
    $("isolated-label").textContent = t("isolated", { n: isolatedCount() });
  }

  // ---- legend and toggles ----------------------------------------------------------
  function toggle(parent, name, text, color, cls, set) {
    var label = el("label", null, "row");
    var box = el("input");
    box.type = "checkbox"; box.checked = set.has(name); box.dataset.name = name;
    box.addEventListener("change", function () {
      if (box.checked) set.add(name); else set.delete(name);
      apply(true);
    });
    var swatch = el("span", null, "swatch " + cls);
    swatch.style.background = color;
    label.appendChild(box); label.appendChild(swatch); label.appendChild(el("span", text));
    parent.appendChild(label);
  }
  function legend() {
    clear($("types")); clear($("relations"));
    Object.keys(DATA.types).forEach(function (k) {
      var st = DATA.types[k];
      toggle($("types"), k, k ? t(k) : "(" + t("unknownType") + ")", st.color, st.shape, state.types);
    });
    Object.keys(DATA.relations).forEach(function (r) {
      toggle($("relations"), r, relationName(r), DATA.relations[r], "line", state.relations);
    });
  }
  function years() {
    var box = $("years"), found = new Set();
    clear(box);
    graph.edges.forEach(function (e) { e.events.forEach(function (ev) { if (ev.date) found.add(ev.date.slice(0, 4)); }); });
    var all = el("button", t("all")); all.type = "button"; all.dataset.year = "";
    box.appendChild(all);
    Array.from(found).sort().forEach(function (y) {
      var b = el("button", y); b.type = "button"; b.dataset.year = y; box.appendChild(b);
    });
    Array.from(box.children).forEach(function (b) {
      var y = b.dataset.year;
      b.classList.toggle("on", y ? state.since === y + "-01-01" && state.until === y + "-12-31" : !state.since && !state.until);
      b.addEventListener("click", function () {
        setDates(y ? y + "-01-01" : "", y ? y + "-12-31" : "");
      });
    });
  }
  function setDates(since, until) {
    state.since = since; state.until = until;
    $("since").value = since; $("until").value = until;
    years();
    apply(true);
  }
  ["since", "until"].forEach(function (id) {
    $(id).addEventListener("change", function () { state[id] = $(id).value; years(); apply(true); });
  });
  $("only-neighbours").addEventListener("change", function () {
    state.onlyNeighbours = $("only-neighbours").checked; apply(true);
  });
  $("show-isolated").addEventListener("change", function () {
    state.showIsolated = $("show-isolated").checked; apply(true);
  });
  $("fit").addEventListener("click", fit);

  // ---- search ------------------------------------------------------------------------
  function search(query) {
    var q = fold(query);
    if (!q) return [];
    var hits = [];
    graph.nodes.forEach(function (n) {
      var rank = n.folded.indexOf(q) >= 0 ? 0
        : n.folded.some(function (f) { return f.indexOf(q) === 0; }) ? 1
        : n.folded.some(function (f) { return f.indexOf(q) >= 0; }) ? 2 : -1;
      if (rank >= 0) hits.push([rank, -n.degree, n]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2].label < b[2].label ? -1 : 1); });
    return hits.slice(0, 30).map(function (h) { return { iri: h[2].iri, label: h[2].label, type: h[2].type }; });
  }
  var hits = [], active = -1;
  function showMatches(found) {
    var list = $("matches");
    clear(list);
    hits = found; active = -1;
    found.forEach(function (h, i) {
      var li = el("li", h.label + " · " + (h.type ? t(h.type) : "?"));
      li.setAttribute("role", "option");
      li.dataset.index = i;
      li.addEventListener("click", function () { open(h.iri); });
      list.appendChild(li);
    });
  }
  function markActive(i) {
    var items = $("matches").children;
    if (!items.length) return;
    active = (i + items.length) % items.length;
    Array.from(items).forEach(function (li, k) { li.classList.toggle("active", k === active); });
    items[active].scrollIntoView({ block: "nearest" });
  }
  var pending = 0;
  function findHits(text, then) {
    if (!EXPLORER) { then(search(text)); return; }
    var ticket = ++pending;
    getJSON("/search?q=" + encodeURIComponent(text), function (list) {
      if (ticket !== pending) return;
      then(list.map(function (h) { return { iri: h.id, label: h.label, type: h.type }; }));
    });
  }
  $("search").addEventListener("input", function () { findHits($("search").value, showMatches); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); markActive(active + 1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); markActive(active - 1); }
  });
  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (active >= 0 && hits[active]) { open(hits[active].iri); return; }
    findHits($("search").value, function (found) {
      showMatches(found);
      if (found.length) open(found[0].iri);
      else $("matches").appendChild(el("li", t("noHit"), "muted"));
    });
  });

  // ---- explorer: the server answers --------------------------------------------------
  function getJSON(path, then) {
    $("loading").textContent = t("loading"); $("loading").hidden = false;
    fetch(EXPLORER.api + path, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status + " " + r.statusText); return r.json(); })
      .then(function (json) { $("loading").hidden = true; then(json); })
      .catch(function (err) { $("loading").textContent = t("failed", { x: err.message }); });
  }
  function load(iri, then) {
    var rel = Array.from(state.relations).join(",");
    var query = "/node?id=" + encodeURIComponent(iri) + "&hops=" + $("hops").value +
      (rel && state.relations.size < Object.keys(DATA.relations).length ? "&rel=" + encodeURIComponent(rel) : "") +
      (state.since ? "&from=" + state.since : "") + (state.until ? "&to=" + state.until : "");
    getJSON(query, function (data) {
      var before = graph.nodes.length;
      ingest(data);
      if (graph.nodes.length !== before) { legend(); years(); }
      if (then) then();
    });
  }
  function open(iri) {
    var n = nodeByIri.get(iri);
    if (n || !EXPLORER) { if (n) select(n.id); return; }
    load(iri, function () { var m = nodeByIri.get(iri); if (m) { apply(false); settle(function () { select(m.id); fit(); }); } });
  }
  // a neighbour comes without its offices and article count (they cost its reports): asked for when selected
  function details(n) {
    if (!EXPLORER || !n.partial || n.asked) return;
    n.asked = true;
    getJSON("/node?id=" + encodeURIComponent(n.iri) + "&hops=0", function (data) {
      ingest(data);
      if (state.selected === n.id) showNode(n.id);
    });
  }
  // events two steps away come without their reports (sentence, article, count): asked for when shown
  function lazyReports(list, redraw) {
    if (!EXPLORER) return;
    var wanted = [];
    list.forEach(function (e) {
      e.events.forEach(function (ev) { if (ev.partial && !ev.asked) { ev.asked = true; wanted.push(ev); } });
    });
    var ids = Array.from(new Set(wanted.map(function (ev) { return ev.event; })));
    for (var i = 0; i < ids.length; i += 100) {
      getJSON("/reports?ids=" + encodeURIComponent(ids.slice(i, i + 100).join(" ")), function (data) {
        Object.assign(graph.articles, data.articles || {});
        wanted.forEach(function (ev) {
          var got = data.events[ev.event];
          if (got) { Object.assign(ev, got); delete ev.partial; }
        });
        redraw();
      });
    }
  }
  $("expand").addEventListener("click", function () {
    if (state.selected === null) return;
    var iri = nodeById.get(state.selected).iri;
    load(iri, function () { apply(false); settle(function () { select(nodeByIri.get(iri).id); fit(); }); });
  });
  if (EXPLORER) { $("expand").hidden = false; $("hops-label").hidden = false; }

  // ---- selection, details and timeline ---------------------------------------------
  function select(id) {
    var n = nodeById.get(id);
    if (!n) return;
    if (!state.types.has(n.type)) {  // a search hit of a hidden type: show its type again
      state.types.add(n.type);
      document.querySelectorAll("#types input").forEach(function (b) { if (b.dataset.name === n.type) b.checked = true; });
    }
    state.selected = id;
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    apply(state.onlyNeighbours);
    network.selectNodes([id]);
    details(n);
    lazyReports(incident.get(id), function () { if (state.selected === id) showNode(id); });
  }
  function unselect() {
    if (state.selected === null) return;
    state.selected = null;
    panelEdge = null;
    network.unselectAll();
    clear($("details"));
    $("details").appendChild(el("p", t("detailsHint"), "muted"));
    apply(state.onlyNeighbours);
  }
  function link(n) {
    var span = el("span", n.label, "link");
    span.addEventListener("click", function () { select(n.id); });
    return span;
  }
  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }
  function articleLine(id) {
    var meta = graph.articles[id] || {};
    var div = el("div", null, "meta");
    var url = safeUrl(meta.url);
    var name = meta.title || id;
    if (url) {
      var a = el("a", name); a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      div.appendChild(a);
    } else div.appendChild(document.createTextNode(meta.title ? name : t("article") + " " + id));
    var extra = [meta.date, meta.publisher].filter(Boolean);
    if (extra.length) div.appendChild(document.createTextNode(" · " + extra.join(" · ")));
    return div;
  }
  function report(into, sentence, article, confidence, caption) {
    var q = el("blockquote");
    if (caption) q.appendChild(el("span", t("caption"), "badge caption"));
    q.appendChild(document.createTextNode(sentence));
    into.appendChild(q);
    var line = articleLine(article);
    if (confidence !== null && confidence !== undefined) line.appendChild(document.createTextNode(" · " + t("confidence", { c: confidence })));
    into.appendChild(line);
  }
  function eventBlock(ev, withRelation, edge, self) {
    var div = el("div", null, "event");
    var meta = [ev.date || t("undated")];
    if (withRelation) meta.push(relationName(edge.relation));
    if (ev.kind) meta.push(ev.kind);
    if (ev.modality && ev.modality !== "done") meta.push(t(ev.modality));
    if (ev.reports > 1) meta.push(t("reports", { n: ev.reports }));
    var head = el("div", meta.join(" · "), "meta");
    if (self !== undefined) {
      var other = nodeById.get(ev.from === self ? ev.to : ev.from);
      head.appendChild(document.createTextNode(ev.from === self ? " → " : " ← "));
      head.appendChild(link(other));
    }
    div.appendChild(head);
    if (ev.evidence) report(div, ev.evidence, ev.article, ev.confidence, ev.caption);
    var sources = ev.sources || [];
    sources.slice(0, MAX_SOURCES).forEach(function (src) {  // further reports of the same event
      report(div, src.evidence, src.article, src.confidence, src.caption);
    });
    var rest = Math.max(0, (ev.reports || 1) - 1 - Math.min(sources.length, MAX_SOURCES));
    if (rest) div.appendChild(el("div", t("more", { n: rest }), "meta"));
    return div;
  }
  function facts(n, into) {
    into.appendChild(el("div", t("type") + ": " + (n.type ? t(n.type) : t("unknownType")), "meta"));
    if (n.aliases.length) into.appendChild(el("div", t("also") + ": " + n.aliases.join(", "), "meta"));
    if (n.articles) into.appendChild(el("div", t("articles", { n: n.articles }), "meta"));
  }
  function officeText(o) {
    return o.title + (o.org ? ", " + o.org : "") + (o.date ? " (" + o.date + ")" : "");
  }
  function showTab(name) {
    ["details", "timeline"].forEach(function (k) {
      $(k).hidden = k !== name;
      $("tab-" + k).classList.toggle("active", k === name);
    });
  }
  $("tab-details").addEventListener("click", function () { showTab("details"); });
  $("tab-timeline").addEventListener("click", function () {
    showTab("timeline");
    if ($("timeline").dataset.stale) showTimeline(state.selected);
  });

  function showNode(id) {
    var n = nodeById.get(id), panel = $("details");
    panelEdge = null;
    clear(panel);
    panel.appendChild(el("h2", n.label));
    facts(n, panel);
    panel.appendChild(el("div", n.iri, "muted"));
    if (n.offices.length) {
      panel.appendChild(el("h3", t("offices")));
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
      panel.appendChild(el("h3", relationName(relation) + " (" + list.length + ")"));
      list.forEach(function (pair) {
        var e = pair[0], other = nodeById.get(e.from === id ? e.to : e.from);
        var who = el("div");
        who.appendChild(link(other));
        who.appendChild(document.createTextNode(" · " + t("events", { n: pair[1].length })));
        panel.appendChild(who);
        pair[1].forEach(function (ev) { panel.appendChild(eventBlock(ev, false, e)); });
      });
    });
  }
  var panelEdge = null;
  function showEdge(id) {
    var e = edgeById.get(id), panel = $("details");
    panelEdge = id;
    lazyReports([e], function () { if (panelEdge === id) showEdge(id); });
    clear(panel);
    var h = el("h2");
    h.appendChild(link(nodeById.get(e.from)));
    h.appendChild(document.createTextNode(" — " + relationName(e.relation) + " — "));
    h.appendChild(link(nodeById.get(e.to)));
    panel.appendChild(h);
    visibleEvents(e).forEach(function (ev) { panel.appendChild(eventBlock(ev, false, e)); });
  }
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function dayOf(date) {
    var full = date.length < 10 ? date + "-01-01".slice(date.length - 4) : date;
    return Date.parse(full + "T00:00:00Z") / 86400000;
  }
  // the events on a real time axis: a dot per dated event, a tick per year
  function axis(rows) {
    var dated = rows.filter(function (r) { return r[0].date; });
    if (!dated.length) return null;
    var days = dated.map(function (r) { return dayOf(r[0].date); });
    var lo = Math.min.apply(null, days), hi = Math.max.apply(null, days);
    if (hi - lo < 30) { lo -= 15; hi += 15; }
    var width = 300, pad = 10;
    var x = function (d) { return pad + (d - lo) / (hi - lo) * (width - 2 * pad); };
    var box = svg("svg", { id: "axis", viewBox: "0 0 " + width + " 70", preserveAspectRatio: "none" });
    box.appendChild(svg("line", { x1: pad, x2: width - pad, y1: 45, y2: 45 }));
    var y0 = new Date(lo * 86400000).getUTCFullYear(), y1 = new Date(hi * 86400000).getUTCFullYear();
    for (var y = y0; y <= y1 + 1; y++) {
      var d = Date.parse(y + "-01-01T00:00:00Z") / 86400000;
      if (d < lo || d > hi) continue;
      box.appendChild(svg("line", { x1: x(d), x2: x(d), y1: 40, y2: 50 }));
      var label = svg("text", { x: x(d) + 2, y: 62 }); label.textContent = String(y); box.appendChild(label);
    }
    var stack = new Map();
    dated.forEach(function (r, i) {
      var cx = Math.round(x(days[i]));
      var level = stack.get(cx) || 0; stack.set(cx, level + 1);
      var dot = svg("circle", { cx: cx, cy: 36 - 7 * Math.min(level, 4), r: 4, fill: edgeColor(r[1].relation) });
      var title = svg("title", {}); title.textContent = r[0].date + " · " + relationName(r[1].relation);
      dot.appendChild(title);
      dot.addEventListener("click", function () { showEdge(r[1].id); showTab("details"); });
      box.appendChild(dot);
    });
    return box;
  }
  function showTimeline(id) {
    var panel = $("timeline");
    if (panel.hidden) { panel.dataset.stale = "1"; return; }  // drawn when its tab opens
    panel.dataset.stale = "";
    clear(panel);
    var rows = [];
    if (id !== null && id !== undefined) {
      panel.appendChild(el("h2", t("timelineOf", { x: nodeById.get(id).label })));
      incident.get(id).forEach(function (e) { visibleEvents(e).forEach(function (ev) { rows.push([ev, e]); }); });
    } else {
      panel.appendChild(el("h2", t("timelineAll")));
      graph.edges.forEach(function (e) {
        if (!shown.edges.get(e.id).hidden) e.live.forEach(function (ev) { rows.push([ev, e]); });
      });
    }
    rows.sort(function (a, b) {
      var da = a[0].date || "9999", db = b[0].date || "9999";
      return da < db ? -1 : da > db ? 1 : 0;
    });
    if (!rows.length) { panel.appendChild(el("p", t("noEvent"), "muted")); return; }
    var chart = axis(rows);
    if (chart) panel.appendChild(chart);
    rows.slice(0, 300).forEach(function (r) { panel.appendChild(eventBlock(r[0], true, r[1], id === null ? undefined : id)); });
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
    box.appendChild(el("div", t("connections", { n: liveDegree.get(id) || 0 }), "meta"));
    return box;
  }
  function edgeTip(id) {
    var e = edgeById.get(id), box = document.createDocumentFragment();
    var events = visibleEvents(e);
    box.appendChild(el("h4", nodeById.get(e.from).label + " — " + relationName(e.relation) + " — " +
      nodeById.get(e.to).label + (events.length > 1 ? " (×" + events.length + ")" : "")));
    events.slice(0, MAX_TIP_EVENTS).forEach(function (ev) {
      var div = el("div", null, "event");
      var meta = graph.articles[ev.article] || {};
      div.appendChild(el("div", [ev.date || t("undated"), ev.kind, meta.title || ev.article].filter(Boolean).join(" · "), "meta"));
      if (ev.evidence) div.appendChild(el("div", (ev.caption ? "[" + t("caption") + "] " : "") + shorten(ev.evidence, 300)));
      box.appendChild(div);
    });
    if (events.length > MAX_TIP_EVENTS) box.appendChild(el("div", t("moreTip", { n: events.length - MAX_TIP_EVENTS }), "meta"));
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
  var touch = window.matchMedia && window.matchMedia("(hover: none), (max-width: 700px)").matches;
  network.on("hoverNode", function (p) { showTip(nodeTip(p.node), p.pointer.DOM); });
  network.on("hoverEdge", function (p) {
    showTip(edgeTip(p.edge), p.pointer.DOM);
    if (!edgeLabelsOn) edges.update({ id: p.edge, label: edgeLabel(edgeById.get(p.edge), visibleEvents(edgeById.get(p.edge))) });
  });
  network.on("blurNode", hideTip);
  network.on("blurEdge", function (p) { hideTip(); if (!edgeLabelsOn) edges.update({ id: p.edge, label: "" }); });
  network.on("dragStart", hideTip);
  var zoomTimer = null;
  network.on("zoom", function () {
    hideTip();
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(function () {
      var want = visible().edges <= EDGE_LABELS_MAX || network.getScale() > 1.5;
      if (want !== edgeLabelsOn) apply(false);
      sizeLabels(); flush();
    }, 120);
  });
  network.on("click", function (p) {
    if (p.nodes.length) { select(p.nodes[0]); if (touch) showTip(nodeTip(p.nodes[0]), p.pointer.DOM); }
    else if (p.edges.length) {
      showEdge(p.edges[0]); showTab("details");
      if (touch) showTip(edgeTip(p.edges[0]), p.pointer.DOM);
    } else { hideTip(); unselect(); }
  });

  // ---- export of what is shown -----------------------------------------------------------
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not read a cell as a formula
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csv() {
    var lines = [WORDS[lang].csvHead.map(csvCell).join(",")];
    graph.edges.forEach(function (e) {
      if (shown.edges.get(e.id).hidden) return;
      e.live.forEach(function (ev) {
        var meta = graph.articles[ev.article] || {};
        lines.push([nodeById.get(ev.from).label, relationName(e.relation), nodeById.get(ev.to).label, ev.date || "",
                    ev.kind, ev.evidence, ev.article, meta.title || "", safeUrl(meta.url) || ""].map(csvCell).join(","));
      });
    });
    return lines.join("\r\n") + "\r\n";
  }
  function png() {
    var canvas = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width; out.height = canvas.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = dark ? "#1c1d1f" : "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    return out.toDataURL("image/png");
  }
  function download(name, blob) {
    var a = el("a"); a.href = URL.createObjectURL(blob); a.download = name; a.hidden = true;
    document.body.appendChild(a); a.click(); document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }
  $("export-png").addEventListener("click", function () {
    var bytes = atob(png().split(",")[1]), buf = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
    download("vnkg.png", new Blob([buf], { type: "image/png" }));
  });
  $("export-csv").addEventListener("click", function () {
    download("vnkg.csv", new Blob(["\ufeff" + csv()], { type: "text/csv;charset=utf-8" }));
  });

  // ---- the view in the URL hash ------------------------------------------------------------
  var restoring = true;
  function saveHash() {
    if (restoring) return;
    var parts = [];
    if (state.selected !== null) parts.push("sel=" + encodeURIComponent(nodeById.get(state.selected).iri));
    var allTypes = Object.keys(DATA.types), allRel = Object.keys(DATA.relations);
    if (state.types.size < allTypes.length) parts.push("types=" + encodeURIComponent(Array.from(state.types).join(",")));
    if (state.relations.size < allRel.length) parts.push("rel=" + encodeURIComponent(Array.from(state.relations).join(",")));
    if (state.since) parts.push("from=" + state.since);
    if (state.until) parts.push("to=" + state.until);
    if (state.onlyNeighbours) parts.push("nb=1");
    if (state.showIsolated) parts.push("iso=1");
    if (lang !== "vi") parts.push("lang=" + lang);
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== location.hash && !(hash === "" && location.hash === "#")) {
      try {
        history.replaceState(null, "", hash || location.pathname + location.search);
      } catch (err) {
        // a page in a sandboxed frame (a notebook's srcdoc) has no URL of its own to keep the state in
      }
    }
  }
  function readHash() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i > 0) out[part.slice(0, i)] = decodeURIComponent(part.slice(i + 1));
    });
    return out;
  }
  function restore(h) {
    if (h.lang === "en" || h.lang === "vi") lang = h.lang;
    if (h.types !== undefined) state.types = new Set(h.types ? h.types.split(",") : []);
    if (h.rel !== undefined) state.relations = new Set(h.rel ? h.rel.split(",") : []);
    var isDate = function (s) { return /^\d{4}-\d{2}-\d{2}$/.test(s || ""); };
    state.since = isDate(h.from) ? h.from : ""; state.until = isDate(h.to) ? h.to : "";
    $("since").value = state.since; $("until").value = state.until;
    state.onlyNeighbours = h.nb === "1"; $("only-neighbours").checked = state.onlyNeighbours;
    state.showIsolated = h.iso === "1"; $("show-isolated").checked = state.showIsolated;
    return h.sel || null;
  }

  // ---- language -------------------------------------------------------------------------------
  function translate() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll("[data-i18n-ph]").forEach(function (e) { e.placeholder = t(e.dataset.i18nPh); });
    $("lang").textContent = lang === "vi" ? "EN" : "VI";
    legend(); years();
    if (DATA.dropped && DATA.dropped.nodes) {
      var d = DATA.dropped;
      $("dropped").textContent = t("dropped", { n: d.nodes, e: d.edges, r: d.reason }) +
        (d.examples && d.examples.length ? " (" + t("example") + " " + d.examples.join(", ") + ")" : "");
      $("dropped").hidden = false;
    }
  }
  $("lang").addEventListener("click", function () {
    lang = lang === "vi" ? "en" : "vi";
    translate();
    shown.edges.forEach(function (s) { s.label = null; });  // relabel every edge
    apply(false);
    if (state.selected === null) { clear($("details")); $("details").appendChild(el("p", t("detailsHint"), "muted")); }
  });
  $("side-toggle").addEventListener("click", function () {
    document.body.classList.toggle("collapsed");
    hideTip();
    network.redraw();
  });

  // arrange (the new nodes), then stop moving: a still picture stays readable and responsive
  function settle(then) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      then();
    });
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(DATA.options.physics.stabilization ? DATA.options.physics.stabilization.iterations : 200);
  }

  // ---- start ---------------------------------------------------------------------------
  var api = { dim: dim, sizeLabels: sizeLabels,
    network: network, nodes: nodes, edges: edges, data: graph, state: state, options: DATA,
    apply: apply, select: select, unselect: unselect, search: search, visible: visible, fit: fit,
    csv: csv, png: png, open: open, ingest: ingest, ready: false,
    labelled: function () { return Array.from(labelledNodes); },
    lang: function () { return lang; },
  };
  window.vnkg = api;
  function ready() {
    if (api.ready) return;
    sizeLabels(); flush();
    api.ready = true;
    $("loading").hidden = true;
    document.body.dataset.ready = "true";
  }
  function whenDrawn() { network.once("afterDrawing", ready); network.redraw(); }
  if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) document.body.classList.add("collapsed");
  ingest(DATA);
  var wanted = restore(readHash());
  translate();
  apply(false);
  var start = wanted !== null ? nodeByIri.get(wanted) : DATA.focus.length ? nodeById.get(DATA.focus[0]) : null;
  function begin() {
    restoring = false;
    if (start) select(start.id);
    else if (wanted !== null && EXPLORER) open(wanted);
    else fit();
    saveHash();
    whenDrawn();
  }
  if (DATA.timeline) { showTab("timeline"); showTimeline(state.selected); }
  if (DATA.layout === "physics" && graph.nodes.length > 1) settle(begin);
  else begin();
})();
