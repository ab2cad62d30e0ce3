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
  var KEY_DROP = /[\s\-\u2010-\u2015_.]+/g;  // what compact() drops from names and queries

  var info = new Map();      // node id -> details (kind, name, year, authors, links, aliases, search, ...)
  var edgeInfo = new Map();  // edge id -> {from, to, type, evidence, cue, field, confidence, surface, via, p2p}
  var baseEdge = new Map();  // edge id -> original colour
  var incident = new Map();  // node id -> [edge ids]
  var kinds = new Map(data.kinds.map(function (k) { return [k.key, k]; }));
  var relations = new Map(data.relations.map(function (r) { return [r.type, r]; }));

  data.nodes.forEach(function (n) {
    var d = n.rw; delete n.rw;
    searchable(d, [d.name].concat(d.aliases || []), [d.arxiv_id, d.doi, n.id]);
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

  // method families (graph/data/families.jsonl) with a member on the page: found by the search box like a
  // method ("state-space models", "SSMs"); choosing one highlights its members
  var families = new Map();  // 'family:' + name -> {name, aliases, definition, members, degree, search keys}
  (data.families || []).forEach(function (f) {
    var key = 'family:' + f.name;
    var members = (f.members || []).filter(function (id) { return info.has(id); });
    if (!members.length || info.has(key)) return;
    var d = { kind: 'family', name: f.name, aliases: f.aliases || [], definition: f.definition || '', members: members };
    d.degree = members.reduce(function (sum, id) { return sum + info.get(id).degree; }, 0);
    searchable(d, [f.name].concat(d.aliases), []);
    families.set(key, d);
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById('rw-graph');
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  var state = {
    kinds: new Set(data.kinds.map(function (k) { return k.key; })),
    relations: new Set(data.relations.map(function (r) { return r.type; })),
    yearMin: null, yearMax: null, undated: true,
    selected: null, family: null, dimmedNodes: new Set(), dimmedEdges: new Set(),
    hiddenNodes: new Set(), hiddenEdges: new Set(), offEdges: new Set()
  };
  var years = [];
  info.forEach(function (d) { if (typeof d.year === 'number' && isPaper(d)) years.push(d.year); });  // isPaper: hoisted, below
  var yearLow = years.length ? Math.min.apply(null, years) : null;
  var yearHigh = years.length ? Math.max.apply(null, years) : null;

  var api = {
    ready: false, network: network, nodes: nodes, edges: edges, data: data, state: state, info: info,
    edgeInfo: edgeInfo, families: families, search: search, results: resultIds, selectFamily: selectFamily, selectNode: selectNode, selectEdge: function (id) { showEdge(id); }, clearSelection: clearSelection,
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
    if (r.type === 'DERIVED_FROM' || r.type === 'NAMED_AFTER') line.style.borderTopStyle = 'dotted';
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
    else if (state.family !== null) renderFamilyPanel(families.get(state.family));
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

  /** The key a name is compared by, as the command line's (linker.catalog.alias_key): case, accents, spaces,
   *  hyphens, dashes, underscores and dots dropped, so 'faster rcnn', 'Faster-RCNN' and 'fasterrcnn' all
   *  name Faster R-CNN and 'unet' names U-Net. ``folded`` says ``text`` is unaccented already. */
  function compact(text, folded) { return (folded ? String(text) : unaccent(text)).toLowerCase().replace(KEY_DROP, ''); }

  /** Give a node's (or family's) details ``d`` what search compares: its ``names`` (name first, then aliases)
   *  and ``ids`` (arXiv id, DOI, node id) unaccented, those lower-cased and joined, and their compact keys;
   *  ``d.names`` of them are names, which closest() compares. */
  function searchable(d, names, ids) {
    names = names.filter(Boolean).map(String);
    d.names = names.length;
    d.texts = names.concat(ids.filter(Boolean).map(String));
    d.folded = d.texts.map(unaccent);  // accents off ('Café' is found by 'cafe')
    d.search = d.folded.join(' \u0001 ').toLowerCase();
    d.key = d.folded[0].toLowerCase();
    d.compacts = d.folded.map(function (t) { return compact(t, true); });
    d.compactAll = d.compacts.join('\u0001');
  }

  var LETTER = /[\p{L}\p{N}]/u, LOWER = /[\p{Ll}\p{N}]/u, UPPER = /\p{Lu}/u;
  /** Whether a word of ``text`` starts at ``i``: its start, after a character that is no letter or digit
   *  ('IC-Mamba', 'Transformers are SSMs'), or a capital after a small letter ('FlashAttention'). */
  function wordStartsAt(text, i) {
    var before = text.charAt(i - 1);
    return i === 0 || !LETTER.test(before) || (LOWER.test(before) && UPPER.test(text.charAt(i)));
  }
  /** Whether lower-case ``q`` starts a word of ``text`` (see wordStartsAt). */
  function atWordStart(text, q) {
    var lower = text.toLowerCase();
    for (var i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + 1)) if (wordStartsAt(text, i)) return true;
    return false;
  }
  /** Whether the compact key ``qc`` starts at a word of (unaccented) ``text``, spaces and hyphens aside:
   *  'rcnn' at 'R-CNN' in 'Faster R-CNN', 'unet' at 'U-Net' in '3D U-Net'. */
  function compactAtWordStart(text, qc) {
    var lower = text.toLowerCase(), first = qc.charAt(0);
    for (var i = lower.indexOf(first); i >= 0; i = lower.indexOf(first, i + 1)) {
      if (wordStartsAt(text, i) && compact(lower.slice(i, i + 4 * qc.length + 8), true).indexOf(qc) === 0) return true;
    }
    return false;
  }

  /** How well ``d`` matches the query (``q`` folded, ``qc`` its compact key, ``qs`` that less a plural 's'),
   *  0 best: exact name, exact alias/id, name prefix, a word start in the name or an alias, inside a word;
   *  -1 no match. Exact means equal compact keys, so case, accents, spaces, hyphens and dots never matter,
   *  and a plural finds its method ('LSTMs', 'SSMs') as on the command line. */
  function rankOf(d, q, qc, qs) {
    var plural = qs !== null && d.compacts.indexOf(qs) >= 0;
    if (d.search.indexOf(q) < 0 && !(qc && d.compactAll.indexOf(qc) >= 0) && !plural) return -1;
    if (qc && (d.compacts[0] === qc || d.compacts[0] === qs)) return 0;
    if ((qc && d.compacts.indexOf(qc) >= 0) || plural) return 1;
    if (d.key.indexOf(q) === 0 || (qc && d.compacts[0].indexOf(qc) === 0)) return 2;
    if (d.folded.some(function (t, i) {
      return atWordStart(t, q) || (qc && d.compacts[i].indexOf(qc) >= 0 && compactAtWordStart(t, qc));
    })) return 3;
    return 4;
  }

  /** Node ids and family keys matching ``query`` best first (see rankOf; at equal rank, a method before a
   *  family of that name, as on the command line, then the most linked). Matches inside a word ('SSM' in
   *  'Assessment', 'RSSM') are listed only when nothing matches at a word start. */
  function matches(query) {
    var q = unaccent(String(query || '').trim()).toLowerCase();
    if (!q) return [];
    var qc = compact(q, true), qs = qc.length > 3 && qc.charAt(qc.length - 1) === 's' ? qc.slice(0, -1) : null;
    var scored = [], best = 4;
    function consider(d, id, isFamily) {
      var rank = rankOf(d, q, qc, qs);
      if (rank < 0) return;
      best = Math.min(best, rank);
      scored.push([rank, isFamily ? 1 : 0, -d.degree, d.name, id]);
    }
    info.forEach(function (d, id) { consider(d, id, false); });
    families.forEach(function (d, id) { consider(d, id, true); });
    if (best < 4) scored = scored.filter(function (s) { return s[0] < 4; });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0); });
    return scored.map(function (s) { return s[4]; });
  }
  /** The nodes matching ``query``, best first (matches() without the families). */
  function search(query) { return matches(query).filter(function (id) { return info.has(id); }); }

  /** Edit distance of ``a`` and ``b`` (insert, delete, replace, swap two neighbours), or ``max`` + 1 when it
   *  is larger than ``max``. */
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], row;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
        row.push(v);
        low = Math.min(low, v);
      }
      if (low > max) return max + 1;
      prev2 = prev; prev = row;
    }
    return prev[b.length];
  }
  /** When nothing matches: the names (methods, paper titles, families; any alias; not ids) within 1 edit of the query's
   *  compact key (2 from 7 characters; none under 4), closest first, then most linked: 'Mambaa' -> Mamba. */
  function closest(query) {
    var qc = compact(String(query || '').trim());
    var max = qc.length < 4 ? 0 : qc.length < 7 ? 1 : 2;
    if (!max) return [];
    var scored = [];
    function consider(d, id, isFamily) {
      var best = max + 1;
      for (var i = 0; i < d.names; i++) best = Math.min(best, editDistance(qc, d.compacts[i], max));
      if (best <= max) scored.push([best, isFamily ? 1 : 0, -d.degree, d.name, id]);
    }
    info.forEach(function (d, id) { consider(d, id, false); });
    families.forEach(function (d, id) { consider(d, id, true); });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0); });
    return scored.map(function (s) { return s[4]; });
  }
  /** What the result list shows for ``query``: [ids (nodes and family keys), whether they are only the
   *  closest names because nothing matched]. */
  function lookup(query) {
    var found = matches(query);
    if (found.length || !String(query || '').trim()) return [found.slice(0, MAX_RESULTS), false];
    return [closest(query).slice(0, MAX_RESULTS), true];
  }
  function resultIds(query) { return lookup(query)[0]; }

  var resultItems = [];
  function showResults() {
    var found = lookup(searchInput.value);
    results = found[0];
    active = results.length ? 0 : -1;
    resultList.textContent = '';
    resultItems = [];
    if (!searchInput.value.trim()) { resultList.hidden = true; return; }
    if (found[1]) resultList.appendChild(el('li', 'rw-empty', results.length ? 'No match; the closest names:' : 'No match'));
    results.forEach(function (id, i) {
      var family = families.get(id);
      var d = family || info.get(id);
      var item = el('li');
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', i === active ? 'true' : 'false');
      var glyph = el('span', 'rw-glyph', family ? '\u2234' : GLYPHS[kinds.get(d.kind).shape] || '\u25CF');
      glyph.style.color = family ? kinds.get(info.get(family.members[0]).kind).color : kinds.get(d.kind).color;
      item.appendChild(glyph);
      item.appendChild(el('span', 'rw-result-name', d.name));
      item.appendChild(el('span', 'rw-result-kind', family
        ? 'Method family \u00B7 ' + family.members.length + ' in the graph'
        : kindLabel(d.kind) + (d.year ? ' \u00B7 ' + d.year : '') + (state.hiddenNodes.has(id) ? ' \u00B7 hidden by filters' : '')));
      item.addEventListener('mousedown', function (ev) { ev.preventDefault(); pick(id); });
      resultList.appendChild(item);
      resultItems.push(item);
    });
    resultList.hidden = false;
  }
  function markActive() {
    resultItems.forEach(function (li, i) { li.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
    if (resultItems[active]) resultItems[active].scrollIntoView({ block: 'nearest' });
  }
  function pick(id) {
    resultList.hidden = true;
    searchInput.value = (families.get(id) || info.get(id)).name;
    if (families.has(id)) selectFamily(id, true); else selectNode(id, true);
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

  // No label larger than meta.label_max_px on screen, however far one zooms in: vis-network's own
  // scaling.label.maxVisible only fades the colour and leaves the size, so a hub's label grew to 50 px and
  // covered its neighbours' names. Before each frame, a label that would be drawn larger gets the capped size
  // (vis-network keeps the size it computed in options.font.size); needs vis-network's node objects (direct).
  var LABEL_MAX_PX = meta.label_max_px || 20;
  if (direct) network.on('beforeDrawing', function () {
    var cap = LABEL_MAX_PX / network.getScale();
    data.nodes.forEach(function (n) {
      var item = body.nodes[n.id], font = item.labelModule.fontOptions;
      var want = Math.min(item.options.font.size, cap);
      if (font.size !== want) { font.size = want; item.labelModule.labelDirty = true; }
    });
  });
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
    state.selected = id; state.family = null;
    dim(neighbourhood(id));
    network.selectNodes([id], true);
    renderPanel(id);
    if (focus) {
      var scale = Math.max(network.getScale(), 1.0);
      network.focus(id, { scale: scale, animation: info.size > 2000 ? false : { duration: 350, easingFunction: 'easeInOutQuad' } });
    }
    return true;
  }
  /** Select the family ``key`` ('family:state-space models', or its name): its members and their neighbours
   *  highlighted, the members selected, the panel listing them; ``focus`` fits the view to the members. */
  function selectFamily(key, focus) {
    var f = families.get(key) || families.get('family:' + key);
    if (!f) return false;
    state.selected = null; state.family = 'family:' + f.name;
    var keep = { nodes: new Set(), edges: new Set() };
    f.members.forEach(function (id) {
      var around = neighbourhood(id);
      around.nodes.forEach(function (n) { keep.nodes.add(n); });
      around.edges.forEach(function (e) { keep.edges.add(e); });
    });
    dim(keep);
    network.selectNodes(f.members, false);
    renderFamilyPanel(f);
    if (focus) network.fit({ nodes: f.members, animation: info.size > 2000 ? false : { duration: 350, easingFunction: 'easeInOutQuad' } });
    return true;
  }
  function renderFamilyPanel(f) {
    var box = document.getElementById('rw-details');
    box.textContent = '';
    var badge = el('span', 'rw-badge');
    badge.appendChild(el('span', 'rw-glyph', '\u2234'));
    badge.appendChild(el('span', null, 'Method family'));
    box.appendChild(badge);
    box.appendChild(el('h2', 'rw-title', f.name));
    box.appendChild(el('div', 'rw-meta', f.members.length + ' method' + (f.members.length === 1 ? '' : 's') +
      ' in this graph \u00B7 ' + f.degree + ' link' + (f.degree === 1 ? '' : 's')));
    if (f.aliases.length) box.appendChild(el('div', 'rw-meta', 'Also written: ' + f.aliases.join(', ')));
    if (f.definition) box.appendChild(el('div', 'rw-meta', 'Made of: ' + f.definition + '; and the names papers coin after one of them.'));
    box.appendChild(el('h3', null, 'Members in this graph (' + f.members.length + ')'));
    var ol = el('ol', 'rw-links');
    f.members.forEach(function (id) {
      var d = info.get(id), item = el('li');
      item.appendChild(nodeButton(id));
      item.appendChild(el('span', 'rw-small', ' ' + kindLabel(d.kind) + ' \u00B7 ' + d.degree + ' link' + (d.degree === 1 ? '' : 's') +
        (state.hiddenNodes.has(id) ? ' \u00B7 hidden by the filters' : '')));
      ol.appendChild(item);
    });
    box.appendChild(ol);
    document.getElementById('rw-panel').hidden = false;
  }
  function clearSelection() {
    state.selected = null; state.family = null;
    dim(null);
    network.unselectAll();
    document.getElementById('rw-panel').hidden = true;
  }
  function showEdge(eid) {
    var d = edgeInfo.get(eid);
    if (!d) return;
    d.id = eid;
    state.selected = null; state.family = null;
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
  function linkItem(d, from, to, shown, tag, cites) {
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
    (cites || []).forEach(function (c) {  // the paper that introduced the method, linked through it
      var line = el('div', 'rw-cites');
      line.appendChild(el('span', 'rw-small', 'cites '));
      line.appendChild(nodeButton(c.to));
      if (state.hiddenEdges.has(c.id)) line.appendChild(el('span', 'rw-small', ' \u00B7 hidden by the filters'));
      item.appendChild(line);
    });
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
    // links to methods and dashed citations apart, as the legend counts them (a citation repeats a link)
    var citations = incident.get(id).filter(function (eid) { return edgeInfo.get(eid).p2p; }).length;
    var plain = d.degree - citations;
    metaBits.push(plain + ' link' + (plain === 1 ? '' : 's'));
    if (citations) metaBits.push(citations + ' citation' + (citations === 1 ? '' : 's'));
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
    // A dashed paper -> paper link ("builds on <origin paper>, through LoRA") repeats this paper's link to the
    // method (same relation, same sentence): it is shown inside that method's entry as "cites <origin paper>",
    // so each method is listed once and the counts count links to methods. One with no such entry (as in a
    // graph built by other means) is listed under "Cites".
    var methodLink = new Map(), cites = new Map(), unmatched = [];
    out.forEach(function (e) { if (!e.p2p) methodLink.set(e.type + '\u0001' + info.get(e.to).name, e); });
    out.forEach(function (e) {
      if (!e.p2p) return;
      var owner = e.via !== undefined ? methodLink.get(e.type + '\u0001' + e.via) : undefined;
      if (!owner) { unmatched.push(e); return; }
      if (!cites.has(owner.id)) cites.set(owner.id, []);
      cites.get(owner.id).push(e);
    });
    out = out.filter(function (e) { return !e.p2p; });
    var order = ['INTRODUCES', 'BUILDS_ON', 'COMPARES_TO', 'MENTIONS', 'DERIVED_FROM', 'NAMED_AFTER'];
    function byType(a, b) { return order.indexOf(a.type) - order.indexOf(b.type) || (info.get(a.from === id ? a.to : a.from).name < info.get(b.from === id ? b.to : b.from).name ? -1 : 1); }
    out.sort(byType); inc.sort(byType); unmatched.sort(byType);
    function section(title, items, outgoing, citesOf) {
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
        links.slice(0, room).forEach(function (e) {
          ol.appendChild(linkItem(e, e.from, e.to, outgoing ? 'to' : 'from', 'li', citesOf && citesOf.get(e.id)));
        });
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
    section('Links from here', out, true, cites);
    section('Cites', unmatched, true);
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
    if (ev.key === 'Escape' && ev.target !== searchInput && (state.selected !== null || state.family !== null)) clearSelection();
  });
  document.getElementById('rw-fit').addEventListener('click', function () { network.fit({ animation: false }); });

  // ---------------------------------------------------------------------------------------------
  // pinned labels: the page opens readable. Zoomed out, vis-network draws no label under its drawThreshold,
  // so a big graph opened as unlabelled dots. The meta.pinned_labels most linked methods (any non-paper kind)
  // get a PINNED_PX label below them at any zoom, drawn after vis-network's frame, while vis-network's own label
  // of them is smaller than that; not for a node that is hidden or faded by a selection, nor where it would
  // cover the label of a more linked method (then it tries above its node). relwork.pinnedDrawn lists what the
  // last frame drew, in page pixels.
  var PINNED_PX = 13;
  var pinned = Array.from(info.keys()).filter(function (id) { return !isPaper(info.get(id)); })
    .sort(function (a, b) { return info.get(b).degree - info.get(a).degree || (a < b ? -1 : 1); })
    .slice(0, meta.pinned_labels || 0);
  api.pinned = pinned;
  api.pinnedDrawn = [];
  function visLabelPx(id, scale) {
    var item = body && body.nodes && body.nodes[id];
    var font = item && item.labelModule && item.labelModule.fontOptions;
    return font && typeof font.size === 'number' ? font.size * scale : 0;
  }
  network.on('afterDrawing', function (ctx) {
    var scale = network.getScale(), drawn = [], boxes = [];
    // a chosen family's members are labelled first
    var labelled = state.family === null ? pinned : families.get(state.family).members.concat(pinned.filter(function (id) {
      return families.get(state.family).members.indexOf(id) < 0; }));
    ctx.save();
    ctx.font = '600 ' + (PINNED_PX / scale) + 'px system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
    ctx.textAlign = 'center'; ctx.textBaseline = 'top'; ctx.lineJoin = 'round';
    ctx.lineWidth = 4 / scale; ctx.strokeStyle = '#ffffff'; ctx.fillStyle = FONT;
    labelled.forEach(function (id) {
      if (state.hiddenNodes.has(id) || state.dimmedNodes.has(id) || visLabelPx(id, scale) >= PINNED_PX) return;
      var d = info.get(id), text = d.name.length > 30 ? d.name.slice(0, 29) + '\u2026' : d.name;
      var node = network.getBoundingBox(id), x = (node.left + node.right) / 2;
      var w = ctx.measureText(text).width, h = (PINNED_PX + 2) / scale, gap = 2 / scale;
      var spot = [node.bottom + gap, node.top - gap - h].map(function (y) {
        return { left: x - w / 2, right: x + w / 2, top: y, bottom: y + h };
      }).filter(function (r) {
        return !boxes.some(function (o) { return r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom; });
      })[0];
      if (!spot) return;
      boxes.push(spot);
      ctx.strokeText(text, x, spot.top);
      ctx.fillText(text, x, spot.top);
      var at = network.canvasToDOM({ x: spot.left, y: spot.top }), end = network.canvasToDOM({ x: spot.right, y: spot.bottom });
      drawn.push({ id: id, text: text, left: at.x, top: at.y, right: end.x, bottom: end.y, px: PINNED_PX });
    });
    ctx.restore();
    api.pinnedDrawn = drawn;
  });

  // a one-line hint over the graph until the first selection
  var hint = el('p', 'rw-hint', 'Search a method or paper above, or click a node \u00B7 scroll to zoom, drag to pan');
  hint.id = 'rw-hint';
  container.appendChild(hint);
  network.once('click', function () { hint.hidden = true; });
  searchInput.addEventListener('input', function () { hint.hidden = true; }, { once: true });

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
