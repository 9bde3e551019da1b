#!/usr/bin/env python3
"""Generates resources/gs1/ai-dictionary.tsv from the GS1 Barcode Syntax Dictionary.

The AI table the scanner library compiles in is not edited by hand: it is converted from GS1's
machine-readable Barcode Syntax Dictionary (gs1-syntax-dictionary.txt), kept next to it as
resources/gs1/gs1-syntax-dictionary.txt so the conversion can be repeated.

To refresh the table after GS1 publishes a new release:

    download gs1-syntax-dictionary.txt from https://github.com/gs1/gs1-syntax-dictionary
    over resources/gs1/gs1-syntax-dictionary.txt, then run
    python3 scripts/gs1-dictionary-import.py

The script refuses (exit status 1, naming the line) a dictionary that uses a flag, linter or
attribute it has no mapping for, so nothing in a new release is dropped silently: teach the
parser the new check (scanner/gs1aidictionary.cpp, scanner/gs1parser.cpp), map it in LINTERS
below, and run it again.

    python3 scripts/gs1-dictionary-import.py --check

writes nothing and fails when the committed table differs from what the dictionary gives (the
lint test gs1_dictionary_generated runs it).

Standard library only.
"""

import argparse
import difflib
import hashlib
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO / "resources" / "gs1" / "gs1-syntax-dictionary.txt"
DEFAULT_OUTPUT = REPO / "resources" / "gs1" / "ai-dictionary.tsv"

# Every linter name of the Syntax Dictionary, and the check of our table that does its work.
# The names are the same except where the dictionary renamed a linter between releases.
LINTERS = {
    "csum": "csum",
    "csumalpha": "csumalpha",
    "key": "key",
    "keyoff1": "keyoff1",
    "gcppos1": "key",  # later releases' name for "key"
    "gcppos2": "keyoff1",  # later releases' name for "keyoff1"
    "yymmd0": "yymmd0",
    "yymmdd": "yymmdd",
    "yyyymmdd": "yyyymmdd",
    "yymmddhh": "yymmddhh",
    "hh": "hh",
    "hhmi": "hhmi",
    "mi": "mi",
    "ss": "ss",
    "iso3166": "iso3166",
    "iso3166999": "iso3166999",
    "iso3166alpha2": "iso3166alpha2",
    "iso4217": "iso4217",
    "iso5218": "iso5218",
    "yesno": "yesno",
    "zero": "zero",
    "nonzero": "nonzero",
    "winding": "winding",
    "pieceoftotal": "pieceoftotal",
    "hyphen": "hyphen",
    "pcenc": "pcenc",
    "iban": "iban",
    "latitude": "latitude",
    "longitude": "longitude",
    "importeridx": "importeridx",
    "packagetype": "packagetype",
    "posinseqslash": "posinseqslash",
    "nozeroprefix": "nozeroprefix",
    "hasnondigit": "hasnondigit",
    "mediatype": "mediatype",
    "couponcode": "couponcode",
    "couponposoffer": "couponposoffer",
}

# Flags of the dictionary and what they become in our table. "*" and "?" mean the same in both.
# "!" (AI is a GS1 identification key, in some releases) has no column of its own: what the
# scanner needs of keys is in their "dlpkey" attribute and their check digit, so it is left out.
FLAGS = {"*": "*", "?": "?", "!": ""}

# Characters the dictionary reserves for flags: a token made only of these is the flags column.
FLAG_CHARS = set("*?!\"$%&'()+,-./:;<=>@[\\]^_`{|}~")

# What Dockhand adds to the dictionary (the dictionary does not describe these):
# - "dec" for the measure and amount AIs 31nn-36nn and 39nn, whose last digit is the number of
#   implied decimal places (GS1 General Specifications);
# - "unit=" for measures, by the first three digits of the AI, as shown next to a quantity;
# - "cur" for decimal AIs whose value starts with an ISO 4217 currency code.
UNITS = {
    "310": "kg", "311": "m", "312": "m", "313": "m", "314": "m²", "315": "l", "316": "m³",
    "320": "lb", "321": "in", "322": "ft", "323": "yd", "324": "in", "325": "ft", "326": "yd",
    "327": "in", "328": "ft", "329": "yd",
    "330": "kg", "331": "m", "332": "m", "333": "m", "334": "m²", "335": "l", "336": "m³",
    "337": "kg/m²",
    "340": "lb", "341": "in", "342": "ft", "343": "yd", "344": "in", "345": "ft", "346": "yd",
    "347": "in", "348": "ft", "349": "yd",
    "350": "in²", "351": "ft²", "352": "yd²", "353": "in²", "354": "ft²", "355": "yd²",
    "356": "ozt", "357": "oz",
    "360": "qt", "361": "gal", "362": "qt", "363": "gal", "364": "in³", "365": "ft³",
    "366": "yd³", "367": "in³", "368": "ft³", "369": "yd³",
    "394": "%",
}

