#!/usr/bin/env python3
"""Generate the knowledge base under ontology/kb/ (Turtle files and README.md).

Inputs: the research tables (wikidata-ids.tsv, officeholders.tsv) plus the curated tables at the
end of this file. The generated files are committed, so the product never needs
the research directory at run time; rerun this script after changing a table:

    python3 scripts/kb/build_kb.py [--research /work/shared/research] [--out ontology/kb]

The script refuses to write anything when a check fails: two entities sharing a label or an
alias, a reference to an entity that does not exist, a Wikidata id that is not marked
verified1/verified2, one id on two entities, a bare surname used as an alias, or a post
holding IRI minted twice. It uses the standard library only.
"""
import argparse
import collections
import csv
import os
import re
import sys
import unicodedata


CSTO = "https://w3id.org/csto-kg/ontology#"
RES = "https://w3id.org/csto-kg/resource/"
PREFIXES = [
    ("csto", CSTO),
    ("res", RES),
    ("wd", "http://www.wikidata.org/entity/"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
]
VERIFIED = ("verified1", "verified2")
ROLES = {"HeadOfState", "HeadOfGovernment", "ForeignMinister", "DefenceMinister",
         "SecurityCouncilSecretary", "Spokesperson", "SecretaryGeneral", "ExecutiveSecretary",
         "Chair"}
TYPES = ["Country", "City", "InternationalOrganization", "OrganizationBody", "GovernmentBody",
         "Person"]


class KBError(Exception):
    pass


# ---------------------------------------------------------------------------------------
# Names


def ascii_fold(s):
    """Drop diacritics and modifier letters: 'Khürelsükh' -> 'Khurelsukh', 'Oʻtkir' -> 'Otkir'."""
    s = s.replace("\u02bb", "").replace("\u02bc", "").replace("\u2019", "'")
    s = s.replace("ı", "i").replace("ø", "o").replace("ð", "d").replace("ł", "l")
    out = unicodedata.normalize("NFKD", s)
    return "".join(c for c in out if not unicodedata.combining(c))


def slug(name):
    """IRI local name, as src/normalize.c's csto_slug makes it for names outside the knowledge
    base: diacritics dropped, ASCII letters, digits and '-' kept, every other run one '_'
    ("K. R. Narayanan" -> "K_R_Narayanan"). Modifier letters are dropped, not separators
    ("Oʻtkir" -> "Otkir")."""
    s = re.sub(r"[^A-Za-z0-9-]+", "_", ascii_fold(name)).strip("_")
    if not s:
        raise KBError(f"cannot make a slug of {name!r}")
    return s


def spelling_variants(text):
    """Regular spelling variants of one name: apostrophe forms, -ise/-ize, defence/defense
    and the form without diacritics. The name itself is included."""
    out = {unicodedata.normalize("NFC", text)}
    for a, b in (("Organization", "Organisation"), ("Defence", "Defense")):
        for v in list(out):
            if a in v:
                out.add(v.replace(a, b))
            if b in v:
                out.add(v.replace(b, a))
    # one way only: "Co-operation" is the OSCE's spelling, nobody writes "Shanghai Co-operation"
    for v in list(out):
        if "Co-operation" in v:
            out.add(v.replace("Co-operation", "Cooperation"))
    for v in list(out):
        folded = ascii_fold(v)
        if folded != v:
            out.add(folded)
    for v in list(out):
        if "'" in v:
            out.add(v.replace("'", "\u2019"))
        if "\u2019" in v:
            out.add(v.replace("\u2019", "'"))
    return out


def first_name_variants(name):
    """Transliteration variants of a Russian-style first name: Sergei/Sergey, Dmitry/Dmitri."""
    parts = name.split(" ", 1)
    if len(parts) < 2:
        return set()
    for group in FIRST_NAME_VARIANTS:
        if parts[0] in group:
            return {f"{g} {parts[1]}" for g in group if g != parts[0]}
    return set()


def key(text):
    """What two names must not share, compared as src/normalize.c's csto_normalize compares
    text when matching: compatibility forms, case, diacritics, typographic apostrophes,
    quotes and dashes are all ignored."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201b", "'"), ("\u2032", "'"),
                 ("\u02bc", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'),
                 ("\u00a0", " "), ("\u2009", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return re.sub("[\u2010-\u2015\u2212]", "-", s)


# ---------------------------------------------------------------------------------------
# Entities


class Entity:
    def __init__(self, slug_, type_, en, ru=None, file=None):
        self.slug = slug_
        self.type = type_
        self.en = unicodedata.normalize("NFC", en)
        self.ru = ru
        self.alts = []  # ordered, unique
        self.qid = None
        self.evidence = None
        self.props = []  # (predicate, object in Turtle syntax)
        self.file = file

    def add_alias(self, alias):
        """Add an alias and its regular spelling variants (the label's own variants too, when
        called with the label); never the label itself or a blocked name."""
        for v in sorted(spelling_variants(alias)):
            # exact comparison: "Russia's" and "Russia’s" are both wanted
            if v in BLOCKED_ALIASES or v == self.en or v in self.alts:
                continue
            self.alts.append(v)


class KB:
    def __init__(self):
        self.entities = collections.OrderedDict()
        self.holdings = []     # dicts
        self.memberships = []  # dicts

    def add(self, e):
        if e.slug in self.entities:
            raise KBError(f"res:{e.slug} defined twice")
        self.entities[e.slug] = e
        e.add_alias(e.en)
        return e

    def get(self, slug_):
        if slug_ not in self.entities:
            raise KBError(f"reference to undefined entity res:{slug_}")
        return self.entities[slug_]


def short_evidence(confidence, evidence, qid):
    """'verified2: <source> ; <source>': the sources that name the id (two at most for
    verified2, one for verified1), each cut to 150 characters."""
    parts = [re.sub(r"\s+", " ", p.strip()) for p in evidence.split(" ; ") if p.strip()]
    parts = [re.sub(r"(?i)^qid:\s*", "", p) for p in parts
             if not p.upper().startswith("NOTE") and "NOT ESTABLISHED" not in p]
    naming = [p for p in parts if qid in p] or parts or ["research table"]
    # a pointer back to wikidata-ids.tsv says less than the source it came from
    naming.sort(key=lambda p: "wikidata-ids.tsv" in p)
    want = 2 if confidence == "verified2" else 1
    cut = [p if len(p) <= 150 else p[:147] + "..." for p in naming[:want]]
    return f"{confidence}: " + " ; ".join(cut)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_wikidata_ids(path):
    """english_label -> (qid, confidence, evidence) for entity rows (properties skipped)."""
    out = {}
    for row in read_tsv(path):
        if row["kind"] == "property":
            continue
        out[row["english_label"]] = (row["id"].strip(), row["confidence"].strip(),
                                     row["evidence"].strip())
    return out


def attach_qid(kb, e, qid, confidence, evidence, source):
    if confidence not in VERIFIED or not qid:
        return
    if not re.fullmatch(r"Q[1-9][0-9]*", qid):
        raise KBError(f"{source}: malformed id {qid!r} for {e.en}")
    if e.qid and e.qid != qid:
        raise KBError(f"{source}: {e.en} has two ids, {e.qid} and {qid}")
    upgrade = e.evidence and confidence >= e.evidence.split(":")[0] and (
        e.evidence.startswith("verified1") or "wikidata-ids.tsv" in e.evidence)
    if e.qid is None or upgrade:
        e.qid = qid
        e.evidence = short_evidence(confidence, evidence, qid)


# ---------------------------------------------------------------------------------------
# Building


def build_places(kb):
    for c in COUNTRIES:
        e = kb.add(Entity(c["slug"], "Country", c["en"], c.get("ru"), "countries.ttl"))
        for a in c.get("alts", []):
            e.add_alias(a)
        for d in c["demonyms"]:
            e.props.append(("csto:demonym", lit(d, "en")))
        e.props.append(("csto:capital", ref(c["capital"])))
        if c.get("government_leads"):
            e.props.append(("csto:headOfGovernmentLeadsSince",
                            f'"{c["government_leads"]}"^^xsd:date'))
    for c in CITIES:
        e = kb.add(Entity(c["slug"], "City", c["en"], c.get("ru"), "cities.ttl"))
        for a in c.get("alts", []):
            e.add_alias(a)
        e.props.append(("csto:country", ref(c["country"])))


def build_organizations(kb):
    for o in INTERNATIONAL_ORGANIZATIONS:
        e = kb.add(Entity(o["slug"], "InternationalOrganization", o["en"], o.get("ru"),
                          "organizations.ttl"))
        for a in o.get("alts", []):
            e.add_alias(a)
    for b in ORGANIZATION_BODIES:
        e = kb.add(Entity(b["slug"], "OrganizationBody", b["en"], b.get("ru"),
                          "organizations.ttl"))
        for a in b.get("alts", []):
            e.add_alias(a)
        e.props.append(("csto:partOf", ref(b["partOf"])))
        if b.get("meeting"):
            e.props.append(("csto:meetingClass", "csto:" + b["meeting"]))
    for b in government_bodies():
        e = kb.add(Entity(b["slug"], "GovernmentBody", b["en"], b.get("ru"),
                          "organizations.ttl"))
        for a in b.get("alts", []):
            e.add_alias(a)
        e.props.append(("csto:country", ref(b["country"])))
        if b.get("head_role"):
            e.props.append(("csto:headRole", "csto:" + b["head_role"]))


def build_wikidata_ids(kb, wd):
    for label, (qid, conf, ev) in wd.items():
        if label not in WIKIDATA_LABELS:
            raise KBError(f"wikidata-ids.tsv: no entity mapped for {label!r}")
        target = WIKIDATA_LABELS[label]
        if target is None:
            continue  # not an entity of ours (a news agency)
        e = kb.get(target)
        if conf not in VERIFIED:
            continue
        attach_qid(kb, e, qid, conf, ev, "wikidata-ids.tsv")


def parse_date(text, is_end, where):
    """'2005-08' -> ('2005-08-31', 'month') for an end, ('2005-08-01', 'month') for a start.

    A partial date becomes the widest day that it allows, so a term's interval covers the
    whole month or year it is known to; the holding gets a comment saying so."""
    text = text.strip()
    if text in ("", "-"):
        return None, None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        raise KBError(f"{where}: bad date {text!r}")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if d:
        return text, None
    if mo:
        if not is_end:
            return f"{y}-{mo}-01", "month"
        last = [31, 29 if int(y) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return f"{y}-{mo}-{last[int(mo) - 1]:02d}", "month"
    return (f"{y}-12-31" if is_end else f"{y}-01-01"), "year"


def person_aliases(name, aliases):
    """Aliases from the research table minus bare surnames (one word), which the resolver
    derives itself; honorifics listed in SINGLE_WORD_ALIASES are kept."""
    out = []
    for a in aliases.split("|"):
        a = a.strip()
        if not a or a == "-" or a in DROPPED_ALIASES.get(name, ()):
            continue
        if " " not in a and a not in SINGLE_WORD_ALIASES:
            continue
        out.append(a)
    return out


def build_people(kb, research):
    rows = read_tsv(os.path.join(research, "officeholders.tsv"))
    if len(rows) != EXPECTED_TERMS:
        raise KBError(f"officeholders.tsv: {len(rows)} terms, expected {EXPECTED_TERMS}")
    for n, row in enumerate(rows, start=2):
        where = f"officeholders.tsv:{n}"
        name = unicodedata.normalize("NFC", row["person"].strip())
        label = PERSON_LABELS.get(name, name)
        pslug = slug(label)
        e = kb.entities.get(pslug)
        if e is None:
            e = kb.add(Entity(pslug, "Person", label, PERSON_RU.get(label), "people.ttl"))
            if label != name:
                e.add_alias(name)
            for v in sorted(first_name_variants(label)):
                e.add_alias(v)
            for a in PERSON_EXTRA_ALIASES.get(label, ()):
                e.add_alias(a)
        for a in person_aliases(name, row["aliases"]):
            e.add_alias(a)
            for v in sorted(first_name_variants(a)):
                e.add_alias(v)
        attach_qid(kb, e, row["qid"].strip(), row["qid_confidence"].strip(),
                   row["evidence"], where)
        build_holding(kb, e, row, where)


def build_curated_people(kb):
    """CURATED_TERMS: posts outside the research table, in its row shape; no Wikidata id."""
    for n, row in enumerate(CURATED_TERMS, start=1):
        where = f"CURATED_TERMS[{n}]"
        e = kb.entities.get(slug(row["person"]))
        if e is None:
            e = kb.add(Entity(slug(row["person"]), "Person", row["person"],
                              PERSON_RU.get(row["person"]), "people.ttl"))
        for a in ([row["person"]] + row["aliases"].split("|")) if row["aliases"] else [row["person"]]:
            for v in [a] + sorted(first_name_variants(a)):
                e.add_alias(v)
        build_holding(kb, e, row, where)


def build_holding(kb, person, row, where):
    role = row["role"].strip()
    if role not in ROLES:
        raise KBError(f"{where}: unknown role {role!r}")
    post_in = POST_IN.get(row["post_in"].strip(), row["post_in"].strip())
    if post_in is None:
        raise KBError(f"{where}: unknown post_in {row['post_in']!r}")
    kb.get(post_in)
    start, start_prec = parse_date(row["start"], False, where)
    end, end_prec = parse_date(row["end"], True, where)
    if start is None:
        raise KBError(f"{where}: no start date")
    if end is not None and end < start:
        raise KBError(f"{where}: ends before it starts")
    notes = []
    if start_prec or end_prec:
        notes.append("partial dates widened to the whole "
                     + "/".join(sorted({p for p in (start_prec, end_prec) if p})))
    ev = row["evidence"]
    if where.startswith("CURATED_TERMS"):
        notes.append("curated from general reference (" + ev + "), not from officeholders.tsv")
    elif "LOW CONFIDENCE" in ev:
        notes.append("LOW CONFIDENCE in research: not checked against a fetched source")
    elif "recall-only" in ev:
        notes.append("recall-only in research: some dates not checked against a fetched source")
    # Two terms of one post starting in one year (Bakiyev, 2005) get _2 on the later one;
    # officeholders.tsv lists terms in date order, so the IRIs are stable.
    iri = f"holding_{person.slug}_{role}_{post_in}_{start[:4]}"
    taken = {h["iri"] for h in kb.holdings}
    n = 2
    base = iri
    while iri in taken:
        iri = f"{base}_{n}"
        n += 1
    kb.holdings.append(dict(
        iri=iri,
        holder=person.slug, role=role, post_in=post_in, start=start, end=end,
        label=f"{person.en}, {ROLE_LABELS[role]} ({kb.get(post_in).en})",
        comment="; ".join(notes) or None))


def build_memberships(kb):
    for m in MEMBERSHIPS:
        kb.get(m["member"])
        kb.get(m["org"])
        iri = f"membership_{m['member']}_{m['org']}"
        if m.get("suffix"):
            iri += "_" + m["suffix"]
        kb.memberships.append(dict(iri=iri, **m))


# ---------------------------------------------------------------------------------------
# Checks


def check(kb):
    errors = []
    seen = {}
    for e in kb.entities.values():
        names = [(e.en, "label")] + [(a, "altLabel") for a in e.alts]
        for text, what in names:
            k = key(text)
            if k in seen and seen[k][0] != e.slug:
                errors.append(f"{what} {text!r} of res:{e.slug} also names res:{seen[k][0]}")
            seen.setdefault(k, (e.slug, what))
        if e.type == "Person":
            for a in e.alts:
                if " " not in a and a not in SINGLE_WORD_ALIASES:
                    errors.append(f"bare surname alias {a!r} on res:{e.slug}")
    demonyms = {}
    for e in kb.entities.values():
        for p, o in e.props:
            if p == "csto:demonym":
                if o in demonyms:
                    errors.append(f"demonym {o} on res:{e.slug} and res:{demonyms[o]}")
                demonyms[o] = e.slug
            if o.startswith("res:") and o[4:] not in kb.entities:
                errors.append(f"res:{e.slug} {p} points to undefined {o}")
    qids = {}
    for e in kb.entities.values():
        if e.qid:
            if e.qid in qids:
                errors.append(f"{e.qid} on res:{e.slug} and res:{qids[e.qid]}")
            qids[e.qid] = e.slug
    iris = collections.Counter(h["iri"] for h in kb.holdings)
    iris.update(m["iri"] for m in kb.memberships)
    errors += [f"res:{i} minted {n} times" for i, n in iris.items() if n > 1]
    for e in kb.entities.values():
        if e.type == "Country" and not any(p == "csto:capital" for p, _ in e.props):
            errors.append(f"country res:{e.slug} has no capital")
    if errors:
        raise KBError("\n".join(errors))


# ---------------------------------------------------------------------------------------
# Turtle


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def lit(s, lang):
    return f'"{esc(s)}"@{lang}'


def ref(slug_):
    return "res:" + slug_


def term(local):
    """res:Name when Turtle allows it as a prefixed name, else a full IRI."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", local):
        return "res:" + local
    return f"<{RES}{local}>"


