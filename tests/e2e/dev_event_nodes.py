#!/usr/bin/env python3
"""Whether two different gold events of one article share a node in csto-kg's graph.

usage: dev_event_nodes.py BIN CORPUS_DIR SCORER_DIR

For each CORPUS_DIR/NAME.txt with NAME.gold.tsv: BIN extract, then for every gold event
its identifying facts (chairs, attends, heldIn, date rows that no other gold event of the
article has: "Putin attends E2" when he attends no other) and the system event nodes that
state one of them, entities matched as the reference scorer matches them
(SCORER_DIR/score.py: by Wikidata id, else by label or alias). A node that states
identifying facts of two gold events merged two meetings the article keeps apart. Prints
each such node; exit 1 if any.
"""
import collections, os, subprocess, sys, tempfile


def event_nodes(scorer, graph, gold):
    triples = scorer.load_graph(graph)
    ents, gevents, gfacts = scorer.load_gold(gold)
    labels, qids, by_pred = collections.defaultdict(set), collections.defaultdict(set), collections.defaultdict(set)
    for s, p, o in triples:
        pl = p.strip("<>")
        if pl in scorer.LABEL and o.startswith('"'):
            labels[s].add(scorer.norm(scorer.unescape(o)))
        elif pl in scorer.SAMEAS and o.startswith("<" + scorer.WD):
            qids[s].add(scorer.local(o))
        by_pred[scorer.local(p)].add((s, o if not o.startswith('"') else scorer.unescape(o)[:10]))

    def names(key, node):
        if key not in ents:
            return False
        qid, ns = ents[key]
        return (qid and qid in qids[node]) or bool(labels[node] & ns)

    def states(fact, node):  # whether the graph states the gold fact with node as its event
        rel = fact[0]
        if rel in ("chairs", "attends"):
            return any(o == node and names(fact[1], s) for s, o in by_pred[rel])
        if rel == "heldIn":
            return any(s == node and any(names(k, o) for k in fact[2].split("|")) for s, o in by_pred[rel])
        if rel == "date":
            return (node, fact[2][:10]) in by_pred["date"] | by_pred["startDate"]
        return False

    nodes = {o for r in ("chairs", "attends") for _, o in by_pred[r]}
    nodes |= {s for r in ("heldIn", "date", "startDate") for s, _ in by_pred[r]}
    event_of = {"chairs": 2, "attends": 2, "heldIn": 1, "date": 1}
    scored = [f for f in gfacts if f[0] in event_of]
    # Two events' rows alike but for the event (attendance's mode aside, which states()
    # ignores; places that share an alternative) identify neither event.
    def alike(f, g):
        if f[0] != g[0]:
            return False
        if f[0] == "heldIn":
            return bool(set(f[2].split("|")) & set(g[2].split("|")))
        return [x for i, x in enumerate(f[:3]) if i != event_of[f[0]]] == \
            [x for i, x in enumerate(g[:3]) if i != event_of[g[0]]]

    def identifying(f):
        ev = f[event_of[f[0]]]
        return not any(alike(f, g) for g in scored if g[event_of[g[0]]] != ev)
    found = collections.defaultdict(set)  # node -> gold events it states identifying facts of
    for f in scored:
        if identifying(f):
            for n in nodes:
                if states(f, n):
                    found[n].add(f[event_of[f[0]]])
    return found


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, corpus, scorer_dir = sys.argv[1:]
    sys.path.insert(0, scorer_dir)
    import score as scorer
    merged = 0
    for name in sorted(os.listdir(corpus)):
        gold = os.path.join(corpus, name[:-4] + ".gold.tsv")
        if not name.endswith(".txt") or not os.path.exists(gold):
            continue
        with tempfile.NamedTemporaryFile(suffix=".nt") as out:
            subprocess.run([binary, "extract", "--format", "ntriples", os.path.join(corpus, name)],
                           stdout=out, check=True)
            found = event_nodes(scorer, out.name, gold)
        for node, keys in sorted(found.items()):
            if len(keys) > 1:
                merged += 1
                print(f"{name}: gold events {', '.join(sorted(keys))} share {node}")
    print(f"{merged} nodes shared by two gold events of one article")
    sys.exit(1 if merged else 0)


if __name__ == "__main__":
    main()
