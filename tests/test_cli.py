"""The nianbao command as a user runs it: output shapes, exit statuses, errors without tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"


def nianbao(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indexer.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A folder with a config.toml, a copy of the samples and an index built by the CLI."""
    base = tmp_path_factory.mktemp("cli")
    shutil.copytree(SAMPLES, base / "reports")
    (base / "config.toml").write_text('[paths]\ncorpus = "reports"\nindex = "idx"\n', encoding="utf-8")
    result = nianbao("index", cwd=base)
    assert result.returncode == 0, result.stderr
    assert "added 5" in result.stdout
    return base


def test_second_index_run_reports_nothing_to_do(workspace):
    result = nianbao("index", cwd=workspace)
    assert result.returncode == 0 and result.stdout.startswith("nothing to do")


def _command_and_modules(cwd: Path, args: list[str]) -> tuple[str, str, set[str]]:
    """Run `nianbao ARGS` in a fresh interpreter: its exit status, its output and the modules it loaded."""
    code = (f"import sys; from indexer.cli import main; status = main({args!r}); "
            "print(status, ' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('indexer', 'jieba', 'numpy'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=300)
    status, loaded = result.stdout.strip().splitlines()[-1].split(" ", 1)
    return status, result.stdout, set(loaded.split())


def test_an_index_run_with_nothing_to_do_loads_nothing_that_reads_or_measures_reports(workspace):
    """It scans the folder and compares it with the manifest; readers, rules, jieba and numpy stay unloaded."""
    status, output, loaded = _command_and_modules(workspace, ["index"])
    assert status == "0" and "nothing to do" in output
    assert not loaded & {"jieba", "numpy", "indexer.extract", "indexer.fields", "indexer.checks", "indexer.export",
                         "indexer.crosspass", "indexer.workers"}


def test_a_search_from_the_command_line_loads_no_reader_rule_or_check(workspace):
    """What a search needs is the index and the template's metric keys; the extractor behind them cost 0.1 s of a 0.5 s answer."""
    status, output, loaded = _command_and_modules(workspace, ["search", "行政处罚"])
    assert status == "0" and "行政处罚" in output
    assert not loaded & {"indexer.record", "indexer.structure", "indexer.gazetteer", "indexer.readers.text",
                         "indexer.ocr", "indexer.fields", "indexer.checks", "indexer.tables",
                         "indexer.tables.mapper", "indexer.readers.runtogether"}


def test_the_export_command_offers_every_export_format():
    from indexer.cli import build_parser
    from indexer.export import FORMATS

    export = build_parser()._subparsers._group_actions[0].choices["export"]
    assert next(a.choices for a in export._actions if a.dest == "format") == FORMATS


def test_search_json_has_the_spec_shape(workspace):
    result = nianbao("search", "行政处罚", "--json", cwd=workspace)
    answer = json.loads(result.stdout)
    assert answer["total"] == 4 and len(answer["results"]) == 4
    assert all("<mark>行政处罚</mark>" in r["snippets"][0]["html"] for r in answer["results"])


def test_an_index_of_an_earlier_version_answers_the_same_says_so_and_is_rebuilt(workspace, tmp_path):
    copy = tmp_path / "ws"
    shutil.copytree(workspace, copy)
    for path in (copy / "idx").glob("gen-*/meta.json"):  # read as generations of schema 9 are: facets from postings
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(dict(data, schema=9)), encoding="utf-8")
    current = nianbao("search", "行政处罚", "--json", cwd=workspace)
    earlier = nianbao("search", "行政处罚", "--json", cwd=copy)
    assert json.loads(earlier.stdout) == json.loads(current.stdout) and "note:" not in current.stderr
    assert "built by an earlier version" in earlier.stderr and "'nianbao index' rebuilds it" in earlier.stderr
    rebuilt = nianbao("index", cwd=copy)
    assert rebuilt.returncode == 0 and "rebuilt the whole index: the index format changed" in rebuilt.stdout
    assert "note:" not in nianbao("search", "行政处罚", cwd=copy).stderr


def test_search_readable_output_lists_results_and_facets(workspace):
    result = nianbao("search", "疫情", "--province", "浙江省", "--year", "2020", cwd=workspace)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "1 report for “疫情” (province 浙江省; year 2020)"
    assert "舟山市卫生健康委员会" in result.stdout and "【疫情】" in result.stdout
    facet_lines = [line.split(":")[0] for line in result.stdout.splitlines() if not line.startswith(" ")][1:]
    assert facet_lines == ["provinces", "cities", "years", "agency levels", "agencies", "table templates", "failing checks"]
    assert "years: 2020 (1)" in result.stdout.splitlines()  # a count never runs into its value
    assert "?" not in result.stdout and "None" not in result.stdout