def fix_refs(obj):
    return term(obj[4:]) if obj.startswith("res:") else obj


def write_subject(out, subject, pairs):
    out.append(subject + " " + pairs[0][0] + " " + pairs[0][1])
    for p, o in pairs[1:]:
        out[-1] += " ;"
        out.append(f"    {p} {o}")
    out[-1] += " ."
    out.append("")


def header(title):
    lines = [f"# {title}", "# GENERATED by scripts/kb/build_kb.py; edit the tables there, not this file.", ""]
    lines += [f"@prefix {p}: <{u}> ." for p, u in PREFIXES]
    return lines + [""]


def entity_pairs(e):
    pairs = [("a", "csto:" + e.type), ("rdfs:label", lit(e.en, "en"))]
    if e.ru:
        pairs.append(("rdfs:label", lit(e.ru, "ru")))
    pairs += [("skos:altLabel", lit(a, "en")) for a in e.alts]
    if e.qid:
        pairs.append(("owl:sameAs", "wd:" + e.qid))
        pairs.append(("csto:wikidataEvidence", f'"{esc(e.evidence)}"'))
    pairs += [(p, fix_refs(o)) for p, o in e.props]
    return pairs


def render_entities(kb, file, title):
    out = header(title)
    for e in sorted((e for e in kb.entities.values() if e.file == file), key=lambda e: e.slug):
        write_subject(out, term(e.slug), entity_pairs(e))
    return out


def render_people(kb):
    out = render_entities(kb, "people.ttl", "People and the posts they held (csto:PostHolding)")
    for h in sorted(kb.holdings, key=lambda h: h["iri"]):
        pairs = [("a", "csto:PostHolding"), ("rdfs:label", lit(h["label"], "en")),
                 ("csto:holder", term(h["holder"])), ("csto:role", "csto:" + h["role"]),
                 ("csto:postIn", term(h["post_in"])),
                 ("csto:startDate", f'"{h["start"]}"^^xsd:date')]
        if h["end"]:
            pairs.append(("csto:endDate", f'"{h["end"]}"^^xsd:date'))
        if h["comment"]:
            pairs.append(("rdfs:comment", lit(h["comment"], "en")))
        write_subject(out, term(h["iri"]), pairs)
    return out


def render_memberships(kb):
    out = header("Memberships of states in international organizations (csto:Membership)")
    for m in sorted(kb.memberships, key=lambda m: m["iri"]):
        org = kb.get(m["org"]).en
        pairs = [("a", "csto:Membership"),
                 ("rdfs:label", lit(f"{kb.get(m['member']).en} in the {org} ({m['status']})", "en")),
                 ("csto:member", term(m["member"])), ("csto:organization", term(m["org"])),
                 ("csto:membershipStatus", "csto:" + m["status"]),
                 ("csto:startDate", f'"{m["start"]}"^^xsd:date')]
        if m.get("end"):
            pairs.append(("csto:endDate", f'"{m["end"]}"^^xsd:date'))
        if m.get("note"):
            pairs.append(("rdfs:comment", lit(m["note"], "en")))
        write_subject(out, term(m["iri"]), pairs)
    return out


# ---------------------------------------------------------------------------------------
# README


def readme(kb):
    by_type = collections.Counter(e.type for e in kb.entities.values())
    with_id = sum(1 for e in kb.entities.values() if e.qid)
    v2 = sum(1 for e in kb.entities.values() if e.qid and e.evidence.startswith("verified2"))
    ru = sum(1 for e in kb.entities.values() if e.ru)
    alts = sum(len(e.alts) for e in kb.entities.values())
    statuses = collections.Counter(m["status"] for m in kb.memberships)
    comm = sum(1 for h in kb.holdings if h["comment"])
    rows = [f"| {t} | {by_type[t]} | {sum(1 for e in kb.entities.values() if e.type == t and e.qid)} |"
            for t in TYPES]
    missing = [f"| `res:{e.slug}` | {e.type} | {e.en} |" for e in
               sorted(kb.entities.values(), key=lambda e: (TYPES.index(e.type), e.slug))
               if not e.qid]
    text = README_TEMPLATE.format(
        total=len(kb.entities), type_rows="\n".join(rows), with_id=with_id, v2=v2,
        v1=with_id - v2, without_id=len(kb.entities) - with_id, ru=ru, alts=alts,
        holdings=len(kb.holdings), commented=comm, memberships=len(kb.memberships),
        status_list=", ".join(f"{n} {s}" for s, n in sorted(statuses.items())),
        missing_count=len(missing), missing_rows="\n".join(missing))
    return text


# =======================================================================================
# CURATED TABLES
#
# Everything below was written by hand and checked against general reference knowledge
# (Wikipedia titles, official names). Wikidata ids are NOT set here: they come only from
# the research tables, and only when marked verified1/verified2.
# =======================================================================================

EXPECTED_TERMS = 429

# Russian-style first names written several ways in English news.
FIRST_NAME_VARIANTS = [
    ("Sergei", "Sergey"), ("Nikolai", "Nikolay"), ("Dmitry", "Dmitri", "Dmitriy"),
    ("Yuri", "Yury", "Yuriy"), ("Alexei", "Alexey", "Aleksei", "Aleksey"),
    ("Andrei", "Andrey"), ("Alexander", "Aleksandr"), ("Maria", "Mariya"),
    ("Anatoly", "Anatoliy"), ("Anatoliy", "Anatoly"), ("Valery", "Valeriy", "Valeri"),
    ("Gennady", "Gennadiy", "Gennadi"), ("Yevgeny", "Evgeny", "Yevgeniy"),
    ("Viktor", "Victor"), ("Natalya", "Natalia"), ("Maxim", "Maksim"),
    ("Vyacheslav", "Viacheslav"),
]

# Single-word aliases that are titles, not surnames, and name one person only.
SINGLE_WORD_ALIASES = {"Elbasy"}

# Aliases from officeholders.tsv that must not be used.
DROPPED_ALIASES = {
    # a surname of two words, which the resolver derives itself
    "Mohammad-Reza Gharaei Ashtiani": ("Gharaei Ashtiani",),
}

# Post terms the research table lacks, from general reference (Wikipedia articles on the
# person and the post), in officeholders.tsv's row shape; post_in is an entity slug. Holdings
# of parliaments' chairs and of observer states' heads whom articles name by title alone.
CURATED_TERMS = [
    dict(person="Miguel Díaz-Canel", aliases="Miguel Diaz-Canel|Miguel Díaz-Canel Bermúdez",
         role="HeadOfState", post_in="Cuba", start="2018-04-19", end="",
         evidence="President of the Council of State from 2018-04-19, President of Cuba from 2019-10-10"),
    dict(person="Vyacheslav Volodin", aliases="", role="Chair", post_in="State_Duma",
         start="2016-10-05", end="", evidence="Chairman of the State Duma since 2016-10-05"),
    dict(person="Alen Simonyan", aliases="", role="Chair", post_in="National_Assembly_of_Armenia",
         start="2021-08-02", end="", evidence="President of the National Assembly since 2021-08-02"),
    dict(person="Igor Dodon", aliases="", role="HeadOfState", post_in="Moldova",
         start="2016-12-23", end="2020-12-24", evidence="President of Moldova 2016-12-23 to 2020-12-24"),
]

# English Wikipedia title where it differs from the research table's spelling.
PERSON_LABELS = {
    "Boris Şyhmyradow": "Boris Shikhmuradov",
}

# Aliases a news article may use that the research table does not list.
PERSON_EXTRA_ALIASES = {
    "Vladimir Putin": ["Vladimir Vladimirovich Putin"],
    "Sergey Lavrov": ["Sergei Lavrov", "Sergey Viktorovich Lavrov"],
    "Emomali Rahmon": ["Emomali Rakhmon", "Emomali Rahmonov", "Emomali Rakhmonov",
                       "Emomalii Rahmon", "Imomali Rahmonov", "Emomali Rakhmonov"],
    "Alexander Lukashenko": ["Alexander Lukashenka", "Aleksandr Lukashenka",
                             "Alexandr Lukashenko", "Alexander Grigoryevich Lukashenko"],
    "Kassym-Jomart Tokayev": ["Kassym-Jomart Toqaev", "Kassym-Jomart Tokaev",
                              "Kassym Jomart Tokayev", "Qasym-Jomart Tokayev",
                              "Kassym-Zhomart Tokaev"],
    "Sirojiddin Muhriddin": ["Sirojiddin Mukhriddin", "Sirodjiddin Muhriddin",
                             "Sirodjidin Muhriddin", "Sirojiddin Mukhriddinov"],
    "Sadyr Japarov": ["Sadyr Djaparov", "Sadyr Zhaparov"],
    "Gurbanguly Berdimuhamedow": ["Gurbanguly Berdimuhamedov", "Gurbanguly Berdymukhammedov",
                                  "Gurbanguly Berdymuhamedov"],
    "Serdar Berdimuhamedow": ["Serdar Berdymuhamedov"],
    "Shavkat Mirziyoyev": ["Shavkat Mirziyaev", "Shavkat Mirziyayev", "Shavkat Mirziyoev"],
    "Nursultan Nazarbayev": ["Nursultan Nazarbaev", "Elbasy"],
    "Nikolai Patrushev": ["Nikolay Patrushev", "Nikolai Platonovich Patrushev"],
    "Sergei Shoigu": ["Sergey Shoigu", "Sergei Kuzhugetovich Shoigu"],
    "Maria Zakharova": ["Maria Vladimirovna Zakharova"],
    "Dmitry Peskov": ["Dmitry Sergeyevich Peskov"],
    "Ilham Aliyev": ["Ilham Heydar oglu Aliyev"],
    "Nikol Pashinyan": ["Nikol Pashinian"],
    "Xi Jinping": ["Xi Jin Ping"],
    "Ukhnaagiin Khürelsükh": ["Ukhnaa Khurelsukh", "Khurelsukh Ukhnaa", "U. Khurelsukh"],
    "Mikhail Mishustin": ["Mikhail Vladimirovich Mishustin"],
    "Andrey Belousov": ["Andrei Belousov"],
    "Dmitry Medvedev": ["Dmitry Anatolyevich Medvedev"],
    "Ebrahim Raisi": ["Ebrahim Raeisi"],
    "Masoud Pezeshkian": ["Massoud Pezeshkian"],
    "S. Jaishankar": ["Subrahmanyam Jaishankar", "S Jaishankar"],
    "Hossein Amir-Abdollahian": ["Hossein Amirabdollahian"],
}

