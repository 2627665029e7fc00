"""The `nianbao` command.

Every command takes --config, --corpus and --index. Errors a user can fix
are printed in plain words with what to do, never as a traceback; the exit
status is 0 on success, 1 when some file or check failed, 2 for a usage or
configuration error.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import sys
import time
from pathlib import Path

from .config import Config, ConfigError, load_config

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXPORT_FORMATS = ("csv", "xlsx", "jsonl")  # export.FORMATS: named here, so that the parser does not import the export


class UsageError(Exception):
    pass


# ------------------------------------------------------------------ helpers


def _config(args: argparse.Namespace, reads_files: bool = True) -> Config:
    """The configuration with the command's overrides; limits and OCR set up only for a command that reads report
    files (a search or an export reads the index alone and should not load the readers OCR needs)."""
    from . import limits

    config = load_config(args.config)
    limits.use(config.limits)  # for files read in this process (extract, check)
    config = config.with_overrides(
        corpus=Path(args.corpus).resolve() if args.corpus else None,
        index=Path(args.index).resolve() if args.index else None,
    )
    if not reads_files:
        return config
    from . import ocr

    ocr.configure(enabled=config.ocr_enabled, cache_dir=config.ocr_cache or config.index.parent / "ocr-cache",
                  max_pages=config.ocr_max_pages, share_status=True, memory_mb=config.ocr_memory_mb)
    return config


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """'1 report', '2 reports'."""
    return f"{n} {noun if n == 1 else plural_form or noun + 's'}"


# What the facets and filters of a search answer are called in the readable output.
FACET_NAMES = {
    "province": "provinces", "city": "cities", "county": "counties", "year": "years",
    "agency_level": "agency levels", "template": "table templates", "checks": "failing checks",
    "agency": "agencies",
}
FACET_SHOWN = 12  # values of a facet the readable output lists, the commonest first; --json gives them all
FILTER_NAMES = {
    "province": "province", "city": "city", "county": "county", "year": "year", "agency_level": "agency level",
    "template": "table template", "failing": "failing", "where": "where", "agency": "agency",
}


def _filter_text(filters: dict) -> str:
    parts = []
    for key, value in filters.items():
        shown = " or ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        parts.append(f"{FILTER_NAMES.get(key, key.replace('_', ' '))} {shown}")
    return "; ".join(parts)


def _snippet_text(fragment: str, color: bool) -> str:
    start, end = ("\033[1;33m", "\033[0m") if color else ("【", "】")
    return html.unescape(fragment.replace("<mark>", start).replace("</mark>", end))


class _Progress:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.last = 0.0
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(now - self.started, 1e-6)
        eta = (total - done) / rate if rate else 0
        from .ocr import recognising

        ocr_now = recognising()
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files  {rate:.0f}/s  ETA {eta:.0f}s "
                          + (f" OCR: {ocr_now[:40]} " if ocr_now else "\033[K"))
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


# ------------------------------------------------------------------ commands


def cmd_index(args: argparse.Namespace) -> int:
    from .engine import IndexBusy
    from .indexing import index_corpus

    config = _config(args)
    progress = _Progress()
    try:
        summary = index_corpus(
            config.corpus,
            config.index,
            workers=args.workers or config.workers or None,
            dictionaries=tuple(str(p) for p in config.dictionaries),
            batch_size=config.batch_size,
            progress=progress,
            limits=config.limits,
            copied_threshold=config.copied_threshold,
        )
    except FileNotFoundError as exc:
        raise UsageError(f"{exc}. Put report files there or pass --corpus DIR.") from exc
    except IndexBusy as exc:
        raise UsageError(str(exc)) from exc
    except KeyboardInterrupt:
        if progress.enabled:
            sys.stderr.write("\n")
        print("interrupted: the index keeps every batch committed so far; run 'nianbao index' again to finish.",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    if summary.rebuilt:
        print(f"rebuilt the whole index: {summary.rebuilt}")
    if summary.nothing_to_do and not summary.failed:
        print(f"nothing to do: {plural(summary.unchanged, 'file')} unchanged; "
              f"{plural(summary.documents, 'report')} in the index ({config.index})")
    else:
        print(
            f"added {summary.added}, updated {summary.updated}, removed {summary.removed}, "
            f"unchanged {summary.unchanged}, failed {len(summary.failed)} "
            f"in {summary.seconds:.1f}s; {plural(summary.documents, 'report')} in the index ({config.index})"
        )
    if summary.cross and summary.cross.checked:
        print(f"checks across reports: {plural(summary.cross.checked, 'report')} measured against last year's "
              f"and other agencies' reports in {summary.cross.seconds:.1f}s")
    for source, same_as in summary.duplicates:
        print(f"  skipped {_one_line(source)}: same content as {_one_line(same_as)}")
    for source, reason in summary.skipped:
        print(f"  skipped {_one_line(source)}: {reason}")
    if summary.failed:
        print(f"{plural(len(summary.failed), 'file')} could not be indexed:", file=sys.stderr)
        for failure in summary.failed:
            kept = " (the previously indexed version is kept)" if failure.kept_previous else ""
            print(f"  {_one_line(failure.source)}: {_one_line(failure.reason)}{kept}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


_CONTROL = {i: f"\\x{i:02x}" for i in range(32)} | {9: "\\t", 10: "\\n", 13: "\\r", 127: "\\x7f"}


def _one_line(text: str) -> str:
    """A file name as one line of output: a newline in a name is shown as \\n."""
    return text.translate(_CONTROL)


def _search_request(args: argparse.Namespace, config: Config):
    from .search import SearchRequest, parse_condition

    return SearchRequest(
        query=" ".join(args.query) if isinstance(args.query, list) else (args.query or ""),
        province=args.province,
        city=args.city,
        county=args.county,
        years=tuple(args.year or ()),
        agency_level=args.level,
        agency=args.agency,
        template=args.template,
        failing=tuple(args.failing or ()),
        where=tuple(parse_condition(w) for w in (args.where or ())),
        sort=args.sort,
        page=getattr(args, "page", 1),
        page_size=getattr(args, "page_size", None) or config.page_size,
        expand=not getattr(args, "no_expand", False),
    )


def _open_index(config: Config):
    from .engine import Index, IndexMissing

    try:
        index = Index.open(config.index)
    except IndexMissing as exc:
        raise UsageError(f"{exc} (index folder: {config.index})") from exc
    if index.outdated:
        print("note: this index was built by an earlier version of nianbao, which makes searches slower; "
              "'nianbao index' rebuilds it", file=sys.stderr)
    return index


def cmd_search(args: argparse.Namespace) -> int:
    from .search import search
    from .synonyms import load_synonyms

    config = _config(args, reads_files=False)
    request = _search_request(args, config)
    with _open_index(config) as index:
        answer = search(index, request, load_synonyms(str(config.synonyms)))
    if args.json:
        _print_json(answer)
        return EXIT_OK
    color = sys.stdout.isatty()
    searched = answer.get("searched") or answer["query"]
    shown = f" for “{searched}”" if searched else ""
    filters = _filter_text(answer["filters"])
    print(plural(answer["total"], "report") + shown + (f" ({filters})" if filters else ""))
    if answer.get("notice"):
        print(f"note: {answer['notice']}")
    for key, alternatives in answer.get("expanded", {}).items():
        print(f"note: {key} also searched as {', '.join(alternatives)}")
    start = (answer["page"] - 1) * answer["page_size"]
    if answer["total"] and not answer["results"]:
        last = -(-answer["total"] // answer["page_size"])
        print(f"page {answer['page']} is past the last page ({last}): use --page {last}, or leave --page out for the first")
    for n, r in enumerate(answer["results"], start + 1):
        region = " ".join(v for v in (r["region"]["province"], r["region"]["city"], r["region"]["county"]) if v)
        print(f"{n:3d}. {r['title']}")
        facts = [r["agency"], region, str(r["year"]) if r["year"] else None]
        if answer["sort"] == "relevance":
            facts.append(f"score {r['score']}")
        print("     " + " · ".join(f for f in (*facts, r["id"]) if f))
        figure = r.get("figure")
        if figure:
            value = figure["value"] if figure["value"] is not None else "not stated"
            where = f" [{figure['passage']}]" if figure.get("passage") else ""
            print(f"     {figure['label']}: {value}{where}")
        for s in r["snippets"]:
            print(f"     [{s['passage']}] {_snippet_text(s['html'], color)}")
    for name, counts in answer["facets"].items():
        if counts:
            shown = [f"{v['name']} ({v['count']}) [{k}]" if name == "agency" else f"{k} ({v})" for k, v in counts.items()]
            more = f" · {len(shown) - FACET_SHOWN} more" if len(shown) > FACET_SHOWN else ""
            print(f"{FACET_NAMES.get(name, name.replace('_', ' '))}: " + " · ".join(shown[:FACET_SHOWN]) + more)
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import extract
    from .readers import ReadError

    config = _config(args)
    records: list[dict] = []
    failed = False
    for name in args.files:
        path = Path(name)
        try:
            root = config.corpus if path.resolve().is_relative_to(config.corpus) else None
            report = extract(path.resolve() if root else path, root)
            records.append(report.to_dict())
        except (ReadError, OSError) as exc:
            failed = True
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"{name}: {reason}", file=sys.stderr)
            records.append({"source": name, "error": reason})
    if args.json:
        _print_json(records[0] if len(records) == 1 else records)
    else:
        for r in records:
            if "error" in r:
                continue
            region = " ".join(v for v in (r["region"]["province"], r["region"]["city"], r["region"]["county"]) if v)
            lines = [r["source"], f"  title:     {r['title']}"]
            if r["agency"]:
                level = f" ({r['agency_level']})" if r["agency_level"] else ""
                lines.append(f"  agency:    {r['agency']}{level}")
            if region:
                lines.append(f"  region:    {region} {r['region']['code'] or ''}".rstrip())
            if r["year"]:
                lines.append(f"  year:      {r['year']}")
            if r["published"]:
                lines.append(f"  published: {r['published']}")
            if r.get("source_url"):
                lines.append(f"  address:   {r['source_url']}")
            lines.append(f"  template:  {r['template'] or 'no standard tables found'}")
            titled = [f"{s['no']} {s['title']}" for s in r["sections"] if s["title"]]
            lines.append(f"  sections:  {', '.join(titled) or 'none found'}")
            lines.append(f"  {plural(len(r['passages']), 'passage')}, {plural(len(r['metrics']), 'figure')}")
            print("\n".join(lines))
            failing = [c for c in r["checks"] if c["status"] == "fail"]
            for c in failing:
                print(f"  check failed: {c['id']}: {c['message']}")
    return EXIT_FAILED if failed else EXIT_OK


def _report_files(paths: list[Path]) -> list[Path]:
    """The report files named by `paths`: files as given, folders searched recursively, in a stable order."""
    from .readers import is_report_file

    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and is_report_file(p) and not p.name.startswith("."))
        else:
            out.append(path)
    return out


def cmd_check(args: argparse.Namespace) -> int:
    from .engine import Index, IndexMissing

    config = _config(args)
    try:
        index = Index.open(config.index)  # it holds the checks across reports
    except IndexMissing:
        index = None
    try:
        return _check_files(args, config, index)
    finally:
        if index is not None:
            index.close()


def _check_files(args: argparse.Namespace, config: Config, index) -> int:
    """The checks of each file; those across reports from the index, where it holds the report."""
    from .extract import extract
    from .readers import ReadError

    roots = [Path(p) for p in args.paths] if args.paths else [config.corpus]
    for root in roots:
        if not root.exists():
            raise UsageError(f"{root} does not exist")
    results: list[dict] = []
    failed = False
    for path in _report_files(roots):
        resolved = path.resolve()
        root = config.corpus if resolved.is_relative_to(config.corpus) else None
        name = resolved.relative_to(root).as_posix() if root else path.as_posix()
        try:
            report = extract(resolved if root else path, root)
        except (ReadError, OSError) as exc:
            failed = True
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            results.append({"source": name, "error": reason})
            continue
        checks = [c.to_dict() for c in report.checks]
        if index is not None:
            checks = index.merged_checks(report.id, checks)
        failing = [c for c in checks if c["status"] == "fail"]
        failed = failed or bool(failing)
        results.append({
            "source": report.source, "id": report.id, "title": report.title,
            "failing": [{"id": c["id"], "message": c["message"], "passages": list(c["passages"])} for c in failing],
        })
    if args.json:
        _print_json(results)
        return EXIT_FAILED if failed else EXIT_OK
    unreadable = [r for r in results if "error" in r]
    with_failures = [r for r in results if r.get("failing")]
    for r in with_failures:
        print(f"{r['source']}\n  {r['title']}")
        for c in r["failing"]:
            where = f"  [{', '.join(c['passages'])}]" if c["passages"] else ""
            print(f"  ✗ {c['id']}: {c['message']}{where}")
    for r in unreadable:
        print(f"{r['source']}\n  cannot be read: {r['error']}")
    checked = len(results) - len(unreadable)
    failures = sum(len(r["failing"]) for r in with_failures)
    summary = f"{plural(checked, 'report')} checked: "
    summary += (f"{len(with_failures)} with failing checks ({plural(failures, 'failure')})" if with_failures
                else "every check passed or could not be run")
    if unreadable:
        summary += f"; {plural(len(unreadable), 'file')} could not be read"
    print(summary)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from . import export
    from .synonyms import load_synonyms
    from .template import METRIC_KEYS

    config = _config(args, reads_files=False).with_overrides(base_url=_base_url(args))
    unknown = [m for m in args.metric or () if m not in METRIC_KEYS]
    if unknown:
        raise UsageError(f"there is no figure called '{unknown[0]}'; the keys are the column names of "
                         "'nianbao export --header keys', e.g. apply.new.total")
    if args.format == "xlsx" and not args.output and sys.stdout.isatty():
        raise UsageError("an .xlsx file cannot be shown on the terminal: pass -o FILE.xlsx")
    request = _search_request(args, config)
    columns = export.columns(args.metric or None)
    written = 0

    def counted(rows):
        nonlocal written
        for row in rows:
            written += 1
            yield row

    with _open_index(config) as index:
        rows = counted(export.rows(index, request, load_synonyms(str(config.synonyms)), config.base_url or ""))
        if args.output:
            mode = "wb" if args.format == "xlsx" else "w"
            with open(args.output, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as out:
                export.write(rows, args.format, out, columns, args.header)
        elif args.format == "xlsx":
            export.write(rows, "xlsx", sys.stdout.buffer, columns, args.header)
        else:
            out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
            export.write(rows, args.format, out, columns, args.header)
            out.flush()
            out.detach()
    if args.output:
        figures = "every figure" if not args.metric else plural(len(columns) - len(export.FIELDS), "figure")
        header = {"labels": "a Chinese header row", "keys": "a header row of keys",
                  "both": "two header rows (Chinese labels, then keys)"}[args.header]
        kind = {"csv": "CSV", "xlsx": "Excel workbook", "jsonl": "JSON Lines"}[args.format]
        described = f"{kind}, {figures}" + (f", {header}" if args.format != "jsonl" else "")
        print(f"wrote {plural(written, 'report')} to {args.output} ({described})", file=sys.stderr)
    return EXIT_OK


def _base_url(args: argparse.Namespace) -> str | None:
    value = getattr(args, "base_url", None)
    if value and not value.startswith(("http://", "https://")):
        raise UsageError(f"--base-url must start with http:// or https://, not '{value}'")
    return value


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the web UI with waitress; index the corpus first when there is no index yet."""
    from .engine import Index, IndexBusy, IndexMissing
    from .indexing import index_corpus

    config = _config(args).with_overrides(host=args.host, port=args.port, base_url=_base_url(args))
    try:
        Index.open(config.index).close()
    except IndexMissing:
        print(f"no index yet: indexing {config.corpus} first …", flush=True)
        try:
            summary = index_corpus(config.corpus, config.index, workers=config.workers or None,
                                   dictionaries=tuple(str(p) for p in config.dictionaries),
                                   batch_size=config.batch_size, progress=_Progress(), limits=config.limits,
                                   copied_threshold=config.copied_threshold)
        except FileNotFoundError as exc:
            raise UsageError(f"{exc}. Put report files there or pass --corpus DIR.") from exc
        except IndexBusy as exc:
            raise UsageError(str(exc)) from exc
        unread = f" ({plural(len(summary.failed), 'file')} could not be read)" if summary.failed else ""
        print(f"indexed {plural(summary.documents, 'report')}{unread}")
    from webui import create_app
    from webui.server import serve

    app = create_app(config)
    shown_host = "127.0.0.1" if config.host in ("0.0.0.0", "::", "") else config.host
    shown_host = f"[{shown_host}]" if ":" in shown_host else shown_host
    print(f"nianbao is serving {config.index} — open http://{shown_host}:{config.port}/ in a browser (Ctrl-C stops it)",
          flush=True)
    try:
        serve(app, config.host, config.port)
    except OSError as exc:
        raise UsageError(f"cannot listen on {config.host}:{config.port} ({exc.strerror or exc}); "
                         "pass another --port or --host") from exc
    except KeyboardInterrupt:
        return EXIT_OK
    return EXIT_OK


