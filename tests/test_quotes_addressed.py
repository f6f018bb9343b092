"""Who was spoken to is not who spoke (issue 13): the passive subject of a verb
of addressing ("the jury was told", "residents were urged") listened; an agent
("was told by X") spoke. Invented texts."""
from __future__ import annotations

from tests.helpers import article_speakers as _speakers


def test_the_passive_subject_of_told_is_no_speaker_and_carries_no_earlier_one():
    text = ('"The lorry was never checked," Inspector Wren Dalby said.\n\n'
            'The tribunal was told: "Every brake on that lorry had worn through."\n\n'
            'The committee was warned that "the next one will not stop in time".')
    found = _speakers(text)
    assert found["The lorry was"] == "Wren Dalby"
    assert found["Every brake on"] is None
    assert found["the next one"] is None


def test_residents_urged_by_a_named_official_hear_that_official():
    text = ('Residents were urged by fire chief Ola Brecken: "Leave now and take your medicines with you."')
    assert _speakers(text)["Leave now and"] == "Ola Brecken"