ROLE_LABELS = {
    "HeadOfState": "head of state", "HeadOfGovernment": "head of government",
    "ForeignMinister": "foreign minister", "DefenceMinister": "defence minister",
    "SecurityCouncilSecretary": "security council secretary", "Spokesperson": "spokesperson",
    "SecretaryGeneral": "secretary general", "ExecutiveSecretary": "executive secretary",
    "Chair": "chair",
}

# officeholders.tsv post_in -> our entity
POST_IN = {
    "Russia": "Russia", "Belarus": "Belarus", "Armenia": "Armenia", "Kazakhstan": "Kazakhstan",
    "Kyrgyzstan": "Kyrgyzstan", "Tajikistan": "Tajikistan", "Uzbekistan": "Uzbekistan",
    "Azerbaijan": "Azerbaijan", "Turkmenistan": "Turkmenistan", "China": "China",
    "India": "India", "Pakistan": "Pakistan", "Iran": "Iran", "Mongolia": "Mongolia",
    "SCO": "SCO", "CSTO": "CSTO", "CIS": "CIS",
    "SCO RATS": "SCO_Regional_Anti-Terrorist_Structure",
    # officeholders.tsv's EEC chairs chair its Board (the Commission's executive body)
    "Eurasian Economic Commission": "Board_of_the_Eurasian_Economic_Commission",
    "Ministry of Foreign Affairs of Russia": "Ministry_of_Foreign_Affairs_of_Russia",
    "Presidential Administration of Russia": "Presidential_Administration_of_Russia",
}

# wikidata-ids.tsv english_label -> our entity (None: not an entity of the knowledge base)
WIKIDATA_LABELS = {
    "Collective Security Treaty Organization (CSTO)": "CSTO",
    "Shanghai Cooperation Organisation (SCO)": "SCO",
    "Commonwealth of Independent States (CIS)": "CIS",
    "Eurasian Economic Union (EAEU)": "EAEU",
    "TASS (news agency)": None,
    "United Nations": "United_Nations",
    "NATO (North Atlantic Treaty Organization)": "NATO",
    "Collective Security Council of the CSTO": "CSTO_Collective_Security_Council",
    "Ministry of Foreign Affairs of Russia": "Ministry_of_Foreign_Affairs_of_Russia",
    "Ministry of Defence of the Russian Federation": "Ministry_of_Defence_of_Russia",
    "Security Council of Russia": "Security_Council_of_Russia",
    "Russia": "Russia", "Armenia": "Armenia", "Belarus": "Belarus", "Kazakhstan": "Kazakhstan",
    "Kyrgyzstan": "Kyrgyzstan", "Tajikistan": "Tajikistan", "Uzbekistan": "Uzbekistan",
    "Afghanistan": "Afghanistan", "China (People's Republic of China)": "China",
    "India": "India", "Pakistan": "Pakistan", "Iran": "Iran", "Azerbaijan": "Azerbaijan",
    "Georgia (country)": "Georgia", "Turkmenistan": "Turkmenistan", "Mongolia": "Mongolia",
    "Dushanbe": "Dushanbe", "Tashkent": "Tashkent", "Moscow": "Moscow", "Minsk": "Minsk",
    "Yerevan": "Yerevan", "Astana (Nur-Sultan)": "Astana", "Bishkek": "Bishkek",
    "Samarkand": "Samarkand", "Almaty": "Almaty", "Kabul": "Kabul", "Beijing": "Beijing",
    "Vladimir Putin": "Vladimir_Putin", "Sergey Lavrov": "Sergey_Lavrov",
    "Sergei Shoigu": "Sergei_Shoigu", "Nikolai Patrushev": "Nikolai_Patrushev",
    "Maria Zakharova": "Maria_Zakharova", "Emomali Rahmon": "Emomali_Rahmon",
    "Sirojiddin Muhriddin": "Sirojiddin_Muhriddin",
    "Alexander Lukashenko": "Alexander_Lukashenko",
    "Kassym-Jomart Tokayev": "Kassym-Jomart_Tokayev", "Sadyr Japarov": "Sadyr_Japarov",
    "Nikol Pashinyan": "Nikol_Pashinyan", "Shavkat Mirziyoyev": "Shavkat_Mirziyoyev",
    "Xi Jinping": "Xi_Jinping", "Stanislav Zas": "Stanislav_Zas",
    "Imangali Tasmagambetov": "Imangali_Tasmagambetov", "Narendra Modi": "Narendra_Modi",
}

# ---------------------------------------------------------------------------------------
# Countries. adj: adjectives used to name the country's bodies ("Kazakh Foreign Ministry");
# official: the long official name; ru_gen: the Russian genitive for bodies' Russian labels.

COUNTRIES = [
    dict(slug="Russia", en="Russia", ru="Россия", alts=["Russian Federation"],
         demonyms=["Russian"], capital="Moscow", adj=["Russian"],
         official="the Russian Federation", ru_gen="России"),
    dict(slug="Belarus", en="Belarus", ru="Белоруссия",
         alts=["Republic of Belarus", "Byelorussia", "Belorussia"],
         demonyms=["Belarusian", "Belarussian", "Byelorussian", "Belorussian"],
         capital="Minsk", adj=["Belarusian", "Belarussian"], official="the Republic of Belarus",
         ru_gen="Белоруссии"),
    dict(slug="Armenia", en="Armenia", ru="Армения", alts=["Republic of Armenia"],
         demonyms=["Armenian"], capital="Yerevan", adj=["Armenian"],
         official="the Republic of Armenia", ru_gen="Армении",
         # the 2015 constitution made Armenia a parliamentary republic on 2018-04-09,
         # when President Sarkissian took office (en.wikipedia.org, Politics of Armenia)
         government_leads="2018-04-09"),
    dict(slug="Kazakhstan", en="Kazakhstan", ru="Казахстан",
         alts=["Republic of Kazakhstan", "Kazakstan", "Qazaqstan"],
         demonyms=["Kazakh", "Kazakhstani"], capital="Astana", adj=["Kazakh", "Kazakhstani"],
         official="the Republic of Kazakhstan", ru_gen="Казахстана"),
    dict(slug="Kyrgyzstan", en="Kyrgyzstan", ru="Киргизия",
         alts=["Kyrgyz Republic", "Kirgizia", "Kirghizia", "Kyrgyzia", "Kirghizstan"],
         demonyms=["Kyrgyz", "Kyrgyzstani", "Kirghiz", "Kirgiz"], capital="Bishkek",
         adj=["Kyrgyz", "Kyrgyzstani"], official="the Kyrgyz Republic", ru_gen="Киргизии"),
    dict(slug="Tajikistan", en="Tajikistan", ru="Таджикистан",
         alts=["Republic of Tajikistan", "Tadjikistan", "Tadzhikistan"],
         demonyms=["Tajik", "Tajikistani", "Tadjik", "Tadzhik"], capital="Dushanbe",
         adj=["Tajik", "Tajikistani"], official="the Republic of Tajikistan",
         ru_gen="Таджикистана"),
    dict(slug="Uzbekistan", en="Uzbekistan", ru="Узбекистан",
         alts=["Republic of Uzbekistan", "Ozbekiston"], demonyms=["Uzbek", "Uzbekistani"],
         capital="Tashkent", adj=["Uzbek", "Uzbekistani"],
         official="the Republic of Uzbekistan", ru_gen="Узбекистана"),
    dict(slug="Turkmenistan", en="Turkmenistan", ru="Туркмения", alts=["Turkmenia"],
         demonyms=["Turkmen", "Turkmenistani"], capital="Ashgabat", adj=["Turkmen"],
         official="Turkmenistan", ru_gen="Туркмении"),
    dict(slug="Azerbaijan", en="Azerbaijan", ru="Азербайджан", alts=["Republic of Azerbaijan"],
         demonyms=["Azerbaijani", "Azeri"], capital="Baku", adj=["Azerbaijani"],
         official="the Republic of Azerbaijan", ru_gen="Азербайджана"),
    dict(slug="Georgia", en="Georgia", ru="Грузия", alts=[], demonyms=["Georgian"],
         capital="Tbilisi"),
    dict(slug="Moldova", en="Moldova", ru="Молдавия", alts=["Republic of Moldova", "Moldavia"],
         demonyms=["Moldovan", "Moldavian"], capital="Chisinau", adj=["Moldovan"],
         official="the Republic of Moldova", ru_gen="Молдавии"),
    dict(slug="Ukraine", en="Ukraine", ru="Украина", alts=[], demonyms=["Ukrainian"],
         capital="Kyiv"),
    dict(slug="China", en="China", ru="Китай", alts=["People's Republic of China", "PRC"],
         demonyms=["Chinese"], capital="Beijing", adj=["Chinese"],
         official="the People's Republic of China", ru_gen="Китая"),
    dict(slug="India", en="India", ru="Индия", alts=["Republic of India", "Bharat"],
         demonyms=["Indian"], capital="New_Delhi", adj=["Indian"],
         official="the Republic of India", ru_gen="Индии"),
    dict(slug="Pakistan", en="Pakistan", ru="Пакистан", alts=["Islamic Republic of Pakistan"],
         demonyms=["Pakistani"], capital="Islamabad", adj=["Pakistani"],
         official="the Islamic Republic of Pakistan", ru_gen="Пакистана"),
    dict(slug="Iran", en="Iran", ru="Иран", alts=["Islamic Republic of Iran"],
         demonyms=["Iranian"], capital="Tehran", adj=["Iranian"],
         official="the Islamic Republic of Iran", ru_gen="Ирана"),
    dict(slug="Afghanistan", en="Afghanistan", ru="Афганистан",
         alts=["Islamic Emirate of Afghanistan", "Islamic Republic of Afghanistan"],
         demonyms=["Afghan"], capital="Kabul"),
    dict(slug="Mongolia", en="Mongolia", ru="Монголия", alts=[], demonyms=["Mongolian"],
         capital="Ulaanbaatar", adj=["Mongolian"], official="Mongolia", ru_gen="Монголии"),
    dict(slug="Turkey", en="Turkey", ru="Турция",
         alts=["Türkiye", "Republic of Türkiye", "Republic of Turkey"], demonyms=["Turkish"],
         capital="Ankara"),
    dict(slug="Qatar", en="Qatar", ru="Катар", alts=["State of Qatar"], demonyms=["Qatari"],
         capital="Doha"),
    dict(slug="Serbia", en="Serbia", ru="Сербия", alts=["Republic of Serbia"],
         demonyms=["Serbian"], capital="Belgrade"),
    dict(slug="Cambodia", en="Cambodia", ru="Камбоджа", alts=["Kingdom of Cambodia"],
         demonyms=["Cambodian"], capital="Phnom_Penh"),
    dict(slug="Nepal", en="Nepal", ru="Непал", alts=["Federal Democratic Republic of Nepal"],
         demonyms=["Nepalese", "Nepali"], capital="Kathmandu"),
    dict(slug="Sri_Lanka", en="Sri Lanka", ru="Шри-Ланка",
         alts=["Democratic Socialist Republic of Sri Lanka"], demonyms=["Sri Lankan"],
         capital="Sri_Jayawardenepura_Kotte"),
    dict(slug="Egypt", en="Egypt", ru="Египет", alts=["Arab Republic of Egypt"],
         demonyms=["Egyptian"], capital="Cairo"),
    dict(slug="Saudi_Arabia", en="Saudi Arabia", ru="Саудовская Аравия",
         alts=["Kingdom of Saudi Arabia", "KSA"], demonyms=["Saudi", "Saudi Arabian"],
         capital="Riyadh"),
    dict(slug="United_Arab_Emirates", en="United Arab Emirates",
         ru="Объединённые Арабские Эмираты", alts=["UAE", "U.A.E."], demonyms=["Emirati"],
         capital="Abu_Dhabi"),
    dict(slug="Kuwait", en="Kuwait", ru="Кувейт", alts=["State of Kuwait"],
         demonyms=["Kuwaiti"], capital="Kuwait_City"),
    dict(slug="Myanmar", en="Myanmar", ru="Мьянма",
         alts=["Burma", "Republic of the Union of Myanmar"], demonyms=["Burmese"],
         capital="Naypyidaw"),
    dict(slug="Bahrain", en="Bahrain", ru="Бахрейн", alts=["Kingdom of Bahrain"],
         demonyms=["Bahraini"], capital="Manama"),
    dict(slug="Maldives", en="Maldives", ru="Мальдивы", alts=["Republic of Maldives"],
         demonyms=["Maldivian"], capital="Male"),
    dict(slug="Laos", en="Laos", ru="Лаос",
         alts=["Lao People's Democratic Republic", "Lao PDR"], demonyms=["Lao", "Laotian"],
         capital="Vientiane"),
    dict(slug="Cuba", en="Cuba", ru="Куба", alts=["Republic of Cuba"], demonyms=["Cuban"],
         capital="Havana"),
    dict(slug="United_States", en="United States", ru="Соединённые Штаты Америки",
         alts=["United States of America", "USA", "U.S.", "U.S.A."],
         demonyms=["American"], capital="Washington_D_C"),
]

