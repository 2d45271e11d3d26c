"""The on-disk cache of built tables: read when its sources are unchanged, rebuilt when they
change or the file is damaged, skipped when the folder cannot be written; never a wrong
table. The bundled gazetteer read through it matches as the one built in memory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator import cache
from annotator.annotators.agencies import find_agencies, gazetteer
from annotator.annotators.agencies.tokens import Tokens
from annotator.conversion import rates

ROOT = Path(__file__).resolve().parents[1]
TRUTH = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark" / "ground-truth.json"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(folder))
    return folder


class Builds:
    """A build function that counts its calls."""

    def __init__(self, table) -> None:
        self.table, self.calls = table, 0

    def __call__(self):
        self.calls += 1
        return self.table


def _sources(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    (folder / "a.json").write_text('{"x": 1}', encoding="utf-8")
    (folder / "b.json").write_text('{"y": 2}', encoding="utf-8")
    return sorted(folder.glob("*.json"))


def test_a_table_is_built_once_then_read(cache_dir, tmp_path):
    digest = cache.sources_digest(_sources(tmp_path / "src"), "test 1")
    build = Builds({"words": ("a", "b"), "n": [1, 2]})
    assert cache.cached("table", digest, build) == {"words": ("a", "b"), "n": [1, 2]}
    assert cache.cached("table", digest, build) == {"words": ("a", "b"), "n": [1, 2]}
    assert build.calls == 1
    assert [p.name for p in cache_dir.iterdir()] == [f"table-{digest}.bin"]


def test_a_changed_source_gives_another_digest_and_a_rebuild(cache_dir, tmp_path):
    sources = _sources(tmp_path / "src")
    before = cache.sources_digest(sources, "test 1")
    assert cache.cached("table", before, Builds("old")) == "old"
    sources[1].write_text('{"y": 3}', encoding="utf-8")  # same size, other bytes
    after = cache.sources_digest(sources, "test 1")
    assert after != before
    assert after != cache.sources_digest(sources, "test 2")  # the format version counts too
    build = Builds("new")
    assert cache.cached("table", after, build) == "new"
    assert build.calls == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-7],  # truncated
        lambda data: data[:-3] + bytes([data[-3] ^ 1]) + data[-2:],  # one bit flipped
        lambda data: b"something else entirely",
        lambda data: b"",
    ],
    ids=["truncated", "bit-flipped", "foreign", "empty"],
)
def test_a_damaged_file_is_rebuilt_and_replaced(cache_dir, damage):
    build = Builds(("a", "table", 1))
    cache.cached("table", "digest", build)
    stored = cache_dir / "table-digest.bin"
    stored.write_bytes(damage(stored.read_bytes()))
    assert cache.cached("table", "digest", build) == ("a", "table", 1)
    assert build.calls == 2
    assert cache.cached("table", "digest", build) == ("a", "table", 1)
    assert build.calls == 2  # the rebuilt file is whole again


def test_an_unwritable_cache_folder_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(blocker / "cache"))  # mkdir fails, even as root
    build = Builds([1, 2, 3])
    assert cache.cached("table", "digest", build) == [1, 2, 3]
    assert cache.cached("table", "digest", build) == [1, 2, 3]
    assert build.calls == 2
    assert not list(tmp_path.glob("**/*.tmp"))


def test_old_files_of_a_kind_are_pruned(cache_dir):
    for number in range(cache.KEEP + 3):
        cache.cached("table", f"d{number}", Builds(number))
    assert len(list(cache_dir.glob("table-*.bin"))) == cache.KEEP
    assert (cache_dir / f"table-d{cache.KEEP + 2}.bin").exists()


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("ANNOTATOR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "annotator"
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"


def test_the_gazetteer_key_follows_its_data_files(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(gazetteer.DATA, copy)
    assert gazetteer.cache_key(copy) == gazetteer.cache_key()
    kenya = copy / "KE.json"
    document = json.loads(kenya.read_text(encoding="utf-8"))
    document["entries"][0]["aliases"] = [*document["entries"][0].get("aliases", []), "Extra"]
    kenya.write_text(json.dumps(document), encoding="utf-8")
    assert gazetteer.cache_key(copy) != gazetteer.cache_key()


def _agencies(texts: list[str], table: gazetteer.Gazetteer) -> list[list[tuple]]:
    return [
        [(f.start, f.stop, f.name, f.country) for f in find_agencies(Tokens.of(t), table)]
        for t in texts
    ]


def test_the_gazetteer_read_from_a_fresh_a_stored_or_a_damaged_cache_finds_the_same(cache_dir):
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    texts = [truth[key]["articleBody"] or "" for key in sorted(truth)]
    in_memory = gazetteer.Gazetteer(gazetteer.load_entries(), gazetteer.load_places())
    expected = _agencies(texts, in_memory)
    assert sum(map(len, expected)) > 200

    def read_through_cache() -> gazetteer.Gazetteer:
        gazetteer.default_gazetteer.cache_clear()
        return gazetteer.default_gazetteer()

    try:
        built = read_through_cache()  # built, then stored
        (stored,) = cache_dir.glob("gazetteer-*.bin")
        assert _agencies(texts, built) == expected
        assert _agencies(texts, read_through_cache()) == expected  # read back
        data = stored.read_bytes()
        stored.write_bytes(data[: len(data) // 2] + b"\0" * 64 + data[len(data) // 2 + 64 :])
        assert _agencies(texts, read_through_cache()) == expected  # damaged: rebuilt
    finally:
        gazetteer.default_gazetteer.cache_clear()


def test_the_ecb_table_through_the_cache_is_the_archive(cache_dir):
    rates.ecb_table.cache_clear()
    try:
        first = rates.ecb_table()
        rates.ecb_table.cache_clear()
        second = rates.ecb_table()  # read back from the cache
    finally:
        rates.ecb_table.cache_clear()
    text = rates._ecb_text(rates.ecb_file())
    assert len(list(cache_dir.glob("ecb-*.bin"))) == 1
    lines = [line for line in text.splitlines()[1:] if line.split(",", 1)[0].strip()]
    assert first.days == second.days and len(first.days) == len(lines) > 6000
    day = first.days[-1]
    assert first.per_euro[day] == second.per_euro[day]
    assert first.per_euro[day]["USD"] == lines[0].split(",")[1].strip()  # newest day first


ARRAYS = ("header", {"small": b"abc", "large": bytes(range(256)) * 1000, "empty": b""})


def test_buffers_are_built_once_then_mapped_from_the_file(cache_dir):
    build = Builds(ARRAYS)
    first = cache.cached_buffers("arrays", "digest", build)
    second = cache.cached_buffers("arrays", "digest", build)
    assert build.calls == 1
    for header, buffers in (first, second):
        assert header == "header"
        assert {name: bytes(view) for name, view in buffers.items()} == ARRAYS[1]
        assert all(view.readonly for view in buffers.values())
    offsets = [view.obj for view in second[1].values()]  # one mapping of the file
    assert len(set(map(id, offsets))) == 1


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[: len(data) // 2], lambda data: data[:-40] + b"\x01" + data[-39:]],
    ids=["truncated", "bit-flipped"],
)
def test_damaged_buffers_are_rebuilt(cache_dir, damage):
    build = Builds(ARRAYS)
    cache.cached_buffers("arrays", "digest", build)
    stored = cache_dir / "arrays-digest.bin"
    stored.write_bytes(damage(stored.read_bytes()))
    _, buffers = cache.cached_buffers("arrays", "digest", build)
    assert build.calls == 2 and bytes(buffers["large"]) == ARRAYS[1]["large"]


def test_buffers_without_a_writable_folder_are_the_built_bytes(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(blocker / "cache"))
    header, buffers = cache.cached_buffers("arrays", "digest", Builds(ARRAYS))
    assert header == "header" and bytes(buffers["small"]) == b"abc"


def test_the_language_model_through_the_cache_classifies_as_py3langid_does(cache_dir):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from annotator.reading import language

    truth = json.loads((ROOT.parent / "shared/corpus/fundus-recent/ground-truth.json").read_text())
    texts = [(item.get("articleBody") or "")[:2000] for item in truth.values()]
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    expected = [reference.classify(text) for text in texts]
    assert len({language for language, _ in expected}) >= 5  # not all English
    language._identifier.cache_clear()
    try:
        for _built_then_read in range(2):
            identifier = language._identifier()
            language._identifier.cache_clear()
            assert [identifier.classify(text) for text in texts] == expected
        assert len(list(cache_dir.glob("language-model-*.bin"))) == 1
    finally:
        language._identifier.cache_clear()
