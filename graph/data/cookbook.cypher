// relwork's Cypher cookbook: named read-only queries over a graph exported with `relwork export neo4j`.
// Run one with `relwork cypher --name NAME --param name=value ...`; list them with `relwork cypher --list`.
// Each block: `// name:`, `// description:`, `// params:` (a default is JSON after '='), `// networkx:` (the
// function in relwork.graph.queries that gives the same rows in the same order), then the query, ending in ';'.
// Methods are named by their canonical name or an exact alias; papers by id, arXiv id or exact title. A
// `// resolve:` header makes `relwork cypher --name` resolve those parameters first, as `relwork method` and
// `relwork paper` do (any case, aliases, close misspellings, title fragments), or fail naming the closest.
// Ties are broken as the networkx functions do: newest/oldest first, then norm_title, then id; "oldest first"
// orders a year's papers by arXiv id (submission order), papers without one after.
// Method families: `// family: X` names the variant query X that `relwork cypher --name` runs instead when a method
// parameter names a family ('state-space models') or with --family (a method and its catalog derivatives). A variant
// takes LISTS of canonical method names (`// resolve: a=methods`) and its rows name the method linked; in Neo4j
// Browser set them as lists, e.g. `:param a => ['Longformer']` and `:param b => ['S4', 'Mamba', 'Mamba-2']`
// (`relwork method "state-space models"` lists a family's members).

// name: bridge
// description: Papers linked to both methods $a and $b; weaker link of the two first (introduces > builds on > compares to > mentions), then title evidence first, then newest. A family name or --family runs bridge_family.
// params: a, b
// resolve: a=method, b=method
// family: bridge_family
// networkx: bridge(G, a, b)["papers"]
MATCH (m:Method) WHERE m.name = $a OR $a IN coalesce(m.aliases, [])
WITH m ORDER BY m.name <> $a, NOT coalesce(m.catalogued, false), m.name LIMIT 1
WITH m AS ma
MATCH (m:Method) WHERE m.name = $b OR $b IN coalesce(m.aliases, [])
WITH ma, m ORDER BY m.name <> $b, NOT coalesce(m.catalogued, false), m.name LIMIT 1
WITH ma, m AS mb
WITH ma, mb, {INTRODUCES: 0, BUILDS_ON: 1, COMPARES_TO: 2, MENTIONS: 3} AS rank,
     {title: 0, abstract: 1, catalog: 2} AS fields
MATCH (p:Paper)-[ra:INTRODUCES|BUILDS_ON|COMPARES_TO|MENTIONS]->(ma)
WITH mb, rank, fields, p, ra ORDER BY rank[type(ra)]
WITH mb, rank, fields, p, collect(ra)[0] AS la
MATCH (p)-[rb:INTRODUCES|BUILDS_ON|COMPARES_TO|MENTIONS]->(mb)
WITH rank, fields, p, la, rb ORDER BY rank[type(rb)]
WITH rank, fields, p, la, collect(rb)[0] AS lb
WITH p, la, lb, rank[type(la)] AS ra, rank[type(lb)] AS rb,
     coalesce(fields[la.field], 3) + coalesce(fields[lb.field], 3) AS f
RETURN p.id AS id, p.title AS title, p.year AS year,
       type(la) AS a_type, la.field AS a_field, type(lb) AS b_type, lb.field AS b_field
ORDER BY CASE WHEN ra > rb THEN ra ELSE rb END, ra + rb, f, p.year IS NULL, -coalesce(p.year, 0), p.norm_title, p.id;