CITIES = [
    dict(slug="Moscow", en="Moscow", ru="Москва", country="Russia"),
    dict(slug="Saint_Petersburg", en="Saint Petersburg", ru="Санкт-Петербург",
         alts=["St. Petersburg", "St Petersburg"], country="Russia"),
    dict(slug="Sochi", en="Sochi", ru="Сочи", country="Russia"),
    dict(slug="Kazan", en="Kazan", ru="Казань", country="Russia"),
    dict(slug="Ufa", en="Ufa", ru="Уфа", country="Russia"),
    dict(slug="Yekaterinburg", en="Yekaterinburg", ru="Екатеринбург", alts=["Ekaterinburg"],
         country="Russia"),
    dict(slug="Vladivostok", en="Vladivostok", ru="Владивосток", country="Russia"),
    dict(slug="Astrakhan", en="Astrakhan", ru="Астрахань", country="Russia"),
    dict(slug="Minsk", en="Minsk", ru="Минск", country="Belarus"),
    dict(slug="Yerevan", en="Yerevan", ru="Ереван", alts=["Erevan"], country="Armenia"),
    dict(slug="Astana", en="Astana", ru="Астана", alts=["Nur-Sultan", "Nursultan"],
         country="Kazakhstan"),
    dict(slug="Almaty", en="Almaty", ru="Алма-Ата", alts=["Alma-Ata", "Alma Ata"],
         country="Kazakhstan"),
    dict(slug="Aktau", en="Aktau", ru="Актау", country="Kazakhstan"),
    dict(slug="Bishkek", en="Bishkek", ru="Бишкек", country="Kyrgyzstan"),
    dict(slug="Cholpon-Ata", en="Cholpon-Ata", ru="Чолпон-Ата", alts=["Cholpon Ata"],
         country="Kyrgyzstan"),
    dict(slug="Dushanbe", en="Dushanbe", ru="Душанбе", country="Tajikistan"),
    dict(slug="Tashkent", en="Tashkent", ru="Ташкент", alts=["Toshkent"], country="Uzbekistan"),
    dict(slug="Samarkand", en="Samarkand", ru="Самарканд", alts=["Samarqand"],
         country="Uzbekistan"),
    dict(slug="Bukhara", en="Bukhara", ru="Бухара", alts=["Buxoro"], country="Uzbekistan"),
    dict(slug="Ashgabat", en="Ashgabat", ru="Ашхабад", alts=["Ashkhabad", "Ashgabad"],
         country="Turkmenistan"),
    dict(slug="Baku", en="Baku", ru="Баку", country="Azerbaijan"),
    dict(slug="Tbilisi", en="Tbilisi", ru="Тбилиси", country="Georgia"),
    dict(slug="Chisinau", en="Chișinău", ru="Кишинёв", alts=["Chisinau", "Kishinev"],
         country="Moldova"),
    dict(slug="Kyiv", en="Kyiv", ru="Киев", alts=["Kiev"], country="Ukraine"),
    dict(slug="Beijing", en="Beijing", ru="Пекин", alts=["Peking"], country="China"),
    dict(slug="Shanghai", en="Shanghai", ru="Шанхай", country="China"),
    dict(slug="Qingdao", en="Qingdao", ru="Циндао", country="China"),
    dict(slug="Tianjin", en="Tianjin", ru="Тяньцзинь", country="China"),
    dict(slug="New_Delhi", en="New Delhi", ru="Нью-Дели", country="India"),
    dict(slug="Islamabad", en="Islamabad", ru="Исламабад", country="Pakistan"),
    dict(slug="Tehran", en="Tehran", ru="Тегеран", alts=["Teheran"], country="Iran"),
    dict(slug="Kabul", en="Kabul", ru="Кабул", country="Afghanistan"),
    dict(slug="Ulaanbaatar", en="Ulaanbaatar", ru="Улан-Батор",
         alts=["Ulan Bator", "Ulan-Bator"], country="Mongolia"),
    dict(slug="Ankara", en="Ankara", ru="Анкара", country="Turkey"),
    dict(slug="Istanbul", en="Istanbul", ru="Стамбул", country="Turkey"),
    dict(slug="Doha", en="Doha", ru="Доха", country="Qatar"),
    dict(slug="Belgrade", en="Belgrade", ru="Белград", country="Serbia"),
    dict(slug="Phnom_Penh", en="Phnom Penh", ru="Пномпень", country="Cambodia"),
    dict(slug="Kathmandu", en="Kathmandu", ru="Катманду", country="Nepal"),
    dict(slug="Sri_Jayawardenepura_Kotte", en="Sri Jayawardenepura Kotte",
         ru="Шри-Джаяварденепура-Котте", alts=["Kotte"], country="Sri_Lanka"),
    dict(slug="Colombo", en="Colombo", ru="Коломбо", country="Sri_Lanka"),
    dict(slug="Cairo", en="Cairo", ru="Каир", country="Egypt"),
    dict(slug="Riyadh", en="Riyadh", ru="Эр-Рияд", country="Saudi_Arabia"),
    dict(slug="Abu_Dhabi", en="Abu Dhabi", ru="Абу-Даби", country="United_Arab_Emirates"),
    dict(slug="Kuwait_City", en="Kuwait City", ru="Эль-Кувейт", country="Kuwait"),
    dict(slug="Naypyidaw", en="Naypyidaw", ru="Нейпьидо",
         alts=["Nay Pyi Taw", "Naypyitaw"], country="Myanmar"),
    dict(slug="Manama", en="Manama", ru="Манама", country="Bahrain"),
    # "Male" (the ASCII form) is deliberately not an alias: it is an English word.
    dict(slug="Male", en="Malé", ru="Мале", country="Maldives"),
    dict(slug="Vientiane", en="Vientiane", ru="Вьентьян", country="Laos"),
    dict(slug="Havana", en="Havana", ru="Гавана", country="Cuba"),
    dict(slug="Washington_D_C", en="Washington, D.C.", ru="Вашингтон",
         alts=["Washington", "Washington DC", "Washington D.C."], country="United_States"),
    dict(slug="New_York_City", en="New York City", ru="Нью-Йорк", alts=["New York"],
         country="United_States"),
]

# Names that must never be aliases: the matcher ignores case, so these would match the
# English words "male" and "us".
BLOCKED_ALIASES = {"Male", "US"}

# ---------------------------------------------------------------------------------------
# Organizations

INTERNATIONAL_ORGANIZATIONS = [
    dict(slug="CSTO", en="Collective Security Treaty Organization",
         ru="Организация Договора о коллективной безопасности",
         alts=["CSTO", "ODKB"]),
    dict(slug="SCO", en="Shanghai Cooperation Organisation",
         ru="Шанхайская организация сотрудничества", alts=["SCO"]),
    dict(slug="CIS", en="Commonwealth of Independent States",
         ru="Содружество Независимых Государств", alts=["CIS", "Commonwealth"]),
    dict(slug="EAEU", en="Eurasian Economic Union", ru="Евразийский экономический союз",
         alts=["EAEU", "EEU", "Eurasian Union"]),
    dict(slug="United_Nations", en="United Nations", ru="Организация Объединённых Наций",
         alts=["UN", "U.N.", "United Nations Organization", "UNO"]),
    dict(slug="NATO", en="NATO", ru="Организация Североатлантического договора",
         alts=["North Atlantic Treaty Organization", "North Atlantic Alliance"]),
    dict(slug="OSCE", en="Organization for Security and Co-operation in Europe",
         ru="Организация по безопасности и сотрудничеству в Европе", alts=["OSCE"]),
    dict(slug="European_Union", en="European Union", ru="Европейский союз", alts=["EU", "E.U."]),
    dict(slug="BRICS", en="BRICS", ru="БРИКС", alts=[]),
    dict(slug="ASEAN", en="ASEAN", ru="Ассоциация государств Юго-Восточной Азии",
         alts=["Association of Southeast Asian Nations",
               "Association of South-East Asian Nations"]),
    dict(slug="Union_State", en="Union State", ru="Союзное государство",
         alts=["Union State of Russia and Belarus"]),
    dict(slug="Eurasian_Economic_Community", en="Eurasian Economic Community",
         ru="Евразийское экономическое сообщество", alts=["EurAsEC"]),
    dict(slug="CICA", en="Conference on Interaction and Confidence-Building Measures in Asia",
         ru="Совещание по взаимодействию и мерам доверия в Азии", alts=["CICA"]),
    dict(slug="Organization_of_Turkic_States", en="Organization of Turkic States",
         ru="Организация тюркских государств", alts=["Turkic Council"]),
]

# meeting: what the body's sessions are (Summit for heads of state, Meeting otherwise);
# permanent bodies (secretariats, RATS, the commission) have none.
ORGANIZATION_BODIES = [
    # CSTO
    dict(slug="CSTO_Collective_Security_Council", en="CSTO Collective Security Council",
         ru="Совет коллективной безопасности ОДКБ", partOf="CSTO", meeting="Summit",
         alts=["Collective Security Council", "Collective Security Council of the CSTO",
               "Collective Security Council of the Collective Security Treaty Organization",
               "CSTO Heads of State Council"]),
    dict(slug="CSTO_Council_of_Foreign_Ministers", en="CSTO Council of Foreign Ministers",
         ru="Совет министров иностранных дел ОДКБ", partOf="CSTO", meeting="Meeting",
         alts=["Council of Foreign Ministers of the CSTO", "CSTO Foreign Ministers' Council",
               "CSTO Foreign Ministers Council", "CSTO CFM",
               "Council of Foreign Ministers of the Collective Security Treaty Organization",
               "CSTO Council of Ministers of Foreign Affairs"]),
    dict(slug="CSTO_Council_of_Defence_Ministers", en="CSTO Council of Defence Ministers",
         ru="Совет министров обороны ОДКБ", partOf="CSTO", meeting="Meeting",
         alts=["Council of Defence Ministers of the CSTO", "CSTO Defence Ministers' Council",
               "CSTO Defence Ministers Council", "CSTO CDM",
               "Council of Defence Ministers of the Collective Security Treaty Organization"]),
    dict(slug="CSTO_Committee_of_Secretaries_of_Security_Councils",
         en="CSTO Committee of Secretaries of Security Councils",
         ru="Комитет секретарей советов безопасности ОДКБ", partOf="CSTO", meeting="Meeting",
         alts=["Committee of Secretaries of Security Councils of the CSTO",
               "Committee of Secretaries of the Security Councils of the CSTO",
               "CSTO Committee of Security Council Secretaries", "CSTO CSSC"]),
    dict(slug="CSTO_Secretariat", en="CSTO Secretariat", ru="Секретариат ОДКБ", partOf="CSTO",
         alts=["Secretariat of the CSTO",
               "Secretariat of the Collective Security Treaty Organization"]),
    dict(slug="CSTO_Parliamentary_Assembly", en="CSTO Parliamentary Assembly",
         ru="Парламентская ассамблея ОДКБ", partOf="CSTO", meeting="Meeting",
         alts=["Parliamentary Assembly of the CSTO", "CSTO PA",
               "Parliamentary Assembly of the Collective Security Treaty Organization"]),
    dict(slug="CSTO_Joint_Staff", en="CSTO Joint Staff", ru="Объединённый штаб ОДКБ",
         partOf="CSTO", alts=["Joint Staff of the CSTO"]),
    # SCO
    dict(slug="SCO_Council_of_Heads_of_State", en="SCO Council of Heads of State",
         ru="Совет глав государств — членов ШОС", partOf="SCO", meeting="Summit",
         alts=["Council of Heads of State of the Shanghai Cooperation Organization",
               "Council of Heads of State of the SCO", "SCO Heads of State Council",
               "Council of Heads of State of the SCO Member States",
               "SCO Council of Heads of Member States", "SCO CHS"]),
    dict(slug="SCO_Council_of_Heads_of_Government", en="SCO Council of Heads of Government",
         ru="Совет глав правительств государств — членов ШОС", partOf="SCO", meeting="Meeting",
         alts=["Council of Heads of Government of the Shanghai Cooperation Organization",
               "Council of Heads of Government of the SCO", "SCO Heads of Government Council",
               "Council of Heads of Government of the SCO Member States", "SCO CHG"]),
    dict(slug="SCO_Council_of_Foreign_Ministers", en="SCO Council of Foreign Ministers",
         ru="Совет министров иностранных дел государств — членов ШОС", partOf="SCO",
         meeting="Meeting",
         alts=["Council of Foreign Ministers of the Shanghai Cooperation Organization",
               "Council of Foreign Ministers of the SCO", "SCO Foreign Ministers' Council",
               "SCO Foreign Ministers Council", "SCO CFM",
               "Council of Foreign Ministers of the SCO Member States"]),
    dict(slug="SCO_Regional_Anti-Terrorist_Structure", en="SCO Regional Anti-Terrorist Structure",
         ru="Региональная антитеррористическая структура ШОС", partOf="SCO",
         alts=["Regional Anti-Terrorist Structure", "Regional Antiterrorist Structure", "RATS",
               "SCO RATS", "Regional Anti-Terrorist Structure of the SCO",
               "Regional Anti-Terrorist Structure of the Shanghai Cooperation Organization",
               "Executive Committee of the SCO Regional Anti-Terrorist Structure",
               "SCO RATS Executive Committee"]),
    dict(slug="SCO_Secretariat", en="SCO Secretariat", ru="Секретариат ШОС", partOf="SCO",
         alts=["Secretariat of the SCO",
               "Secretariat of the Shanghai Cooperation Organization"]),
    # CIS
    dict(slug="CIS_Council_of_Heads_of_State", en="CIS Council of Heads of State",
         ru="Совет глав государств СНГ", partOf="CIS", meeting="Summit",
         alts=["Council of CIS Heads of State", "Council of Heads of State of the CIS",
               "CIS Heads of State Council",
               "Council of Heads of State of the Commonwealth of Independent States"]),
    dict(slug="CIS_Council_of_Heads_of_Government", en="CIS Council of Heads of Government",
         ru="Совет глав правительств СНГ", partOf="CIS", meeting="Meeting",
         alts=["Council of CIS Heads of Government", "Council of Heads of Government of the CIS",
               "CIS Heads of Government Council",
               "Council of Heads of Government of the Commonwealth of Independent States"]),
    dict(slug="CIS_Council_of_Foreign_Ministers", en="CIS Council of Foreign Ministers",
         ru="Совет министров иностранных дел СНГ", partOf="CIS", meeting="Meeting",
         alts=["Council of CIS Foreign Ministers", "Council of Foreign Ministers of the CIS",
               "CIS Foreign Ministers' Council", "CIS Foreign Ministers Council", "CIS CFM",
               "Council of Foreign Ministers of the Commonwealth of Independent States"]),
    dict(slug="CIS_Council_of_Defence_Ministers", en="CIS Council of Defence Ministers",
         ru="Совет министров обороны СНГ", partOf="CIS", meeting="Meeting",
         alts=["Council of CIS Defence Ministers", "Council of Defence Ministers of the CIS",
               "CIS Defence Ministers' Council", "CIS Defence Ministers Council"]),
    dict(slug="CIS_Executive_Committee", en="CIS Executive Committee",
         ru="Исполнительный комитет СНГ", partOf="CIS",
         alts=["Executive Committee of the CIS",
               "Executive Committee of the Commonwealth of Independent States"]),
    dict(slug="CIS_Inter-Parliamentary_Assembly", en="CIS Inter-Parliamentary Assembly",
         ru="Межпарламентская ассамблея государств — участников СНГ", partOf="CIS",
         meeting="Meeting",
         alts=["CIS Interparliamentary Assembly", "Inter-Parliamentary Assembly of the CIS",
               "Interparliamentary Assembly of the CIS",
               "Inter-Parliamentary Assembly of the Commonwealth of Independent States"]),
    # EAEU
    dict(slug="Supreme_Eurasian_Economic_Council", en="Supreme Eurasian Economic Council",
         ru="Высший Евразийский экономический совет", partOf="EAEU", meeting="Summit",
         alts=["SEEC", "Supreme Council of the Eurasian Economic Union", "EAEU Supreme Council"]),
    dict(slug="Eurasian_Intergovernmental_Council", en="Eurasian Intergovernmental Council",
         ru="Евразийский межправительственный совет", partOf="EAEU", meeting="Meeting",
         alts=["Eurasian Inter-Governmental Council", "EAEU Intergovernmental Council"]),
    dict(slug="Eurasian_Economic_Commission", en="Eurasian Economic Commission",
         ru="Евразийская экономическая комиссия", partOf="EAEU",
         alts=["EEC", "EAEU Commission"]),
    dict(slug="Board_of_the_Eurasian_Economic_Commission",
         en="Board of the Eurasian Economic Commission",
         ru="Коллегия Евразийской экономической комиссии", partOf="EAEU",
         alts=["Eurasian Economic Commission Board", "EEC Board", "Board of the EEC"]),
    # UN
    dict(slug="United_Nations_Security_Council", en="United Nations Security Council",
         ru="Совет Безопасности ООН", partOf="United_Nations", meeting="Meeting",
         alts=["UN Security Council", "U.N. Security Council", "UNSC",
               "Security Council of the United Nations"]),
    dict(slug="United_Nations_General_Assembly", en="United Nations General Assembly",
         ru="Генеральная Ассамблея ООН", partOf="United_Nations", meeting="Meeting",
         alts=["UN General Assembly", "U.N. General Assembly", "UNGA"]),
]

