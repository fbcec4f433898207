"""The passes of the resolve stage: one contract, run in the numbered order of resolve()."""

import copy
import inspect
import re
from dataclasses import replace

import briefing.resolve
from briefing.resolve import passes
from briefing.resolve.curation import Curation
from briefing.resolve.state import Resolution

from .test_resolve import _corpus_and_extractions

_STEP = re.compile(r"^\s+state = passes\.(\w+)\(state\)  # (\d+) ([\w ]+)$", re.M)


def _steps() -> list[tuple[int, str]]:
    source = inspect.getsource(briefing.resolve.resolve)
    return [(int(number), name) for name, number, _ in _STEP.findall(source)]


def test_resolve_runs_every_pass_once_in_numbered_order() -> None:
    steps = _steps()
    assert [number for number, _ in steps] == list(range(1, len(steps) + 1))
    defined = [
        name
        for name, fn in inspect.getmembers(passes, inspect.isfunction)
        if fn.__module__ == passes.__name__
    ]
    assert sorted(name for _, name in steps) == sorted(defined)


def test_the_module_docstring_lists_the_passes_in_the_same_order() -> None:
    listed = re.findall(r"^(\d+)\. \*\*([^*]+)\*\*", briefing.resolve.__doc__, re.M)
    source = inspect.getsource(briefing.resolve.resolve)
    run = [(number, title) for _, number, title in _STEP.findall(source)]
    assert listed == run  # same numbers, same titles, same order


def test_every_pass_returns_a_new_state_and_leaves_its_input_alone() -> None:
    reuters = [("Reuters reported it.", "Reuters/ORG")] * 5
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Hayat Tahrir al-Sham (HTS) took Aleppo.", "Hayat Tahrir al-Sham/ORG;Aleppo/GPE"),
                ("Hayat Tahrir and HTS advanced.", "Hayat Tahrir/ORG"),
                ("President Bashar al-Assad said Assad would stay.", "Bashar al-Assad/PERSON"),
                ("Assad spoke in Damascus.", "Assad/PERSON;Damascus/GPE"),
                ("Abdul Hamid Dbeibah and Abdul Hamid Dbeiba met.", "Abdul Hamid Dbeibah/PERSON"),
                ("Abdul Hamid Dbeiba left.", "Abdul Hamid Dbeiba/PERSON"),
                (
                    "The Alawite sect and the State said the state fell.",
                    "Alawite/NORP/amod;State/ORG",
                ),
                ("Rueters said so.", "Rueters/ORG"),
                *reuters,
            ]
        }
    )
    curation = Curation(merge=(("Reuters", "Damascus"),), drop=frozenset({"aleppo"}))
    state = Resolution.start(corpus, extractions, "T", "DMY", curation, None)
    for _, name in _steps():
        before = copy.deepcopy(state)
        after = getattr(passes, name)(state)
        assert isinstance(after, Resolution) and after is not state, name
        assert replace(before, gazetteer=state.gazetteer) == state, f"{name} changed its input"
        state = after
    names = {e.name: {a.text for a in e.aliases} for e in state.entities}
    assert {"HTS", "Hayat Tahrir"} < names["Hayat Tahrir al-Sham"]
    assert "Assad" in names["Bashar al-Assad"]
    assert {"Abdul Hamid Dbeiba", "Abdul Hamid Dbeibah"} == names["Abdul Hamid Dbeiba"]
    assert {"Rueters", "Damascus"} < names["Reuters"]
    assert not {"Aleppo", "Alawite", "State"} & names.keys()
    assert state.briefing().entities == state.entities
