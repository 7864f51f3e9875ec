#!/usr/bin/env python3
"""Generate the knowledge base under ontology/kb/ (Turtle files and README.md).

Inputs: the tables in scripts/kb/tables/ (TSV, described in tables/README.md) and the
README template scripts/kb/README.md.in; nothing else. The generated files are committed,
so the product never needs this script at run time; rerun it after changing a table:

    python3 scripts/kb/build_kb.py [--tables scripts/kb/tables] [--out ontology/kb]

The script refuses to write anything when a check fails: a table whose header is not the
expected one, two entities sharing a label or an alias, a reference to an entity that does
not exist, a Wikidata id that is not marked verified1/verified2 (such ids are left out),
one id on two entities, a bare surname used as an alias, two different Russian labels or
genders for one person, an IRI minted twice, or a session whose body has no meeting
class, whose place is not a city or whose chair is not a country. It uses the standard
library only.
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
# The ontology's roles (csto:Role individuals) and how a holding's label names them.
ROLE_LABELS = {
    "HeadOfState": "head of state", "HeadOfGovernment": "head of government",
    "ForeignMinister": "foreign minister", "DefenceMinister": "defence minister",
    "SecurityCouncilSecretary": "security council secretary", "Spokesperson": "spokesperson",
    "SecretaryGeneral": "secretary general", "ExecutiveSecretary": "executive secretary",
    "Chair": "chair", "SupremeLeader": "supreme leader",
}
TYPES = ["Country", "City", "InternationalOrganization", "OrganizationBody", "GovernmentBody",
         "Person"]
GENDERS = {"male": "csto:Male", "female": "csto:Female"}
# Evidence of a term taken from general reference rather than from the research tables.
CURATED = "curated: "

# Each table and its header, in the order the columns must appear.
TABLES = {
    "terms": "person aliases label_ru gender qid qid_confidence role post_in start end acting evidence",
    "countries": "slug en ru capital demonyms government_leads",
    "cities": "slug en ru country",
    "organizations": "slug type en ru part_of meeting member_role",
    "government-bodies": "slug en ru country head_role",
    "aliases": "entity alias use",
    "person-labels": "research_name label",
    "first-names": "variants",
    "posts": "post_in entity",
    "ids": "entity kind english_label id confidence evidence",
    "memberships": "member org status start end suffix note",
    "sessions": "body start end city chair_country format label aliases qid qid_confidence evidence",
}
# A session's format and what its node says of it (an informal session meets in person).
SESSION_FORMATS = {"in-person": None, "informal": "informal session",
                   "video": "held by videoconference"}
ALIAS_USES = ("alias", "title", "dropped", "blocked")


class KBError(Exception):
    pass


# ---------------------------------------------------------------------------------------
# Tables


class Row(dict):
    """A table row that knows where it came from ("terms.tsv:12")."""
    where = ""


def read_table(tables, name):
    path = os.path.join(tables, name + ".tsv")
    want = TABLES[name].split()
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != want:
            raise KBError(f"{name}.tsv: header {header}, expected {want}")
        rows = []
        for n, cells in enumerate(reader, start=2):
            if len(cells) != len(want):
                raise KBError(f"{name}.tsv:{n}: {len(cells)} columns, expected {len(want)}")
            row = Row((k, v.strip()) for k, v in zip(want, cells))
            row.where = f"{name}.tsv:{n}"
            rows.append(row)
    return rows


def split_list(text):
    return [p.strip() for p in text.split("|") if p.strip() and p.strip() != "-"]


class Names:
    """The name rules of the tables: aliases per entity, titles a person may be called by
    alone, research aliases not to use, names never to use, first-name spellings."""

    def __init__(self, tables):
        self.aliases = collections.defaultdict(list)
        self.titles = collections.defaultdict(set)
        self.dropped = collections.defaultdict(set)
        self.blocked = set()
        for r in read_table(tables, "aliases"):
            if r["use"] not in ALIAS_USES:
                raise KBError(f"{r.where}: use {r['use']!r} is not one of {ALIAS_USES}")
            if r["use"] == "blocked":
                self.blocked.add(r["alias"])
                continue
            if r["use"] == "dropped":
                self.dropped[r["entity"]].add(r["alias"])
                continue
            if r["use"] == "title":
                self.titles[r["entity"]].add(r["alias"])
            self.aliases[r["entity"]].append(r["alias"])
        self.first_names = [tuple(split_list(r["variants"]))
                            for r in read_table(tables, "first-names")]
        self.labels = {unicodedata.normalize("NFC", r["research_name"]): r["label"]
                       for r in read_table(tables, "person-labels")}


# ---------------------------------------------------------------------------------------
# Names


def ascii_fold(s):
    """Drop diacritics and modifier letters: 'Khürelsükh' -> 'Khurelsukh', 'Oʻtkir' -> 'Otkir'."""
    s = s.replace("\u02bb", "").replace("\u02bc", "").replace("\u2019", "'")
    s = s.replace("ı", "i").replace("ø", "o").replace("ð", "d").replace("ł", "l")
    out = unicodedata.normalize("NFKD", s)
    return "".join(c for c in out if not unicodedata.combining(c))


def slug(name):
    """IRI local name, by the rule of src/normalize.c's csto_slug (the test vectors in
    tests/spec/slugs.tsv hold both to it): compatibility decomposition, combining marks
    and modifier letters (category Lm: 'Oʻtkir' -> 'Otkir') dropped, ASCII letters,
    digits and '-' kept, every other run of characters one '_', none at either end."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if unicodedata.category(c) not in ("Mn", "Mc", "Me", "Lm"))
    s = re.sub(r"[^A-Za-z0-9-]+", "_", s).strip("_")
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


