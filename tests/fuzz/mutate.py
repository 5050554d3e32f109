"""Mutations of real fixtures, per format, for the fuzz harness (tests/test_fuzz.py, bench/bench_fuzz.py).

Each mutator takes the fixture's bytes and a seeded ``random.Random`` and returns (name, bytes).
The kinds follow issue 18's campaign: byte flips, truncations, damaged zip members, XML tricks
(entities, external references, deep nesting), odd numbers (Infinity, NaN, 1e400, 400 digits,
-5, 3.5), control characters, wrong charsets and forged bundles with recomputed hashes.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import zipfile
from collections.abc import Callable

Mutator = Callable[[bytes, random.Random], bytes]

ODD_NUMBERS = [
    "Infinity", "NaN", "-Infinity", "1e400", "9" * 400, "9" * 5000, "-5", "3.5", "abc", "０．５", "1,2,3",
    "\u00a0", "１２３", "—", "0x1F", "1e-400", "4529\u200b", "−7", "٣", "12.000000000000000001",
]  # fmt: skip
CONTROL = ["\x0b", "\x0c", "\x00", "\x1b", "\ufffe", "\ud7ff", "\u202e", "\x7f", "\x01"]
XML_TRICKS = [
    '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>',
    '<?xml-stylesheet href="http://127.0.0.1:9/x.xsl"?>',
]


# ------------------------------------------------------------------------------------------------
# Any bytes


def flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def splice(data: bytes, rng: random.Random) -> bytes:
    """A chunk copied elsewhere, or random bytes inserted."""
    i, j = sorted(rng.randrange(len(data)) for _ in range(2))
    chunk = data[i : j + 1][:4096] if rng.random() < 0.5 else rng.randbytes(rng.randint(1, 64))
    at = rng.randrange(len(data))
    return data[:at] + chunk + data[at:]


BYTES: list[Mutator] = [flip, truncate, splice]


# ------------------------------------------------------------------------------------------------
# Text (and the text inside documents)


def _numbers(text: str, rng: random.Random) -> str:
    spots = [m.span() for m in re.finditer(r"(?<![\d.])\d+(?![\d.])", text)]
    chosen = rng.sample(spots, min(len(spots), rng.randint(1, 3))) if spots else []
    for start, end in sorted(chosen, reverse=True):  # from the end: earlier offsets stay valid
        text = text[:start] + rng.choice(ODD_NUMBERS) + text[end:]
    return text


def _controls(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(CONTROL) + text[at:]
    return text


def _lines(text: str, rng: random.Random) -> str:
    """A line duplicated (maybe with another number), dropped, or moved."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    kind = rng.randrange(3)
    if kind == 0:
        lines.insert(rng.randrange(len(lines)), _numbers(lines[i], rng) if rng.random() < 0.5 else lines[i])
    elif kind == 1:
        del lines[i]
    else:
        lines.insert(rng.randrange(len(lines)), lines.pop(i))
    return "\n".join(lines)


def _encode(text: str, rng: random.Random) -> bytes:
    enc = rng.choice(["utf-8", "utf-8", "gb18030", "utf-16", "utf-8-sig"])
    return text.encode(enc, errors="surrogatepass" if enc.startswith("utf") else "replace")


def text_mutators() -> list[Mutator]:
    def numbers(data: bytes, rng: random.Random) -> bytes:
        return _encode(_numbers(data.decode("utf-8", "replace"), rng), rng)

    def controls(data: bytes, rng: random.Random) -> bytes:
        return _encode(_controls(data.decode("utf-8", "replace"), rng), rng)

    def lines(data: bytes, rng: random.Random) -> bytes:
        return _lines(data.decode("utf-8", "replace"), rng).encode("utf-8")

    return [*BYTES, numbers, controls, lines, lines]


# ------------------------------------------------------------------------------------------------
# Zip containers (.docx, .grb)


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i, zf.read(i)) for i in zf.infolist()]


