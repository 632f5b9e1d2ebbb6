"""Name keys as ARCHITECTURE.md ("Name keys") defines them; used for joins and duplicate removal.

Fold case and diacritics (ł → l, ß → ss), drop apostrophes and look-alikes and periods, turn
hyphens and dashes into spaces, map st/st. → saint, mt → mount, ft → fort, drop a leading "the",
collapse white space.
"""
import re
import unicodedata

_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "l", "ß": "ss", "ẞ": "ss", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
    "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th",
    "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŋ": "ng", "Ŋ": "ng", "ĸ": "k",
})
# apostrophes and look-alikes, and periods: removed
_DROP = dict.fromkeys(map(ord, "'’‘‛ʼʻʹʽ`´′″\"“”„.·"), None)
# hyphens and dashes: space
_SPACE = dict.fromkeys(map(ord, "-‐‑‒–—―−_/"), " ")
_WORDS = {"st": "saint", "mt": "mount", "ft": "fort"}
_WS = re.compile(r"\s+")


def key(name):
    s = name.translate(_SPECIAL)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().translate(_SPECIAL).translate(_DROP).translate(_SPACE)
    words = _WS.sub(" ", s).strip().split(" ")
    words = [_WORDS.get(w, w) for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)
