#!/usr/bin/env python3
"""Write N distinct articles as JSON Lines for `csto-kg extract --jsonl` (benchmark corpus).

    bench/make_corpus.py N OUT.jsonl [--seed S]

The base texts are the project's own articles (tests/articles/*.txt, examples/*.txt),
written by the team; nothing else is read but ontology/kb/people.ttl. Each generated
article takes one base text and
  - moves its publication date to a day between 2001 and 2025 (the knowledge base's post
    holdings start in 2000; each base text gets each new date at most once, so no two
    articles are alike), and every date in the text by the same number of days: "November 22", "23 November 2022", "Sept. 17", month-only
    mentions ("in October"), weekdays ("on Monday"), and the years near the publication
    year ("in 2023"; older years such as the 1992 treaty stay);
  - swaps each knowledge-base person who held exactly one post on the base date for the
    person who held that post (same role, same state or body) on the new date, by full
    name and by the single names the text uses for them ("Putin", "Hu"); a person with no
    such successor in the knowledge base, or whose successor is already in the text, stays;
  - gets a unique URL and id.
The output is deterministic for a given seed.
"""
import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_DAY, LAST_DAY = dt.date(2001, 1, 1), dt.date(2025, 12, 31)
YEARS_BEFORE, YEARS_AFTER = 3, 6  # bare years this close to the publication year move with it

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
        "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
# The abbreviation written for a month: AP style with a period, else a plain short form.
ABBR_DOT = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec."]
ABBR_PLAIN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_month_words = sorted(MONTHS + list(ABBR), key=len, reverse=True)
_MONTH = "(" + "|".join(_month_words + [m.upper() for m in _month_words]) + ")"
DATE_PATTERNS = [
    # November 22 | Sept. 17 | AUGUST 9 | January 1, 2015
    ("md", re.compile(r"\b" + _MONTH + r"(\.?) (\d{1,2})\b(?:(,? )(\d{4})\b)?")),
    # 23 November 2022 | 19 May
    ("dm", re.compile(r"\b(\d{1,2}) " + _MONTH + r"\b(\.?)(?:( )(\d{4})\b)?")),
    # in September | end of July (full names only: "may" is also a verb)
    ("m", re.compile(r"(?<=\b(?:in|of) )(" + "|".join(MONTHS) + r")\b(?! \d)")),
    ("wd", re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")),
    ("y", re.compile(r"\b((?:19|20)\d\d)\b")),
]


def month_number(word):
    w = word.capitalize()
    return MONTHS.index(w) + 1 if w in MONTHS else ABBR[w]


def month_word(month, old_word, dot):
    """The new month written the way old_word (and its period, if any) was."""
    if old_word.capitalize() in MONTHS:
        w = MONTHS[month - 1] + dot
    else:
        w = (ABBR_DOT if dot else ABBR_PLAIN)[month - 1]
    return w.upper() if old_word.isupper() and len(old_word) > 1 else w


def nearest(month, day, pub):
    """The date with this month and day closest to the publication date."""
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - pub).days) < abs((best - pub).days):
            best = d
    return best


# ---- knowledge base ----------------------------------------------------------------------

def ttl_string(s):
    return s.replace('\\"', '"').replace("\\\\", "\\")


def read_people(path):
    """Persons (iri -> (label, [names])) and holdings [(holder, role, post, start, end)]
    from the generated people.ttl: one block per subject, separated by blank lines."""
    persons, holdings = {}, []
    lit = r'"((?:[^"\\]|\\.)*)"@en'
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        head = re.match(r"(res:\S+) a csto:(Person|PostHolding) ;", block.lstrip())
        if not head:
            continue
        iri, kind = head.groups()
        if kind == "Person":
            labels = [ttl_string(x) for x in re.findall(r"rdfs:label " + lit, block)]
            alts = [ttl_string(x) for x in re.findall(r"skos:altLabel " + lit, block)]
            if labels:
                persons[iri] = (labels[0], labels + alts)
            continue
        field = lambda p: (re.search(p + r" (\S+?)(?:\^\^xsd:date)? [;.]", block) or [None, None])[1]
        start, end = field("csto:startDate"), field("csto:endDate")
        holdings.append((field("csto:holder"), field("csto:role"), field("csto:postIn"),
                         dt.date.fromisoformat(start.strip('"')) if start else dt.date.min,
                         dt.date.fromisoformat(end.strip('"')) if end else dt.date.max))
    return persons, holdings