def test_search_sorted_by_a_figure_shows_it_labelled_and_unknown_years_are_left_out(workspace):
    result = nianbao("search", "--sort", "-active.penalty.decisions", cwd=workspace)
    lines = result.stdout.splitlines()
    assert lines[0] == "5 reports"
    assert "     行政处罚 · 处理决定数量: 212 [s2-p12]" in lines
    assert "     行政处罚 · 处理决定数量: not stated" in lines
    assert "None" not in result.stdout and " · ?" not in result.stdout


def test_unknown_check_ids_are_a_plain_usage_error(workspace):
    result = nianbao("search", "--failing", "nope", cwd=workspace)
    assert result.returncode == 2
    assert result.stderr.startswith("nianbao: there is no check called 'nope'") and "Traceback" not in result.stderr


def test_extract_shows_only_what_is_known():
    huancui = next(SAMPLES.glob("000_*"))
    result = nianbao("extract", str(huancui))
    assert "template:  no standard tables found" in result.stdout
    assert "None" not in result.stdout
    lines = result.stdout.splitlines()
    assert any(line.endswith(" figures") or line.endswith(" figure") for line in lines)


def test_extract_prints_one_object_or_an_array_in_argument_order():
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    one = json.loads(nianbao("extract", files[0], "--json").stdout)
    assert isinstance(one, dict) and one["title"]
    many = json.loads(nianbao("extract", files[2], files[0], "--json").stdout)
    assert [Path(r["source"]).name for r in many] == [Path(files[2]).name, Path(files[0]).name]


def test_extract_of_a_bad_file_names_it_and_the_reason(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = nianbao("extract", str(bad), "--json")
    assert result.returncode == 1
    assert "bad.txt: the file is empty" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (("search", "x", "--index", "/nonexistent/idx"), "no index"),
        (("index", "--corpus", "/nonexistent/corpus", "--index", "/tmp/nianbao-test-idx"), "does not exist"),
        (("search", "x", "--page", "0"), "page"),
        (("search", "x", "--where", "garbage"), "condition"),
        (("search", "x", "--config", "/nonexistent.toml"), "does not exist"),
    ],
)
def test_user_errors_are_plain_messages_with_exit_status_2(workspace, args, message):
    result = nianbao(*args, cwd=workspace)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_index_exit_status_is_1_when_a_file_fails(tmp_path):
    corpus = tmp_path / "c"
    shutil.copytree(SAMPLES, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    result = nianbao("index", "--corpus", str(corpus), "--index", str(tmp_path / "i"))
    assert result.returncode == 1
    assert "empty.txt: the file is empty" in result.stderr


def test_sort_by_a_metric_descending_with_a_leading_dash(workspace):
    result = nianbao("search", "--sort", "-active.penalty.decisions", "--json", cwd=workspace)
    assert result.returncode == 0, result.stderr
    sources = [Path(r["source"]).name[:3] for r in json.loads(result.stdout)["results"]]
    assert sources[:2] == ["002", "003"]  # 212 and 68 行政处罚 decisions


def test_where_selects_exactly_the_reports_over_the_threshold(workspace):
    result = nianbao("search", "--where", "active.penalty.decisions>=50", "--json", cwd=workspace)
    assert sorted(Path(r["source"]).name[:3] for r in json.loads(result.stdout)["results"]) == ["002", "003"]


def test_a_page_past_the_last_says_which_page_is_last(workspace):
    result = nianbao("search", "行政处罚", "--page", "3", "--page-size", "2", cwd=workspace)
    assert result.returncode == 0
    assert result.stdout.splitlines()[:2] == [
        "4 reports for “行政处罚”",
        "page 3 is past the last page (2): use --page 2, or leave --page out for the first",
    ]


def test_extract_gives_the_reports_web_address_when_the_file_carries_one(tmp_path):
    body = (SAMPLES / "003_f90b525eb7280150.txt").read_text(encoding="utf-8")
    crawled = tmp_path / "crawled.txt"
    crawled.write_text("标题: 招远市卫生健康局2023年政府信息公开工作年度报告\n"
                       "原文链接: https://www.zhaoyuan.gov.cn/art/2024/1/20/art_1.html\n"
                       "==================== 正文 ====================\n" + body, encoding="utf-8")
    shown = nianbao("extract", str(crawled)).stdout
    assert "  address:   https://www.zhaoyuan.gov.cn/art/2024/1/20/art_1.html" in shown.splitlines()
    assert "address" not in nianbao("extract", str(SAMPLES / "003_f90b525eb7280150.txt")).stdout
