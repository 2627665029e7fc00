"""Configuration: config.toml, then command-line overrides.

Where the file is found: ``--config PATH``, else ``$NIANBAO_CONFIG``, else
``config.toml`` in the current folder; without one, built-in defaults apply
(corpus ``corpus/``, index ``var/index`` under the current folder). Relative
paths in the file are relative to the file's own folder.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .limits import Limits
from .synonyms import BUILTIN as BUILTIN_SYNONYMS


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    corpus: Path
    index: Path
    host: str = "127.0.0.1"
    port: int = 8000
    base_url: str | None = None  # the address people reach the web UI at, for links that leave it
    page_size: int = 10
    synonyms: Path = BUILTIN_SYNONYMS
    dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    workers: int = 0
    batch_size: int = 5000
    limits: Limits = field(default_factory=Limits)  # [limits]: what one file may cost (indexer.limits)
    copied_threshold: float = 0.5  # share of copied prose from which history.copied and peers.copied fail
    ocr_enabled: bool = True  # [ocr] enabled: read scans and pictures when the engine is installed
    ocr_cache: Path | None = None  # [ocr] cache: recognised pages by content (None: <index>/../ocr-cache)
    ocr_max_pages: int = 60  # [ocr] max_pages: pages recognised per scanned file
    ocr_memory_mb: int = 1536  # [ocr] memory_mb: address space a worker may add while it recognises
    source: Path | None = None  # the file it was read from

    def with_overrides(self, **overrides) -> "Config":
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config_file(explicit: str | os.PathLike | None = None) -> Path | None:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"config file {path} does not exist")
        return path
    env = os.environ.get("NIANBAO_CONFIG")
    if env:
        path = Path(env)
        if not path.is_file():
            raise ConfigError(f"NIANBAO_CONFIG names {path}, which does not exist")
        return path
    local = Path.cwd() / "config.toml"
    return local if local.is_file() else None


def load_config(explicit: str | os.PathLike | None = None) -> Config:
    path = find_config_file(explicit)
    if path is None:
        base = Path.cwd()
        return Config(corpus=base / "corpus", index=base / "var" / "index")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    base = path.resolve().parent

    def get(section: str, key: str, default, kind):
        value = data.get(section, {}).get(key, default)
        if not isinstance(value, kind) or isinstance(value, bool) and kind in (int, (int, float)):
            what = "number" if kind == (int, float) else kind.__name__
            raise ConfigError(f"{path}: [{section}] {key} should be a {what}, not {value!r}")
        return value

    def resolve(p: str) -> Path:
        return (base / p).resolve() if not Path(p).is_absolute() else Path(p)

    synonyms = get("search", "synonyms", "", str)
    dictionaries = get("search", "dictionaries", [], list)
    config = Config(
        corpus=resolve(get("paths", "corpus", "corpus", str)),
        index=resolve(get("paths", "index", "var/index", str)),
        host=get("web", "host", "127.0.0.1", str),
        port=get("web", "port", 8000, int),
        base_url=get("web", "base_url", "", str).strip() or None,
        page_size=get("search", "page_size", 10, int),
        synonyms=resolve(synonyms) if synonyms else BUILTIN_SYNONYMS,
        dictionaries=tuple(resolve(str(d)) for d in dictionaries),
        workers=get("index", "workers", 0, int),
        batch_size=get("index", "batch_size", 5000, int),
        limits=_limits(data.get("limits", {}), path),
        copied_threshold=float(get("checks", "copied_threshold", 0.5, (int, float))),
        ocr_enabled=get("ocr", "enabled", True, bool),
        ocr_cache=resolve(get("ocr", "cache", "var/ocr-cache", str)),
        ocr_max_pages=get("ocr", "max_pages", 60, int),
        ocr_memory_mb=get("ocr", "memory_mb", 1536, int),
        source=path,
    )
    for p in (config.synonyms, *config.dictionaries):
        if not p.is_file():
            raise ConfigError(f"{path}: the file {p} does not exist")
    if config.base_url and not config.base_url.startswith(("http://", "https://")):
        raise ConfigError(f"{path}: [web] base_url must start with http:// or https://, not {config.base_url!r}")
    if not 1 <= config.page_size <= 100:
        raise ConfigError(f"{path}: [search] page_size must be between 1 and 100")
    if not 0 < config.copied_threshold <= 1:
        raise ConfigError(f"{path}: [checks] copied_threshold is a share of the prose: more than 0, at most 1 (e.g. 0.5)")
    return config


def _limits(section: dict, path: Path) -> Limits:
    """The [limits] table: any of the `Limits` fields, each a positive number."""
    known = set(Limits.__dataclass_fields__)
    unknown = sorted(set(section) - known)
    if unknown:
        raise ConfigError(f"{path}: [limits] has no setting {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    try:
        return Limits(**section)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