class Kb:
    def __init__(self, path):
        self.persons, holdings = read_people(path)
        self.by_person, self.by_post = {}, {}
        for h in holdings:
            if h[0] in self.persons:
                self.by_person.setdefault(h[0], []).append(h)
                self.by_post.setdefault((h[1], h[2]), []).append(h)
        names = {}
        for iri, (_, all_names) in self.persons.items():
            for n in all_names:
                names.setdefault(n, iri)
        self.name_of = names
        surnames = {}
        for n, iri in names.items():
            surnames.setdefault(n.split()[-1], set()).add(iri)
        self.surname_of = {w: ps.pop() for w, ps in surnames.items() if len(ps) == 1}
        alts = sorted(names, key=len, reverse=True)
        self.name_re = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, alts)) + r")(?!\w)")

    def post_on(self, person, day):
        """The one (role, post) the person held on day, or None (none, or several)."""
        posts = {(h[1], h[2]) for h in self.by_person.get(person, []) if h[3] <= day <= h[4]}
        return posts.pop() if len(posts) == 1 else None

    def holders(self, post, day):
        return sorted({h[0] for h in self.by_post[post] if h[3] <= day <= h[4]})


# ---- base texts as templates -------------------------------------------------------------

def read_base(path):
    text = path.read_text(encoding="utf-8")
    meta, body = {}, text
    if text.startswith("---\n"):
        head, body = text[4:].split("\n---\n", 1)
        for line in head.splitlines():
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip().strip("\"'")
    if "date" not in meta:
        sys.exit(f"make_corpus.py: {path}: no date in the front matter")
    return meta, body


