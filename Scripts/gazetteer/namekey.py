"""Name keys, exactly as the Swift side makes them (Sources/GeoMap/Text/NameKey.swift and Tokenizer.swift),
from the rules in name-key-rules.tsv beside this file. Used for joins and duplicate removal in the build, and
by Scripts/generate-fold-table for the Swift fold table. Standard library only."""
import os
import unicodedata

RULES_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "name-key-rules.tsv")


class Rules:
    """The rows of name-key-rules.tsv."""

    def __init__(self, path=RULES_PATH):
        self.ranges = []          # (lower, upper) code points, upper exclusive
        self.letters = {}         # scalar -> fold
        self.apostrophes = set()  # non-ASCII scalars
        self.dashes = set()
        self.ascii = {}           # ASCII scalar -> role, for the listed ones
        self.words = {}           # folded token -> replacement
        self.leading = set()      # tokens dropped before more tokens
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t") + ["", ""]
                rule, value, to = cols[0], cols[1], cols[2]
                try:
                    if rule == "range":
                        self.ranges.append((_scalar(value), _scalar(to)))
                    elif rule == "letter":
                        self.letters[chr(_scalar(value))] = to
                    elif rule == "apostrophe":
                        self.apostrophes.add(chr(_scalar(value)))
                    elif rule == "dash":
                        self.dashes.add(chr(_scalar(value)))
                    elif rule.startswith("ascii-"):
                        self.ascii[chr(_scalar(value))] = rule[len("ascii-"):]
                    elif rule == "word":
                        self.words[value] = to
                    elif rule == "leading":
                        self.leading.add(value)
                    else:
                        raise ValueError(f"unknown rule {rule!r}")
                except ValueError as e:
                    raise SystemExit(f"{path}:{n}: {e}")

    def in_table(self, cp):
        return any(lo <= cp < hi for lo, hi in self.ranges)

    def fold(self, ch):
        """How a scalar of the table ranges folds: its letters, "'" (apostrophe), "-" (dash), " " (space),
        "" (a combining mark: nothing) or None (punctuation, a separator)."""
        if ch in self.letters:
            return self.letters[ch]
        if ch in self.apostrophes:
            return "'"
        if ch in self.dashes:
            return "-"
        cat = unicodedata.category(ch)
        if cat[0] in "ZC":
            return " "
        if cat[0] in "PS":
            return None
        decomposed = unicodedata.normalize("NFKD", ch)
        return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _scalar(text):
    if not text.startswith("U+"):
        raise ValueError(f"scalar {text!r} is not written U+XXXX")
    return int(text[2:], 16)


RULES = Rules()

LETTERS, DIGIT, APOSTROPHE, HYPHEN, PERIOD, SPACE, PUNCTUATION = range(7)
_ASCII_ROLE = {"apostrophe": APOSTROPHE, "hyphen": HYPHEN, "period": PERIOD, "newline": SPACE}
_roles = {}


def describe(ch):
    """(role, folded text) of one scalar, as Sources/GeoMap/Text/ScalarFolding.swift sees it."""
    hit = _roles.get(ch)
    if hit is not None:
        return hit
    cp = ord(ch)
    if cp < 0x80:
        if ch in RULES.ascii:
            r = (_ASCII_ROLE[RULES.ascii[ch]], "")
        elif "a" <= ch <= "z" or "A" <= ch <= "Z":
            r = (LETTERS, ch.lower())
        elif "0" <= ch <= "9":
            r = (DIGIT, ch)
        elif cp <= 0x20 or cp == 0x7F:
            r = (SPACE, "")
        else:
            r = (PUNCTUATION, "")
    elif RULES.in_table(cp):
        f = RULES.fold(ch)
        r = {None: (PUNCTUATION, ""), "'": (APOSTROPHE, ""), "-": (HYPHEN, ""), " ": (SPACE, "")}.get(f) \
            if f in (None, "'", "-", " ") else (LETTERS, f)
    elif cp in (0xFEFF, 0x3000):
        r = (SPACE, "")
    else:
        cat = unicodedata.category(ch)
        if cat[0] in "LM" or cat == "Nl":
            r = (LETTERS, ch)
        elif cat in ("Nd", "No"):
            r = (DIGIT, ch)
        elif cat in ("Zs", "Zl", "Zp"):
            r = (SPACE, "")
        else:
            r = (PUNCTUATION, "")
    _roles[ch] = r
    return r


def _is_word(text, i):
    return i < len(text) and describe(text[i])[0] in (LETTERS, DIGIT)


def tokens(text):
    """The folded tokens of `text` (Tokenizer.swift's scan, without shapes and offsets)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if describe(text[i])[0] not in (LETTERS, DIGIT):
            i += 1
            continue
        parts = []
        letters = letters_at_period = 0
        while i < n:
            role, folded = describe(text[i])
            if role == LETTERS:
                parts.append(folded)
                # a combining mark of the table folds to nothing and is no letter of its own
                if folded or not RULES.in_table(ord(text[i])):
                    letters += 1
                i += 1
            elif role == DIGIT:
                parts.append(folded)
                i += 1
            elif role == APOSTROPHE and _is_word(text, i + 1):
                if text[i + 1] in "sS" and not _is_word(text, i + 2):
                    i += 2  # a possessive: the token ends, "'s" is skipped
                    break
                i += 1
            elif role == PERIOD and 0 < letters - letters_at_period <= 3 and i + 1 < n \
                    and describe(text[i + 1])[0] == LETTERS:
                letters_at_period = letters
                i += 1
            else:
                break
        token = "".join(parts)
        out.append(RULES.words.get(token, token))
    return out


def key(name):
    """The key `name` is matched by; "" when it has no word."""
    words = tokens(name)
    if len(words) > 1 and words[0] in RULES.leading:
        words = words[1:]
    return " ".join(words)



# The build's joins and duplicate removal still use this older normaliser (translate tables, casefold, NFKD;
# punctuation kept, no possessive or initialism rule, ς -> σ): switching them to `key` changes 809 rows of
# places.tsv and shapes.wkb, which is not reviewed yet. It differs from `key` on 20,365 of 754,773 names.
import re  # noqa: E402

_BUILD_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "l", "ß": "ss", "ẞ": "ss", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
    "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th",
    "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŋ": "ng", "Ŋ": "ng", "ĸ": "k",
})
# apostrophes and look-alikes, and periods: removed
_BUILD_DROP = dict.fromkeys(map(ord, "'’‘‛ʼʻʹʽ`´′″\"“”„.·"), None)
# hyphens and dashes: space
_BUILD_SPACE = dict.fromkeys(map(ord, "-‐‑‒–—―−_/"), " ")
_BUILD_WORDS = {"st": "saint", "mt": "mount", "ft": "fort"}
_BUILD_WS = re.compile(r"\s+")


def build_key(name):
    s = name.translate(_BUILD_SPECIAL)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().translate(_BUILD_SPECIAL).translate(_BUILD_DROP).translate(_BUILD_SPACE)
    words = _BUILD_WS.sub(" ", s).strip().split(" ")
    words = [_BUILD_WORDS.get(w, w) for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)

if __name__ == "__main__":
    # A filter for tests and checks: one name a line in, its key a line out.
    import sys
    sys.stdout.reconfigure(encoding="utf-8")
    for line in sys.stdin.buffer:
        sys.stdout.write(key(line.decode("utf-8").rstrip("\n")) + "\n")
