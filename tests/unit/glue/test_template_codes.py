"""Compiled templates kept between builds (glue.build.TemplateCodes): a second process
reads them instead of compiling; an edited template, a damaged entry or a folder that
cannot be written still renders what the source says."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, FileSystemLoader

from opencommittee.glue.build import TemplateCodes, template_folder


def _env(source: Path, codes: TemplateCodes) -> Environment:
    return Environment(loader=FileSystemLoader(source), bytecode_cache=codes, autoescape=True)


def _compiles(env: Environment, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    compile_source = env.compile

    def counted(source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        seen.append(str(name))
        return compile_source(source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(env, "compile", counted)
    return seen


def test_a_second_environment_reads_the_kept_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, folder = tmp_path / "templates", tmp_path / "codes"
    source.mkdir()
    (source / "t.html").write_text("<p>{{ x }}</p>", encoding="utf-8")
    first = _env(source, TemplateCodes(folder))
    assert first.get_template("t.html").render(x="<a>") == "<p>&lt;a&gt;</p>"
    assert len(list(folder.glob("*.jinja"))) == 1
    # a new process: nothing in memory, the folder has the code
    second = _env(source, TemplateCodes(folder))
    compiled = _compiles(second, monkeypatch)
    assert second.get_template("t.html").render(x="b") == "<p>b</p>"
    assert compiled == []
    # the template is edited: compiled anew, not the kept code
    (source / "t.html").write_text("<div>{{ x }}</div>", encoding="utf-8")
    third = _env(source, TemplateCodes(folder))
    compiled = _compiles(third, monkeypatch)
    assert third.get_template("t.html").render(x="b") == "<div>b</div>"
    assert compiled == ["t.html"]


def test_a_damaged_entry_is_compiled_again(tmp_path: Path) -> None:
    source, folder = tmp_path / "templates", tmp_path / "codes"
    source.mkdir()
    (source / "t.html").write_text("{{ 1 + 2 }}", encoding="utf-8")
    _env(source, TemplateCodes(folder)).get_template("t.html")
    for entry in folder.glob("*.jinja"):
        entry.write_bytes(entry.read_bytes()[:40])  # cut short
    assert _env(source, TemplateCodes(folder)).get_template("t.html").render() == "3"


def test_a_folder_that_cannot_be_written_keeps_codes_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    codes = TemplateCodes(blocker / "codes")
    env = Environment(loader=DictLoader({"t": "{{ 'ok' }}"}), bytecode_cache=codes)
    assert env.get_template("t").render() == "ok"
    assert codes.folder is None and len(codes.codes) == 1


def test_where_the_codes_are_kept(tmp_path: Path) -> None:
    assert template_folder({"OC_TEMPLATE_CACHE": "0"}) is None
    chosen = template_folder({"OC_TEMPLATE_CACHE": str(tmp_path)})
    assert chosen is not None and chosen.parent == tmp_path and chosen.name.startswith("templates-")
    home = template_folder({"XDG_CACHE_HOME": str(tmp_path)})
    assert home is not None and home.parent == tmp_path / "opencommittee"
    assert home.name == chosen.name  # the same versions, the same name
