"""spaCy loads without its command-line package, and that package still works after."""
from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
import sys
from newsfold.nlp import spacy_model
nlp = spacy_model.load()
assert [e.label_ for e in nlp("The ministry in Paris said so on Monday.").ents], "no entities"
assert not [m for m in sys.modules if m.startswith("spacy.cli")], "spacy.cli was imported"
import spacy.cli
assert callable(spacy.cli.download) and spacy.cli.__file__.endswith("__init__.py")
import spacy
assert spacy.cli is sys.modules["spacy.cli"]
print("ok")
"""


def test_the_model_loads_without_spacy_cli_and_spacy_cli_imports_later():
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_python_dash_m_newsfold_runs_the_command_line():
    done = subprocess.run([sys.executable, "-m", "newsfold", "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "summarize" in done.stdout


def test_cached_parses_keep_no_tensor_but_every_annotation():
    from newsfold.nlp import spacy_model

    text = "The ministry in Paris said on Monday that 12 people were hurt. Officials met later."
    doc = spacy_model.parse([text])[0]
    assert doc.tensor.size == 0
    assert [t.tag_ for t in doc][:2] == ["DT", "NN"] and len(list(doc.sents)) == 2
    assert "Paris" in {e.text for e in doc.ents}
    lean = spacy_model.parse([text + " More later."], entities=False)[0]
    assert lean.tensor.size == 0 and lean.has_annotation("DEP")