# National bodies. The three standard bodies of each country are generated from the
# country's adjectives and official name; the table gives the slug, English and Russian
# name of each and any extra aliases.
NATIONAL_BODIES = {
    "Russia": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Russia", "Ministry of Foreign Affairs of Russia",
             "Министерство иностранных дел Российской Федерации",
             ["Russian MFA", "MFA of Russia", "Russia's Foreign Ministry"]),
        mod=("Ministry_of_Defence_of_Russia", "Ministry of Defence of the Russian Federation",
             "Министерство обороны Российской Федерации",
             ["Ministry of Defence of Russia", "Russia's Defence Ministry"]),
        sc=("Security_Council_of_Russia", "Security Council of Russia",
            "Совет безопасности Российской Федерации",
            ["Russia's Security Council"])),
    "Belarus": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Belarus", "Ministry of Foreign Affairs of Belarus",
             "Министерство иностранных дел Республики Беларусь", ["Belarusian MFA"]),
        mod=("Ministry_of_Defence_of_Belarus", "Ministry of Defence of Belarus",
             "Министерство обороны Республики Беларусь", []),
        sc=("Security_Council_of_Belarus", "Security Council of Belarus",
            "Совет безопасности Республики Беларусь", [])),
    "Armenia": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Armenia", "Ministry of Foreign Affairs of Armenia",
             "Министерство иностранных дел Армении", ["Armenian MFA"]),
        mod=("Ministry_of_Defence_of_Armenia", "Ministry of Defence of Armenia",
             "Министерство обороны Армении", []),
        sc=("Security_Council_of_Armenia", "Security Council of Armenia",
            "Совет безопасности Армении", [])),
    "Kazakhstan": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Kazakhstan",
             "Ministry of Foreign Affairs of Kazakhstan",
             "Министерство иностранных дел Республики Казахстан", ["Kazakh MFA"]),
        mod=("Ministry_of_Defence_of_Kazakhstan", "Ministry of Defence of Kazakhstan",
             "Министерство обороны Республики Казахстан", []),
        sc=("Security_Council_of_Kazakhstan", "Security Council of Kazakhstan",
            "Совет безопасности Республики Казахстан", [])),
    "Kyrgyzstan": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Kyrgyzstan",
             "Ministry of Foreign Affairs of Kyrgyzstan",
             "Министерство иностранных дел Киргизской Республики", ["Kyrgyz MFA"]),
        mod=("Ministry_of_Defence_of_Kyrgyzstan", "Ministry of Defence of Kyrgyzstan",
             "Министерство обороны Киргизской Республики", []),
        sc=("Security_Council_of_Kyrgyzstan", "Security Council of Kyrgyzstan",
            "Совет безопасности Киргизской Республики", [])),
    "Tajikistan": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Tajikistan",
             "Ministry of Foreign Affairs of Tajikistan",
             "Министерство иностранных дел Республики Таджикистан", ["Tajik MFA"]),
        mod=("Ministry_of_Defence_of_Tajikistan", "Ministry of Defence of Tajikistan",
             "Министерство обороны Республики Таджикистан", []),
        sc=("Security_Council_of_Tajikistan", "Security Council of Tajikistan",
            "Совет безопасности Республики Таджикистан", [])),
    "Uzbekistan": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Uzbekistan",
             "Ministry of Foreign Affairs of Uzbekistan",
             "Министерство иностранных дел Республики Узбекистан", ["Uzbek MFA"]),
        mod=("Ministry_of_Defence_of_Uzbekistan", "Ministry of Defence of Uzbekistan",
             "Министерство обороны Республики Узбекистан", []),
        sc=("Security_Council_of_Uzbekistan", "Security Council of Uzbekistan",
            "Совет безопасности при Президенте Республики Узбекистан",
            ["Security Council under the President of Uzbekistan"])),
    "Azerbaijan": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Azerbaijan",
             "Ministry of Foreign Affairs of Azerbaijan",
             "Министерство иностранных дел Азербайджана", ["Azerbaijani MFA", "Azeri Foreign Ministry"]),
        mod=("Ministry_of_Defence_of_Azerbaijan", "Ministry of Defence of Azerbaijan",
             "Министерство обороны Азербайджана", ["Azeri Defence Ministry"]),
        sc=("Security_Council_of_Azerbaijan", "Security Council of Azerbaijan",
            "Совет безопасности Азербайджана", [])),
    "Turkmenistan": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Turkmenistan",
             "Ministry of Foreign Affairs of Turkmenistan",
             "Министерство иностранных дел Туркменистана", []),
        mod=("Ministry_of_Defence_of_Turkmenistan", "Ministry of Defence of Turkmenistan",
             "Министерство обороны Туркменистана", []),
        sc=("State_Security_Council_of_Turkmenistan", "State Security Council of Turkmenistan",
            "Государственный совет безопасности Туркменистана", [])),
    "Moldova": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Moldova",
             "Ministry of Foreign Affairs and European Integration of Moldova",
             "Министерство иностранных дел и европейской интеграции Молдавии",
             ["Ministry of Foreign Affairs of Moldova", "Moldovan MFA"]),
        mod=("Ministry_of_Defence_of_Moldova", "Ministry of Defence of Moldova",
             "Министерство обороны Молдавии", []),
        sc=("Supreme_Security_Council_of_Moldova", "Supreme Security Council of Moldova",
            "Высший совет безопасности Молдавии", [])),
    "China": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_China",
             "Ministry of Foreign Affairs of the People's Republic of China",
             "Министерство иностранных дел КНР",
             ["Ministry of Foreign Affairs of China", "Chinese MFA"]),
        mod=("Ministry_of_National_Defense_of_China",
             "Ministry of National Defense of the People's Republic of China",
             "Министерство обороны КНР",
             ["Ministry of National Defense of China", "Chinese Ministry of National Defense"]),
        sc=("Central_National_Security_Commission", "Central National Security Commission",
            "Комиссия по национальной безопасности ЦК КПК",
            ["National Security Commission of the Chinese Communist Party",
             "National Security Commission of the Communist Party of China"])),
    "India": dict(
        mfa=("Ministry_of_External_Affairs_of_India", "Ministry of External Affairs",
             "Министерство иностранных дел Индии",
             ["Ministry of External Affairs of India", "Indian Ministry of External Affairs",
              "Indian External Affairs Ministry", "External Affairs Ministry of India"]),
        mod=("Ministry_of_Defence_of_India", "Ministry of Defence of India",
             "Министерство обороны Индии", []),
        sc=("National_Security_Council_of_India", "National Security Council of India",
            "Совет национальной безопасности Индии", ["Indian National Security Council"])),
    "Pakistan": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Pakistan",
             "Ministry of Foreign Affairs of Pakistan",
             "Министерство иностранных дел Пакистана", ["Pakistani MFA"]),
        mod=("Ministry_of_Defence_of_Pakistan", "Ministry of Defence of Pakistan",
             "Министерство обороны Пакистана", []),
        sc=("National_Security_Committee_of_Pakistan", "National Security Committee of Pakistan",
            "Комитет национальной безопасности Пакистана", [])),
    "Iran": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Iran", "Ministry of Foreign Affairs of Iran",
             "Министерство иностранных дел Ирана", ["Iranian MFA"]),
        mod=("Ministry_of_Defence_of_Iran",
             "Ministry of Defence and Armed Forces Logistics of Iran",
             "Министерство обороны Ирана",
             ["Ministry of Defence of Iran", "Ministry of Defence and Armed Forces Logistics"]),
        sc=("Supreme_National_Security_Council_of_Iran", "Supreme National Security Council",
            "Высший совет национальной безопасности Ирана",
            ["Supreme National Security Council of Iran", "Iran's Supreme National Security Council",
             "Iranian Supreme National Security Council", "SNSC"])),
    "Mongolia": dict(
        mfa=("Ministry_of_Foreign_Affairs_of_Mongolia", "Ministry of Foreign Affairs of Mongolia",
             "Министерство иностранных дел Монголии", []),
        mod=("Ministry_of_Defence_of_Mongolia", "Ministry of Defence of Mongolia",
             "Министерство обороны Монголии", []),
        sc=("National_Security_Council_of_Mongolia", "National Security Council of Mongolia",
            "Совет национальной безопасности Монголии", [])),
}

