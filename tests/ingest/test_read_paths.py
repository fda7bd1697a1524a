"""read_paths: files, directories and standard input to articles and failures."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventcoder.errors import UsageError
from eventcoder.ingest import read_paths
from eventcoder.types import Article, ArticleFailure

GOOD = "The foreign ministers of Norway and Chile met in Oslo on Monday."


def read(paths: list[str | Path], **kwargs: object) -> list[Article | ArticleFailure]:
    return list(read_paths([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def only(items: list[Article | ArticleFailure]) -> Article | ArticleFailure:
    assert len(items) == 1, items
    return items[0]


# -- text files ---------------------------------------------------------------------------


def test_txt_file_is_one_article_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "oslo.txt"
    path.write_text(GOOD + "  \r\n", encoding="utf-8")
    article = only(read([path], published="2024-03-15", source="Wire"))
    assert article == Article(id="oslo.txt", text=GOOD, published="2024-03-15", source="Wire")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty article"),
        ("blank.txt", b"  \n\t\r\n  \n", "empty article"),
        ("nul.txt", b"text\x00with a NUL", "binary content"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
        ("latin1.txt", "Gen\u00e8ve talks".encode("latin-1"), "cannot decode as UTF-8"),
        ("big.txt", b"x" * 101, "article too large: 101 bytes, limit 100 bytes"),
        ("report.pdf", b"%PDF-1.7", "unsupported file type .pdf"),
        ("README", b"text", "unsupported file type (no extension)"),
    ],
)
def test_bad_file_fails_alone_with_its_name_and_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    failure, article = read([bad, good], max_bytes=100)
    assert isinstance(failure, ArticleFailure)
    assert reason in failure.reason
    assert failure.where == str(bad)
    assert failure.article_id in (name, str(bad))
    assert isinstance(article, Article) and article.id == "good.txt"


def test_missing_file_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    failure = only(read([missing]))
    assert failure == ArticleFailure(str(missing), "no such file", str(missing))


def test_oversized_file_is_not_read_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 50_000)
    failure = only(read([path], max_bytes=1000))
    assert isinstance(failure, ArticleFailure)
    assert failure.reason == "article too large: 250000 bytes, limit 1000 bytes"


# -- JSONL --------------------------------------------------------------------------------


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_become_articles(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "feed.jsonl",
        [
            json.dumps({"id": "a1", "text": GOOD, "published": "2023-11-04T09:30:00Z", "source": "Wire",
                        "url": "https://example.org/a1", "title": "Ministers meet"}),
            json.dumps({"id": 42, "text": "Rebels attacked a convoy."}),
            "",
            json.dumps({"text": "Protesters marched in Lima.", "published": None}),
        ],
    )
    first, second, third = read([path], published="2024-01-01", source="Default")
    assert first == Article("a1", GOOD, "2023-11-04", "Wire", "https://example.org/a1", "Ministers meet")
    assert second == Article("42", "Rebels attacked a convoy.", "2024-01-01", "Default")
    assert third == Article("feed.jsonl:4", "Protesters marched in Lima.", "2024-01-01", "Default")


@pytest.mark.parametrize(
    ("line", "article_id", "reason"),
    [
        ("this is not json", "feed.jsonl:2", "not valid JSON"),
        ('{"id": "x", "text": "unterminated', "feed.jsonl:2", "not valid JSON"),
        ('["a list", "of strings"]', "feed.jsonl:2", "not a JSON object (found an array)"),
        ('"just a string"', "feed.jsonl:2", "not a JSON object (found a string)"),
        ('{"id": "n1", "title": "no text"}', "n1", "missing 'text' field"),
        ('{"id": "n2", "text": ["a", "b"]}', "n2", "'text' must be a string, not an array"),
        ('{"id": "n3", "text": 12}', "n3", "'text' must be a string, not a number"),
        ('{"id": "n4", "text": ""}', "n4", "empty article"),
        ('{"id": "n5", "text": "   "}', "n5", "empty article"),
        ('{"id": "n6", "text": "ok", "published": "last Tuesday"}', "n6", "bad published date 'last Tuesday'"),
        ('{"id": "n7", "text": "ok", "published": 20231104}', "n7", "'published' must be a string"),
        ('{"id": "n8", "text": "ok", "source": ["x"]}', "n8", "'source' must be a string"),
        ('{"id": {"x": 1}, "text": "ok"}', "feed.jsonl:2", "'id' must be a string or an integer"),
        ('{"id": "n9", "text": "bell\\u0001\\u0002\\u0003\\u0004\\u0005"}', "n9", "binary content"),
    ],
)
def test_malformed_jsonl_line_fails_alone(tmp_path: Path, line: str, article_id: str, reason: str) -> None:
    path = write_lines(
        tmp_path / "feed.jsonl",
        [json.dumps({"id": "ok1", "text": GOOD}), line, json.dumps({"id": "ok2", "text": GOOD})],
    )
    first, failure, last = read([path])
    assert isinstance(failure, ArticleFailure)
    assert failure.article_id == article_id
    assert failure.where == f"{path}:2"
    assert reason in failure.reason
    assert isinstance(first, Article) and first.id == "ok1"
    assert isinstance(last, Article) and last.id == "ok2"


def test_jsonl_line_with_invalid_utf8_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "ok"}\n')
    items = read([path])
    assert [type(i).__name__ for i in items] == ["Article", "ArticleFailure", "Article"]
    failure = items[1]
    assert isinstance(failure, ArticleFailure)
    assert failure.article_id == "feed.jsonl:2" and "cannot decode as UTF-8" in failure.reason


def test_overlong_jsonl_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    long_line = json.dumps({"id": "long", "text": "word " * 40_000})
    path.write_text(long_line + "\n" + json.dumps({"id": "after", "text": GOOD}) + "\n", encoding="utf-8")
    failure, article = read([path], max_bytes=1000)
    assert isinstance(failure, ArticleFailure)
    assert failure.where == f"{path}:1" and "article too large" in failure.reason
    assert isinstance(article, Article) and article.id == "after"


def test_jsonl_text_over_the_limit_fails(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "feed.jsonl", [json.dumps({"id": "big", "text": "x" * 150})])
    failure = only(read([path], max_bytes=100))
    assert isinstance(failure, ArticleFailure) and failure.article_id == "big"
    assert "article too large: 150 bytes" in failure.reason


def test_jsonl_is_read_lazily(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "feed.jsonl", [json.dumps({"id": str(i), "text": GOOD}) for i in range(5)])
    items = read_paths([str(path)])
    assert next(items).id == "0"  # type: ignore[union-attr]
    with path.open("a", encoding="utf-8") as f:  # still open and streaming: sees appended lines
        f.write(json.dumps({"id": "late", "text": GOOD}) + "\n")
    assert [i.id for i in items] == ["1", "2", "3", "4", "late"]  # type: ignore[union-attr]


# -- CSV ----------------------------------------------------------------------------------


def test_csv_rows_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "\ufeffID,Text,published,extra\n"
        f'r1,"{GOOD}",2023-11-04T08:00:00,ignored\n'
        ',"Two lines,\nwith a comma.",,\n'
        "\n"
        "r3,Police detained a journalist.,,\n",
        encoding="utf-8",
    )
    first, second, third = read([path], published="2024-02-02")
    assert first == Article("r1", GOOD, "2023-11-04")
    assert second == Article("rows.csv:3", "Two lines,\nwith a comma.", "2024-02-02")
    assert third == Article("r3", "Police detained a journalist.", "2024-02-02")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("id,body\n1,Some text\n", "CSV header has no 'text' column"),
        ("", "empty CSV file"),
    ],
)
def test_csv_without_text_column_is_one_failure(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    failure = only(read([path]))
    assert isinstance(failure, ArticleFailure)
    assert failure.article_id == "bad.csv" and failure.where == str(path)
    assert reason in failure.reason


@pytest.mark.parametrize(
    ("row", "article_id", "reason"),
    [
        (b"c2,,2023-01-01", "c2", "empty article"),
        (b"c2", "c2", "missing 'text' field"),
        (b"c2,Some text,not a date", "c2", "bad published date"),
        (b"c2,caf\xe9 text,", "c2", "cannot decode as UTF-8"),
    ],
)
def test_bad_csv_row_fails_alone(tmp_path: Path, row: bytes, article_id: str, reason: str) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b"id,text,published\nc1,Good text.,\n" + row + b"\nc3,More text.,\n")
    first, failure, last = read([path])
    assert isinstance(failure, ArticleFailure)
    assert (failure.article_id, failure.where) == (article_id, f"{path}:3")
    assert reason in failure.reason
    assert isinstance(first, Article) and isinstance(last, Article) and last.id == "c3"


# -- directories --------------------------------------------------------------------------


def test_directory_mixing_good_and_bad_files(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.txt").write_text(GOOD, encoding="utf-8")
    (root / "a.txt").write_bytes(b"")
    (root / "sub" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": GOOD}) + "\nnot json\n", encoding="utf-8"
    )
    (root / "sub" / "deeper" / "d.csv").write_text(f'text\n"{GOOD}"\n', encoding="utf-8")
    (root / "sub" / "notes.md").write_text("ignored", encoding="utf-8")
    (root / ".hidden" / "e.txt").write_text("ignored", encoding="utf-8")
    (root / ".f.txt").write_text("ignored", encoding="utf-8")
    items = read([root])
    summary = [
        (i.id, None) if isinstance(i, Article) else (i.article_id, i.reason.split(" (")[0]) for i in items
    ]
    assert summary == [
        ("a.txt", "empty article"),
        ("b.txt", None),
        ("c1", None),
        ("sub/c.jsonl:2", "not valid JSON"),
        ("sub/deeper/d.csv:2", None),
    ]
    assert isinstance(items[0], ArticleFailure) and items[0].where == str(root / "a.txt")


# -- standard input -----------------------------------------------------------------------


def test_stdin_text_is_one_article_called_stdin() -> None:
    stdin = io.BytesIO(("\ufeff" + GOOD + "\n{not json at line start}").encode())
    article = only(read(["-"], published="2023-11-04", stdin=stdin))
    assert article == Article("stdin", GOOD + "\n{not json at line start}", "2023-11-04")


def test_stdin_jsonl_is_read_line_by_line() -> None:
    lines = [json.dumps({"id": "s1", "text": GOOD}), "", "  {broken", json.dumps({"text": "Talks resumed."})]
    stdin = io.BytesIO("\n".join(lines).encode())
    items = read(["-"], stdin=stdin)
    assert [type(i).__name__ for i in items] == ["Article", "ArticleFailure", "Article"]
    assert items[1] == ArticleFailure("stdin:3", items[1].reason, "stdin:3")  # type: ignore[union-attr]
    assert items[2].id == "stdin:4"  # type: ignore[union-attr]


def test_stdin_jsonl_longer_than_the_peek_streams() -> None:
    lines = [json.dumps({"id": f"s{i}", "text": GOOD}) for i in range(200)]
    stdin = io.BytesIO("\n".join(lines).encode())
    items = read(["-"], stdin=stdin, max_bytes=500)
    assert [i.id for i in items] == [f"s{i}" for i in range(200)]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty article"),
        (b"x" * 5000, "article too large: 5000 bytes, limit 100 bytes"),
        (b"\xff\xfe\x00", "cannot decode"),
    ],
)
def test_bad_stdin_is_a_failure(data: bytes, reason: str) -> None:
    failure = only(read(["-"], stdin=io.BytesIO(data), max_bytes=100))
    assert isinstance(failure, ArticleFailure) and failure.article_id == "stdin"
    assert reason in failure.reason


# -- arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paths", "published", "message"),
    [
        ([], None, "no PATH"),
        (["a.txt"], "2023-02-30", "bad --published"),
        (["a.txt"], "04/11/2023", "bad --published"),
        (["a.txt"], "2023-11-04T10:00", "bad --published"),
        (["-", "-"], None, "only be read once"),
    ],
)
def test_wrong_arguments_are_usage_errors(paths: list[str], published: str | None, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        read_paths(paths, published=published)


@pytest.mark.parametrize("size", [200_000, 2_000_000])
def test_csv_field_over_the_limit_fails_and_the_next_row_is_read(tmp_path: Path, size: int) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f"id,text\nbig,{'x' * size}\nsmall,Talks resumed.\n", encoding="utf-8")
    failure, article = read([path], max_bytes=1000)
    assert isinstance(failure, ArticleFailure)
    assert failure.where == f"{path}:2" and "article too large" in failure.reason
    assert isinstance(article, Article) and article.id == "small"


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_binary_file_with_a_text_extension_is_one_failure(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"archive{suffix}"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 50 + b"\n" + b"\x00\xff\n" * 20)
    failure = only(read([path]))
    assert isinstance(failure, ArticleFailure)
    assert (failure.article_id, failure.where, failure.reason) == (path.name, str(path), "binary content, not text")
