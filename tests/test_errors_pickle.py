"""Errors keep their code, message and place across a pickle (process boundaries)."""

from __future__ import annotations

import pickle

import pytest

from dyadline.errors import DataFileError, DyadlineError, InputError, StoreError


@pytest.mark.parametrize("cls", [DyadlineError, DataFileError, InputError, StoreError])
def test_error_survives_pickle(cls: type[DyadlineError]) -> None:
    err = cls("E123", "something is wrong: fix it", where="file.tsv:4")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert (back.code, back.message, back.where, str(back)) == (err.code, err.message, err.where, str(err))