# National parliaments of the member states of the CSTO, SCO, CIS and EAEU, and their
# chambers: the bodies whose chairs (speakers) articles name. A parliament's `whole` entry
# is the one "the Armenian parliament", "Parliament of Armenia", "the Armenian legislature"
# name (generated from the country's adjectives); a chamber gets only its own names.
PARLIAMENTS = {
    "Russia": [
        dict(slug="Federal_Assembly_of_Russia", en="Federal Assembly of Russia",
             ru="Федеральное Собрание Российской Федерации", whole=True,
             alts=["Federal Assembly of the Russian Federation"]),
        dict(slug="State_Duma", en="State Duma", ru="Государственная дума",
             alts=["State Duma of Russia", "State Duma of the Russian Federation",
                   "Russian State Duma", "Duma", "Russian Duma"]),
        dict(slug="Federation_Council_of_Russia", en="Federation Council of Russia",
             ru="Совет Федерации", alts=["Federation Council", "Russian Federation Council",
                                         "Federation Council of the Russian Federation"]),
    ],
    "Belarus": [
        dict(slug="National_Assembly_of_Belarus", en="National Assembly of Belarus",
             ru="Национальное собрание Республики Беларусь", whole=True,
             alts=["National Assembly of the Republic of Belarus",
                   "Belarusian National Assembly"]),
        dict(slug="House_of_Representatives_of_Belarus", en="House of Representatives of Belarus",
             ru="Палата представителей Национального собрания Республики Беларусь",
             alts=["House of Representatives of the National Assembly of Belarus",
                   "Belarusian House of Representatives",
                   "House of Representatives of the Republic of Belarus"]),
        dict(slug="Council_of_the_Republic_of_Belarus", en="Council of the Republic of Belarus",
             ru="Совет Республики Национального собрания Республики Беларусь",
             alts=["Council of the Republic",
                   "Council of the Republic of the National Assembly of Belarus"]),
    ],
    "Armenia": [
        dict(slug="National_Assembly_of_Armenia", en="National Assembly of Armenia",
             ru="Национальное собрание Армении", whole=True,
             alts=["Armenian National Assembly", "National Assembly of the Republic of Armenia"]),
    ],
    "Kazakhstan": [
        dict(slug="Parliament_of_Kazakhstan", en="Parliament of Kazakhstan",
             ru="Парламент Республики Казахстан", whole=True,
             alts=["Parliament of the Republic of Kazakhstan"]),
        dict(slug="Mazhilis", en="Mazhilis", ru="Мажилис",
             alts=["Majilis", "Mazhilis of Kazakhstan", "Mazhilis of the Parliament of Kazakhstan",
                   "Kazakh Mazhilis"]),
        dict(slug="Senate_of_Kazakhstan", en="Senate of Kazakhstan",
             ru="Сенат Парламента Республики Казахстан",
             alts=["Kazakh Senate", "Senate of the Parliament of Kazakhstan"]),
    ],
    "Kyrgyzstan": [
        dict(slug="Jogorku_Kenesh", en="Jogorku Kenesh", ru="Жогорку Кенеш", whole=True,
             alts=["Zhogorku Kenesh", "Jogorku Kenesh of the Kyrgyz Republic",
                   "Supreme Council of Kyrgyzstan", "Supreme Council of the Kyrgyz Republic"]),
    ],
    "Tajikistan": [
        dict(slug="Majlisi_Oli", en="Majlisi Oli", ru="Маджлиси Оли", whole=True,
             alts=["Supreme Assembly of Tajikistan", "Majlisi Oli of Tajikistan"]),
        dict(slug="Majlisi_Namoyandagon", en="Majlisi Namoyandagon",
             ru="Маджлиси намояндагон", alts=["Assembly of Representatives of Tajikistan",
                                             "Assembly of Representatives of the Majlisi Oli"]),
        dict(slug="Majlisi_Milli", en="Majlisi Milli", ru="Маджлиси милли",
             alts=["National Assembly of Tajikistan", "National Assembly of the Majlisi Oli"]),
    ],
    "Uzbekistan": [
        dict(slug="Oliy_Majlis", en="Oliy Majlis", ru="Олий Мажлис", whole=True,
             alts=["Supreme Assembly of Uzbekistan", "Oliy Majlis of Uzbekistan"]),
        dict(slug="Legislative_Chamber_of_Uzbekistan", en="Legislative Chamber of Uzbekistan",
             ru="Законодательная палата Олий Мажлиса",
             alts=["Legislative Chamber of the Oliy Majlis"]),
        dict(slug="Senate_of_Uzbekistan", en="Senate of Uzbekistan", ru="Сенат Олий Мажлиса",
             alts=["Senate of the Oliy Majlis", "Uzbek Senate"]),
    ],
    "Azerbaijan": [
        dict(slug="National_Assembly_of_Azerbaijan", en="National Assembly of Azerbaijan",
             ru="Милли Меджлис Азербайджана", whole=True,
             alts=["Milli Majlis", "Milli Mejlis", "Azerbaijani National Assembly"]),
    ],
    "Turkmenistan": [
        dict(slug="Mejlis_of_Turkmenistan", en="Mejlis of Turkmenistan", ru="Меджлис Туркменистана",
             whole=True, alts=["Mejlis", "Assembly of Turkmenistan"]),
    ],
    "Moldova": [
        dict(slug="Parliament_of_Moldova", en="Parliament of Moldova", ru="Парламент Молдавии",
             whole=True, alts=["Parliament of the Republic of Moldova"]),
    ],
    "China": [
        dict(slug="National_People_s_Congress", en="National People's Congress",
             ru="Всекитайское собрание народных представителей", whole=True,
             alts=["NPC", "National People's Congress of China"]),
        dict(slug="Standing_Committee_of_the_National_People_s_Congress",
             en="Standing Committee of the National People's Congress",
             ru="Постоянный комитет ВСНП",
             alts=["NPC Standing Committee", "Standing Committee of the NPC"]),
    ],
    "India": [
        dict(slug="Parliament_of_India", en="Parliament of India", ru="Парламент Индии",
             whole=True, alts=[]),
        dict(slug="Lok_Sabha", en="Lok Sabha", ru="Лок сабха", alts=["House of the People"]),
        dict(slug="Rajya_Sabha", en="Rajya Sabha", ru="Раджья сабха",
             alts=["Council of States of India"]),
    ],
    "Pakistan": [
        dict(slug="Parliament_of_Pakistan", en="Parliament of Pakistan", ru="Парламент Пакистана",
             whole=True, alts=["Majlis-e-Shoora"]),
        dict(slug="National_Assembly_of_Pakistan", en="National Assembly of Pakistan",
             ru="Национальная ассамблея Пакистана", alts=["Pakistani National Assembly"]),
        dict(slug="Senate_of_Pakistan", en="Senate of Pakistan", ru="Сенат Пакистана",
             alts=["Pakistani Senate"]),
    ],
    "Iran": [
        dict(slug="Islamic_Consultative_Assembly", en="Islamic Consultative Assembly",
             ru="Исламский консультативный совет", whole=True,
             alts=["Majlis of Iran", "Iranian Majlis", "Islamic Consultative Assembly of Iran"]),
    ],
}


def parliaments():
    """PARLIAMENTS with the names every country's whole parliament gets."""
    out = []
    for cslug, bodies in PARLIAMENTS.items():
        c = _country(cslug)
        for b in bodies:
            alts = list(b["alts"])
            if b.get("whole"):
                alts += [f"Parliament of {c['en']}", f"{c['en']}'s parliament"]
                alts += [f"{a} {w}" for a in c["adj"] for w in ("parliament", "legislature")]
            out.append(dict(slug=b["slug"], en=b["en"], ru=b["ru"], alts=alts, country=cslug))
    return out


# Bodies with a Security Council that articles call "<Adjective> Security Council".
GENERIC_SECURITY_COUNCILS = {"Russia", "Belarus", "Armenia", "Kazakhstan", "Kyrgyzstan",
                             "Tajikistan", "Uzbekistan", "Azerbaijan"}


def _country(slug_):
    return next(c for c in COUNTRIES if c["slug"] == slug_)


# Whose office each kind of national body is: "Shoigu's press secretary" speaks for the
# defence ministry (csto:headRole).
BODY_HEAD_ROLES = {"mfa": "ForeignMinister", "mod": "DefenceMinister",
                   "sc": "SecurityCouncilSecretary"}


def government_bodies():
    """The national bodies: the table above plus the aliases every country's bodies get."""
    out = []
    for cslug, bodies in NATIONAL_BODIES.items():
        c = _country(cslug)
        name, adjs, official = c["en"], c["adj"], c["official"]
        mfa_alts = [f"Ministry of Foreign Affairs of {official}", f"Foreign Ministry of {name}"]
        mod_alts = [f"Ministry of Defence of {official}", f"Defence Ministry of {name}"]
        for a in adjs:
            mfa_alts += [f"{a} Foreign Ministry", f"{a} Ministry of Foreign Affairs"]
            mod_alts += [f"{a} Defence Ministry", f"{a} Ministry of Defence"]
        if cslug == "China":  # its ministry is "of National Defense"
            mod_alts = [a for a in mod_alts if "Ministry of Defence of" not in a]
        sc_alts = []
        if cslug in GENERIC_SECURITY_COUNCILS:
            sc_alts = [f"Security Council of {official}"] + [f"{a} Security Council" for a in adjs]
        for kind, generated in (("mfa", mfa_alts), ("mod", mod_alts), ("sc", sc_alts)):
            s, en, ru, extra = bodies[kind]
            out.append(dict(slug=s, en=en, ru=ru, alts=generated + extra, country=cslug,
                            head_role=BODY_HEAD_ROLES[kind]))
    out.append(dict(
        slug="Presidential_Administration_of_Russia", en="Presidential Administration of Russia",
        ru="Администрация Президента Российской Федерации", country="Russia",
        head_role="HeadOfState",
        alts=["Kremlin", "Russian Presidential Administration",
              "Presidential Executive Office of Russia", "Kremlin administration",
              "Administration of the President of Russia",
              "Administration of the President of the Russian Federation"]))
    return out + parliaments()

# ---------------------------------------------------------------------------------------
# Russian labels of people, in the form Russian news uses ("Сергей Лавров"). Only names
# whose usual Russian spelling is well known are listed; the others get no Russian label.