// name: bridge_family
// description: Papers linked to a method of list $a and another of list $b (a family's members, a method and its derivatives), ordered as bridge by the best pair (then the names); each row names the member of each side.
// params: a, b
// resolve: a=methods, b=methods
// networkx: bridge(G, a, b, family=...)["papers"]
WITH {INTRODUCES: 0, BUILDS_ON: 1, COMPARES_TO: 2, MENTIONS: 3} AS rank, {title: 0, abstract: 1, catalog: 2} AS fields
MATCH (p:Paper)-[la:INTRODUCES|BUILDS_ON|COMPARES_TO|MENTIONS]->(ma:Method)
WHERE ma.name IN $a
MATCH (p)-[lb:INTRODUCES|BUILDS_ON|COMPARES_TO|MENTIONS]->(mb:Method)
WHERE mb.name IN $b AND mb <> ma
WITH p, ma, la, mb, lb, rank[type(la)] AS ra, rank[type(lb)] AS rb,
     coalesce(fields[la.field], 3) + coalesce(fields[lb.field], 3) AS f
WITH p, ma, la, mb, lb, CASE WHEN ra > rb THEN ra ELSE rb END AS worst, ra + rb AS both, f
ORDER BY worst, both, f, ma.name, mb.name
WITH p, collect({a: ma.name, la: la, b: mb.name, lb: lb, worst: worst, both: both, f: f})[0] AS best
RETURN p.id AS id, p.title AS title, p.year AS year,
       best.a AS a_method, type(best.la) AS a_type, best.la.field AS a_field,
       best.b AS b_method, type(best.lb) AS b_type, best.lb.field AS b_field
ORDER BY best.worst, best.both, best.f, p.year IS NULL, -coalesce(p.year, 0), p.norm_title, p.id;

// name: builds_on
// description: Papers that build on a method (or compare to / mention / introduce it: $relation), oldest first. A family name or --family runs builds_on_family.
// params: method, relation="builds_on"
// resolve: method=method, relation=relation
// family: builds_on_family
// networkx: papers_for_method(G, method, relation)
MATCH (m:Method) WHERE m.name = $method OR $method IN coalesce(m.aliases, [])
WITH m ORDER BY m.name <> $method, NOT coalesce(m.catalogued, false), m.name LIMIT 1
WITH m, toUpper(replace(replace(trim($relation), '-', '_'), ' ', '_')) AS wanted,
     {INTRODUCES: 0, BUILDS_ON: 1, COMPARES_TO: 2, MENTIONS: 3} AS rank
MATCH (p:Paper)-[r]->(m)
WHERE type(r) = wanted
RETURN p.id AS id, p.title AS title, p.year AS year, type(r) AS type, r.field AS field, r.evidence AS evidence
ORDER BY p.year IS NULL, coalesce(p.year, 0), p.arxiv_id IS NULL, last(split(coalesce(p.arxiv_id, ''), '/')),
         rank[type(r)], p.norm_title, p.id;

// name: builds_on_family
// description: Papers that build on (or $relation) a method of list $method (a family's members, a method and its derivatives), oldest first; one row per paper, naming the method of its strongest link (title evidence first, then confidence, then name) and all the methods it links.
// params: method, relation="builds_on"
// resolve: method=methods, relation=relation
// networkx: papers_for_method(G, method, relation, family=...)
WITH toUpper(replace(replace(trim($relation), '-', '_'), ' ', '_')) AS wanted,
     {INTRODUCES: 0, BUILDS_ON: 1, COMPARES_TO: 2, MENTIONS: 3} AS rank, {title: 0, abstract: 1, catalog: 2} AS fields
MATCH (p:Paper)-[r]->(m:Method)
WHERE m.name IN $method AND type(r) = wanted
WITH rank, p, m, r ORDER BY coalesce(fields[r.field], 3), -coalesce(r.confidence, 0.0), m.name
WITH rank, p, collect({method: m.name, link: r}) AS links
RETURN p.id AS id, p.title AS title, p.year AS year, links[0].method AS method, type(links[0].link) AS type,
       links[0].link.field AS field, links[0].link.evidence AS evidence, [l IN links | l.method] AS methods
ORDER BY p.year IS NULL, coalesce(p.year, 0), p.arxiv_id IS NULL, last(split(coalesce(p.arxiv_id, ''), '/')),
         rank[type(links[0].link)], p.norm_title, p.id;

