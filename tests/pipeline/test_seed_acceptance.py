"""The user's seed article reads as shared/acceptance/seed.yaml says (skipped without ../shared)."""

from __future__ import annotations

from dyadline.evaluation.acceptance import load_acceptance, score_acceptance


def test_seed_events_resolutions_flags_and_must_not(seed_coded, shared) -> None:  # type: ignore[no-untyped-def]
    spec, _ = load_acceptance(shared / "acceptance" / "seed.yaml")
    result = score_acceptance(spec, seed_coded)
    assert len(result.matched) >= 9, (result.missed, result.near_misses)
    assert all(status == "ok" for _, status in result.must_not), result.must_not
    assert all(status == "ok" for _, status in result.resolutions), result.resolutions
    assert all(status.startswith("ok") for _, status in result.flags), result.flags


def test_seed_event_dates_are_not_the_publication_day_when_the_text_dates_them(seed_coded) -> None:  # type: ignore[no-untyped-def]
    by_trigger = {e.trigger.text.split()[0].lower(): e for e in seed_coded.events}
    trump = next(e for e in seed_coded.events if e.target and e.target.name == "Donald Trump"
                 and e.cameo.startswith("05") and e.source and e.source.country == "RUS")
    assert trump.date.start is not None and trump.date.start.year == 2016
    assert trump.date.end is not None and trump.date.end.year == 2016
    tagged = by_trigger["tagged"]
    assert (tagged.date.start.isoformat(), tagged.date.end.isoformat()) == ("2020-10-21", "2020-10-31")  # type: ignore[union-attr]
