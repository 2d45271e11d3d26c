"""Hostile annotation files (issue 17, item 4): each is one clear error, and the next file
is still checked; nothing that `validate` accepts makes `export` write invalid output."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.stored.decode import MAX_DEPTH, BadJson, loads

MINIMAL = (FIXTURES / "annotations" / "valid" / "minimal.json").read_text(encoding="utf-8")
ALL_TYPES = (FIXTURES / "annotations" / "valid" / "all-types.json").read_text(encoding="utf-8")


def _replace_once(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


HOSTILE = {
    "nan": (_replace_once(ALL_TYPES, '"confidence": 0.9', '"confidence": NaN'), "NaN is not"),
    "infinity": (
        _replace_once(ALL_TYPES, '"confidence": 0.9', '"confidence": Infinity'),
        "Infinity is not a JSON number",
    ),
    "minus-infinity": (
        _replace_once(ALL_TYPES, '"confidence": 0.9', '"confidence": -Infinity'),
        "-Infinity is not a JSON number",
    ),
    "huge-float": (
        _replace_once(ALL_TYPES, '"confidence": 0.9', '"confidence": 1e400'),
        "number 1e400 is too large",
    ),
    "huge-integer": (
        _replace_once(ALL_TYPES, '"start": ', '"start": ' + "9" * 5000 + ', "x": '),
        "not valid JSON",
    ),
    "lone-surrogate": (
        _replace_once(MINIMAL, '"text": "', '"text": "\\ud800'),
        "/document/text: lone surrogate in a string",
    ),
    "surrogate-key": (
        _replace_once(MINIMAL, '"provenance": {', '"provenance": {"\\udfff": 1, '),
        "/provenance: lone surrogate in a key",
    ),
    "duplicate-key": (
        _replace_once(
            MINIMAL, '"schema_version": "1.0"', '"schema_version": "1.0", "schema_version": "1.0"'
        ),
        "duplicate key 'schema_version' in one object",
    ),
    "deep-nesting": ("[" * 100_000 + "]" * 100_000, f"nested more than {MAX_DEPTH} levels deep"),
    "moderate-nesting": (
        _replace_once(
            MINIMAL, '"provenance": {', '"provenance": {"x": ' + "[" * 200 + "]" * 200 + ", "
        ),
        f"nested more than {MAX_DEPTH} levels deep",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_one_error_and_the_next_file_is_checked(name, run_cli, tmp_path):
    text, expected = HOSTILE[name]
    hostile = tmp_path / f"{name}.json"
    hostile.write_text(text, encoding="utf-8")
    after = tmp_path / "zz-after.json"
    after.write_text(MINIMAL, encoding="utf-8")
    code, out, err = run_cli("validate", hostile, after)
    assert code == 1
    [line] = out.splitlines()
    assert line.startswith(f"{hostile}:") and expected in line
    assert err.strip() == "annotate: 2 sets in 2 files: 1 valid, 1 invalid"
    assert "Traceback" not in err and "internal error" not in err
    # export goes on with the valid file, and what it writes is strict JSON again
    code, out, err = run_cli("export", hostile, after, "-f", "json")
    assert code == 1
    assert f"{hostile}:" in err and "invalid annotation set: " in err
    assert loads(out)["document"] == json.loads(MINIMAL)["document"]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_line_in_json_lines(name, run_cli, tmp_path):
    text, expected = HOSTILE[name]
    compact = json.dumps(json.loads(MINIMAL))
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{compact}\n{text.replace(chr(10), ' ')}\n{compact}\n", encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 1
    [line] = out.splitlines()
    assert line.startswith(f"{path}:2: ") and expected in line
    assert "3 sets in 1 file: 2 valid, 1 invalid" in err


def test_strict_decoding_accepts_what_the_tool_writes():
    assert loads('{"a": [1, 2.5, "\\ud83d\\ude00", null]}') == {"a": [1, 2.5, "😀", None]}
    with pytest.raises(BadJson, match="extra data"):
        loads("{} {}")


def test_max_bytes_limits_a_whole_file_and_a_line(run_cli, tmp_path):
    big = tmp_path / "big.json"
    big.write_text(ALL_TYPES, encoding="utf-8")
    small = tmp_path / "small.json"
    small.write_text(MINIMAL, encoding="utf-8")
    limit = len(MINIMAL.encode()) + 10
    assert len(ALL_TYPES.encode()) > limit
    code, out, err = run_cli("validate", big, small, "--max-bytes", limit)
    assert code == 1
    assert out.startswith(f"{big}: /: file (read whole; write large batches with -f jsonl")
    assert f"larger than the maximum of {limit} bytes (--max-bytes)" in out
    assert "2 sets in 2 files: 1 valid, 1 invalid" in err
    code, out, err = run_cli("export", big, small, "--max-bytes", limit)
    assert code == 1 and json.loads(out)["document"]["id"] == json.loads(MINIMAL)["document"]["id"]
    lines = tmp_path / "lines.jsonl.gz"
    compact = [json.dumps(json.loads(t)) for t in (MINIMAL, ALL_TYPES, MINIMAL)]
    lines.write_bytes(gzip.compress("\n".join(compact).encode() + b"\n"))
    code, out, err = run_cli("validate", lines, "--max-bytes", len(compact[0]) + 5)
    assert code == 1
    assert out.strip().endswith(
        f":2: /: line 2 is larger than the maximum of {len(compact[0]) + 5} bytes (--max-bytes)"
    )
    assert "3 sets in 1 file: 2 valid, 1 invalid" in err


def test_truncated_and_corrupt_gzip(run_cli, tmp_path):
    packed = gzip.compress((json.dumps(json.loads(MINIMAL)) + "\n").encode() * 50)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    corrupt = tmp_path / "corrupt.json.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00 not gzip at all")
    code, out, err = run_cli("validate", cut, corrupt)
    assert code == 1
    assert f"{cut}: /: truncated gzip data" in out
    assert f"{corrupt}: /: corrupt gzip data" in out


def test_not_utf8_is_one_error(run_cli, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(_replace_once(MINIMAL, '"Cracking', '"Caf\u00e9 cracking').encode("latin-1"))
    code, out, _ = run_cli("validate", path)
    assert code == 1 and out.startswith(f"{path}: /: not UTF-8 text")


HOSTILE_TOKENS = (
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "9" * 400,
    '"\\ud800"',
    '"\\udc00x"',
    '"a": 1, "a": 2',
    "[" * 300 + "]" * 300,
    "{}",
    "null",
    '"\\u0000"',
    "0.1",
    '"text"',
)


@st.composite
def damaged_sets(draw) -> str:
    """A valid set's JSON with a slice replaced by hostile tokens or random text."""
    text = draw(st.sampled_from((MINIMAL, ALL_TYPES)))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 40)))
    pieces = draw(
        st.lists(st.one_of(st.sampled_from(HOSTILE_TOKENS), st.text(max_size=8)), max_size=3)
    )
    return text[:start] + "".join(pieces) + text[end:]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_sets())
def test_what_validates_always_exports_to_valid_json(tmp_path_factory, text):
    from annotator.model import AnnotationSet
    from annotator.plugins import registry
    from annotator.stored.check import check_record
    from annotator.stored.records import read_records
    from annotator.validation import validate_data

    path = tmp_path_factory.mktemp("fuzz") / "set.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    for record in read_records(path, 10**6):
        checked = check_record(record)
        if not checked.valid:
            assert checked.errors[0].message  # one clear reason
            continue
        exported = io.StringIO()
        registry().exporters["json"].write([AnnotationSet.from_dict(record.data)], exported, {})
        again = loads(exported.getvalue().encode("utf-8").decode("utf-8"))
        assert validate_data(again) == []