def first_name_variants(names, name):
    """Transliteration variants of a Russian-style first name: Sergei/Sergey, Dmitry/Dmitri."""
    parts = name.split(" ", 1)
    if len(parts) < 2:
        return set()
    for group in names.first_names:
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
        self.ru = ru or None
        self.gender = None
        self.alts = []  # ordered, unique
        self.qid = None
        self.evidence = None
        self.props = []  # (predicate, object in Turtle syntax)
        self.file = file


class KB:
    def __init__(self, names):
        self.names = names
        self.entities = collections.OrderedDict()
        self.holdings = []     # dicts
        self.memberships = []  # dicts
        self.sessions = []     # dicts

    def add(self, e, first=()):
        """Add an entity with its label's variants, then the aliases first, then its
        aliases from aliases.tsv (the order of its skos:altLabels)."""
        if e.slug in self.entities:
            raise KBError(f"res:{e.slug} defined twice")
        self.entities[e.slug] = e
        for a in [e.en, *first, *self.names.aliases.get(e.slug, ())]:
            self.add_alias(e, a)
        return e

    def add_alias(self, e, alias):
        """Add an alias and its regular spelling variants (the label's own variants too, when
        called with the label); never the label itself or a blocked name."""
        for v in sorted(spelling_variants(alias)):
            # exact comparison: "Russia's" and "Russia’s" are both wanted
            if v in self.names.blocked or v == e.en or v in e.alts:
                continue
            e.alts.append(v)

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


def attach_qid(e, qid, confidence, evidence, where):
    if confidence not in VERIFIED or not qid:
        return
    if not re.fullmatch(r"Q[1-9][0-9]*", qid):
        raise KBError(f"{where}: malformed id {qid!r} for {e.en}")
    if e.qid and e.qid != qid:
        raise KBError(f"{where}: {e.en} has two ids, {e.qid} and {qid}")
    upgrade = e.evidence and confidence >= e.evidence.split(":")[0] and (
        e.evidence.startswith("verified1") or "wikidata-ids.tsv" in e.evidence)
    if e.qid is None or upgrade:
        e.qid = qid
        e.evidence = short_evidence(confidence, evidence, qid)


def set_once(e, attr, value, where):
    """A person's Russian label and gender: given on any of the person's rows, never two."""
    if not value:
        return
    if getattr(e, attr) and getattr(e, attr) != value:
        raise KBError(f"{where}: {attr} {value!r} of res:{e.slug}, "
                      f"another row gives {getattr(e, attr)!r}")
    setattr(e, attr, value)


# ---------------------------------------------------------------------------------------
# Building


def build_places(kb, tables):
    for c in read_table(tables, "countries"):
        e = kb.add(Entity(c["slug"], "Country", c["en"], c["ru"], "countries.ttl"))
        for d in split_list(c["demonyms"]):
            e.props.append(("csto:demonym", lit(d, "en")))
        e.props.append(("csto:capital", ref(c["capital"])))
        if c["government_leads"]:
            e.props.append(("csto:headOfGovernmentLeadsSince",
                            f'"{c["government_leads"]}"^^xsd:date'))
    for c in read_table(tables, "cities"):
        e = kb.add(Entity(c["slug"], "City", c["en"], c["ru"], "cities.ttl"))
        e.props.append(("csto:country", ref(c["country"])))


