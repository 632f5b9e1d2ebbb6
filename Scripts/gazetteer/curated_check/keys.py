"""Name keys as ARCHITECTURE.md describes them."""
import re
import unicodedata


def name_key(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("æ", "ae").replace("œ", "oe")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’‘ʼʻ`´]", "", s).replace(".", "")
    s = re.sub(r"[-‐‑‒–—]", " ", s)
    words = s.split()
    subst = {"st": "saint", "mt": "mount", "ft": "fort"}
    words = [subst.get(w, w) for w in words]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
