"""The benchmark (bench/): its corpus generator, and a small run of the whole benchmark command.

No figure is asserted: the smoke run checks that every step ran and wrote its
results, so that the benchmark keeps working as the code changes.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_generated_prose_is_not_repeated_between_reports():
    mc = _module("make_corpus")
    paragraphs: Counter[str] = Counter()
    sentences: Counter[str] = Counter()
    for i in range(300):
        for block in mc.report_of(mc.spec_of(i)).blocks:
            if isinstance(block, str) and len(block) > 40:
                paragraphs[block] += 1
                sentences.update(set(s for s in re.findall(r"[^。！？；]+[。！？；]?", block) if len(s) >= 12))
    assert paragraphs and max(paragraphs.values()) == 1
    repeated = sum(1 for n in sentences.values() if n > 1)
    assert repeated / len(sentences) < 0.01, sentences.most_common(5)


def test_report_files_depend_only_on_seed_and_number(tmp_path):
    mc = _module("make_corpus")
    mc.generate(tmp_path / "a", 40, seed=3)
    mc.generate(tmp_path / "b", 60, seed=3, start=20)
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    shared = first.keys() & second.keys()
    assert len(shared) == 20 and all(first[k] == second[k] for k in shared)
    assert {k.suffix for k in first} >= {".html", ".pdf", ".docx", ".txt"}


def test_a_larger_corpus_starts_from_a_smaller_one_of_the_same_seed(tmp_path):
    run = _module("run")
    args = lambda n: type("Args", (), {"corpus": None, "work": tmp_path, "reports": n, "seed": 5})()  # noqa: E731
    small, _ = run.prepare_corpus(args(12))
    large, info = run.prepare_corpus(args(20))
    fresh = tmp_path / "fresh"
    _module("make_corpus").generate(fresh, 20, seed=5)
    files = lambda d: {p.relative_to(d): p.read_bytes() for p in d.rglob("*") if p.is_file() and p.name[0] != "."}  # noqa: E731
    assert files(large) == files(fresh) and info["reports"] == 20
    assert len(files(small)) == 12  # the smaller corpus is left whole


def test_jieba_yardstick_over_every_kth_report_scales_to_the_whole_text(tmp_path):
    for i in range(9):
        (tmp_path / f"{i}.txt").write_text("政府信息公开工作年度报告，本机关认真贯彻落实条例。" * (i + 1), encoding="utf-8")
    out = lambda *a: json.loads(subprocess.run([sys.executable, str(ROOT / "bench" / "jieba_baseline.py"),  # noqa: E731
                                                str(tmp_path), *a], capture_output=True, text=True,
                                               check=True).stdout)
    whole, sampled = out(), out("--every", "3")
    assert sampled["chars"] == whole["chars"] and sampled["every"] == 3
    assert sampled["timed_chars"] == sum(len("政府信息公开工作年度报告，本机关认真贯彻落实条例。") * (i + 1) for i in (0, 3, 6))


def test_benchmark_command_runs_every_step(tmp_path):
    out = tmp_path / "results"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--reports", "40", "--smoke",
                           "--work", str(tmp_path / "work"), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=3600)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads((out / "bench-40.json").read_text(encoding="utf-8"))
    assert result["text"]["reports"] == 40
    kinds = {row["kind"] for row in result["queries"]["rows"]}
    assert len(kinds) >= 10 and result["queries"]["errors"] == 0  # every kind of query, each answered
    for step in ("build", "jieba", "index", "server", "cli_search", "copy_detection"):
        assert result[step], step
    assert "not run" in result["grep"]["status"]  # the smoke run leaves the grep reference out
    assert "changed_added_deleted" in result["reindex"] and "no_change" in result["reindex"]
    assert result["corpus"]["files"].keys() >= {"html", "pdf", "docx", "txt"}
    table = (out / "bench-40.md").read_text(encoding="utf-8")
    assert "jieba.cut" in table and "| target | met |" in table


def test_server_start_up_bench_answers_every_page(sample_index, samples_dir):
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "serve_startup.py"), "--index", str(sample_index),
                           "--corpus", str(samples_dir), "--runs", "1"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    run = json.loads(done.stdout.splitlines()[1])
    assert [run[page][0] for page in ("/api/search?q=&where=apply.new.total%3E%3D10",
                                      "/api/search?q=&sort=-apply.new.total", "/metrics?q=&m=apply.new.total")] == [200] * 3
    assert run["startup_s"] > 0 and run["rss_mb"] > 0