def build_organizations(kb, tables):
    for o in read_table(tables, "organizations"):
        if o["type"] not in ("InternationalOrganization", "OrganizationBody"):
            raise KBError(f"{o.where}: type {o['type']!r}")
        e = kb.add(Entity(o["slug"], o["type"], o["en"], o["ru"], "organizations.ttl"))
        if o["part_of"]:
            e.props.append(("csto:partOf", ref(o["part_of"])))
        if o["meeting"]:
            e.props.append(("csto:meetingClass", "csto:" + o["meeting"]))
        if o["member_role"]:
            if o["member_role"] not in ROLE_LABELS:
                raise KBError(f"{o.where}: member_role {o['member_role']!r}")
            e.props.append(("csto:memberRole", "csto:" + o["member_role"]))
    for b in read_table(tables, "government-bodies"):
        e = kb.add(Entity(b["slug"], "GovernmentBody", b["en"], b["ru"], "organizations.ttl"))
        e.props.append(("csto:country", ref(b["country"])))
        if b["head_role"]:
            e.props.append(("csto:headRole", "csto:" + b["head_role"]))


def build_wikidata_ids(kb, tables):
    for r in read_table(tables, "ids"):
        if r["entity"] == "-":
            continue  # a property, or not an entity of ours (a news agency)
        attach_qid(kb.get(r["entity"]), r["id"], r["confidence"], r["evidence"], r.where)


def parse_date(text, is_end, where):
    """'2005-08' -> ('2005-08-31', 'month') for an end, ('2005-08-01', 'month') for a start.

    A partial date becomes the widest day that it allows, so a term's interval covers the
    whole month or year it is known to; the holding gets a comment saying so."""
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


def person_aliases(kb, person, aliases):
    """A row's aliases minus the dropped ones and bare surnames (one word), which the
    resolver derives itself; a person's titles (aliases.tsv, use 'title') are kept."""
    out = []
    for a in split_list(aliases):
        if a in kb.names.dropped.get(person.slug, ()):
            continue
        if " " not in a and a not in kb.names.titles.get(person.slug, ()):
            continue
        out.append(a)
    return out


def person_of(kb, row):
    """The person a terms row is about, made on the first row that names them."""
    name = unicodedata.normalize("NFC", row["person"])
    label = kb.names.labels.get(name, name)
    e = kb.entities.get(slug(label))
    if e is None:
        first = ([name] if label != name else []) + sorted(first_name_variants(kb.names, label))
        e = kb.add(Entity(slug(label), "Person", label, None, "people.ttl"), first)
    elif e.type != "Person":
        raise KBError(f"{row.where}: res:{e.slug} is a {e.type}, not a person")
    return e


def build_people(kb, tables):
    posts = {r["post_in"]: r["entity"] for r in read_table(tables, "posts")}
    for row in read_table(tables, "terms"):
        e = person_of(kb, row)
        set_once(e, "ru", row["label_ru"], row.where)
        if row["gender"] and row["gender"] not in GENDERS:
            raise KBError(f"{row.where}: gender {row['gender']!r} (male, female or empty)")
        set_once(e, "gender", row["gender"], row.where)
        if row["acting"] not in ("", "yes"):
            raise KBError(f"{row.where}: acting {row['acting']!r} (yes or empty)")
        for a in person_aliases(kb, e, row["aliases"]):
            kb.add_alias(e, a)
            for v in sorted(first_name_variants(kb.names, a)):
                kb.add_alias(e, v)
        attach_qid(e, row["qid"], row["qid_confidence"], row["evidence"], row.where)
        build_holding(kb, e, row, posts)


def build_holding(kb, person, row, posts):
    """posts: terms.tsv's post_in names -> entities (posts.tsv); other post_ins are slugs."""
    where = row.where
    role = row["role"]
    if role not in ROLE_LABELS:
        raise KBError(f"{where}: unknown role {role!r}")
    post_in = posts.get(row["post_in"], row["post_in"])
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
    if ev.startswith(CURATED):
        notes.append("curated from general reference (" + ev[len(CURATED):]
                     + "), not from officeholders.tsv")
    elif "LOW CONFIDENCE" in ev:
        notes.append("LOW CONFIDENCE in research: not checked against a fetched source")
    elif any("recall-only" in p and not p.strip().startswith("label_ru")
             for p in ev.split(";")):
        notes.append("recall-only in research: some dates not checked against a fetched source")
    # Two terms of one post starting in one year (Bakiyev, 2005) get _2 on the later one;
    # terms.tsv lists terms in date order, so the IRIs are stable.
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
        acting=row["acting"] == "yes",
        label=f"{person.en}, {ROLE_LABELS[role]} ({kb.get(post_in).en})",
        comment="; ".join(notes) or None))


