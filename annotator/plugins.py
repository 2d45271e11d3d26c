"""The pluggy plugin manager: built-ins, installed entry points, and --plugin modules."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

from . import hookspecs
from .errors import PluginError

# Built-in plugin module -> the one hook it implements, in registration order. A module is
# imported only when its hook is first called (see BuiltinPlugin), so commands that need no
# extractor, annotator or exporter never pay for importing them.
BUILTIN_HOOKS: dict[str, str] = {
    "annotator.reading.extract": "register_extractors",
    "annotator.exporters.json": "register_exporters",
    "annotator.conversion.rates": "register_rate_sources",
    "annotator.annotators.money": "register_annotators",
    "annotator.exporters.jsonld": "register_exporters",
    "annotator.exporters.xml": "register_exporters",
    "annotator.exporters.nitf": "register_exporters",
    "annotator.exporters.csv": "register_exporters",
    "annotator.exporters.html": "register_exporters",
    "annotator.exporters.text": "register_exporters",
    "annotator.exporters.sqlite": "register_exporters",
    "annotator.exporters.parquet": "register_exporters",
    "annotator.annotators.agencies": "register_annotators",
    "annotator.annotators.quotes": "register_annotators",
    "annotator.annotators.dates": "register_annotators",
}
DEFAULT_PLUGINS: tuple[str, ...] = tuple(BUILTIN_HOOKS)
ENTRY_POINT_GROUP = "annotator"
REGISTER_HOOKS = ("extractors", "annotators", "exporters", "rate_sources")

pm = pluggy.PluginManager("annotator")
pm.add_hookspecs(hookspecs)
_origins: dict[str, str] = {}
# Plugin name -> (distribution or module name, version) for the plugins not built in.
_identities: dict[str, tuple[str, str | None]] = {}


class BuiltinPlugin:
    """Stands in for a built-in plugin module and imports it on first use.

    It implements the module's one hook by calling the module's own function, and hands
    any other public attribute (and `__version__`) on to the module.
    """

    def __init__(self, module_name: str, hook: str) -> None:
        self.module_name = module_name

        def forward(register: Any) -> None:
            return getattr(self.module(), hook)(register=register)

        setattr(self, hook, hookspecs.hookimpl(forward))

    def module(self) -> Any:
        """The plugin's module, imported now if it was not yet.

        A method, not a property: pluggy before 1.7 reads every attribute while it looks
        for hooks, which would import the module at registration.
        """
        return importlib.import_module(self.module_name)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") and name != "__version__":
            raise AttributeError(name)
        return getattr(self.module(), name)


def _load_builtins() -> None:
    for module_name, hook in BUILTIN_HOOKS.items():
        pm.register(BuiltinPlugin(module_name, hook), name=module_name)
        _origins[module_name] = "built-in"


def _load_entry_points() -> None:
    wanted = os.environ.get("ANNOTATOR_LOAD_PLUGINS")
    if wanted is None:
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    else:
        for name in filter(None, (n.strip() for n in wanted.split(","))):
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP, name=name)
    for plugin, dist in pm.list_plugin_distinfo():
        _origins[pm.get_name(plugin)] = f"{dist.project_name} {dist.version}"
        _identities[pm.get_name(plugin)] = (dist.project_name, dist.version)


def load_plugin(spec: str) -> str:
    """Load a plugin from a module name or a .py path without installing it; return its name."""
    path = Path(spec)
    try:
        if path.suffix == ".py" or path.exists():
            name = f"annotator_plugin_{path.stem}"
            module_spec = importlib.util.spec_from_file_location(name, path)
            if module_spec is None or module_spec.loader is None:
                raise PluginError(f"cannot load plugin file {spec}")
            module = importlib.util.module_from_spec(module_spec)
            sys.modules[name] = module
            module_spec.loader.exec_module(module)
        else:
            module = importlib.import_module(spec)
    except PluginError:
        raise
    except Exception as exc:  # any failure while importing third-party code
        raise PluginError(f"cannot load plugin {spec}: {type(exc).__name__}: {exc}") from exc
    name = spec
    if pm.get_plugin(name) is None and not pm.is_registered(module):
        pm.register(module, name=name)
        _origins[name] = f"--plugin {spec}"
        _identities[name] = (path.stem if path.suffix == ".py" else spec, _version_of(module))
    return name


def _version_of(plugin: Any) -> str | None:
    version = getattr(plugin, "__version__", None)
    return str(version) if version is not None else None


def identity(plugin_name: str) -> tuple[str, str | None]:
    """A plugin's name and version as a set's provenance records them.

    An installed plugin is its distribution (`annotator-brat`, `0.1.0`); a --plugin one
    its module or file stem with the module's `__version__`; one registered at run time
    its registered name.
    """
    if plugin_name in _identities:
        return _identities[plugin_name]
    return plugin_name, _version_of(pm.get_plugin(plugin_name))


def origin(plugin_name: str) -> str:
    """Where a plugin came from: built-in, an installed distribution, --plugin, or registered."""
    return _origins.get(plugin_name, "registered at run time")


@dataclass
class Registry:
    """Everything the loaded plugins register, by kind and name, with the plugin that gave it."""

    extractors: dict[str, Any] = field(default_factory=dict)
    annotators: dict[str, Any] = field(default_factory=dict)
    exporters: dict[str, Any] = field(default_factory=dict)
    rate_sources: dict[str, Any] = field(default_factory=dict)
    owners: dict[tuple[str, str], str] = field(default_factory=dict)


def registry(kinds: tuple[str, ...] = REGISTER_HOOKS, builtins: bool = True) -> Registry:
    """Collect what every loaded plugin registers (built fresh, so runtime registrations count).

    `kinds` limits it to some of REGISTER_HOOKS; `builtins=False` leaves the built-in
    plugins out (their modules are then not imported).
    """
    result = Registry()
    for kind in kinds:
        hook = getattr(pm.hook, f"register_{kind}")
        for impl in reversed(hook.get_hookimpls()):
            if not builtins and isinstance(impl.plugin, BuiltinPlugin):
                continue
            target = getattr(result, kind)

            def register(obj: Any, _target=target, _kind=kind, _owner=impl.plugin_name) -> None:
                _target[obj.name] = obj
                result.owners[(_kind, obj.name)] = _owner

            try:
                impl.function(register=register)
            except Exception as exc:
                raise PluginError(
                    f"plugin {impl.plugin_name} failed in register_{kind}: {exc}"
                ) from exc
    return result


def plugin_report() -> list[dict[str, Any]]:
    """One entry per loaded plugin: its name, origin, and what it registers of each kind."""
    reg = registry()
    report = []
    for name, _plugin in sorted(pm.list_name_plugin(), key=lambda item: item[0]):
        entry: dict[str, Any] = {"name": name, "origin": origin(name)}
        for (kind, obj_name), owner in sorted(reg.owners.items()):
            if owner == name:
                entry.setdefault(kind, []).append(obj_name)
        report.append(entry)
    return report


_load_builtins()
_load_entry_points()
