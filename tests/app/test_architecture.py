"""The domain never imports Kivy: it must run, and be tested, without a UI."""
import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def imported_modules(path: Path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_app_never_imports_kivy():
    offenders = [(str(p.relative_to(APP)), m) for p in APP.rglob("*.py") for m in imported_modules(p)
                 if m == "kivy" or m.startswith("kivy.")]
    assert offenders == []


def test_the_checker_would_notice(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from kivy.app import App\n")
    assert list(imported_modules(sample)) == ["kivy.app"]