PERSON_RU = {
    # Russia
    "Vladimir Putin": "Владимир Путин", "Dmitry Medvedev": "Дмитрий Медведев",
    "Mikhail Kasyanov": "Михаил Касьянов", "Mikhail Fradkov": "Михаил Фрадков",
    "Viktor Zubkov": "Виктор Зубков", "Mikhail Mishustin": "Михаил Мишустин",
    "Igor Ivanov": "Игорь Иванов", "Sergey Lavrov": "Сергей Лавров",
    "Igor Sergeyev": "Игорь Сергеев", "Sergei Ivanov": "Сергей Иванов",
    "Anatoliy Serdyukov": "Анатолий Сердюков", "Sergei Shoigu": "Сергей Шойгу",
    "Andrey Belousov": "Андрей Белоусов", "Vladimir Rushailo": "Владимир Рушайло",
    "Valentin Sobolev": "Валентин Соболев", "Nikolai Patrushev": "Николай Патрушев",
    "Alexander Yakovenko": "Александр Яковенко", "Mikhail Kamynin": "Михаил Камынин",
    "Andrei Nesterenko": "Андрей Нестеренко", "Alexander Lukashevich": "Александр Лукашевич",
    "Maria Zakharova": "Мария Захарова", "Dmitry Yakushkin": "Дмитрий Якушкин",
    "Alexei Gromov": "Алексей Громов", "Natalya Timakova": "Наталья Тимакова",
    "Dmitry Peskov": "Дмитрий Песков",
    # Belarus
    "Alexander Lukashenko": "Александр Лукашенко", "Sergei Ling": "Сергей Линг",
    "Vladimir Yermoshin": "Владимир Ермошин", "Gennady Novitsky": "Геннадий Новицкий",
    "Sergei Sidorsky": "Сергей Сидорский", "Mikhail Myasnikovich": "Михаил Мясникович",
    "Andrei Kobyakov": "Андрей Кобяков", "Sergei Rumas": "Сергей Румас",
    "Roman Golovchenko": "Роман Головченко", "Alexander Turchin": "Александр Турчин",
    "Ural Latypov": "Урал Латыпов", "Mikhail Khvostov": "Михаил Хвостов",
    "Sergei Martynov": "Сергей Мартынов", "Vladimir Makei": "Владимир Макей",
    "Sergei Aleinik": "Сергей Алейник", "Maxim Ryzhenkov": "Максим Рыженков",
    "Alexander Chumakov": "Александр Чумаков", "Leonid Maltsev": "Леонид Мальцев",
    "Yury Zhadobin": "Юрий Жадобин", "Andrei Ravkov": "Андрей Равков",
    "Viktor Khrenin": "Виктор Хренин", "Viktor Sheiman": "Виктор Шейман",
    "Gennady Nevyglas": "Геннадий Невыглас", "Alexander Mezhuyev": "Александр Межуев",
    "Stanislav Zas": "Станислав Зась", "Valery Vakulchik": "Валерий Вакульчик",
    "Alexander Volfovich": "Александр Вольфович",
    # Armenia
    "Robert Kocharyan": "Роберт Кочарян", "Serzh Sargsyan": "Серж Саргсян",
    "Armen Sarkissian": "Армен Саркисян", "Vahagn Khachaturyan": "Ваагн Хачатурян",
    "Aram Sargsyan": "Арам Саргсян", "Andranik Margaryan": "Андраник Маргарян",
    "Tigran Sargsyan": "Тигран Саргсян", "Hovik Abrahamyan": "Овик Абраамян",
    "Karen Karapetyan": "Карен Карапетян", "Nikol Pashinyan": "Никол Пашинян",
    "Vartan Oskanian": "Вардан Осканян", "Eduard Nalbandyan": "Эдвард Налбандян",
    "Zohrab Mnatsakanyan": "Зограб Мнацаканян", "Ara Aivazian": "Ара Айвазян",
    "Ararat Mirzoyan": "Арарат Мирзоян", "Vagharshak Harutyunyan": "Вагаршак Арутюнян",
    "Mikael Harutyunyan": "Микаэл Арутюнян", "Seyran Ohanyan": "Сейран Оганян",
    "Vigen Sargsyan": "Виген Саргсян", "Davit Tonoyan": "Давид Тоноян",
    "Arshak Karapetyan": "Аршак Карапетян", "Suren Papikyan": "Сурен Папикян",
    "Artur Baghdasaryan": "Артур Багдасарян", "Armen Gevorgyan": "Армен Геворгян",
    "Yuri Khachaturov": "Юрий Хачатуров", "Armen Grigoryan": "Армен Григорян",
    # Kazakhstan
    "Nursultan Nazarbayev": "Нурсултан Назарбаев",
    "Kassym-Jomart Tokayev": "Касым-Жомарт Токаев",
    "Imangali Tasmagambetov": "Имангали Тасмагамбетов", "Daniyal Akhmetov": "Даниал Ахметов",
    "Karim Massimov": "Карим Масимов", "Serik Akhmetov": "Серик Ахметов",
    "Bakhytzhan Sagintayev": "Бакытжан Сагинтаев", "Askar Mamin": "Аскар Мамин",
    "Alikhan Smailov": "Алихан Смаилов", "Olzhas Bektenov": "Олжас Бектенов",
    "Erlan Idrissov": "Ерлан Идрисов", "Marat Tazhin": "Марат Тажин",
    "Kanat Saudabayev": "Канат Саудабаев", "Yerzhan Kazykhanov": "Ержан Казыханов",
    "Kairat Abdrakhmanov": "Кайрат Абдрахманов", "Beibut Atamkulov": "Бейбут Атамкулов",
    "Mukhtar Tleuberdi": "Мухтар Тлеуберди", "Murat Nurtleu": "Мурат Нуртлеу",
    "Yermek Kosherbayev": "Ермек Кошербаев", "Sat Tokpakbayev": "Сат Токпакбаев",
    "Mukhtar Altynbayev": "Мухтар Алтынбаев", "Adilbek Zhaksybekov": "Адильбек Джаксыбеков",
    "Saken Zhasuzakov": "Сакен Жасузаков", "Nurlan Yermekbayev": "Нурлан Ермекбаев",
    "Murat Bektanov": "Мурат Бектанов", "Ruslan Zhaksylykov": "Руслан Жаксылыков",
    "Dauren Kosanov": "Даурен Косанов", "Altynbek Sarsenbayev": "Алтынбек Сарсенбаев",
    "Kalmukhanbet Kassymov": "Калмуханбет Касымов", "Asset Issekeshev": "Асет Исекешев",
    # CSTO secretaries general
    "Nikolai Bordyuzha": "Николай Бордюжа", "Valery Semerikov": "Валерий Семериков",
    "Taalatbek Masadykov": "Таалатбек Масадыков",
    # Kyrgyzstan
    "Askar Akayev": "Аскар Акаев", "Kurmanbek Bakiyev": "Курманбек Бакиев",
    "Roza Otunbayeva": "Роза Отунбаева", "Almazbek Atambayev": "Алмазбек Атамбаев",
    "Sooronbay Jeenbekov": "Сооронбай Жээнбеков", "Sadyr Japarov": "Садыр Жапаров",
    "Amangeldy Muraliyev": "Амангельды Муралиев", "Nikolai Tanayev": "Николай Танаев",
    "Felix Kulov": "Феликс Кулов", "Azim Isabekov": "Азим Исабеков",
    "Igor Chudinov": "Игорь Чудинов", "Daniar Usenov": "Данияр Усенов",
    "Omurbek Babanov": "Омурбек Бабанов", "Zhantoro Satybaldiyev": "Жанторо Сатыбалдиев",
    "Djoomart Otorbaev": "Джоомарт Оторбаев", "Temir Sariyev": "Темир Сариев",
    "Sapar Isakov": "Сапар Исаков", "Mukhammedkalyi Abylgaziev": "Мухаммедкалый Абылгазиев",
    "Kubatbek Boronov": "Кубатбек Боронов", "Ulukbek Maripov": "Улукбек Марипов",
    "Akylbek Japarov": "Акылбек Жапаров", "Adylbek Kasymaliev": "Адылбек Касымалиев",
    "Muratbek Imanaliyev": "Муратбек Иманалиев", "Askar Aitmatov": "Аскар Айтматов",
    "Alikbek Jekshenkulov": "Аликбек Джекшенкулов", "Kadyrbek Sarbayev": "Кадырбек Сарбаев",
    "Ruslan Kazakbayev": "Руслан Казакбаев", "Erlan Abdyldayev": "Эрлан Абдылдаев",
    "Chingiz Aidarbekov": "Чингиз Айдарбеков", "Jeenbek Kulubaev": "Жээнбек Кулубаев",
    "Esen Topoev": "Эсен Топоев", "Ismail Isakov": "Исмаил Исаков",
    "Abibilla Kudaiberdiev": "Абибилла Кудайбердиев",
    "Taalaibek Omuraliev": "Таалайбек Омуралиев", "Baktybek Bekbolotov": "Бактыбек Бекболотов",
    # Tajikistan
    "Emomali Rahmon": "Эмомали Рахмон", "Oqil Oqilov": "Акил Акилов",
    "Kokhir Rasulzoda": "Кохир Расулзода", "Talbak Nazarov": "Талбак Назаров",
    "Hamrokhon Zarifi": "Хамрохон Зарифи", "Sirojiddin Muhriddin": "Сироджиддин Мухриддин",
    "Sherali Khayrulloyev": "Шерали Хайруллоев", "Sherali Mirzo": "Шерали Мирзо",
    "Emomali Sobirzoda": "Эмомали Собирзода",
    # Uzbekistan
    "Islam Karimov": "Ислам Каримов", "Shavkat Mirziyoyev": "Шавкат Мирзиёев",
    "Oʻtkir Sultonov": "Уткир Султанов", "Abdulla Aripov": "Абдулла Арипов",
    "Abdulaziz Kamilov": "Абдулазиз Камилов", "Sodiq Safoyev": "Садык Сафаев",
    "Elyor Ganiev": "Эльёр Ганиев", "Vladimir Norov": "Владимир Норов",
    "Bakhtiyor Saidov": "Бахтиёр Саидов", "Kadyr Gulyamov": "Кадыр Гулямов",
    "Ruslan Mirzayev": "Руслан Мирзаев", "Kabul Berdiyev": "Кабул Бердиев",
    "Abdusalom Azizov": "Абдусалом Азизов", "Bakhodir Kurbanov": "Баходир Курбанов",
    "Shukhrat Kholmukhamedov": "Шухрат Холмухамедов",
    # Azerbaijan
    "Heydar Aliyev": "Гейдар Алиев", "Ilham Aliyev": "Ильхам Алиев",
    "Artur Rasizade": "Артур Расизаде", "Novruz Mammadov": "Новруз Мамедов",
    "Ali Asadov": "Али Асадов", "Vilayat Guliyev": "Вилаят Гулиев",
    "Elmar Mammadyarov": "Эльмар Мамедъяров", "Jeyhun Bayramov": "Джейхун Байрамов",
    "Safar Abiyev": "Сафар Абиев", "Zakir Hasanov": "Закир Гасанов",
    # Turkmenistan
    "Saparmurat Niyazov": "Сапармурат Ниязов",
    "Gurbanguly Berdimuhamedow": "Гурбангулы Бердымухамедов",
    "Serdar Berdimuhamedow": "Сердар Бердымухамедов", "Boris Shikhmuradov": "Борис Шихмурадов",
    "Raşit Meredow": "Рашид Мередов", "Agageldi Mammetgeldiyev": "Агагельды Мамметгельдыев",
    "Yaylym Berdiyev": "Яйлым Бердыев", "Begench Gundogdyev": "Бегенч Гундогдыев",
    # CIS, EAEU, SCO, RATS
    "Yury Yarov": "Юрий Яров", "Sergey Lebedev": "Сергей Лебедев",
    "Viktor Khristenko": "Виктор Христенко", "Bolat Nurgaliyev": "Болат Нургалиев",
    "Dmitry Mezentsev": "Дмитрий Мезенцев", "Rashid Alimov": "Рашид Алимов",
    "Yevgeny Sysoyev": "Евгений Сысоев",
    # China
    "Jiang Zemin": "Цзян Цзэминь", "Hu Jintao": "Ху Цзиньтао", "Xi Jinping": "Си Цзиньпин",
    "Zhu Rongji": "Чжу Жунцзи", "Wen Jiabao": "Вэнь Цзябао", "Li Keqiang": "Ли Кэцян",
    "Li Qiang": "Ли Цян", "Tang Jiaxuan": "Тан Цзясюань", "Li Zhaoxing": "Ли Чжаосин",
    "Yang Jiechi": "Ян Цзечи", "Wang Yi": "Ван И", "Qin Gang": "Цинь Ган",
    "Chi Haotian": "Чи Хаотянь", "Cao Gangchuan": "Цао Ганчуань",
    "Liang Guanglie": "Лян Гуанле", "Chang Wanquan": "Чан Ваньцюань",
    "Wei Fenghe": "Вэй Фэнхэ", "Li Shangfu": "Ли Шанфу", "Dong Jun": "Дун Цзюнь",
    "Zhang Deguang": "Чжан Дэгуан", "Zhang Ming": "Чжан Мин",
    # India
    "Narendra Modi": "Нарендра Моди", "Manmohan Singh": "Манмохан Сингх",
    "Atal Bihari Vajpayee": "Атал Бихари Ваджпаи", "Pranab Mukherjee": "Пранаб Мукерджи",
    "Droupadi Murmu": "Драупади Мурму", "Ram Nath Kovind": "Рам Нат Ковинд",
    "S. Jaishankar": "Субрахманьям Джайшанкар", "Rajnath Singh": "Раджнатх Сингх",
    "Sushma Swaraj": "Сушма Сварадж",
    # Pakistan
    "Pervez Musharraf": "Первез Мушарраф", "Asif Ali Zardari": "Асиф Али Зардари",
    "Nawaz Sharif": "Наваз Шариф", "Imran Khan": "Имран Хан",
    "Shehbaz Sharif": "Шахбаз Шариф", "Shah Mahmood Qureshi": "Шах Махмуд Куреши",
    "Bilawal Bhutto Zardari": "Билавал Бхутто Зардари", "Ishaq Dar": "Исхак Дар",
    # Iran
    "Ali Khamenei": "Али Хаменеи", "Mojtaba Khamenei": "Моджтаба Хаменеи",
    "Mohammad Khatami": "Мохаммад Хатами", "Mahmoud Ahmadinejad": "Махмуд Ахмадинежад",
    "Hassan Rouhani": "Хасан Рухани", "Ebrahim Raisi": "Эбрахим Раиси",
    "Masoud Pezeshkian": "Масуд Пезешкиан", "Mohammad Javad Zarif": "Мохаммад Джавад Зариф",
    "Hossein Amir-Abdollahian": "Хосейн Амир Абдоллахиян", "Abbas Araghchi": "Аббас Аракчи",
    "Ali Akbar Salehi": "Али Акбар Салехи", "Manouchehr Mottaki": "Манучехр Моттаки",
    "Kamal Kharazi": "Камаль Харрази", "Ali Shamkhani": "Али Шамхани",
    # Mongolia
    "Tsakhiagiin Elbegdorj": "Цахиагийн Элбэгдорж",
    "Ukhnaagiin Khürelsükh": "Ухнаагийн Хурэлсух",
    "Khaltmaagiin Battulga": "Халтмаагийн Баттулга", "Nambaryn Enkhbayar": "Намбарын Энхбаяр",
    "Natsagiin Bagabandi": "Нацагийн Багабанди",
}

# ---------------------------------------------------------------------------------------
# Memberships. Dates are those of the decision or founding act (see README.md); suffix
# distinguishes an earlier status of the same state in the same organization.

_CSTO_FOUNDED = "2002-10-07"   # Charter signed in Chisinau
_SCO_FOUNDED = "2001-06-15"    # Declaration signed in Shanghai
_CIS_FOUNDED = "1991-12-21"    # Alma-Ata Protocol
_EAEU_FOUNDED = "2015-01-01"   # Treaty on the EAEU entered into force