def build_memberships(kb, tables):
    for m in read_table(tables, "memberships"):
        kb.get(m["member"])
        kb.get(m["org"])
        iri = f"membership_{m['member']}_{m['org']}"
        if m["suffix"]:
            iri += "_" + m["suffix"]
        kb.memberships.append(dict(iri=iri, **m))


def session_day(text, where):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise KBError(f"{where}: a session's dates are days, not {text!r}")
    return text


def session_notes(row):
    """What the session's rdfs:comment says: its format, and that research recalled some of
    its facts without a fetched source."""
    notes = [SESSION_FORMATS[row["format"]]] if SESSION_FORMATS[row["format"]] else []
    if "recall-only" in row["evidence"]:
        notes.append("recall-only in research: some facts not checked against a fetched source")
    return "; ".join(notes) or None


def build_sessions(kb, tables):
    """A session is the node extraction mints for its body and first day (src/meeting.c:
    csto_meeting_name and csto_meeting_label), so that the base and an article's event are
    one node with one label."""
    for r in read_table(tables, "sessions"):
        body = kb.get(r["body"])
        cls = dict(body.props).get("csto:meetingClass")
        if body.type != "OrganizationBody" or not cls:
            raise KBError(f"{r.where}: res:{body.slug} is not a body that meets")
        if r["format"] not in SESSION_FORMATS:
            raise KBError(f"{r.where}: format {r['format']!r} is not one of {tuple(SESSION_FORMATS)}")
        start = session_day(r["start"], r.where)
        end = session_day(r["end"], r.where) if r["end"] else None
        if end is not None and end <= start:
            raise KBError(f"{r.where}: ends on or before the day it starts")
        for col, type_ in (("city", "City"), ("chair_country", "Country")):
            if r[col] and kb.get(r[col]).type != type_:
                raise KBError(f"{r.where}: {col} res:{r[col]} is not a {type_}")
        alts = []
        for a in [r["label"], *split_list(r["aliases"])]:
            if a not in alts:
                alts.append(a)
        qid = None
        if r["qid_confidence"] in VERIFIED and r["qid"]:
            qid = r["qid"]
            if not re.fullmatch(r"Q[1-9][0-9]*", qid):
                raise KBError(f"{r.where}: malformed id {qid!r}")
        kb.sessions.append(dict(
            iri=f"event_{body.slug}_{start}", cls=cls, body=body, start=start, end=end,
            label=f"{body.en} {cls[len('csto:'):]}, {start}", city=r["city"],
            chair=r["chair_country"], alts=alts, qid=qid,
            evidence=short_evidence(r["qid_confidence"], r["evidence"], qid) if qid else None,
            comment=session_notes(r)))


def build(tables):
    kb = KB(Names(tables))
    build_places(kb, tables)
    build_organizations(kb, tables)
    build_people(kb, tables)
    build_wikidata_ids(kb, tables)
    build_memberships(kb, tables)
    build_sessions(kb, tables)
    check(kb)
    return kb


# ---------------------------------------------------------------------------------------
# Checks


def check(kb):
    errors = [f"aliases.tsv names undefined entity res:{s}"
              for s in list(kb.names.aliases) + list(kb.names.dropped) if s not in kb.entities]
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
                if " " not in a and a not in kb.names.titles.get(e.slug, ()):
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
    for m in kb.sessions:
        if m["qid"]:
            if m["qid"] in qids:
                errors.append(f"{m['qid']} on res:{m['iri']} and res:{qids[m['qid']]}")
            qids[m["qid"]] = m["iri"]
    iris = collections.Counter(h["iri"] for h in kb.holdings)
    iris.update(m["iri"] for m in kb.memberships)
    iris.update(m["iri"] for m in kb.sessions)
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
    if e.gender:
        pairs.append(("csto:gender", GENDERS[e.gender]))
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
        if h["acting"]:
            pairs.append(("csto:acting", '"true"^^xsd:boolean'))
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
        if m["end"]:
            pairs.append(("csto:endDate", f'"{m["end"]}"^^xsd:date'))
        if m["note"]:
            pairs.append(("rdfs:comment", lit(m["note"], "en")))
        write_subject(out, term(m["iri"]), pairs)
    return out