// name: most_compared
// description: Methods most often compared against: number of distinct papers with a COMPARES_TO link. Datasets are left out (a score compared on GLUE is no comparison against GLUE).
// params: limit=10
// networkx: most_compared(G, limit)
MATCH (p:Paper)-[:COMPARES_TO]->(m:Method)
WHERE coalesce(m.kind, '') <> 'dataset'
RETURN m.name AS name, m.kind AS kind, count(DISTINCT p) AS papers
ORDER BY papers DESC, name
LIMIT toInteger($limit);

// name: method_path
// description: The most specific shortest connection between two methods through papers and methods (any direction): lowest score first, in hundredths of a bit: log2 of the degree of every node in between (hubs cost most) plus each hop's cost by type and confidence.
// params: a, b
// resolve: a=method, b=method
// networkx: method_path(G, a, b)
MATCH (m:Method) WHERE m.name = $a OR $a IN coalesce(m.aliases, [])
WITH m ORDER BY m.name <> $a, NOT coalesce(m.catalogued, false), m.name LIMIT 1
WITH m AS ma
MATCH (m:Method) WHERE m.name = $b OR $b IN coalesce(m.aliases, [])
WITH ma, m ORDER BY m.name <> $b, NOT coalesce(m.catalogued, false), m.name LIMIT 1
WITH ma, m AS mb
// NAMED_AFTER ties (a name, not a link a paper states) are no hop, as in networkx (_path_neighbours)
MATCH path = allShortestPaths((ma)-[:INTRODUCES|BUILDS_ON|COMPARES_TO|MENTIONS|DERIVED_FROM*..12]-(mb))
// networkx ranks every shortest path; here at most the first 1000 Neo4j finds (hubs make them countless)
WITH path LIMIT 1000
// the score of connecting_paths (graph/queries.py: HOP_COST, _hop_cost, _node_cost), in the same integers
WITH path, {INTRODUCES: 0, BUILDS_ON: 25, DERIVED_FROM: 25, COMPARES_TO: 50, MENTIONS: 75} AS cost,
     {INTRODUCES: 0, BUILDS_ON: 1, COMPARES_TO: 2, MENTIONS: 3, DERIVED_FROM: 4} AS rank
WITH path,
     reduce(s = 0, r IN relationships(path) | s + cost[type(r)] + (100 - toInteger(100 * coalesce(r.confidence, 0.0))) / 4)
     + reduce(s = 0, n IN nodes(path)[1..-1] | s + toInteger(round(100 * log(COUNT { (n)-[r]-() WHERE type(r) <> 'NAMED_AFTER' }) / log(2)))) AS score,
     reduce(total = 0, r IN relationships(path) | total + rank[type(r)]) AS ranks,
     [n IN nodes(path) | CASE WHEN n:Paper THEN 'paper:' + n.id ELSE 'method:' + n.name END] AS ids
RETURN length(path) AS length,
       [n IN nodes(path) | coalesce(n.name, n.title)] AS nodes,
       [r IN relationships(path) | type(r)] AS types,
       ids
ORDER BY score, ranks, ids
LIMIT 1;

// name: citing_papers
// description: Papers linked citation-style to a paper (they build on / compare to / mention a method it introduces), strongest link first, then newest.
// params: paper
// resolve: paper=paper
// networkx: citing_papers(G, paper)
MATCH (q:Paper) WHERE q.id = $paper OR q.arxiv_id = $paper OR q.title = $paper
WITH q ORDER BY q.id <> $paper, coalesce(q.external, false), q.id LIMIT 1
MATCH (p:Paper)-[r:BUILDS_ON|COMPARES_TO|MENTIONS]->(q)
WITH p, r ORDER BY r.via
WITH p, min({BUILDS_ON: 1, COMPARES_TO: 2, MENTIONS: 3}[type(r)]) AS rank, collect(DISTINCT r.via) AS via
RETURN p.id AS id, p.title AS title, p.year AS year, ['BUILDS_ON', 'COMPARES_TO', 'MENTIONS'][rank - 1] AS type, via
ORDER BY rank, p.year IS NULL, -coalesce(p.year, 0), p.norm_title, p.id;