MEMBERSHIPS = (
    [dict(member=c, org="CSTO", status="FullMember", start=_CSTO_FOUNDED)
     for c in ("Russia", "Belarus", "Armenia", "Kazakhstan", "Kyrgyzstan", "Tajikistan")]
    + [dict(member="Uzbekistan", org="CSTO", status="FullMember", start="2006-06-23",
            end="2012-12-19",
            note="rejoined 2006 (decision of 23 June 2006); membership suspended in 2012, "
                 "the end date is the Collective Security Council session that formalised it")]
    + [dict(member=c, org="SCO", status="FullMember", start=_SCO_FOUNDED)
       for c in ("China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan")]
    + [dict(member="India", org="SCO", status="FullMember", start="2017-06-09"),
       dict(member="Pakistan", org="SCO", status="FullMember", start="2017-06-09"),
       dict(member="Iran", org="SCO", status="FullMember", start="2023-07-04"),
       dict(member="Belarus", org="SCO", status="FullMember", start="2024-07-04"),
       dict(member="India", org="SCO", status="Observer", start="2005-07-05",
            end="2017-06-09", suffix="Observer"),
       dict(member="Pakistan", org="SCO", status="Observer", start="2005-07-05",
            end="2017-06-09", suffix="Observer"),
       dict(member="Iran", org="SCO", status="Observer", start="2005-07-05",
            end="2023-07-04", suffix="Observer"),
       dict(member="Belarus", org="SCO", status="Observer", start="2015-07-10",
            end="2024-07-04", suffix="Observer"),
       dict(member="Belarus", org="SCO", status="DialoguePartner", start="2009-06-16",
            end="2015-07-10", suffix="DialoguePartner"),
       dict(member="Mongolia", org="SCO", status="Observer", start="2004-06-17"),
       dict(member="Afghanistan", org="SCO", status="Observer", start="2012-06-07",
            note="status not exercised since 2021"),
       dict(member="Sri_Lanka", org="SCO", status="DialoguePartner", start="2009-06-16"),
       dict(member="Turkey", org="SCO", status="DialoguePartner", start="2012-06-07")]
    + [dict(member=c, org="SCO", status="DialoguePartner", start="2015-07-10")
       for c in ("Azerbaijan", "Armenia", "Cambodia", "Nepal")]
    + [dict(member=c, org="SCO", status="DialoguePartner", start="2021-09-17",
            note="date of the summit decision to grant the status; memorandum signed later")
       for c in ("Egypt", "Qatar", "Saudi_Arabia")]
    + [dict(member=c, org="SCO", status="DialoguePartner", start="2022-09-16",
            note="date of the summit decision to start the procedure; memorandum signed later")
       for c in ("Bahrain", "Maldives", "United_Arab_Emirates", "Kuwait", "Myanmar")]
    + [dict(member="Laos", org="SCO", status="DialoguePartner", start="2025-09-01",
            note="SCO partner status granted at the Tianjin summit; date not checked "
                 "against a fetched source")]
    + [dict(member=c, org="CIS", status="FullMember", start=_CIS_FOUNDED)
       for c in ("Russia", "Belarus", "Armenia", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
                 "Uzbekistan")]
    + [dict(member="Azerbaijan", org="CIS", status="FullMember", start="1993-09-24",
            note="signed the Alma-Ata Protocol in 1991; admitted after ratification in 1993"),
       dict(member="Moldova", org="CIS", status="FullMember", start="1994-04-08",
            note="signed the Alma-Ata Protocol in 1991; ratified in 1994"),
       dict(member="Georgia", org="CIS", status="FullMember", start="1993-12-03",
            end="2009-08-18"),
       dict(member="Turkmenistan", org="CIS", status="FullMember", start=_CIS_FOUNDED,
            end="2005-08-26", suffix="FullMember"),
       dict(member="Turkmenistan", org="CIS", status="AssociateMember", start="2005-08-26")]
    + [dict(member=c, org="EAEU", status="FullMember", start=_EAEU_FOUNDED)
       for c in ("Russia", "Belarus", "Kazakhstan")]
    + [dict(member="Armenia", org="EAEU", status="FullMember", start="2015-01-02"),
       dict(member="Kyrgyzstan", org="EAEU", status="FullMember", start="2015-08-12"),
       dict(member="Moldova", org="EAEU", status="Observer", start="2018-05-14"),
       dict(member="Uzbekistan", org="EAEU", status="Observer", start="2020-12-11"),
       dict(member="Cuba", org="EAEU", status="Observer", start="2020-12-11")]
    + [dict(member="Serbia", org="CSTO_Parliamentary_Assembly", status="Observer",
            start="2013-04-01",
            note="observer in the CSTO Parliamentary Assembly since April 2013 (day unknown, "
                 "written as the 1st)")]
)

# ---------------------------------------------------------------------------------------
# ontology/kb/README.md ({...} are filled in by readme(); literal braces are doubled)

README_TEMPLATE = """# Knowledge base (`ontology/kb/`)

Background knowledge that `csto-kg` loads before it reads an article: the states, cities,
organizations, bodies, ministries and people that news about the CSTO, SCO, CIS and EAEU
name, with every label and alias an article may use, the posts people held and when, and
which state belonged to which organization and when.

**Generated.** Every `.ttl` file here except `user.ttl` is written by
`scripts/kb/build_kb.py` from the research tables (`wikidata-ids.tsv`, `officeholders.tsv`)
and the curated tables inside the script. Edit the script and rerun it:

    python3 scripts/kb/build_kb.py --research /work/shared/research
    for f in ontology/kb/*.ttl; do rapper -i turtle -c "$f"; done

The script refuses to write when two entities share a label or alias (compared without case
and apostrophe form), when a reference points to a missing entity, when an id is not marked
verified or sits on two entities, when a person gets a bare surname as an alias, or when an
IRI is minted twice.

| file | content |
|---|---|
| `countries.ttl` | `csto:Country`: labels, aliases, `csto:demonym`, `csto:capital`, `csto:headOfGovernmentLeadsSince` (parliamentary republics) |
| `cities.ttl` | `csto:City`: capitals and summit cities, `csto:country` |
| `organizations.ttl` | `csto:InternationalOrganization`; `csto:OrganizationBody` with `csto:partOf` and `csto:meetingClass`; `csto:GovernmentBody` (ministries, security councils, the Kremlin) with `csto:country` and `csto:headRole` |
| `people.ttl` | `csto:Person` and `csto:PostHolding` nodes |
| `memberships.ttl` | `csto:Membership` nodes |
| `user.ttl` | optional, yours: what `csto-kg kb import` writes (not generated) |

## Counts

{total} entities:

| type | entities | with `owl:sameAs` |
|---|---|---|
{type_rows}

- Wikidata ids: {with_id} entities have `owl:sameAs wd:Q…` ({v2} verified2, {v1} verified1);
  {without_id} have none.
- Labels: every entity has one English `rdfs:label`; {ru} also have a Russian one;
  {alts} `skos:altLabel`s in all.
- {holdings} `csto:PostHolding` nodes (every row of `officeholders.tsv`, and the script's
  `CURATED_TERMS`: parliament chairs and an observer state's head from general reference),
  {commented} of them with an `rdfs:comment` saying that a date is partial, was not checked
  against a source, or was curated.
- {memberships} `csto:Membership` nodes: {status_list}.

`csto-kg kb stats` prints the same counts from the files themselves.

## Schema in brief

    res:Sergey_Lavrov a csto:Person ;
        rdfs:label "Sergey Lavrov"@en , "Сергей Лавров"@ru ;
        skos:altLabel "Sergei Lavrov"@en ;
        owl:sameAs wd:Q58217 ;
        csto:wikidataEvidence "verified2: every-politician-scrapers/russia-cabinet:..." .
    res:holding_Sergey_Lavrov_ForeignMinister_Russia_2004 a csto:PostHolding ;
        csto:holder res:Sergey_Lavrov ; csto:role csto:ForeignMinister ;
        csto:postIn res:Russia ; csto:startDate "2004-03-09"^^xsd:date .
    res:membership_Uzbekistan_CSTO a csto:Membership ;
        csto:member res:Uzbekistan ; csto:organization res:CSTO ;
        csto:membershipStatus csto:FullMember ;
        csto:startDate "2006-06-23"^^xsd:date ; csto:endDate "2012-12-19"^^xsd:date .

IRIs are `res:` + the English name in ASCII: diacritics dropped, letters, digits and `-`
kept, every other run of characters one `_`, as `csto_slug` (src/normalize.c) mints IRIs for
names outside the knowledge base (`res:Kassym-Jomart_Tokayev`, `res:K_R_Narayanan`,
`res:Washington_D_C`; modifier letters are dropped: `res:Otkir_Sultonov`); post holdings are
`res:holding_<person>_<Role>_<post>_<start year>`, memberships
`res:membership_<state>_<organization>` (with `_<Status>` for an earlier status of the same
state, e.g. `res:membership_India_SCO_Observer`). `csto:postIn` is the state for national
posts, the ministry or presidential administration for spokespeople, and the organization or
body for secretaries general, executive secretaries and chairs. A current holder has no
`csto:endDate`.

## How the Wikidata ids were verified

No id was guessed or recalled. An entity gets `owl:sameAs` only when a research table marks
its id `verified2` (found in two independent public sources, e.g. NEREL annotations plus a
Wikidata-derived country list) or `verified1` (one source, mostly Wikidata-derived datasets
such as the every-politician scrapers). `csto:wikidataEvidence` keeps the confidence and the
source. When the two tables disagree the sourced one wins: `wikidata-ids.tsv` lists Sergey
Lavrov as missing, `officeholders.tsv` gives Q58217 as verified2 (every-politician plus a
GitHub file), so Q58217 is used; likewise Maria Zakharova (Q20812953, verified1) and
Sirojiddin Muhriddin (Q18198123, verified1). Capital ids that appear only inside the evidence
text of country rows (Baku, Tbilisi, Tehran, ...) were not used.

## Dates and caveats

- Post terms come from `officeholders.tsv` unchanged. A date known only to the month or year
  is widened to the whole month or year (start on the 1st, end on the last day), so a term's
  interval always covers the true one; such holdings carry an `rdfs:comment`. Terms marked
  `recall-only` or `LOW CONFIDENCE` in the research (most of China, India, Pakistan and Iran,
  some Belarus and Kazakhstan security council secretaries) say so in their comment.
- Sirojiddin Muhriddin's term starts on 2013-11-29 (Wikidata P39 export via
  every-politician); the seed article's brief said 2013-11-30.
- People are merged by name: Ruslan Mirzayev (Uzbek defence minister 2005-2008) and
  R. Mirzaev (head of the SCO RATS 2022-2024) are one entity, which the research did not
  confirm. Nurlan Yermekbayev, Vladimir Norov, Muratbek Imanaliyev, Yuri Khachaturov,
  Imangali Tasmagambetov, Vladimir Rushailo, Tigran Sargsyan and others hold national and
  organization posts as one person, as they did.
- Memberships use the date of the founding act or of the summit decision; the SCO dialogue
  partners admitted in 2021-2025 and Serbia's observer status in the CSTO Parliamentary
  Assembly carry a comment on how exact that is. Not recorded: Ukraine in the CIS (it never
  ratified the Charter), Iran's EAEU observer status and the CSTO's pre-2002 treaty members
  (Azerbaijan, Georgia, Uzbekistan under the 1992 treaty), for want of checked dates.
- Russian labels are given only where the usual Russian spelling is well known.

## Importing from Wikidata: `csto-kg kb import`

`csto-kg kb import FILE [--into KBFILE]` reads a Wikidata extract (Turtle or N-Triples) and
merges it into `user.ttl` here (or KBFILE): each `wd:Q…` item with an English label becomes
`res:<slug of the label>` with `rdfs:label`/`skos:altLabel` (English only),
`owl:sameAs wd:Q…`, an `rdf:type` from `wdt:P31` (Q5 -> `csto:Person`, Q6256/Q3624078 ->
`csto:Country`, Q515/Q5119 -> `csto:City`, Q484652 -> `csto:InternationalOrganization`,
anything else gives no type) and `csto:positionHeldItem wd:Q…` for each `wdt:P39`. An item
that the knowledge base already links to the same `wd:` id keeps its existing IRI.

This query on https://query.wikidata.org/ produces such an extract (replace the `VALUES`
list with the items you want, or use the second `WHERE` to take every member state of the
CSTO, P463 "member of" Q318693):

```sparql
PREFIX wd:   <http://www.wikidata.org/entity/>
PREFIX wdt:  <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT {{
  ?item rdfs:label ?label ; skos:altLabel ?alt ; wdt:P31 ?class ; wdt:P39 ?position .
}}
WHERE {{
  VALUES ?item {{ wd:Q7747 wd:Q58217 wd:Q20812953 }}
  # or, instead of VALUES:  ?item wdt:P463 wd:Q318693 .
  {{ ?item rdfs:label ?label .     FILTER(LANG(?label) = "en") }}
  UNION {{ ?item skos:altLabel ?alt . FILTER(LANG(?alt) = "en") }}
  UNION {{ ?item wdt:P31 ?class }}
  UNION {{ ?item wdt:P39 ?position }}
}}
```

    curl -sS -H 'Accept: text/turtle' --data-urlencode query@extract.rq \\
         https://query.wikidata.org/sparql > extract.ttl
    csto-kg kb import extract.ttl
    csto-kg kb stats

The `UNION`s keep the result small: `OPTIONAL`s would multiply every alias by every position.

## Entities without a Wikidata id ({missing_count})

Missing means that no research table gives a verified id; these are candidates for
`csto-kg kb import` or for a new research pass, not errors.

| entity | type | label |
|---|---|---|
{missing_rows}
"""


# ---------------------------------------------------------------------------------------


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--research", default="/work/shared/research")
    ap.add_argument("--out", default=os.path.join(here, "..", "..", "ontology", "kb"))
    args = ap.parse_args()
    try:
        kb = KB()
        wd = load_wikidata_ids(os.path.join(args.research, "wikidata-ids.tsv"))
        build_places(kb)
        build_organizations(kb)
        build_people(kb, args.research)
        build_curated_people(kb)
        build_wikidata_ids(kb, wd)
        build_memberships(kb)
        check(kb)
    except KBError as e:
        print(f"build_kb.py: {e}", file=sys.stderr)
        return 1
    files = {
        "countries.ttl": render_entities(kb, "countries.ttl", "Countries"),
        "cities.ttl": render_entities(kb, "cities.ttl", "Cities"),
        "organizations.ttl": render_entities(
            kb, "organizations.ttl",
            "International organizations, their bodies, and national government bodies"),
        "people.ttl": render_people(kb),
        "memberships.ttl": render_memberships(kb),
    }
    os.makedirs(args.out, exist_ok=True)
    for name, lines in files.items():
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines).rstrip("\n") + "\n")
    with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(kb))
    by_type = collections.Counter(e.type for e in kb.entities.values())
    print(f"{len(kb.entities)} entities ({', '.join(f'{t} {by_type[t]}' for t in TYPES)}), "
          f"{sum(1 for e in kb.entities.values() if e.qid)} with Wikidata ids, "
          f"{len(kb.holdings)} post holdings, {len(kb.memberships)} memberships")
    return 0


if __name__ == "__main__":
    sys.exit(main())