# ------------------------------------------------------------------ parser


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", help="config file (default: ./config.toml or $NIANBAO_CONFIG)")
    p.add_argument("--corpus", help="folder of report files (overrides config.toml)")
    p.add_argument("--index", help="index folder (overrides config.toml)")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--province", help="e.g. 山东省")
    p.add_argument("--city", help="e.g. 烟台市")
    p.add_argument("--county", help="e.g. 招远市")
    p.add_argument("--year", type=int, action="append", help="statistics year; repeat for several (OR)")
    p.add_argument("--level", help="agency level: national, province, city, county, township")
    p.add_argument("--agency", help="an agency_id, e.g. 330900:舟山市卫生健康委员会 (see the agencies of a search)")
    p.add_argument("--template", help="table template: 2019 or 2021")
    p.add_argument("--failing", action="append", help="only reports failing this check (or check prefix); repeatable")
    p.add_argument("--where", action="append", help="metric condition such as 'apply.new.total>=10'; repeatable (AND)")
    p.add_argument("--sort", help="relevance (default), year, -year, or a metric key; '-' first for descending")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nianbao",
        description="Search engine over Chinese government information-disclosure annual reports (政府信息公开工作年度报告).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("index", help="index the corpus folder (incremental)")
    _add_common(p)
    p.add_argument("--workers", type=int, help="extraction processes (default: one per CPU core)")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search the index")
    _add_common(p)
    p.add_argument("query", nargs="*", help='words (AND), "phrases", OR, -word; empty lists all reports')
    _add_filters(p)
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--page-size", type=int, dest="page_size")
    p.add_argument("-x", "--no-expand", action="store_true", help="do not widen the query with synonyms")
    p.add_argument("--json", action="store_true", help="print the answer as JSON (spec/search.md)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export", help="one row per report: fields and figures (CSV or .xlsx for Excel, or JSONL)")
    _add_common(p)
    p.add_argument("query", nargs="*", help="optional search query; with none, every report passing the filters")
    _add_filters(p)
    p.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
    p.add_argument("--header", choices=("labels", "keys", "both"), default="labels",
                   help="header row: Chinese labels (default), metric keys, or both as two rows")
    p.add_argument("-m", "--metric", action="append",
                   help="only this figure (a metric key such as apply.new.total); repeatable; default: every figure")
    p.add_argument("--base-url", dest="base_url",
                   help="address of the web UI, for the url column (default: [web] base_url of config.toml)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.add_argument("-x", "--no-expand", action="store_true", help="do not widen the query with synonyms")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("extract", help="print the record of report files")
    _add_common(p)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print records as JSON (spec/report.md)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("serve", help="serve the web UI (indexes the corpus first when there is no index)")
    _add_common(p)
    p.add_argument("--host", help="address to listen on (default: [web] host of config.toml, 127.0.0.1)")
    p.add_argument("--port", type=int, help="port to listen on (default: [web] port of config.toml, 8000)")
    p.add_argument("--base-url", dest="base_url",
                   help="the address people open, behind a proxy (for citations and exported links; "
                        "default: [web] base_url of config.toml, else the request's host)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("check", help="list the failing consistency checks of report files")
    _add_common(p)
    p.add_argument("paths", nargs="*", metavar="PATH", help="report files or folders (default: the corpus)")
    p.add_argument("--json", action="store_true", help="one object per report: source, id, title, failing checks")
    p.set_defaults(func=cmd_check)
    return parser


def _join_dash_values(argv: list[str]) -> list[str]:
    """Let `--sort -metric` work: argparse would read a value starting with '-' as an option."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] == "--sort" and i + 1 < len(argv) and argv[i + 1].startswith("-") and len(argv[i + 1]) > 1:
            out.append(f"--sort={argv[i + 1]}")
            i += 2
            continue
        out.append(argv[i])
        i += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_join_dash_values(sys.argv[1:] if argv is None else argv))
    try:
        return args.func(args)
    except (UsageError, ConfigError) as exc:
        print(f"nianbao: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValueError as exc:  # SearchError and bad condition strings
        print(f"nianbao: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