def render_meetings(kb):
    out = header("Sessions of the main bodies since 2000 (csto:Event), "
                 "under the IRIs extraction mints for them")
    for m in sorted(kb.sessions, key=lambda m: m["iri"]):
        pairs = [("a", f"csto:Event , {m['cls']}"), ("rdfs:label", lit(m["label"], "en"))]
        pairs += [("skos:altLabel", lit(a, "en")) for a in m["alts"]]
        if m["qid"]:
            pairs.append(("owl:sameAs", "wd:" + m["qid"]))
            pairs.append(("csto:wikidataEvidence", f'"{esc(m["evidence"])}"'))
        pairs.append(("csto:organizer", term(m["body"].slug)))
        part_of = dict(m["body"].props).get("csto:partOf")
        if part_of:
            pairs.append(("csto:organizer", fix_refs(part_of)))
        if m["end"]:
            pairs.append(("csto:startDate", f'"{m["start"]}"^^xsd:date'))
            pairs.append(("csto:endDate", f'"{m["end"]}"^^xsd:date'))
        else:
            pairs.append(("csto:date", f'"{m["start"]}"^^xsd:date'))
        if m["city"]:
            pairs.append(("csto:heldIn", term(m["city"])))
        if m["chair"]:
            pairs.append(("csto:chairCountry", term(m["chair"])))
        if m["comment"]:
            pairs.append(("rdfs:comment", lit(m["comment"], "en")))
        write_subject(out, term(m["iri"]), pairs)
    return out


# ---------------------------------------------------------------------------------------
# README


def readme(kb, template):
    by_type = collections.Counter(e.type for e in kb.entities.values())
    with_id = sum(1 for e in kb.entities.values() if e.qid)
    v2 = sum(1 for e in kb.entities.values() if e.qid and e.evidence.startswith("verified2"))
    ru = sum(1 for e in kb.entities.values() if e.ru)
    alts = sum(len(e.alts) for e in kb.entities.values())
    statuses = collections.Counter(m["status"] for m in kb.memberships)
    comm = sum(1 for h in kb.holdings if h["comment"])
    genders = collections.Counter(e.gender for e in kb.entities.values() if e.type == "Person")
    rows = [f"| {t} | {by_type[t]} | {sum(1 for e in kb.entities.values() if e.type == t and e.qid)} |"
            for t in TYPES]
    missing = [f"| `res:{e.slug}` | {e.type} | {e.en} |" for e in
               sorted(kb.entities.values(), key=lambda e: (TYPES.index(e.type), e.slug))
               if not e.qid]
    return template.format(
        total=len(kb.entities), type_rows="\n".join(rows), with_id=with_id, v2=v2,
        v1=with_id - v2, without_id=len(kb.entities) - with_id, ru=ru, alts=alts,
        holdings=len(kb.holdings), acting=sum(1 for h in kb.holdings if h["acting"]),
        commented=comm, memberships=len(kb.memberships),
        status_list=", ".join(f"{n} {s}" for s, n in sorted(statuses.items())),
        male=genders["male"], female=genders["female"], no_gender=genders[None],
        missing_count=len(missing), missing_rows="\n".join(missing),
        meetings=len(kb.sessions), meetings_with_id=sum(1 for m in kb.sessions if m["qid"]),
        session_rows=", ".join(f"{n} of the {b}" for b, n in collections.Counter(
            m["body"].en for m in kb.sessions).items()),
        recall_only=sum(1 for m in kb.sessions if m["comment"] and "recall-only" in m["comment"]))


# ---------------------------------------------------------------------------------------


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tables", default=os.path.join(here, "tables"))
    ap.add_argument("--out", default=os.path.join(here, "..", "..", "ontology", "kb"))
    args = ap.parse_args()
    try:
        kb = build(args.tables)
    except (KBError, OSError) as e:
        print(f"build_kb.py: {e}", file=sys.stderr)
        return 1
    with open(os.path.join(here, "README.md.in"), encoding="utf-8") as f:
        template = f.read()
    files = {
        "countries.ttl": render_entities(kb, "countries.ttl", "Countries"),
        "cities.ttl": render_entities(kb, "cities.ttl", "Cities"),
        "organizations.ttl": render_entities(
            kb, "organizations.ttl",
            "International organizations, their bodies, and national government bodies"),
        "people.ttl": render_people(kb),
        "memberships.ttl": render_memberships(kb),
        "meetings.ttl": render_meetings(kb),
    }
    os.makedirs(args.out, exist_ok=True)
    for name, lines in files.items():
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines).rstrip("\n") + "\n")
    with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(kb, template))
    by_type = collections.Counter(e.type for e in kb.entities.values())
    print(f"{len(kb.entities)} entities ({', '.join(f'{t} {by_type[t]}' for t in TYPES)}), "
          f"{sum(1 for e in kb.entities.values() if e.qid)} with Wikidata ids, "
          f"{len(kb.holdings)} post holdings, {len(kb.memberships)} memberships, "
          f"{len(kb.sessions)} meetings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