# Titles for the entries the dictionary gives none (the coupon AIs): what the app shows for them.
FALLBACK_TITLES = {
    "8110": "COUPON",
    "8112": "COUPON (POS OFFER)",
}

HEADER = """\
# Dockhand GS1 Application Identifier dictionary. GENERATED, do not edit by hand: converted by
# scripts/gs1-dictionary-import.py from resources/gs1/gs1-syntax-dictionary.txt, the GS1 Barcode
# Syntax Dictionary:
#   {release}
#   {copyright}, Apache License 2.0
#   sha256 {sha256}
# To refresh: download the new gs1-syntax-dictionary.txt from GS1's repository
# (https://github.com/gs1/gs1-syntax-dictionary) over resources/gs1/gs1-syntax-dictionary.txt and
# run python3 scripts/gs1-dictionary-import.py (the lint test gs1_dictionary_generated fails while
# the two disagree).
# One AI or AI range per line, five TAB-separated columns:
#   ai        one AI ("01") or an inclusive range of same-length AIs ("3100-3105")
#   flags     "*" predefined length (never followed by FNC1), "?" allowed as a Digital Link
#             query attribute, "-" for none
#   format    space-separated components Type[Length][,check...]; Type N numeric, X GS1 CSET 82,
#             Y CSET 39, Z base64url; "N6" exactly 6, "X..20" 1 to 20; [..] optional component.
#             Checks (the dictionary's linters): csum (mod-10 check digit), csumalpha (check
#             character pair), key / keyoff1 (starts with a GS1 Company Prefix, from the first /
#             second character), yymmdd, yymmd0 (day 00 allowed = last day of month), yyyymmdd,
#             yymmddhh, hh, hhmi, mi, ss, iso3166, iso3166999, iso3166alpha2, iso4217, iso5218,
#             yesno, zero, nonzero, winding, pieceoftotal, hyphen, pcenc, iban, latitude,
#             longitude, importeridx, packagetype, posinseqslash, nozeroprefix, hasnondigit,
#             mediatype, couponcode, couponposoffer
#   attrs     space-separated: req=A,B+C (needs one of the groups; repeatable), ex=A,31nn (must not
#             appear with), dlpkey[=q1,q2|q3] (Digital Link primary key and its qualifier order);
#             added by Dockhand: dec (last AI digit = implied decimal places), unit=kg, cur (value
#             starts with an ISO 4217 currency code); "-" for none
#   title     the GS1 data title
#ai\tflags\tformat\tattrs\ttitle
"""

COMPONENT = re.compile(r"^(\[?)([NXYZ](?:\.\.)?[0-9]+)(\]?)((?:,[a-z0-9]+)*)$")
AI_FIELD = re.compile(r"^([0-9]{2,4})(?:-([0-9]{2,4}))?$")


class DictionaryError(Exception):
    pass


def convert_component(token, line_no):
    """One component in our form: "[X1],hyphen" -> "[X1,hyphen]", "N13,csum,key" as it is."""
    m = COMPONENT.match(token)
    if not m or bool(m.group(1)) != bool(m.group(3)):
        # Linters may also sit inside the brackets: "[N6,yymmdd]".
        inner = re.match(r"^\[([^\]]+)\]((?:,[a-z0-9]+)*)$", token)
        if not inner:
            raise DictionaryError(f"line {line_no}: cannot read component '{token}'")
        parts = inner.group(1).split(",")
        m = COMPONENT.match(parts[0])
        if not m or m.group(1) or m.group(3):
            raise DictionaryError(f"line {line_no}: cannot read component '{token}'")
        optional = True
        typ = parts[0]
        linters = parts[1:] + [x for x in inner.group(2).split(",") if x]
    else:
        optional = bool(m.group(1))
        typ = m.group(2)
        linters = [x for x in m.group(4).split(",") if x]
    checks = []
    for linter in linters:
        if linter not in LINTERS:
            raise DictionaryError(
                f"line {line_no}: linter '{linter}' has no check in Dockhand's parser; implement "
                f"it (scanner/gs1parser.cpp) and map it in LINTERS of this script")
        checks.append(LINTERS[linter])
    text = ",".join([typ] + checks)
    return f"[{text}]" if optional else text


def convert_attribute(token, line_no):
    if token == "dlpkey" or token.startswith(("req=", "ex=", "dlpkey=")):
        return token
    raise DictionaryError(f"line {line_no}: attribute '{token}' is unknown to Dockhand's table")