def _zip(members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, blob in members:
            name = info.filename if isinstance(info, zipfile.ZipInfo) else info
            zf.writestr(name, blob)
    return buf.getvalue()


def _xml_member(members: list[tuple[zipfile.ZipInfo, bytes]], rng: random.Random) -> int:
    xml = [i for i, (info, _b) in enumerate(members) if info.filename.endswith((".xml", ".rels", ".json"))]
    return rng.choice(xml) if xml else rng.randrange(len(members))


def member_damage(data: bytes, rng: random.Random) -> bytes:
    """One member's bytes flipped, truncated or dropped; or one renamed."""
    members: list[tuple[zipfile.ZipInfo | str, bytes]] = list(_members(data))
    i = rng.randrange(len(members))
    info, blob = members[i]
    kind = rng.randrange(4)
    if kind == 0 and blob:
        members[i] = (info, flip(blob, rng))
    elif kind == 1 and blob:
        members[i] = (info, truncate(blob, rng))
    elif kind == 2:
        del members[i]
    else:
        name = info.filename if isinstance(info, zipfile.ZipInfo) else info
        members[i] = (name + rng.choice(["x", "/../evil", ".bak"]), blob)
    return _zip(members)


def xml_tricks(data: bytes, rng: random.Random) -> bytes:
    """An entity bomb or an external reference in a DOCTYPE, or deep nesting, in one XML member."""
    members: list[tuple[zipfile.ZipInfo | str, bytes]] = list(_members(data))
    i = _xml_member(members, rng)  # type: ignore[arg-type]
    info, blob = members[i]
    text = blob.decode("utf-8", "replace")
    kind = rng.randrange(3)
    if kind == 0:
        decl_end = text.find("?>") + 2 if text.startswith("<?xml") else 0
        trick = rng.choice(XML_TRICKS)
        text = text[:decl_end] + trick + text[decl_end:]
        text = re.sub(r"(<w:t(?: [^>]*)?>)", r"\1&d;" if "&c;" in trick else r"\1&x;", text, count=1)
    elif kind == 1:
        depth = rng.choice([100, 1000, 5000])
        at = text.rfind("</")
        text = text[:at] + "<w:r>" * depth + "</w:r>" * depth + text[at:] if at > 0 else text
    else:
        text = _numbers(text, rng) if rng.random() < 0.7 else _controls(text, rng)
    members[i] = (info, text.encode("utf-8", "surrogatepass"))
    return _zip(members)


def zip_mutators() -> list[Mutator]:
    return [*BYTES, member_damage, member_damage, xml_tricks, xml_tricks]


# ------------------------------------------------------------------------------------------------
# HTML


def html_mutators() -> list[Mutator]:
    def charset(data: bytes, rng: random.Random) -> bytes:
        label = rng.choice([b"iso-8859-1", b"utf-8", b"gb2312", b"big5", b"x-unknown", b"utf-16"])
        out = re.sub(rb"charset\s*=\s*[\"']?[A-Za-z0-9_\-]+", b"charset=" + label, data, count=1)
        return out if out != data else b"<meta charset=" + label + b">" + data

    def nesting(data: bytes, rng: random.Random) -> bytes:
        depth = rng.choice([200, 2000, 20000])
        tag = rng.choice([b"div", b"table", b"span", b"td"])
        at = rng.randrange(len(data))
        return data[:at] + b"<" + tag + b">" * 1 + (b"<" + tag + b">") * depth + data[at:]

    def spans(data: bytes, rng: random.Random) -> bytes:
        big = str(rng.choice([0, -1, 65534, 2**31, 10**9])).encode()
        return re.sub(
            rb"<td", b'<td rowspan="' + big + b'" colspan="' + big + b'"', data, count=rng.randint(1, 5)
        )

    def text(data: bytes, rng: random.Random) -> bytes:
        s = data.decode("utf-8", "replace")
        s = _numbers(s, rng) if rng.random() < 0.5 else _lines(s, rng)
        return s.encode("utf-8")

    def gbk_as_latin(data: bytes, rng: random.Random) -> bytes:
        s = data.decode("utf-8", "replace")
        s = re.sub(r"charset\s*=\s*[\"']?[A-Za-z0-9_\-]+", "charset=iso-8859-1", s, count=1)
        return s.encode("gb18030", errors="replace")

    return [*BYTES, charset, nesting, spans, text, text, gbk_as_latin]


# ------------------------------------------------------------------------------------------------
# Bundles: forged review.json with the hashes recomputed (as a forger would)


def forge(data: bytes, rng: random.Random) -> bytes:
    members = {info.filename: blob for info, blob in _members(data)}
    review = json.loads(members["review.json"])
    key = rng.choice(["edits", "notes", "waivers", "findings", "reviewer", "values", "schema"])
    value = rng.choice([None, 1, "x", [], {}, [1], [{}], [{"cell": "t9.nope"}], -1, 10**30, True])
    if key in review and isinstance(review[key], list) and review[key] and rng.random() < 0.6:
        item = review[key][rng.randrange(len(review[key]))]
        if isinstance(item, dict) and item:
            field = rng.choice(sorted(item))
            item[field] = rng.choice([None, 1, "-5", "3.5", "abc", "../../etc/passwd", [], {}, "9" * 400])
    else:
        review[key] = value
    members["review.json"] = json.dumps(review, ensure_ascii=False).encode("utf-8")
    manifest = json.loads(members.pop("manifest.json"))
    manifest["members"] = {
        n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in members.items()
    }
    return _zip([("manifest.json", json.dumps(manifest).encode()), *members.items()])


def grb_mutators() -> list[Mutator]:
    return [*BYTES, member_damage, forge, forge, forge]


MUTATORS: dict[str, Callable[[], list[Mutator]]] = {
    "txt": text_mutators,
    "docx": zip_mutators,
    "html": html_mutators,
    "grb": grb_mutators,
    "pdf": lambda: list(BYTES),
}


def mutations(fmt: str, fixtures: list[tuple[str, bytes]], count: int, seed: int):
    """``count`` mutated inputs of one format: (description, file name, bytes), reproducible by seed."""
    rng = random.Random(f"{fmt}:{seed}")
    mutators = MUTATORS[fmt]()
    for n in range(count):
        name, base = fixtures[n % len(fixtures)]
        mutator = rng.choice(mutators)
        try:
            data = mutator(base, rng)
        except (zipfile.BadZipFile, ValueError, KeyError, IndexError):
            data = flip(base, rng)  # the fixture itself cannot take this mutation: flip bytes instead
        if rng.random() < 0.1:  # sometimes two mutations on top of each other
            data = rng.choice(BYTES)(data, rng) if data else data
        yield f"{fmt}#{n} {mutator.__name__} of {name}", name, data or b"\0"
