/* relwork HTML view: search, filters, legend and details panel over a vis-network graph.
 *
 * Every string that comes from the data (titles, names, aliases, evidence) is put on screen with
 * textContent or as a plain-string vis tooltip (which vis-network renders as text): never as HTML.
 * Tests and the benchmark drive the page through window.relwork.
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('rw-data').textContent);
  var GLYPHS = { dot: '\u25CF', diamond: '\u25C6', triangle: '\u25B2', square: '\u25A0', triangleDown: '\u25BC', star: '\u2605' };
  var DIM_OPACITY = 0.15;
  var DIM_EDGE_OPACITY = 0.07;
  var EDGE_OPACITY = 0.75;
  var FONT = '#1f2933';
  var DIM_FONT = '#d5dae1';
  var MAX_PANEL_LINKS = 300;
  var MAX_RESULTS = 15;

  var info = new Map();      // node id -> details (kind, name, year, authors, links, aliases, search, ...)
  var edgeInfo = new Map();  // edge id -> {from, to, type, evidence, cue, field, confidence, surface, via, p2p}
  var baseEdge = new Map();  // edge id -> original colour
  var incident = new Map();  // node id -> [edge ids]
  var kinds = new Map(data.kinds.map(function (k) { return [k.key, k]; }));
  var relations = new Map(data.relations.map(function (r) { return [r.type, r]; }));

  data.nodes.forEach(function (n) {
    var d = n.rw; delete n.rw;
    d.texts = [d.name].concat(d.aliases || [], [d.arxiv_id, d.doi, n.id]).filter(Boolean).map(String);
    d.folded = d.texts.map(unaccent);  // what search compares: accents off ('Café' is found by 'cafe')
    d.search = d.folded.join(' \u0001 ').toLowerCase();
    d.key = unaccent(d.name).toLowerCase();
    info.set(n.id, d);
    incident.set(n.id, []);
    n.title = tooltip(d);
    n.font = { color: FONT };
    n.hidden = false;
  });
  data.edges.forEach(function (e) {
    var d = e.rw; delete e.rw;
    d.from = e.from; d.to = e.to;
    var colour = (relations.get(d.type) || { color: '#607d8b' }).color;
    e.color = { color: colour, highlight: colour, hover: colour, opacity: EDGE_OPACITY };
    edgeInfo.set(e.id, d);
    baseEdge.set(e.id, e.color);
    incident.get(e.from).push(e.id);
    if (e.to !== e.from) incident.get(e.to).push(e.id);
    e.title = edgeTooltip(d);
    e.hidden = false;
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById('rw-graph');
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  var state = {
    kinds: new Set(data.kinds.map(function (k) { return k.key; })),
    relations: new Set(data.relations.map(function (r) { return r.type; })),
    yearMin: null, yearMax: null, undated: true,
    selected: null, dimmedNodes: new Set(), dimmedEdges: new Set(),
    hiddenNodes: new Set(), hiddenEdges: new Set(), offEdges: new Set()
  };
  var years = [];
  info.forEach(function (d) { if (typeof d.year === 'number' && isPaper(d)) years.push(d.year); });  // isPaper: hoisted, below
  var yearLow = years.length ? Math.min.apply(null, years) : null;
  var yearHigh = years.length ? Math.max.apply(null, years) : null;

  var api = {
    ready: false, network: network, nodes: nodes, edges: edges, data: data, state: state, info: info,
    edgeInfo: edgeInfo, search: search, selectNode: selectNode, selectEdge: function (id) { showEdge(id); }, clearSelection: clearSelection,
    applyFilters: applyFilters, setKind: setKind, setRelation: setRelation, setYears: setYears,
    visibleNodeIds: function () { return Array.from(info.keys()).filter(function (id) { return !state.hiddenNodes.has(id); }); },
    visibleEdgeIds: function () { return Array.from(edgeInfo.keys()).filter(function (id) { return !state.hiddenEdges.has(id); }); }
  };
  window.relwork = api;

  // ---------------------------------------------------------------------------------------------
  // text helpers (all data goes through textContent)
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function kindLabel(key) { var k = kinds.get(key); return k ? k.label : key; }
  function tooltip(d) {
    var head = kindLabel(d.kind) + (d.year ? ' \u00B7 ' + d.year : '') + ' \u00B7 ' + d.degree + ' link' + (d.degree === 1 ? '' : 's');
    return head + '\n' + d.name;
  }
  function edgeTooltip(d) {
    var rel = relations.get(d.type);
    var text = (rel ? rel.label : d.type) + (d.via ? ' (via ' + d.via + ')' : '');
    if (d.evidence) text += '\n\u201C' + d.evidence + '\u201D';
    return text;
  }
  function safeUrl(url) { return /^https?:\/\//i.test(url) ? url : null; }

  // ---------------------------------------------------------------------------------------------
  // legend + filters
  function legendRow(parent, glyph, label, count, checked, onChange) {
    var row = el('label');
    var box = el('input'); box.type = 'checkbox'; box.checked = checked;
    box.addEventListener('change', function () { onChange(box.checked); });
    row.appendChild(box);
    row.appendChild(glyph);
    row.appendChild(el('span', null, label));
    row.appendChild(el('span', 'rw-count', count));
    parent.appendChild(row);
    return box;
  }
  var kindBoxes = new Map();
  var relationBoxes = new Map();
  data.kinds.forEach(function (k) {
    var glyph = el('span', 'rw-glyph', GLYPHS[k.shape] || '\u25CF');
    glyph.style.color = k.color;
    kindBoxes.set(k.key, legendRow(document.getElementById('rw-kinds'), glyph, k.label, k.count, true,
      function (on) { setKind(k.key, on); }));
  });
  data.relations.forEach(function (r) {
    var line = el('span', 'rw-line');
    line.style.borderTopColor = r.color;
    if (r.type === 'DERIVED_FROM') line.style.borderTopStyle = 'dotted';
    // paper -> method (or method -> method) links, then the dashed paper -> paper ones: `relwork build` prints
    // the two as "edges" and "citations", and the page must not show their sum as one number
    var between = r.between_papers || 0;
    var count = between ? (r.count - between) + ' \u00B7 ' + between : r.count;
    var box = legendRow(document.getElementById('rw-relations'), line, r.label, count, true,
      function (on) { setRelation(r.type, on); });
    if (between) box.parentNode.title = (r.count - between) + ' ' + r.label + ' links to methods, and ' + between +
      ' dashed paper \u2192 paper links through a method one of the two papers introduced';
    relationBoxes.set(r.type, box);
  });
  var yearMinInput = document.getElementById('rw-year-min');
  var yearMaxInput = document.getElementById('rw-year-max');
  var undatedInput = document.getElementById('rw-undated');
  if (yearLow !== null) {
    yearMinInput.placeholder = yearMinInput.min = yearMaxInput.min = yearLow;
    yearMaxInput.placeholder = yearMinInput.max = yearMaxInput.max = yearHigh;
  }
  function readYears() {
    var low = parseInt(yearMinInput.value, 10), high = parseInt(yearMaxInput.value, 10);
    setYears(isNaN(low) ? null : low, isNaN(high) ? null : high, undatedInput.checked);
  }
  yearMinInput.addEventListener('change', readYears);
  yearMaxInput.addEventListener('change', readYears);
  undatedInput.addEventListener('change', readYears);
  document.getElementById('rw-reset').addEventListener('click', function () {
    state.kinds = new Set(kinds.keys()); state.relations = new Set(relations.keys());
    kindBoxes.forEach(function (b) { b.checked = true; });
    relationBoxes.forEach(function (b) { b.checked = true; });
    yearMinInput.value = ''; yearMaxInput.value = ''; undatedInput.checked = true;
    setYears(null, null, true);
  });

  function setKind(key, on) { if (on) state.kinds.add(key); else state.kinds.delete(key); syncBox(kindBoxes, key, on); applyFilters(); }
  function setRelation(type, on) { if (on) state.relations.add(type); else state.relations.delete(type); syncBox(relationBoxes, type, on); applyFilters(); }
  function setYears(low, high, undated) {
    state.yearMin = low; state.yearMax = high; state.undated = undated !== false;
    yearMinInput.value = low === null ? '' : low; yearMaxInput.value = high === null ? '' : high;
    undatedInput.checked = state.undated;
    applyFilters();
  }
  function syncBox(boxes, key, on) { var b = boxes.get(key); if (b) b.checked = on; }

  function isPaper(d) { return d.kind === 'paper' || d.kind === 'external'; }
  function outsideYears(d) {
    if (typeof d.year !== 'number') return !state.undated;
    return (state.yearMin !== null && d.year < state.yearMin) || (state.yearMax !== null && d.year > state.yearMax);
  }

  /** The nodes the filters hide. The year range is about papers (a method's year is when it was introduced,
   *  not when a paper used it): a paper outside it is hidden, and a method stays while a visible paper links
   *  it, so "papers of 2019-2020" shows those papers with what they build on, compare to and mention. */
  function hiddenNodeSet() {
    var hidden = new Set();
    var byYear = state.yearMin !== null || state.yearMax !== null || !state.undated;
    info.forEach(function (d, id) {
      if (!state.kinds.has(d.kind) || (byYear && isPaper(d) && outsideYears(d))) hidden.add(id);
    });
    if (!byYear) return hidden;
    info.forEach(function (d, id) {
      if (isPaper(d) || hidden.has(id)) return;
      var linked = incident.get(id).some(function (edge) {
        var e = edgeInfo.get(edge), other = e.from === id ? e.to : e.from;
        return isPaper(info.get(other)) && !hidden.has(other);
      });
      if (!linked) hidden.add(id);
    });
    return hidden;
  }

  /** Hide nodes outside the kind/year filters and edges of unticked relations; vis-network itself leaves
   *  out the edges of hidden nodes. Only items whose state changes are touched. */
  function applyFilters() {
    var nodeChanges = [], edgeChanges = [];
    var hiddenNodes = hiddenNodeSet();
    info.forEach(function (d, id) {
      var hide = hiddenNodes.has(id);
      if (hide !== state.hiddenNodes.has(id)) nodeChanges.push([id, hide]);
    });
    var hiddenEdges = new Set(), offEdges = new Set();
    edgeInfo.forEach(function (d, id) {
      var off = !state.relations.has(d.type);
      if (off) offEdges.add(id);
      if (off || hiddenNodes.has(d.from) || hiddenNodes.has(d.to)) hiddenEdges.add(id);
      if (off !== state.offEdges.has(id)) edgeChanges.push([id, off]);
    });
    state.hiddenNodes = hiddenNodes; state.hiddenEdges = hiddenEdges; state.offEdges = offEdges;
    setHidden(nodeChanges, edgeChanges);
    updateCounts();
    if (state.selected !== null) renderPanel(state.selected);
  }

  function updateCounts() {
    var shownNodes = info.size - state.hiddenNodes.size, shownEdges = edgeInfo.size - state.hiddenEdges.size;
    var text = shownNodes + ' of ' + info.size + ' nodes \u00B7 ' + shownEdges + ' of ' + edgeInfo.size + ' links';
    document.getElementById('rw-counts').textContent = text;
  }
  var meta = data.meta;
  var notes = [];
  if (meta.total_nodes > meta.nodes) notes.push('Showing ' + meta.nodes + ' of the graph\u2019s ' + meta.total_nodes + ' nodes' + (meta.max_nodes ? ' (the ' + meta.max_nodes + ' most connected)' : '') + '.');
  if (meta.focus && info.has(meta.focus)) notes.push('Around \u201C' + info.get(meta.focus).name + '\u201D, ' + meta.depth + ' link' + (meta.depth === 1 ? '' : 's') + ' deep.');
  if (!meta.physics) notes.push('Layout computed in advance; drag nodes to rearrange.');
  document.getElementById('rw-info').textContent = notes.join(' ');

  // ---------------------------------------------------------------------------------------------
  // search
  var searchInput = document.getElementById('rw-search');
  var resultList = document.getElementById('rw-results');
  var results = [], active = -1;

  /** ``text`` without accents and other combining marks (NFD, marks dropped): 'Café' -> 'Cafe', 'Gröbner' ->
   *  'Grobner'. The page folds its names and the query alike, as the command line ignores accents. */
  function unaccent(text) { return String(text).normalize('NFD').replace(/\p{M}/gu, ''); }

  var LETTER = /[\p{L}\p{N}]/u, LOWER = /[\p{Ll}\p{N}]/u, UPPER = /\p{Lu}/u;
  /** Whether lower-case ``q`` starts a word of ``text``: at its start, after a character that is no letter or
   *  digit ('IC-Mamba', 'Transformers are SSMs'), or at a capital after a small letter ('FlashAttention'). */
  function atWordStart(text, q) {
    var lower = text.toLowerCase();
    for (var i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + 1)) {
      var before = text.charAt(i - 1);
      if (i === 0 || !LETTER.test(before) || (LOWER.test(before) && UPPER.test(text.charAt(i)))) return true;
    }
    return false;
  }

  /** Node ids matching ``query`` best first: exact name, exact alias/id, name prefix, a word start in the name,
   *  an alias or id. Matches inside a word ('SSM' in 'Assessment', 'RSSM') are listed only when nothing
   *  matches at a word start. */
  function search(query) {
    var q = unaccent(String(query || '').trim()).toLowerCase();
    if (!q) return [];
    var scored = [], best = 4;
    info.forEach(function (d, id) {
      var name = d.key;
      var rank;
      if (d.search.indexOf(q) < 0) return;
      if (name === q) rank = 0;
      else if (d.search.split(' \u0001 ').indexOf(q) >= 0) rank = 1;
      else if (name.indexOf(q) === 0) rank = 2;
      else if (d.folded.some(function (t) { return atWordStart(t, q); })) rank = 3;
      else rank = 4;
      best = Math.min(best, rank);
      scored.push([rank, -d.degree, d.name, id]);
    });
    if (best < 4) scored = scored.filter(function (s) { return s[0] < 4; });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    return scored.map(function (s) { return s[3]; });
  }
  function showResults() {
    results = search(searchInput.value).slice(0, MAX_RESULTS);
    active = results.length ? 0 : -1;
    resultList.textContent = '';
    if (!searchInput.value.trim()) { resultList.hidden = true; return; }
    if (!results.length) { resultList.appendChild(el('li', 'rw-empty', 'No match')); }
    results.forEach(function (id, i) {
      var d = info.get(id);
      var item = el('li');
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', i === active ? 'true' : 'false');
      var glyph = el('span', 'rw-glyph', GLYPHS[kinds.get(d.kind).shape] || '\u25CF');
      glyph.style.color = kinds.get(d.kind).color;
      item.appendChild(glyph);
      item.appendChild(el('span', 'rw-result-name', d.name));
      item.appendChild(el('span', 'rw-result-kind', kindLabel(d.kind) + (d.year ? ' \u00B7 ' + d.year : '') +
        (state.hiddenNodes.has(id) ? ' \u00B7 hidden by filters' : '')));
      item.addEventListener('mousedown', function (ev) { ev.preventDefault(); pick(id); });
      resultList.appendChild(item);
    });
    resultList.hidden = false;
  }
  function markActive() {
    Array.prototype.forEach.call(resultList.children, function (li, i) { li.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
    if (resultList.children[active]) resultList.children[active].scrollIntoView({ block: 'nearest' });
  }
  function pick(id) {
    resultList.hidden = true;
    searchInput.value = info.get(id).name;
    selectNode(id, true);
  }
  searchInput.addEventListener('input', showResults);
  searchInput.addEventListener('focus', function () { if (searchInput.value.trim()) showResults(); });
  searchInput.addEventListener('blur', function () { resultList.hidden = true; });
  searchInput.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' && results.length) { active = (active + 1) % results.length; markActive(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' && results.length) { active = (active - 1 + results.length) % results.length; markActive(); ev.preventDefault(); }
    else if (ev.key === 'Enter') { if (!results.length) showResults(); if (results.length) pick(results[Math.max(active, 0)]); ev.preventDefault(); }
    else if (ev.key === 'Escape') { resultList.hidden = true; }
  });

  // ---------------------------------------------------------------------------------------------
  // selection: neighbours highlighted, others dimmed, details in the side panel
  function neighbourhood(id) {
    var keepNodes = new Set([id]), keepEdges = new Set();
    incident.get(id).forEach(function (eid) {
      var d = edgeInfo.get(eid);
      keepEdges.add(eid); keepNodes.add(d.from); keepNodes.add(d.to);
    });
    return { nodes: keepNodes, edges: keepEdges };
  }
  function dim(keep) {
    var nodeChanges = [], edgeChanges = [];
    var dimNodes = new Set(), dimEdges = new Set();
    info.forEach(function (d, id) {
      var off = keep !== null && !keep.nodes.has(id);
      if (off) dimNodes.add(id);
      if (off !== state.dimmedNodes.has(id)) nodeChanges.push([id, off]);
    });
    edgeInfo.forEach(function (d, id) {
      var off = keep !== null && !keep.edges.has(id);
      if (off) dimEdges.add(id);
      if (off !== state.dimmedEdges.has(id)) edgeChanges.push([id, off]);
    });
    state.dimmedNodes = dimNodes; state.dimmedEdges = dimEdges;
    setDimmed(nodeChanges, edgeChanges);
  }

  // ---------------------------------------------------------------------------------------------
  // changing many nodes at once. Going through the DataSets costs ~0.3 ms per item in vis-network 9
  // (every item re-parses its options): seconds for a 5,000-node graph. When the network's own node and
  // edge objects are reachable (vis-network 9.x), the few drawing options involved (hidden, opacity,
  // colour opacity, label colour) are set on them directly and the view is refreshed once; otherwise
  // (another vis-network version, or window.relworkDataSetUpdates set, as a test does) the DataSets are used.
  var body = network.body;
  var direct = !window.relworkDataSetUpdates && !!(body && body.nodes && body.edges && body.emitter && data.nodes.every(function (n) {
    var item = body.nodes[n.id];
    return item && item.options && 'hidden' in item.options && item.labelModule && item.labelModule.fontOptions &&
      'labelDirty' in item.labelModule;
  }) && data.edges.every(function (e) {
    var item = body.edges[e.id];
    return item && item.options && item.options.color && 'opacity' in item.options.color;
  }));
  api.directUpdates = direct;
  function setHidden(nodeChanges, edgeChanges) {
    if (!nodeChanges.length && !edgeChanges.length) return;
    if (direct) {
      nodeChanges.forEach(function (c) { body.nodes[c[0]].options.hidden = c[1]; });
      edgeChanges.forEach(function (c) { body.edges[c[0]].options.hidden = c[1]; });
      body.emitter.emit('_dataChanged');
      body.emitter.emit('_requestRedraw');  // one frame for all changes, drawn when the browser is ready
    } else {
      if (nodeChanges.length) nodes.update(nodeChanges.map(function (c) { return { id: c[0], hidden: c[1] }; }));
      if (edgeChanges.length) edges.update(edgeChanges.map(function (c) { return { id: c[0], hidden: c[1] }; }));
    }
  }
  function setDimmed(nodeChanges, edgeChanges) {
    if (!nodeChanges.length && !edgeChanges.length) return;
    if (direct) {
      nodeChanges.forEach(function (c) {
        var item = body.nodes[c[0]];
        item.options.opacity = c[1] ? DIM_OPACITY : 1;
        item.labelModule.fontOptions.color = c[1] ? DIM_FONT : FONT;
        item.labelModule.labelDirty = true;  // the label caches its coloured text blocks
      });
      edgeChanges.forEach(function (c) { body.edges[c[0]].options.color.opacity = c[1] ? DIM_EDGE_OPACITY : EDGE_OPACITY; });
      body.emitter.emit('_requestRedraw');
    } else {
      if (nodeChanges.length) nodes.update(nodeChanges.map(function (c) {
        return { id: c[0], opacity: c[1] ? DIM_OPACITY : 1, font: { color: c[1] ? DIM_FONT : FONT } };
      }));
      if (edgeChanges.length) edges.update(edgeChanges.map(function (c) {
        var colour = Object.assign({}, baseEdge.get(c[0]), { opacity: c[1] ? DIM_EDGE_OPACITY : EDGE_OPACITY });
        return { id: c[0], color: colour };
      }));
    }
  }

  /** Select node ``id``: highlight it and its neighbours, show its details; ``focus`` moves the view to it. */
  function selectNode(id, focus) {
    if (!info.has(id)) return false;
    state.selected = id;
    dim(neighbourhood(id));
    network.selectNodes([id], true);
    renderPanel(id);
    if (focus) {
      var scale = Math.max(network.getScale(), 1.0);
      network.focus(id, { scale: scale, animation: info.size > 2000 ? false : { duration: 350, easingFunction: 'easeInOutQuad' } });
    }
    return true;
  }
  function clearSelection() {
    state.selected = null;
    dim(null);
    network.unselectAll();
    document.getElementById('rw-panel').hidden = true;
  }
  function showEdge(eid) {
    var d = edgeInfo.get(eid);
    if (!d) return;
    d.id = eid;
    state.selected = null;
    dim({ nodes: new Set([d.from, d.to]), edges: new Set([eid]) });
    var box = document.getElementById('rw-details');
    box.textContent = '';
    box.appendChild(el('h2', null, (relations.get(d.type) || { label: d.type }).label));
    box.appendChild(linkItem(d, d.from, d.to, 'both', 'div'));
    document.getElementById('rw-panel').hidden = false;
  }

  function relBadge(type) {
    var rel = relations.get(type);
    var badge = el('span', 'rw-rel', rel ? rel.label : type);
    badge.style.background = rel ? rel.color : '#607d8b';
    return badge;
  }
  function nodeButton(id) {
    var button = el('button', 'rw-node-link', info.get(id).name);
    button.type = 'button';
    button.addEventListener('click', function () { selectNode(id, true); });
    return button;
  }
  /** One link: ``shown`` is 'to' (outgoing list: relation + target), 'from' (incoming list: relation +
   *  source) or 'both' (a clicked edge: source, relation, target). */
  function linkItem(d, from, to, shown, tag) {
    var item = el(tag || 'li');
    if (shown === 'both') { item.appendChild(nodeButton(from)); item.appendChild(document.createTextNode(' ')); }
    item.appendChild(relBadge(d.type));
    if (shown === 'from') item.appendChild(el('span', 'rw-small', 'from '));
    item.appendChild(nodeButton(shown === 'from' ? from : to));
    if (d.evidence) item.appendChild(el('blockquote', 'rw-evidence', d.evidence));
    var extra = [];
    if (d.via) extra.push('through ' + d.via);
    if (d.cue) extra.push('cue \u201C' + d.cue + '\u201D');
    if (d.surface && d.surface !== info.get(to).name && d.surface !== info.get(from).name) extra.push('written \u201C' + d.surface + '\u201D');
    if (d.field) extra.push('in ' + d.field);
    if (d.count) extra.push(d.count + ' mentions');
    if (typeof d.confidence === 'number') extra.push('confidence ' + d.confidence);
    if (state.hiddenEdges.has(d.id)) extra.push('hidden by the filters');
    if (extra.length) item.appendChild(el('div', 'rw-small', extra.join(' \u00B7 ')));
    return item;
  }
  function renderPanel(id) {
    var d = info.get(id);
    var box = document.getElementById('rw-details');
    box.textContent = '';
    var kind = kinds.get(d.kind);
    var badge = el('span', 'rw-badge');
    var glyph = el('span', 'rw-glyph', GLYPHS[kind.shape] || '\u25CF');
    glyph.style.color = kind.color;
    badge.appendChild(glyph);
    badge.appendChild(el('span', null, kind.label));
    box.appendChild(badge);
    box.appendChild(el('h2', 'rw-title', d.name));
    var metaBits = [];
    if (d.year) metaBits.push(String(d.year));
    metaBits.push(d.degree + ' link' + (d.degree === 1 ? '' : 's'));
    box.appendChild(el('div', 'rw-meta', metaBits.join(' \u00B7 ')));
    if (state.hiddenNodes.has(id)) box.appendChild(el('div', 'rw-hidden-note', 'Hidden by the current filters.'));
    if (d.authors) box.appendChild(el('div', 'rw-meta', d.authors.join(', ')));
    if (d.categories) box.appendChild(el('div', 'rw-meta', 'Categories: ' + d.categories.join(', ')));
    if (d.aliases) box.appendChild(el('div', 'rw-meta', 'Also written: ' + d.aliases.join(', ')));
    if (d.area) box.appendChild(el('div', 'rw-meta', 'Area: ' + d.area));
    if (d.uncatalogued) box.appendChild(el('div', 'rw-meta', 'Not in the method catalog: named by the papers only.'));
    if (d.links) {
      var list = el('ul', 'rw-extlinks');
      d.links.forEach(function (pair) {
        var url = safeUrl(pair[1]);
        if (!url) return;
        var a = el('a', null, pair[0]);
        a.href = url; a.target = '_blank'; a.rel = 'noopener noreferrer';
        var li = el('li'); li.appendChild(a); list.appendChild(li);
      });
      box.appendChild(list);
    }
    if (d.abstract) {
      var details = el('details'); details.appendChild(el('summary', null, 'Abstract'));
      details.appendChild(el('p', null, d.abstract));
      box.appendChild(details);
    }
    var out = [], inc = [];
    incident.get(id).forEach(function (eid) {
      var e = edgeInfo.get(eid); e.id = eid;
      (e.from === id ? out : inc).push(e);
    });
    var order = ['INTRODUCES', 'BUILDS_ON', 'COMPARES_TO', 'MENTIONS', 'DERIVED_FROM'];
    function byType(a, b) { return order.indexOf(a.type) - order.indexOf(b.type) || (info.get(a.from === id ? a.to : a.from).name < info.get(b.from === id ? b.to : b.from).name ? -1 : 1); }
    out.sort(byType); inc.sort(byType);
    function section(title, items, outgoing) {
      if (!items.length) return;
      // with a filter on, the links it shows come first; the ones it hides follow, folded away
      var shown = items.filter(function (e) { return !state.hiddenEdges.has(e.id); });
      var hidden = items.filter(function (e) { return state.hiddenEdges.has(e.id); });
      box.appendChild(el('h3', null, title + ' (' + (hidden.length ? shown.length + ' shown of ' : '') + items.length + ')'));
      var perType = new Map();
      items.forEach(function (e) { perType.set(e.type, (perType.get(e.type) || 0) + 1); });
      if (perType.size > 1) {
        var summary = el('div', 'rw-summary');
        perType.forEach(function (count, type) {
          summary.appendChild(relBadge(type));
          summary.lastChild.textContent += ' ' + count;
        });
        box.appendChild(summary);
      }
      var room = MAX_PANEL_LINKS;
      function list(links, parent) {
        var ol = el('ol', 'rw-links');
        links.slice(0, room).forEach(function (e) { ol.appendChild(linkItem(e, e.from, e.to, outgoing ? 'to' : 'from')); });
        room -= Math.min(room, links.length);
        parent.appendChild(ol);
      }
      list(shown, box);
      if (hidden.length) {
        var fold = el('details', 'rw-hidden-links');
        fold.appendChild(el('summary', null, hidden.length + ' hidden by the filters'));
        list(hidden, fold);
        box.appendChild(fold);
      }
      if (items.length > MAX_PANEL_LINKS) box.appendChild(el('p', 'rw-small', (items.length - MAX_PANEL_LINKS) + ' more not listed.'));
    }
    section('Links from here', out, true);
    section('Links to here', inc, false);
    document.getElementById('rw-panel').hidden = false;
  }

  network.on('click', function (params) {
    if (params.nodes.length) selectNode(params.nodes[0], false);
    else if (params.edges.length) showEdge(params.edges[0]);
    else clearSelection();
  });
  document.getElementById('rw-close').addEventListener('click', clearSelection);
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && ev.target !== searchInput && state.selected !== null) clearSelection();
  });
  document.getElementById('rw-fit').addEventListener('click', function () { network.fit({ animation: false }); });

  // ---------------------------------------------------------------------------------------------
  // ready: after the first frame (fixed layout) or once physics has settled (then physics is switched off)
  var loading = document.getElementById('rw-loading');
  function markReady() {
    // a --focus page opens with the focus selected: its links and evidence are in the panel right away
    if (meta.focus && info.has(meta.focus)) selectNode(meta.focus, false);
    network.once('afterDrawing', function () { api.ready = true; document.body.setAttribute('data-ready', 'true'); });
    network.redraw();
  }
  updateCounts();
  if (meta.physics && info.size > 1) {
    loading.hidden = false;
    network.on('stabilizationProgress', function (p) {
      document.getElementById('rw-progress').textContent = Math.round(100 * p.iterations / p.total) + '%';
    });
    network.once('stabilizationIterationsDone', function () {
      network.setOptions({ physics: { enabled: false } });
      loading.hidden = true;
      network.fit({ animation: false });
      markReady();
    });
  } else {
    network.fit({ animation: false });
    markReady();
  }
})();