class Template:
    """A base text cut into literal pieces and slots (dates, weekdays, years, names)."""

    def __init__(self, path, kb):
        meta, body = read_base(path)
        self.stem = re.sub(r"^\d+-|-\d{4}$", "", path.stem)
        self.outlet = meta.get("outlet")
        self.pub = dt.date.fromisoformat(meta["date"])
        # Title and body are cut as one text, so that a name in the title is swapped too.
        text = meta.get("title", "") + "\n\n" + body
        slots = self.date_slots(text) + self.name_slots(text, kb)
        slots.sort(key=lambda s: (s[0], -s[1]))
        self.pieces, pos = [], 0
        for start, end, slot in slots:
            if start < pos:
                continue  # overlaps a slot already taken ("23 November 2022" holds a year)
            self.pieces.append(text[pos:start])
            self.pieces.append(slot)
            pos = end
        self.pieces.append(text[pos:])

    def date_slots(self, text):
        out = []
        for kind, rx in DATE_PATTERNS:
            for m in rx.finditer(text):
                g = m.groups()
                if kind == "md":
                    slot = ("date", g[0], g[1], "md", int(g[2]), g[3], g[4])
                elif kind == "dm":
                    slot = ("date", g[1], g[2], "dm", int(g[0]), g[3], g[4])
                elif kind == "m":
                    slot = ("month", g[0])
                elif kind == "wd":
                    slot = ("weekday", WEEKDAYS.index(g[0]))
                else:
                    y = int(g[0])
                    if not self.pub.year - YEARS_BEFORE <= y <= self.pub.year + YEARS_AFTER:
                        continue
                    slot = ("year", y)
                if slot[0] == "date" and not self.valid_date(slot):
                    continue
                out.append((m.start(), m.end(), slot))
        return out

    def valid_date(self, slot):
        _, word, _, _, day, _, year = slot
        try:
            dt.date(int(year) if year else 2000, month_number(word), day)
            return True
        except ValueError:
            return False

    def name_slots(self, text, kb):
        """Full names of KB people who held one post on the publication date, then the
        single names of the text ("Putin") that belong to exactly one of them."""
        out, self.people, others = [], {}, set()
        for m in kb.name_re.finditer(text):
            person = kb.name_of[m.group(1)]
            post = kb.post_on(person, self.pub)
            if post is None:
                others.add(person)
                continue
            self.people[person] = post
            out.append((m.start(), m.end(), ("name", person, None)))
        self.others = others
        words = {}
        for start, end, (_, person, _) in list(out):
            tokens = text[start:end].split()
            for i, tok in enumerate(tokens):
                if re.fullmatch(r"[A-Z][a-z'-]+", tok):
                    pos = -1 if i == len(tokens) - 1 else i
                    words.setdefault(tok, set()).add((person, pos))
        # A surname alone names a KB person too ("Tokayev" after "The Kazakh President").
        for m in re.finditer(r"(?<![\w-])[A-Z][a-z'-]+(?![\w-])", text):
            person = kb.surname_of.get(m.group())
            if person and m.group() not in words and person not in others:
                post = kb.post_on(person, self.pub)
                if post:
                    self.people[person] = post
                    words[m.group()] = {(person, -1)}
        taken = [(s, e) for s, e, _ in out]
        for tok, owners in words.items():
            if len({p for p, _ in owners}) != 1:
                continue
            person, pos = owners.pop()
            for m in re.finditer(r"(?<![\w-])" + re.escape(tok) + r"(?![\w-])", text):
                if not any(s <= m.start() < e for s, e in taken):
                    out.append((m.start(), m.end(), ("name", person, pos)))
        return out

    def render(self, new_pub, kb, rng):
        delta = new_pub - self.pub
        swap = self.swaps(new_pub, kb, rng)
        parts = []
        for p in self.pieces:
            parts.append(p if isinstance(p, str) else self.slot_text(p, delta, new_pub, swap, kb))
        text = "".join(parts)
        title, _, body = text.partition("\n\n")
        return title, body

    def swaps(self, new_pub, kb, rng):
        """Each person -> the holder of their post on the new date; no two alike."""
        swap = {}
        for person, post in self.people.items():
            cands = kb.holders(post, new_pub)
            swap[person] = rng.choice(cands) if cands else person
        while True:
            seen = {}
            for p in self.others:
                seen.setdefault(p, []).append(p)
            for old, new in swap.items():
                seen.setdefault(new, []).append(old)
            clash = [o for v in seen.values() if len(v) > 1 for o in v if o in swap and swap[o] != o]
            if not clash:
                return swap
            for o in clash:
                swap[o] = o

    def slot_text(self, slot, delta, new_pub, swap, kb):
        kind = slot[0]
        if kind == "name":
            _, person, pos = slot
            label = kb.persons[swap[person]][0]
            if pos is None:
                return label
            tokens = label.split()
            return tokens[pos] if -len(tokens) <= pos < len(tokens) else tokens[-1]
        if kind == "weekday":
            return WEEKDAYS[(slot[1] + delta.days) % 7]
        if kind == "year":
            return str(slot[1] + new_pub.year - self.pub.year)
        if kind == "month":
            ref = nearest(month_number(slot[1]), 15, self.pub) + delta
            return MONTHS[ref.month - 1]
        _, word, dot, order, day, sep, year = slot
        old = dt.date(int(year), month_number(word), day) if year else \
            nearest(month_number(word), day, self.pub)
        new = old + delta
        w = month_word(new.month, word, dot)
        tail = f"{sep}{new.year}" if year else ""
        return f"{w} {new.day}{tail}" if order == "md" else f"{new.day} {w}{tail}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    kb = Kb(ROOT / "ontology/kb/people.ttl")
    paths = sorted((ROOT / "tests/articles").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    templates = [Template(p, kb) for p in paths]
    days = (LAST_DAY - FIRST_DAY).days + 1
    if args.n > days * len(templates):
        sys.exit(f"make_corpus.py: at most {days * len(templates)} distinct articles")
    rng = random.Random(args.seed)
    used = set()
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.n):
            k = i % len(templates)
            t = templates[k]
            while True:
                new_pub = FIRST_DAY + dt.timedelta(days=rng.randrange(days))
                if (k, new_pub) not in used:
                    used.add((k, new_pub))
                    break
            title, body = t.render(new_pub, kb, rng)
            outlet = re.sub(r"[^a-z0-9]+", "-", (t.outlet or "news").lower()).strip("-")
            rec = {"id": f"bench-{i:06d}",
                   "url": f"https://bench.csto-kg.example/{outlet}/{new_pub:%Y/%m/%d}/{t.stem}-{i:06d}",
                   "date": new_pub.isoformat(), "outlet": t.outlet, "title": title or None,
                   "text": body}
            out.write(json.dumps({k: v for k, v in rec.items() if v is not None},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