def dockhand_attributes(first_ai, last_ai, components, line_no):
    """The attributes Dockhand adds to an entry, see UNITS."""
    extra = []
    prefix = first_ai[:2]
    decimal = len(first_ai) == 4 and (prefix in ("31", "32", "33", "34", "35", "36", "39"))
    if not decimal:
        return extra
    extra.append("dec")
    if first_ai[:3] != last_ai[:3]:
        raise DictionaryError(f"line {line_no}: range {first_ai}-{last_ai} spans several units")
    unit = UNITS.get(first_ai[:3])
    if prefix != "39" and unit is None:
        raise DictionaryError(
            f"line {line_no}: AI {first_ai} is a measure without a unit; add it to UNITS")
    if unit:
        extra.append(f"unit={unit}")
    if ",iso4217" in components[0]:
        extra.append("cur")
    return extra


def convert(text):
    """The dictionary text -> (list of TSV rows, release line, copyright line)."""
    rows = []
    release = "Release: not stated"
    copyright_line = "Copyright GS1 AISBL"
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            m = re.match(r"^#\s*Release:\s*(.*\S)\s*$", line)
            if m:
                release = f"Release: {m.group(1)}"
                # GS1's repository says UNSET between releases; the file is then a snapshot.
                if m.group(1).upper() in ("UNSET", "NOT SET"):
                    release += ", a snapshot of GS1's repository between releases"
            m = re.match(r"^#\s*(Copyright .*GS1 AISBL)", line)
            if m:
                copyright_line = m.group(1)
            continue
        if not line:
            continue
        spec, _, title = line.partition("#")
        title = title.strip()
        tokens = spec.split()
        ai_field = tokens.pop(0)
        m = AI_FIELD.match(ai_field)
        if not m or (m.group(2) and len(m.group(2)) != len(m.group(1))):
            raise DictionaryError(f"line {line_no}: cannot read AI '{ai_field}'")
        first_ai = m.group(1)
        last_ai = m.group(2) or first_ai
        flags = ""
        if tokens and all(c in FLAG_CHARS for c in tokens[0]):
            for c in tokens.pop(0):
                if c not in FLAGS:
                    raise DictionaryError(
                        f"line {line_no}: flag '{c}' is unknown to Dockhand's table")
                flags += FLAGS[c]
        components = []
        attributes = []
        for token in tokens:
            if token[0] in "NXYZ[" and not attributes:
                components.append(convert_component(token, line_no))
            else:
                attributes.append(convert_attribute(token, line_no))
        if not components:
            raise DictionaryError(f"line {line_no}: AI {ai_field} has no format")
        attributes += dockhand_attributes(first_ai, last_ai, components, line_no)
        if not title:
            title = FALLBACK_TITLES.get(first_ai, "")
            if not title:
                raise DictionaryError(
                    f"line {line_no}: AI {ai_field} has no title; add one to FALLBACK_TITLES")
        rows.append("\t".join(
            [ai_field, flags or "-", " ".join(components), " ".join(attributes) or "-", title]))
    if not rows:
        raise DictionaryError("no AI entries found")
    return rows, release, copyright_line


def generate(dictionary_bytes):
    rows, release, copyright_line = convert(dictionary_bytes.decode("utf-8"))
    header = HEADER.format(release=release, copyright=copyright_line,
                           sha256=hashlib.sha256(dictionary_bytes).hexdigest())
    return header + "\n".join(rows) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionary", nargs="?", type=Path, default=DEFAULT_INPUT,
                        help="the Syntax Dictionary file (default: %(default)s)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT,
                        help="the table to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail when OUTPUT differs from what DICTIONARY gives")
    args = parser.parse_args()

    try:
        tsv = generate(args.dictionary.read_bytes())
    except (OSError, DictionaryError) as e:
        print(f"gs1-dictionary-import: {args.dictionary}: {e}", file=sys.stderr)
        return 1

    if args.check:
        try:
            current = args.output.read_text(encoding="utf-8")
        except OSError as e:
            print(f"gs1-dictionary-import: {e}", file=sys.stderr)
            return 1
        if current == tsv:
            return 0
        sys.stderr.writelines(difflib.unified_diff(
            current.splitlines(keepends=True), tsv.splitlines(keepends=True),
            str(args.output), "generated"))
        print(f"gs1-dictionary-import: {args.output} is not what {args.dictionary} gives; run "
              f"python3 scripts/gs1-dictionary-import.py and commit the result", file=sys.stderr)
        return 1

    args.output.write_text(tsv, encoding="utf-8")
    print(f"gs1-dictionary-import: wrote {len(tsv.splitlines()) - HEADER.count(chr(10))} entries "
          f"to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
