"""The article's language: the one the page declares, checked against its text, else detected.

Pages declare wrongly often enough to matter: CMS templates say `en` over isiZulu and
German text, `de` over English, `kr` for Korean. A declaration is kept when the text agrees
with it about being English or not (a share of very common English words, which costs
nothing); otherwise, and when nothing is declared, py3langid (an offline identifier that
ships its model) reads a sample of the body, and its answer wins when it is confident
and differs from the declaration. Measured in benchmarks/metadata.py and the README.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from functools import cache
from pathlib import Path

# Codes pages write that are not the language's ISO 639-1 code: country codes, withdrawn
# codes, ISO 639-2 codes of common languages.
CODE_FIXES = {
    "jp": "ja",
    "kr": "ko",
    "cn": "zh",
    "gr": "el",
    "ua": "uk",
    "cz": "cs",
    "dk": "da",
    "in": "id",
    "iw": "he",
    "ji": "yi",
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "deu": "de",
    "ger": "de",
    "spa": "es",
    "jpn": "ja",
    "kor": "ko",
    "zho": "zh",
    "chi": "zh",
    "rus": "ru",
    "por": "pt",
    "ita": "it",
    "ara": "ar",
}
_PRIMARY = re.compile(r"^[a-z]{2,3}$")
_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|that|with|for|from)\b", re.IGNORECASE)
ENGLISH_SHARE = 0.08  # English prose has about 15 % of these words; other languages ~0
MIN_WORDS = 20  # fewer words say nothing either way
SAMPLE = 2000  # characters of the body the identifier reads (its cost grows with length)
MIN_CONFIDENCE = 0.9
MIN_DETECTION_CHARS = 40


def normalise_tag(tag: str | None) -> str | None:
    """The primary language subtag of a declared tag ('en-US' → 'en', 'kr' → 'ko'), or None
    when it is no language code at all."""
    if not isinstance(tag, str):
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    primary = CODE_FIXES.get(primary, primary)
    return primary if _PRIMARY.match(primary) else None


def english_share(text: str) -> float | None:
    """The share of very common English words in `text`; None when it is too short to say."""
    sample = text[:SAMPLE]
    words = len(sample.split())
    if words < MIN_WORDS:
        return None
    return len(_ENGLISH_WORDS.findall(sample)) / words


class _Deferred(types.ModuleType):
    """A stand-in for a module that is imported (and run) when one of its attributes is
    first read; its submodules import as usual."""

    def __getattr__(self, name: str):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        return getattr(real, name)


def defer_identifier_import() -> None:
    """Let `import py3langid` cost nothing until the module is used.

    trafilatura imports py3langid (and with it numpy, ~100 ms) when it is imported, but uses
    it only for its language filter, which we never ask for; our own detection imports it
    when a page needs it. A stand-in placed in `sys.modules` makes trafilatura's import
    succeed as before (so it behaves the same) and imports the real module on first use.
    """
    name = "py3langid"
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = _Deferred(name)
    stand_in.__spec__ = spec
    stand_in.__path__ = list(spec.submodule_search_locations or [])
    sys.modules[name] = stand_in


MODEL_FORMAT = "py3langid model 1"  # raise when the cached arrays' layout changes


@cache
def _identifier():
    """py3langid's identifier, its model's arrays mapped from the cache (annotator/cache.py)
    instead of decompressed and copied again (about 0.5 s) in every process; built the usual
    way when the cached form cannot be made or used."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        return _cached_identifier(MODEL_DIR / MODEL_FILE, LanguageIdentifier)
    except Exception:  # another py3langid's layout: read its model file as it does
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _cached_identifier(model: Path, identifier_class: type):
    from importlib.metadata import version

    import numpy as np
    from py3langid import modelio

    from ..cache import cached_buffers, sources_digest

    def arrays() -> tuple[tuple, dict[str, bytes]]:
        ptc, pc, classes, nextmove, row, output = modelio.load_model(model)
        header = (ptc.dtype.str, ptc.shape, pc.dtype.str, classes, nextmove.typecode, row.typecode)
        buffers = {
            "ptc": ptc.tobytes(),
            "pc": pc.tobytes(),
            "nextmove": nextmove.tobytes(),
            "row": row.tobytes(),
            "output": np.asarray(output, dtype=np.int32).tobytes(),
        }
        return header, buffers

    digest = sources_digest([model], f"{MODEL_FORMAT} {version('py3langid')}")
    header, buffers = cached_buffers("language-model", digest, arrays)
    ptc_type, ptc_shape, pc_type, classes, nextmove_type, row_type = header
    return identifier_class(
        np.frombuffer(buffers["ptc"], dtype=ptc_type).reshape(ptc_shape),
        np.frombuffer(buffers["pc"], dtype=pc_type),
        list(classes),
        buffers["nextmove"].cast(nextmove_type),
        buffers["output"].cast("i"),
        norm_probs=True,
        tk_row=buffers["row"].cast(row_type),
    )


def load_identifier() -> None:
    """Load the identifier's model now (a worker pool's fork server shares it)."""
    _identifier()


def detect_language(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of `text` by py3langid, or None for too little text."""
    sample = " ".join(text[:SAMPLE].split())
    if len(sample) < MIN_DETECTION_CHARS:
        return None
    language, probability = _identifier().classify(sample)
    return language, probability


def article_language(declared: str | None, text: str) -> tuple[str | None, str | None]:
    """(language, source): source 'declared' or 'detected', (None, None) when unknown."""
    declared = normalise_tag(declared)
    share = english_share(text)
    looks_english = share is not None and share >= ENGLISH_SHARE
    if declared and share is not None and (declared == "en") == looks_english:
        return declared, "declared"
    if not declared and looks_english:
        return "en", "detected"
    found = detect_language(text)
    if found and found[1] >= MIN_CONFIDENCE and found[0] != declared:
        return found[0], "detected"
    return (declared, "declared") if declared else (None, None)
